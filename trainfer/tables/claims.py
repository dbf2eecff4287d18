"""The claims ledger page: each claim of the article with its verdict and links to its evidence,
each named for a reader (the table, the row, the figure it gives; the notebook's title)."""

from __future__ import annotations

import json
from collections import Counter
from html import escape
from pathlib import Path

from trainfer.i18n.notebooks import unit_path
from trainfer.i18n.units import OK, Gap, load_units, resolve
from trainfer.security.sanitize import plain_md
from trainfer.slots import Slots
from trainfer.tables.derived import derived_values
from trainfer.tables.display import display_of, linked, number_text, shown_unit

VERDICTS = ("verified", "partly", "unverified", "contradicted")
TIGHT_UNITS = ("%", "×")  # written against the number: 74.9%, 7.96×


def notebook_titles(folder: Path, root: Path, language: str | None) -> tuple[dict, list[Gap]]:
    """Each notebook's title by stem, in `language` where its translation is fresh (None: the
    English), and the titles that stay English."""
    titles, gaps = {}, []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            title = json.loads(path.read_text(encoding="utf-8"))["metadata"]["trainfer"]["title"]
        except (ValueError, KeyError, TypeError):
            continue  # the notebooks plugin reports a notebook without its metadata
        if language:
            units = unit_path(root, language, path.stem)
            title, state = resolve(title, load_units(units).get("title"), units, "title")
            if state != OK:
                gaps.append(Gap(str(units), "title", state, title))
        titles[path.stem] = str(title)
    return titles, gaps


def row_figure(table, row: dict, extra: dict, t: dict) -> str | None:
    """The figure a citation of the row points at, with its label and unit, or None."""
    show = display_of(table)
    values = {**row, **extra}
    key = next((k for k in show.figures if values.get(k) is not None), None)
    if key is None:
        return None
    column = next(c for c in table.columns if c.key == key)
    unit = values.get(show.figure_unit) if show.figure_unit else shown_unit(column.label, column.unit)
    value = number_text(values[key]) + (("" if unit in TIGHT_UNITS else " ") + unit if unit else "")
    return t["evidence_figure"].format(label=column.label, value=value) if show.figure_label else value


def row_name(table, row: dict) -> str:
    """What a reader calls the row: its name columns, filled ones only, joined."""
    names = [str(row[k]) for k in display_of(table).name if row.get(k) not in (None, "")]
    return ", ".join(names) or str(row.get("id", ""))


def evidence_link(ref: str, tables: dict, t: dict, titles: dict | None = None,
                  pages: str = "benchmarks") -> str:
    """A link to a data row (`table:id`, on its table page) or a notebook (`notebooks/<stem>/`),
    labelled by what it is."""
    if ref.startswith("notebooks/"):
        stem = ref.strip("/").split("/", 1)[1]
        title = (titles or {}).get(stem, stem)
        return f'<a href="../notebooks/{escape(stem)}/">{escape(t["notebook"].format(title=title))}</a>'
    name, _, row_id = ref.partition(":")
    table = tables[name]
    index = next(i for i, row in enumerate(table.rows) if row.get("id") == row_id)
    row = table.rows[index]
    figure = row_figure(table, row, derived_values(table)[index], t)
    words = {"table": table.title, "row": row_name(table, row), "figure": figure}
    label = t["evidence_row" if figure else "evidence_row_plain"].format(**words)
    return f'<a href="../{pages}/{escape(name)}/#row-{escape(row_id)}">{escape(label)}</a>'


def claim_html(row: dict, tables: dict, t: dict, rendering: bool = True,
               titles: dict | None = None, pages: str = "benchmarks") -> str:
    """One claim: verdict badge, its English rendering (where the page is not in the article's
    language), the Chinese quotation, finding, evidence, sources (their URLs as links)."""
    verdict = row["verdict"]
    said = f" {escape(row['text_en'])}" if rendering else ""
    links = "".join(f"<li>{evidence_link(ref, tables, t, titles, pages)}</li>"
                    for ref in row.get("evidence") or [])
    sources = "".join(f"<li>{linked(s)}</li>" for s in row.get("sources") or [])
    return (
        f'<article class="tf-claim" id="{escape(row["id"])}" data-verdict="{escape(verdict)}">'
        f'<p class="tf-claim-head"><span class="tf-badge tf-badge-{escape(verdict)}">'
        f"{escape(t['verdicts'].get(verdict, verdict))}</span>{said}</p>"
        f'<blockquote lang="zh" class="tf-claim-zh">{escape(row["text_zh"])}</blockquote>'
        f'<p class="tf-claim-finding">{escape(row["finding"])}</p>'
        f'<details><summary>{escape(t["evidence"])}</summary><ul class="tf-evidence">{links}</ul>'
        f'<p class="tf-sources-head">{escape(t["sources"])}</p>'
        f'<ul class="tf-sources">{sources}</ul></details></article>'
    )


def claims_page(claims, tables: dict, t: dict, rendering: bool = True,
                titles: dict | None = None, pages: str = "benchmarks") -> tuple[str, Slots]:
    """Markdown for /claims/: a tally of verdicts, then every claim (`rendering`: with the
    English rendering of each quotation; off where the page speaks the article's language)."""
    slots = Slots()
    tally = Counter(row["verdict"] for row in claims.rows)
    summary = t["tally_separator"].join(
        t["tally_item"].format(count=tally.get(v, 0), verdict=t["verdicts"].get(v, v))
        for v in VERDICTS)
    parts = [
        f"# {plain_md(claims.title)}",
        claims.description,
        t["tally"].format(count=len(claims.rows), summary=summary),
        slots.mark("".join(claim_html(row, tables, t, rendering, titles, pages)
                           for row in claims.rows)),
        f'<p><a href="../{pages}/claims.csv" download>{escape(t["download"])}</a></p>',
    ]
    return "\n\n".join(parts) + "\n", slots

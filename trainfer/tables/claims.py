"""The claims ledger page: each claim of the article with its verdict and links to its evidence."""

from __future__ import annotations

from collections import Counter
from html import escape

from trainfer.security.sanitize import plain_md
from trainfer.slots import Slots

VERDICTS = ("verified", "partly", "unverified")


def evidence_link(ref: str, tables: dict, t: dict) -> str:
    """A link to a data row (`table:id`, on its table page) or a notebook (`notebooks/<stem>/`)."""
    if ref.startswith("notebooks/"):
        stem = ref.strip("/").split("/", 1)[1]
        return f'<a href="../notebooks/{escape(stem)}/">{escape(t["notebook"].format(stem=stem))}</a>'
    table, _, row = ref.partition(":")
    title = tables[table].title if table in tables else table
    return (f'<a href="../benchmarks/{escape(table)}/#row-{escape(row)}" '
            f'title="{escape(title)}">{escape(table)}: {escape(row)}</a>')


def claim_html(row: dict, tables: dict, t: dict, rendering: bool = True) -> str:
    """One claim: verdict badge, its English rendering (where the page is not in the article's
    language), the Chinese quotation, finding, evidence."""
    verdict = row["verdict"]
    said = f" {escape(row['text_en'])}" if rendering else ""
    links = "".join(f"<li>{evidence_link(ref, tables, t)}</li>" for ref in row.get("evidence") or [])
    sources = "".join(f"<li>{escape(s)}</li>" for s in row.get("sources") or [])
    return (
        f'<article class="tf-claim" id="{escape(row["id"])}" data-verdict="{escape(verdict)}">'
        f'<p class="tf-claim-head"><span class="tf-badge tf-badge-{escape(verdict)}">'
        f"{escape(t['verdicts'].get(verdict, verdict))}</span>{said}</p>"
        f'<blockquote lang="zh" class="tf-claim-zh">{escape(row["text_zh"])}</blockquote>'
        f'<p class="tf-claim-finding">{escape(row["finding"])}</p>'
        f'<details><summary>{escape(t["evidence"])}</summary><ul class="tf-evidence">{links}</ul>'
        f'<ul class="tf-sources">{sources}</ul></details></article>'
    )


def claims_page(claims, tables: dict, t: dict, rendering: bool = True) -> tuple[str, Slots]:
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
        slots.mark("".join(claim_html(row, tables, t, rendering) for row in claims.rows)),
        f'<p><a href="../benchmarks/claims.csv" download>{escape(t["download"])}</a></p>',
    ]
    return "\n\n".join(parts) + "\n", slots

"""Tables as pages: an HTML table (units in headers), a CSV of exactly the data rows, a chart."""

from __future__ import annotations

import csv
import io
import json
from html import escape

from mkdocs.utils import get_relative_url

from trainfer.charts import chart_html
from trainfer.security.sanitize import plain_md
from trainfer.slots import Slots

TABLE_SCRIPTS = ("assets/vendor/tablesort/tablesort.min.js",
                 "assets/vendor/tablesort/tablesort.number.min.js", "assets/trainfer/tables.js")


def has_tables(html: str) -> bool:
    """Whether a page's HTML holds a generated table."""
    return 'class="tf-table"' in html


def table_scripts(page_url: str) -> str:
    """Sorting (the vendored tablesort) and filtering for the page's tables."""
    return "\n".join(f'<script src="{escape(get_relative_url(u, page_url))}" defer></script>'
                     for u in TABLE_SCRIPTS)


def header(column) -> str:
    """A column header with its unit."""
    unit = f' <span class="tf-unit">({escape(column.unit)})</span>' if column.unit else ""
    return escape(column.label) + unit


def cell(column, value) -> str:
    """One cell: blank stays blank; numbers keep the file's precision; URLs become links."""
    if value is None or value == "":
        return '<td class="tf-blank"></td>'
    if column.kind == "number":
        shown = f"{value:,.4g}" if isinstance(value, float) and abs(value) < 1e-3 else f"{value:,}"
        return f'<td class="tf-num" data-sort="{value}">{escape(shown)}</td>'
    if column.kind == "list" and isinstance(value, (list, tuple)):
        return "<td>" + "<br>".join(cell_text(column, v) for v in value) + "</td>"
    return f"<td>{cell_text(column, value)}</td>"


def cell_text(column, value) -> str:
    """A text cell's HTML, escaped; http(s) URLs become links (anything else stays text)."""
    text = str(value)
    if text.startswith(("http://", "https://")):
        return f'<a href="{escape(text)}" rel="noopener noreferrer">{escape(text)}</a>'
    return escape(text)


def table_html(table, derived: list[dict], t: dict) -> str:
    """The table with data and derived columns; derived headers are marked as computed."""
    computed = f' <em class="tf-derived">({escape(t["computed_mark"])})</em>'
    heads = "".join(
        f'<th scope="col" tabindex="0" data-kind="{c.kind}"'
        f'{" data-sort-method=number" if c.kind == "number" else ""}>{header(c)}'
        f'{computed if c.derived else ""}</th>'
        for c in table.columns
    )
    body = []
    for row, extra in zip(table.rows, derived, strict=True):
        values = {**row, **extra}
        cells = "".join(cell(c, values.get(c.key)) for c in table.columns)
        body.append(f'<tr id="row-{escape(str(row.get("id", "")))}">{cells}</tr>')
    label = t["filter_label"].format(title=table.title)
    counts = {"shown": t["filter_shown"], "all": t["filter_all"]}
    return (
        f'<div class="tf-table-tools"><label>{escape(t["filter"])} <input type="search" '
        f'class="tf-filter" aria-label="{escape(label)}" '
        f'placeholder="{escape(t["filter_placeholder"])}"></label> '
        f'<span class="tf-shown" aria-live="polite" data-text="{escape(json.dumps(counts))}"></span> '
        f'<button type="button" class="md-button tf-export" hidden>{escape(t["filter_export"])}'
        f"</button></div>"
        f'<div class="tf-table-wrap" tabindex="0" role="region" aria-label="{escape(table.title)}">'
        f'<table class="tf-table" data-table="{escape(table.name)}">'
        f"<thead><tr>{heads}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def csv_text(table) -> str:
    """Exactly the data rows, data columns only, keyed as in the file."""
    keys = [c.key for c in table.columns if not c.derived]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keys)
    for row in table.rows:
        writer.writerow(
            ["; ".join(map(str, v)) if isinstance(v, (list, tuple)) else ("" if v is None else v)
             for v in (row.get(k) for k in keys)]
        )
    return out.getvalue()


def table_page(table, derived: list[dict], spec: dict | None, csv_name: str,
               t: dict) -> tuple[str, Slots]:
    """Markdown for a table's page: description, chart, table, download, sources.

    The title is plain text; the description and sources are Markdown, cleaned with the rest of
    the page by the sanitizer (trainfer.security)."""
    slots = Slots()
    # Wide tables want the whole width: no table of contents on these pages.
    parts = ["---\nhide:\n  - toc\n---", f"# {plain_md(table.title)}", table.description]
    if spec is not None:
        fallback = f'<p class="tf-chart-fallback">{escape(t["chart_fallback"])}</p>'
        parts.append(slots.mark(chart_html(spec, fallback=fallback)))
    parts.append(
        f'<p><a class="md-button" href="../{escape(csv_name)}" download>'
        f'{escape(t["download"].format(file=csv_name))}</a> <span class="tf-rowcount">'
        f'{escape(t["row_count"].format(rows=len(table.rows)))} '
        f"<code>{escape(table.file.as_posix())}</code></span></p>"
    )
    parts.append(slots.mark(table_html(table, derived, t)))
    if any(c.derived for c in table.columns):
        parts.append(t["computed_note"])
    if table.sources:
        parts.append(f"## {t['sources']}\n\n" + "\n".join(f"- {s}" for s in table.sources))
    return "\n\n".join(parts) + "\n", slots

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
from trainfer.tables.display import (
    breakable,
    detail_keys,
    display_of,
    linked,
    number_text,
    shown_unit,
    sort_key,
    with_unit,
)

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
    """A column header with its unit, stated once (no "Rank (rank)")."""
    unit = shown_unit(column.label, column.unit)
    return escape(column.label) + (f' <span class="tf-unit">({escape(unit)})</span>' if unit else "")


def cell(column, value, cited: bool = False) -> str:
    """One cell: blank stays blank; numbers keep the file's precision; URLs become links."""
    if value is None or value == "" or value == []:
        return f'<td class="tf-blank{" tf-num" if column.kind == "number" else ""}"></td>'
    if column.kind == "number":
        mark = " tf-cited" if cited else ""
        return (f'<td class="tf-num{mark}" data-sort="{sort_key(value)}">'
                f"{escape(number_text(value))}</td>")
    return f"<td>{cell_html(value)}</td>"


def cell_html(value) -> str:
    """A cell's content: list items one per line; http(s) URLs in text become links."""
    if isinstance(value, (list, tuple)):
        return "<br>".join(cell_html(v) for v in value)
    return linked(str(value))


def field_html(column, value) -> str:
    """A value in a row's detail: numbers as in the table, a list as a list, text with links."""
    if column.kind == "number":
        return escape(number_text(value))
    if isinstance(value, (list, tuple)):
        return '<ul class="tf-list">' + "".join(f"<li>{linked(str(v))}</li>" for v in value) + "</ul>"
    return cell_html(value)


def wide(value) -> str:
    """The class of a detail field that wants a line of its own (a list, a paragraph)."""
    return ' class="tf-wide"' if isinstance(value, (list, tuple)) or len(str(value)) > 60 else ""


def label_cell(row: dict, name: str, t: dict) -> str:
    """The row's header cell: its name and the button that opens its detail."""
    detail = f"row-{row.get('id', '')}-detail"
    button = t["details_button"].format(name=name)
    return (f'<td class="tf-label" role="rowheader" data-sort="{escape(name)}">'
            f'<button type="button" class="tf-more" aria-expanded="false" '
            f'aria-controls="{escape(detail)}" aria-label="{escape(button)}" '
            f'title="{escape(button)}"></button>{breakable(escape(name))}</td>')


def detail_row(row_id: str, columns, values: dict, span: int) -> str:
    """The row's detail, hidden until opened: the long and bookkeeping fields, labelled."""
    items = "".join(
        f'<div{wide(values[c.key])}><dt>{header(c)}</dt>'
        f'<dd data-key="{c.key}">{field_html(c, values[c.key])}</dd></div>'
        for c in columns if values.get(c.key) not in (None, "", [])
    )
    return (f'<tr class="tf-detail" id="row-{escape(row_id)}-detail" data-sort-method="none" hidden>'
            f'<td colspan="{span}"><dl class="tf-detail-list">{items}</dl></td></tr>')


def table_html(table, derived: list[dict], t: dict) -> str:
    """The table: the row header, the columns a reader compares, and a detail per row (notes,
    sources, ids) that opens on demand; derived headers are marked as computed."""
    show = display_of(table)
    hidden = detail_keys(table, derived)
    first = next(c for c in table.columns if c.key == show.header)
    main = [first] + [c for c in table.columns if c.key not in hidden and c is not first]
    detail = [c for c in table.columns if c.key in hidden]
    computed = f' <em class="tf-derived">({escape(t["computed_mark"])})</em>'
    heads = "".join(
        f'<th scope="col" tabindex="0" data-key="{c.key}" data-kind="{c.kind}"'
        f'{" data-sort-method=number" if c.kind == "number" else ""}>{header(c)}'
        f'{computed if c.derived else ""}</th>'
        for c in main
    )
    body = []
    for row, extra in zip(table.rows, derived, strict=True):
        values = {**row, **extra}
        row_id = str(row.get("id", ""))
        cited = next((k for k in show.figures if values.get(k) is not None), None)
        cells = label_cell(row, str(values.get(first.key) or row_id), t) + "".join(
            cell(c, values.get(c.key), cited=c.key == cited) for c in main[1:])
        body.append(f'<tr id="row-{escape(row_id)}" class="tf-row">{cells}</tr>')
        body.append(detail_row(row_id, detail, values, len(main)))
    heads_json = json.dumps([[c.key, with_unit(c.label, c.unit)] for c in detail], ensure_ascii=False)
    label = t["filter_label"].format(title=table.title)
    counts = {"shown": t["filter_shown"], "all": t["filter_all"]}
    return (
        f'<div class="tf-table-tools"><label>{escape(t["filter"])} <input type="search" '
        f'class="tf-filter" aria-label="{escape(label)}" '
        f'placeholder="{escape(t["filter_placeholder"])}"></label> '
        f'<span class="tf-shown" aria-live="polite" data-text="{escape(json.dumps(counts))}"></span> '
        f'<button type="button" class="md-button tf-export" hidden>{escape(t["filter_export"])}'
        f"</button></div>"
        f'<div class="tf-table-wrap tf-data" tabindex="0" role="region" '
        f'aria-label="{escape(table.title)}"><table class="tf-table" '
        f'data-table="{escape(table.name)}" data-detail="{escape(heads_json)}">'
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

"""The build-time board as HTML: real tables, and charts the page draws with vega-embed."""

from __future__ import annotations

import json
from html import escape


def cell(value, words: dict) -> str:
    """A value as board.js's drawTable writes it: numbers with separators, words translated."""
    if isinstance(value, bool) or value is None:
        return escape(str(words.get(value, "") if value is None else value))
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    return escape(str(words.get(value, value)))


def table_html(data: dict, words: dict) -> str:
    """One ledger as a `<table>` with a caption, column headers and number cells marked."""
    columns, rows = data.get("columns", []), data.get("rows", [])
    head = "".join(f'<th scope="col">{escape(str(words.get(c, c)))}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(
            f'<td{" class=\"tf-num\"" if isinstance(v, (int, float)) and not isinstance(v, bool) else ""}>'
            f"{cell(v, words)}</td>" for v in row) + "</tr>"
        for row in rows)
    caption = f"<caption>{escape(data['caption'])}</caption>" if data.get("caption") else ""
    return (f'<div class="tf-table-wrap"><table class="tf-table">{caption}<thead><tr>{head}</tr>'
            f"</thead><tbody>{body}</tbody></table></div>")


def chart_html(spec: dict) -> str:
    """A figure holding its Vega-Lite spec; classroom.js draws it when the demo comes into view."""
    title = spec.get("title")
    label = spec.get("description") or (title.get("text") if isinstance(title, dict) else title)
    data = escape(json.dumps(spec, ensure_ascii=False), quote=True)
    return (f'<figure class="tf-board-chart" role="img" aria-label="{escape(str(label or ""))}"'
            f' data-spec="{data}"></figure>')


def board_html(items: list, words: dict) -> str:
    """The board's charts and tables in the order the example showed them."""
    parts = [chart_html(data) if kind == "chart" else table_html(data, words)
             for kind, data in items if kind in ("chart", "table") and isinstance(data, dict)]
    return f'<div class="tf-prebuilt-board">{"".join(parts)}</div>' if parts else ""

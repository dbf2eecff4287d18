"""A notebook (with outputs) as a Markdown page; outputs become HTML slotted in after Markdown."""

from __future__ import annotations

import base64
import re
from html import escape

from mkdocs.exceptions import PluginError

from trainfer.charts import chart_html
from trainfer.notebooks.loads import outside_load_problems
from trainfer.notebooks.mathml import math_to_slots
from trainfer.notebooks.tags import cell_tags, tagged
from trainfer.security.sanitize import clean_html, clean_svg
from trainfer.slots import Slots

VEGALITE = re.compile(r"application/vnd\.vegalite\.v\d+[+.]json")


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def render_data(data: dict) -> str:
    """The richest representation of one display_data / execute_result bundle, sanitized: HTML
    and SVG pass the allow-list (trainfer.security.sanitize), chart specs are cleaned."""
    text = escape(_text(data.get("text/plain", "")))
    for mime, value in data.items():
        if VEGALITE.fullmatch(mime):
            return chart_html(value, fallback=f"<pre>{text}</pre>" if text else "")
    if "image/svg+xml" in data:
        return f'<div class="tf-out-svg">{clean_svg(_text(data["image/svg+xml"]))}</div>'
    if "image/png" in data:
        png = _text(data["image/png"]).replace("\n", "")
        base64.b64decode(png, validate=True)  # never emit a broken data URI
        return f'<img class="tf-out-img" alt="" src="data:image/png;base64,{png}">'
    html = clean_html(_text(data.get("text/html", ""))).strip()
    if html:
        return f'<div class="tf-out-html">{html}</div>'
    return f'<pre class="tf-out" tabindex="0">{text}</pre>' if text else ""


def render_output(output: dict) -> str:
    """One cell output as HTML: streams as text, rich data by `render_data`."""
    kind = output.get("output_type")
    if kind == "stream":
        cls = "tf-out tf-stderr" if output.get("name") == "stderr" else "tf-out"
        return f'<pre class="{cls}" tabindex="0">{escape(_text(output.get("text", "")))}</pre>'
    if kind in ("display_data", "execute_result"):
        return render_data(output.get("data", {}))
    if kind == "error":
        return f'<pre class="tf-out tf-stderr">{escape(chr(10).join(output.get("traceback", [])))}</pre>'
    return ""


def notebook_markdown(nb, path="the notebook", words=None) -> tuple[str, Slots]:
    """(Markdown with slots, the slots' HTML). Tagged cells fold or go (notebooks.tags).

    Anything a cell would load from another host fails the build, naming `path` and the cell.
    """
    problems = outside_load_problems(path, nb)
    if problems:
        raise PluginError("\n".join(problems))
    parts: list[str] = []
    slots = Slots()
    for cell in nb.cells:
        tags = cell_tags(cell)
        if cell.cell_type == "markdown":
            text = math_to_slots(cell.source, lambda math: slots.mark(clean_html(math)))
            parts += tagged(tags, text, "", words or {})
        elif cell.cell_type == "code":
            source = f"```python\n{cell.source}\n```" if cell.source.strip() else ""
            html = "".join(render_output(o) for o in cell.get("outputs", []))
            output = slots.mark(f'<div class="tf-output">{html}</div>') if html else ""
            parts += tagged(tags, source, output, words or {})
    return "\n\n".join(parts) + "\n", slots

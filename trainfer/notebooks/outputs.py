"""A code cell's outputs as HTML, as nbconvert's HTML export shows them, every piece sanitized.

Which representation of a display bundle is shown follows nbconvert's HTMLExporter
(`display_data_priority`), with two departures: a Vega-Lite spec comes first (drawn by the
vendored vega-embed; its HTML form would load the chart libraries from a CDN), and a kind this
site cannot show (widgets, JavaScript: the page's policy runs no content script) is skipped for
the next one in the list, as is one the sanitizer empties.
"""

from __future__ import annotations

import base64
import re
from html import escape

from nbconvert.exporters.html import HTMLExporter
from nbconvert.filters.ansi import strip_ansi

from trainfer.charts import chart_html
from trainfer.notebooks.ansi import ansi_html
from trainfer.notebooks.markup import latex_html, markdown_html
from trainfer.security.sanitize import clean_html, clean_svg

VEGALITE = re.compile(r"application/vnd\.vegalite\.v\d+[+.]json")
NEVER = {"application/vnd.jupyter.widget-view+json", "application/javascript"}
IMAGES = ("image/png", "image/jpeg", "image/gif")  # GIF: Jupyter shows it, nbconvert has no slot


def nbconvert_priority() -> list[str]:
    """nbconvert's display priority for HTML, as its HTMLExporter declares it."""
    return list(HTMLExporter().default_config.NbConvertBase.display_data_priority)


def _site_priority() -> list[str]:
    """nbconvert's list without what cannot run here, with GIF after JPEG."""
    kept = [m for m in nbconvert_priority() if m not in NEVER]
    after_jpeg = kept.index("image/jpeg") + 1
    return kept[:after_jpeg] + ["image/gif"] + kept[after_jpeg:]


PRIORITY = _site_priority()


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _size(metadata: dict, mime: str) -> str:
    """width/height attributes from the output's metadata, as nbconvert's get_metadata reads it."""
    attrs = ""
    for key in ("width", "height"):
        value = (metadata.get(mime) or {}).get(key, metadata.get(key))
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            attrs += f' {key}="{int(value)}"'
    return attrs


def _image(mime: str, value, metadata: dict) -> str:
    data = _text(value).replace("\n", "")
    base64.b64decode(data, validate=True)  # never emit a broken data URI
    return f'<img class="tf-out-img" alt=""{_size(metadata, mime)} src="data:{mime};base64,{data}">'


def _one(mime: str, value, metadata: dict) -> str:
    """One representation as HTML, or '' when it shows nothing once sanitized."""
    if mime in IMAGES:
        return _image(mime, value, metadata)
    if mime == "image/svg+xml":
        svg = clean_svg(_text(value)).strip()
        return svg and f'<div class="tf-out-svg">{svg}</div>'
    if mime == "text/html":
        html = clean_html(_text(value)).strip()
        return html and f'<div class="tf-out-html">{html}</div>'
    if mime == "text/markdown":
        html = markdown_html(_text(value))
        return html and f'<div class="tf-out-md">{html}</div>'
    if mime == "text/latex":
        html = latex_html(_text(value))
        return html and f'<div class="tf-out-latex">{html}</div>'
    if mime == "text/vnd.mermaid":  # its drawing library would come from a CDN: the source
        return f'<pre class="tf-out" tabindex="0">{escape(_text(value))}</pre>'
    return _plain(_text(value))


def _plain(text: str) -> str:
    return f'<pre class="tf-out" tabindex="0">{clean_html(ansi_html(text))}</pre>' if text else ""


def render_data(data: dict, metadata: dict | None = None) -> str:
    """The representation of one display_data / execute_result bundle that nbconvert would
    show (see the module's docstring), sanitized."""
    for mime, value in data.items():
        if VEGALITE.fullmatch(mime):
            text = escape(strip_ansi(_text(data.get("text/plain", ""))))
            return chart_html(value, fallback=f"<pre>{text}</pre>" if text else "")
    for mime in PRIORITY:
        if mime in data and (html := _one(mime, data[mime], metadata or {})):
            return html
    return ""


def render_output(output: dict) -> str:
    """One cell output as HTML: streams and tracebacks with their ANSI colours as classes."""
    kind = output.get("output_type")
    if kind == "stream":
        text = _text(output.get("text", ""))
        cls = "tf-out tf-stderr" if output.get("name") == "stderr" else "tf-out"
        return f'<pre class="{cls}" tabindex="0">{clean_html(ansi_html(text))}</pre>'
    if kind in ("display_data", "execute_result"):
        return render_data(output.get("data", {}), output.get("metadata", {}))
    if kind == "error":
        text = "\n".join(output.get("traceback", []))
        return f'<pre class="tf-out tf-error" tabindex="0">{clean_html(ansi_html(text))}</pre>'
    return ""

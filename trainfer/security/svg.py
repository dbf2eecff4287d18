"""The allow-list for SVG outputs (a chart saved as SVG by matplotlib, say).

A page's policy allows no inline styles, so an SVG's `style="fill: #fff"` becomes the
presentation attribute `fill="#fff"`, which draws the same and needs no exception.
"""

from __future__ import annotations

import re
from html import escape, unescape

from trainfer.security.urls import is_image_source

TAGS = {
    "svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "title", "desc", "clipPath", "mask", "pattern", "marker",
    "linearGradient", "radialGradient", "stop", "image",
}
PROPERTIES = {
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
    "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset",
    "stroke-miterlimit", "opacity", "color", "font-family", "font-size", "font-style",
    "font-weight", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
    "letter-spacing", "word-spacing", "text-decoration", "visibility", "display", "clip-path",
    "clip-rule", "mask", "marker-start", "marker-mid", "marker-end", "stop-color",
    "stop-opacity", "vector-effect", "shape-rendering", "paint-order",
}
GEOMETRY = {
    "id", "class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width",
    "height", "d", "points", "viewBox", "preserveAspectRatio", "version", "xmlns", "xmlns:xlink",
    "dx", "dy", "rotate", "textLength", "lengthAdjust", "gradientUnits", "gradientTransform",
    "spreadMethod", "fx", "fy", "offset", "patternUnits", "patternContentUnits",
    "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits", "markerWidth",
    "markerHeight", "markerUnits", "refX", "refY", "orient", "href", "xlink:href", "style",
    "role", "aria-label", "aria-hidden", "focusable", "transform",
}
ATTRIBUTES = {"*": GEOMETRY | PROPERTIES}
URL_REF = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)
STYLE = re.compile(r'\sstyle="([^"]*)"')
START_TAG = re.compile(r"<[a-zA-Z][^>]*>")


def _only_fragments(value: str) -> bool:
    """Whether every url(...) in a value points inside the same SVG (#id)."""
    return all(ref.strip().startswith("#") for ref in URL_REF.findall(value))


def attribute(tag: str, name: str, value: str) -> str | None:
    """SVG rules: references stay inside the SVG; an <image> shows only the site's own files."""
    if name in ("href", "xlink:href"):
        ok = value.startswith("#") if tag != "image" else is_image_source(value)
        return value if ok else None
    if name == "style":  # its declarations are vetted one by one in styles_to_attributes
        return value
    if "url(" in value.lower() and not _only_fragments(value):
        return None
    return value


def _declarations(style: str) -> list[tuple[str, str]]:
    pairs = []
    for part in unescape(style).split(";"):
        name, _, value = part.partition(":")
        name, value = name.strip().lower(), value.strip()
        if name in PROPERTIES and value and _only_fragments(value):
            pairs.append((name, value.replace('"', "'")))
    return pairs


def _convert(tag: str) -> str:
    match = STYLE.search(tag)
    if match is None:
        return tag
    pairs = _declarations(match[1])
    tag = tag[: match.start()] + tag[match.end():]
    for name, _ in pairs:  # the style wins over an attribute of the same name, as in CSS
        tag = re.sub(rf'\s{re.escape(name)}="[^"]*"', "", tag)
    added = "".join(f' {name}="{escape(value)}"' for name, value in pairs)
    end = -2 if tag.endswith("/>") else -1
    return tag[:end] + added + tag[end:]


def styles_to_attributes(markup: str) -> str:
    """Every `style` attribute of cleaned SVG markup as presentation attributes.

    >>> styles_to_attributes('<rect fill="red" style="fill:#fff;stroke-width:2"></rect>')
    '<rect fill="#fff" stroke-width="2"></rect>'
    """
    return START_TAG.sub(lambda m: _convert(m[0]), markup)

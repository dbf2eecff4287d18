"""Vega-Lite charts on a page: a placeholder per chart, drawn by the vendored vega-embed.

Shared by the tables and notebooks plugins. A page with no chart loads none of these scripts.
"""

from __future__ import annotations

import json
from html import escape

from mkdocs.utils import get_relative_url

from trainfer.security.urls import is_local

VEGA_SCRIPTS = ("vega/vega.min.js", "vega/vega-interpreter.js", "vega/vega-lite.min.js",
                "vega/vega-embed.min.js")
MARK = 'class="tf-chart"'
# Keys whose string value Vega would fetch or open; inline data ("values") is left alone (the
# browser's loader refuses outside URLs that come from data).
URL_KEYS = {"url", "href"}


def _outside(value) -> bool:
    """A URL (or an encoding's constant {"value": URL}) that is not relative to the site."""
    if isinstance(value, dict):
        value = value.get("value")
    return isinstance(value, str) and not is_local(value)


def clean_spec(spec):
    """A chart spec without `usermeta` (it can turn vega-embed's actions back on) and without
    URLs to other hosts (data, images, links), whoever made it.

    >>> clean_spec({"usermeta": {"embedOptions": {"actions": True}}, "data": {"url": "https://x.test/d.csv"},
    ...             "layer": [{"data": {"url": "d.csv"}, "mark": "point"}]})
    {'layer': [{'data': {'url': 'd.csv'}, 'mark': 'point'}]}
    >>> clean_spec({"mark": "image", "encoding": {"url": {"value": "//x.test/i.png"}}})
    {'mark': 'image', 'encoding': {}}
    """
    if isinstance(spec, list):
        return [clean_spec(item) for item in spec]
    if not isinstance(spec, dict):
        return spec
    cleaned = {}
    for key, value in spec.items():
        if key == "usermeta" or (key in URL_KEYS and _outside(value)):
            continue
        cleaned[key] = value if key == "values" else clean_spec(value)
        if key == "data" and cleaned[key] == {}:  # only an outside URL was there
            del cleaned[key]
    return cleaned


def chart_label(spec: dict) -> str:
    """What the chart shows, for screen readers: its description, else its title."""
    title = spec.get("title", "")
    title = title.get("text", "") if isinstance(title, dict) else title
    return str(spec.get("description") or title or "Chart")


def chart_html(spec: dict, fallback: str = "") -> str:
    """A chart placeholder holding its spec as JSON; `fallback` is shown until (or unless) it draws."""
    spec = clean_spec(spec)
    data = json.dumps(spec, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<figure {MARK}><div class="tf-chart-view" role="img" aria-label="{escape(chart_label(spec))}">'
        f"{fallback}</div>"
        f'<script type="application/json" class="tf-chart-spec">{data}</script></figure>'
    )


def has_charts(html: str) -> bool:
    """Whether a page's HTML holds a chart placeholder."""
    return MARK in html


def chart_scripts(page_url: str, vendor_dir: str = "assets/vendor") -> str:
    """Script tags (relative to the page) for vega, vega-lite, vega-embed and our drawer."""
    urls = [f"{vendor_dir}/{s}" for s in VEGA_SCRIPTS] + ["assets/trainfer/charts.js"]
    return "\n".join(
        f'<script src="{escape(get_relative_url(u, page_url))}" defer></script>' for u in urls
    )

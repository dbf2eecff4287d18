"""Vega-Lite charts on a page: a placeholder per chart, drawn by the vendored vega-embed.

Shared by the tables and notebooks plugins. A page with no chart loads none of these scripts.
"""

from __future__ import annotations

import json
from html import escape

from mkdocs.utils import get_relative_url

VEGA_SCRIPTS = ("vega/vega.min.js", "vega/vega-lite.min.js", "vega/vega-embed.min.js")
MARK = 'class="tf-chart"'


def chart_label(spec: dict) -> str:
    """What the chart shows, for screen readers: its description, else its title."""
    title = spec.get("title", "")
    title = title.get("text", "") if isinstance(title, dict) else title
    return str(spec.get("description") or title or "Chart")


def chart_html(spec: dict, fallback: str = "") -> str:
    """A chart placeholder holding its spec as JSON; `fallback` is shown until (or unless) it draws."""
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

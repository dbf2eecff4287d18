"""Every built page that holds a chart, in every edition, loads what draws it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_every_page_with_a_chart_loads_the_chart_scripts(built_site):
    with_charts = [p for p in built_site.rglob("*.html") if "tf-chart-spec" in p.read_text("utf-8")]
    editions = {p.relative_to(built_site).parts[0] == "zh" for p in with_charts}
    assert editions == {True, False}, "expected charts in both editions"
    missing = [str(p.relative_to(built_site)) for p in with_charts
               if "assets/trainfer/charts.js" not in p.read_text("utf-8")
               or "vega-embed.min.js" not in p.read_text("utf-8")]
    assert not missing, f"pages with a chart but no chart scripts: {missing}"

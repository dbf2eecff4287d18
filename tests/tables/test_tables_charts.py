"""Charts: Vega-Lite dicts with inline data, for the tables where a chart teaches something."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainfer.tables.charts import chart_spec
from trainfer.tables.load import load_all

DATA = Path(__file__).resolve().parents[2] / "data"
CHARTED = {  # table: (x, y, log x, log y)
    "mlperf_resnet50": ("accelerator_count", "time_to_train_s", True, True),
    "chips": ("fp16_tflops", "int8_tops", True, True),
    "compute_trend": ("when", "pfs_days", False, True),
    "energy_per_op": ("energy_pj", "operation", True, False),
}


@pytest.fixture(scope="module")
def tables():
    return load_all(DATA)


@pytest.mark.parametrize("name", sorted(CHARTED))
def test_chart_has_schema_and_inline_data(tables, name):
    spec = chart_spec(tables[name])
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    values = spec["data"]["values"]
    x, y, log_x, log_y = CHARTED[name]
    assert values and all(v[x] is not None and v[y] is not None for v in values)
    encoding = spec["encoding"]
    assert encoding["x"]["field"] == x and encoding["y"]["field"] == y
    assert (encoding["x"].get("scale", {}).get("type") == "log") is log_x
    assert (encoding["y"].get("scale", {}).get("type") == "log") is log_y
    assert spec["title"] == tables[name].title
    json.dumps(spec)  # plain JSON, ready for the page


def points(spec: dict) -> dict:
    """The encoding of the chart's points (the first layer; the others are its labels)."""
    return spec["layer"][0]["encoding"]


def test_mlperf_chart_plots_every_row_coloured_by_round(tables):
    table = tables["mlperf_resnet50"]
    spec = chart_spec(table)
    assert len(spec["data"]["values"]) == len(table.rows)
    assert points(spec)["color"]["field"] == "round"
    assert "(s)" in spec["encoding"]["y"]["title"]
    assert spec["encoding"]["x"]["title"] == "Accelerators"  # not "Accelerators (count)"


def test_chips_chart_holds_the_chips_with_both_figures(tables):
    table = tables["chips"]
    both = [r for r in table.rows if r["fp16_tflops"] is not None and r["int8_tops"] is not None]
    spec = chart_spec(table)
    assert len(spec["data"]["values"]) == len(both)
    assert points(spec)["color"]["field"] == "role"


def test_compute_trend_chart_holds_the_data_points(tables):
    table = tables["compute_trend"]
    spec = chart_spec(table)
    points = [r for r in table.rows if r["kind"] == "data point"]
    assert len(spec["data"]["values"]) == len(points)
    assert spec["encoding"]["x"]["type"] == "temporal"
    axis = spec["encoding"]["x"]["axis"]
    assert axis["format"] == "%Y" and [t["month"] for t in axis["values"]] == [1] * len(axis["values"])
    assert any(v["label_side"] for v in spec["data"]["values"])  # points named where there is room


@pytest.mark.parametrize("name", sorted(CHARTED))
def test_charts_fill_their_column_with_legible_text_and_decade_ticks(tables, name):
    spec = chart_spec(tables[name])
    assert spec["width"] == "container"
    sizes = [v for part in ("axis", "legend") for k, v in spec["config"][part].items()
             if k.endswith("FontSize")]
    assert sizes and min(sizes) >= 10
    for channel in ("x", "y"):
        encoding = spec["encoding"][channel]
        if encoding.get("scale", {}).get("type") == "log":
            ticks = encoding["axis"]["values"]
            assert all(b / a == pytest.approx(10) for a, b in zip(ticks, ticks[1:], strict=False))
    series = [k for layer in spec["layer"] for k in ("color", "shape") if k in layer.get("encoding", {})]
    for key in series:  # every series is explained by a legend
        legend = spec["layer"][0]["encoding"][key].get("legend", {})
        assert legend is not None and legend.get("title"), (name, key)


@pytest.mark.parametrize("name", ["claims", "centres", "rankings", "figures"])
def test_no_chart(tables, name):
    assert chart_spec(tables[name]) is None

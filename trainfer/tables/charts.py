"""Charts for the tables where one teaches something: Altair specs as Vega-Lite dicts, data inline.

Titles and axis labels come from the data files (the table's title, the columns' labels and
units), so a translation of the data files translates the charts too. Every chart fills its
column (width "container"), keeps its text at 11 px or more on any screen, puts its legend
below the plot (it stacks on a phone), ticks log axes at powers of ten only, and names its
points directly where they are few enough to label without overlap.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import altair as alt

from trainfer.tables.display import with_unit
from trainfer.tables.labels import FONT_SIZE, GAP, SIDES, Plot, place
from trainfer.tables.load import Table

HEIGHT = 340
LABELS_FROM = 640  # px of plot width: narrower plots show no direct labels (the legend stays)
NARROW = 520  # px of container width: below it, legends use fewer columns
NAMES_NARROW = 130  # px for category names on an axis, on a phone (longer ones end in "…")
ROOM_BESIDE_NAMES = 180  # px left for the plot (and its legend) beside them
CONFIG = {
    "axis": {"labelFontSize": FONT_SIZE, "titleFontSize": 12, "titlePadding": 8},
    "legend": {"orient": "bottom", "labelFontSize": FONT_SIZE, "titleFontSize": 12,
               "labelLimit": 220, "symbolSize": 80},
    "title": {"fontSize": 14, "anchor": "start", "offset": 10},
}


def chart_spec(table: Table) -> dict | None:
    """The table's chart as a Vega-Lite dict with inline data, or None if it has no chart."""
    make = CHARTS.get(table.name)
    if make is None:
        return None
    chart = make(table)
    if chart is None:
        return None
    spec = chart.to_dict()
    spec["config"] = {**spec.get("config", {}), **CONFIG}
    return spec


def _title(table: Table, key: str) -> str:
    """An axis or legend title: the column's label, with its unit in brackets (stated once)."""
    column = next(c for c in table.columns if c.key == key)
    return with_unit(column.label, column.unit)


def _records(table: Table, keys: list[str], needed: list[str]) -> list[dict]:
    """The rows' values for `keys`, keeping only rows where every `needed` value is filled."""
    return [
        {k: row.get(k) for k in keys}
        for row in table.rows
        if all(row.get(k) is not None for k in needed)
    ]


def _decades(values: list[float]) -> tuple[int, int]:
    """The powers of ten just below the smallest and just above the largest value."""
    low, high = min(values), max(values)
    return math.floor(math.log10(low)), max(math.ceil(math.log10(high)), math.floor(math.log10(low)) + 1)


def _log_scale(values: list[float]) -> tuple[alt.Scale, alt.Axis]:
    """A log scale over whole decades, ticked and gridded at each power of ten only."""
    low, high = _decades(values)
    ticks = [10.0 ** k for k in range(low, high + 1)]
    return (alt.Scale(type="log", domain=[ticks[0], ticks[-1]]),
            alt.Axis(values=ticks, format=",", grid=True))


def _legend(title: str, entries: list[str], room: int = 300) -> alt.Legend:
    """A legend below the plot, in as many columns as fit: fewer on a phone, where the plot
    (and the legend, which starts at its left edge) has about `room` px."""
    wide = max(1, min(len(entries), 6))
    narrow = max(1, min(len(entries), room // int(40 + 6.5 * max(map(len, entries)))))
    return alt.Legend(title=title, columns={"expr": f"containerSize()[0] < {NARROW} ? {narrow} : {wide}"})


def _labelled(points: alt.Chart, values: list[dict], key: str, plot: Plot, xy: tuple[str, str]):
    """The points with a text layer naming each one that has room (see trainfer.tables.labels)."""
    sides = place([(v[xy[0]], v[xy[1]], str(v[key])) for v in values], plot)
    for value, side in zip(values, sides, strict=True):
        value["label_side"] = side or ""
    show = {"expr": f"width >= {LABELS_FROM} ? 1 : 0"}  # the plot's own width, after the legend
    layers = [points]
    marks = {"right": {"align": "left", "dx": GAP}, "left": {"align": "right", "dx": -GAP},
             "above": {"baseline": "bottom", "dy": -GAP / 2}, "below": {"baseline": "top", "dy": GAP / 2}}
    for side in SIDES:
        layers.append(alt.Chart().mark_text(fontSize=FONT_SIZE, opacity=show, **marks[side])
                      .encode(text=f"{key}:N").transform_filter(f"datum.label_side === '{side}'"))
    return layers


def _base(table: Table, values: list[dict], layers: list) -> alt.LayerChart:
    return alt.layer(*layers, data=alt.Data(values=values), title=table.title,
                     width="container", height=HEIGHT)


def _mlperf(table: Table) -> alt.LayerChart | None:
    x, y = "accelerator_count", "time_to_train_s"
    keys = [x, y, "round", "submitter", "accelerator", "division", "status", "system"]
    values = _records(table, keys, [x, y])
    if not values:
        return None
    (xs, xa), (ys, ya) = _log_scale([v[x] for v in values]), _log_scale([v[y] for v in values])
    rounds = sorted({v["round"] for v in values})
    divisions = sorted({v["division"] for v in values})
    points = alt.Chart().mark_point(filled=True, size=90).encode(
        color=alt.Color("round:N", legend=_legend(_title(table, "round"), rounds)),
        shape=alt.Shape("division:N", legend=_legend(_title(table, "division"), divisions)),
        tooltip=[alt.Tooltip(f"{k}:N", title=_title(table, k)) for k in keys[2:]]
        + [alt.Tooltip(f"{x}:Q", title=_title(table, x)),
           alt.Tooltip(f"{y}:Q", title=_title(table, y))],
    )
    return _base(table, values, [points]).encode(
        x=alt.X(f"{x}:Q", scale=xs, axis=xa, title=_title(table, x)),
        y=alt.Y(f"{y}:Q", scale=ys, axis=ya, title=_title(table, y)),
    )


def _chips(table: Table) -> alt.LayerChart | None:
    x, y = "fp16_tflops", "int8_tops"
    values = _records(table, [x, y, "chip", "vendor", "role"], [x, y])
    if not values:
        return None
    (xs, xa), (ys, ya) = _log_scale([v[x] for v in values]), _log_scale([v[y] for v in values])
    roles = sorted({v["role"] for v in values})
    points = alt.Chart().mark_point(filled=True, size=90).encode(
        color=alt.Color("role:N", legend=_legend(_title(table, "role"), roles)),
        tooltip=[alt.Tooltip(f"{k}:N", title=_title(table, k)) for k in ("chip", "vendor", "role")]
        + [alt.Tooltip(f"{k}:Q", title=_title(table, k)) for k in (x, y)],
    )
    plot = Plot(LABELS_FROM, HEIGHT, tuple(map(math.log10, xs.domain)),
                tuple(map(math.log10, ys.domain)), log_x=True, log_y=True)
    return _base(table, values, _labelled(points, values, "chip", plot, (x, y))).encode(
        x=alt.X(f"{x}:Q", scale=xs, axis=xa, title=_title(table, x)),
        y=alt.Y(f"{y}:Q", scale=ys, axis=ya, title=_title(table, y)),
    )


def _years(dates: list[str]) -> tuple[int, int]:
    """The first year of the data and the year after its last."""
    years = [int(d[:4]) for d in dates]
    return min(years), max(years) + 1


def _compute_trend(table: Table) -> alt.LayerChart | None:
    x, y = "date", "pfs_days"
    values = _records(table, [x, y, "label"], [x, y])
    if not values:
        return None
    first, last = _years([v[x] for v in values])
    for value in values:  # "2012-06" is drawn at 2012-06-01 (UTC), shown as written
        value["when"] = (value[x] + "-01-01")[:10]
        month = int(value["when"][5:7]) - 1 + (int(value["when"][8:10]) - 1) / 31
        value["year"] = int(value["when"][:4]) + month / 12  # for placing labels only
    ys, ya = _log_scale([v[y] for v in values])
    years = [{"year": year, "month": 1, "date": 1, "utc": True} for year in range(first, last + 1)]
    points = alt.Chart().mark_point(filled=True, size=90).encode(
        tooltip=[alt.Tooltip("label:N", title=_title(table, "label")),
                 alt.Tooltip(f"{x}:N", title=_title(table, x)),
                 alt.Tooltip(f"{y}:Q", title=_title(table, y))],
    )
    plot = Plot(LABELS_FROM, HEIGHT, (first, last), tuple(map(math.log10, ys.domain)), log_y=True)
    layers = _labelled(points, values, "label", plot, ("year", y))
    return _base(table, values, layers).encode(
        x=alt.X("when:T", title=_title(table, x),
                scale=alt.Scale(type="utc", domain=[years[0], years[-1]]),
                axis=alt.Axis(values=years, format="%Y", formatType="utc", grid=True)),
        y=alt.Y(f"{y}:Q", scale=ys, axis=ya, title=_title(table, y)),
    )


def _energy(table: Table) -> alt.LayerChart | None:
    x, y = "energy_pj", "operation"
    values = _records(table, [x, y, "kind", "status"], [x, y])
    if not values:
        return None
    xs, xa = _log_scale([v[x] for v in values])
    kinds = sorted({v["kind"] for v in values})
    points = alt.Chart().mark_point(filled=True, size=90).encode(
        color=alt.Color("kind:N", legend=_legend(_title(table, "kind"), kinds, room=ROOM_BESIDE_NAMES)),
        tooltip=[alt.Tooltip(f"{k}:N", title=_title(table, k)) for k in (y, "kind", "status")]
        + [alt.Tooltip(f"{x}:Q", title=_title(table, x))],
    )
    # each point's figure beside it (a log axis is hard to read between its ticks); in the
    # last part of the axis, on its left, so that it stays inside the plot on a phone
    edge = xs.domain[1] ** 0.85 * xs.domain[0] ** 0.15
    figures = [alt.Chart().mark_text(align=align, dx=dx, fontSize=FONT_SIZE)
               .encode(text=alt.Text(f"{x}:Q", format=","))
               .transform_filter(f"datum.{x} {test} {edge!r}")
               for align, dx, test in (("left", GAP, "<"), ("right", -GAP, ">="))]
    names = {"expr": f"containerSize()[0] < {NARROW} ? {NAMES_NARROW} : 240"}
    return _base(table, values, [points, *figures]).encode(
        x=alt.X(f"{x}:Q", scale=xs, axis=xa, title=_title(table, x)),
        y=alt.Y(f"{y}:N", sort="x", title=_title(table, y), axis=alt.Axis(labelLimit=names)),
    )


CHARTS: dict[str, Callable[[Table], alt.LayerChart | None]] = {
    "mlperf_resnet50": _mlperf,
    "chips": _chips,
    "compute_trend": _compute_trend,
    "energy_per_op": _energy,
}

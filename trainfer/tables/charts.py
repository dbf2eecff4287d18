"""Charts for the tables where one teaches something: Altair specs as Vega-Lite dicts, data inline.

Titles and axis labels come from the data files (the table's title, the columns' labels and
units), so a translation of the data files translates the charts too.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt

from trainfer.tables.load import Table

WIDTH, HEIGHT = 560, 360


def chart_spec(table: Table) -> dict | None:
    """The table's chart as a Vega-Lite dict with inline data, or None if it has no chart."""
    make = CHARTS.get(table.name)
    if make is None:
        return None
    chart = make(table)
    return None if chart is None else chart.to_dict()


def _title(table: Table, key: str) -> str:
    """An axis or legend title: the column's label, with its unit in brackets."""
    column = next(c for c in table.columns if c.key == key)
    return f"{column.label} ({column.unit})" if column.unit else column.label


def _records(table: Table, keys: list[str], needed: list[str]) -> list[dict]:
    """The rows' values for `keys`, keeping only rows where every `needed` value is filled."""
    return [
        {k: row.get(k) for k in keys}
        for row in table.rows
        if all(row.get(k) is not None for k in needed)
    ]


def _base(table: Table, values: list[dict]) -> alt.Chart:
    return alt.Chart(alt.Data(values=values), title=table.title, width=WIDTH, height=HEIGHT)


def _mlperf(table: Table) -> alt.Chart | None:
    x, y = "accelerator_count", "time_to_train_s"
    keys = [x, y, "round", "submitter", "accelerator", "division", "status", "system"]
    values = _records(table, keys, [x, y])
    if not values:
        return None
    return _base(table, values).mark_point(filled=True, size=80).encode(
        x=alt.X(f"{x}:Q", scale=alt.Scale(type="log"), title=_title(table, x)),
        y=alt.Y(f"{y}:Q", scale=alt.Scale(type="log"), title=_title(table, y)),
        color=alt.Color("round:N", title=_title(table, "round")),
        shape=alt.Shape("division:N", title=_title(table, "division")),
        tooltip=[alt.Tooltip(f"{k}:N", title=_title(table, k)) for k in keys[2:]]
        + [alt.Tooltip(f"{x}:Q", title=_title(table, x)),
           alt.Tooltip(f"{y}:Q", title=_title(table, y))],
    )


def _chips(table: Table) -> alt.Chart | None:
    x, y = "fp16_tflops", "int8_tops"
    values = _records(table, [x, y, "chip", "vendor", "role"], [x, y])
    if not values:
        return None
    return _base(table, values).mark_point(filled=True, size=80).encode(
        x=alt.X(f"{x}:Q", scale=alt.Scale(type="log"), title=_title(table, x)),
        y=alt.Y(f"{y}:Q", scale=alt.Scale(type="log"), title=_title(table, y)),
        color=alt.Color("role:N", title=_title(table, "role")),
        tooltip=[alt.Tooltip(f"{k}:N", title=_title(table, k)) for k in ("chip", "vendor", "role")]
        + [alt.Tooltip(f"{k}:Q", title=_title(table, k)) for k in (x, y)],
    )


def _compute_trend(table: Table) -> alt.Chart | None:
    x, y = "date", "pfs_days"
    values = _records(table, [x, y, "label"], [x, y])
    if not values:
        return None
    for value in values:  # "2012-06" is drawn at 2012-06-01 (UTC), shown as written
        value["when"] = (value[x] + "-01-01")[:10]
    return _base(table, values).mark_point(filled=True, size=80).encode(
        x=alt.X("when:T", scale=alt.Scale(type="utc"), title=_title(table, x)),
        y=alt.Y(f"{y}:Q", scale=alt.Scale(type="log"), title=_title(table, y)),
        tooltip=[alt.Tooltip("label:N", title=_title(table, "label")),
                 alt.Tooltip(f"{x}:N", title=_title(table, x)),
                 alt.Tooltip(f"{y}:Q", title=_title(table, y))],
    )


def _energy(table: Table) -> alt.Chart | None:
    x, y = "energy_pj", "operation"
    values = _records(table, [x, y, "kind", "status"], [x, y])
    if not values:
        return None
    return _base(table, values).mark_point(filled=True, size=80).encode(
        x=alt.X(f"{x}:Q", scale=alt.Scale(type="log"), title=_title(table, x)),
        y=alt.Y(f"{y}:N", sort="x", title=_title(table, y)),
        color=alt.Color("kind:N", title=_title(table, "kind")),
        tooltip=[alt.Tooltip(f"{k}:N", title=_title(table, k)) for k in (y, "kind", "status")]
        + [alt.Tooltip(f"{x}:Q", title=_title(table, x))],
    )


CHARTS: dict[str, Callable[[Table], alt.Chart | None]] = {
    "mlperf_resnet50": _mlperf,
    "chips": _chips,
    "compute_trend": _compute_trend,
    "energy_per_op": _energy,
}

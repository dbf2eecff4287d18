"""Computed columns: arithmetic on a row's data values, declared in the file as `derived: true`."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainfer.tables.load import Table

SIGNIFICANT = 3  # derived figures are shown to 3 significant digits: no false precision


@dataclass(frozen=True)
class Formula:
    """A derived column: the data columns it reads and how it combines them."""

    inputs: tuple[str, ...]
    compute: Callable[..., float]
    reference_row: str | None = None  # the id of a row whose `inputs` values also feed it


def _ratio(a: float, b: float) -> float:
    return a / b


FORMULAS: dict[str, Formula] = {
    # chips: how much faster the matrix unit is than plain FP32, and energy efficiency
    "matrix_to_fp32": Formula(("fp16_tflops", "fp32_tflops"), _ratio),
    "fp16_tflops_per_w": Formula(("fp16_tflops", "power_w"), _ratio),
    "int8_tops_per_w": Formula(("int8_tops", "power_w"), _ratio),
    # mlperf_resnet50: the cost of a record in accelerator time
    "accelerator_seconds": Formula(("accelerator_count", "time_to_train_s"), lambda n, t: n * t),
    "time_to_train_min": Formula(("time_to_train_s",), lambda t: t / 60),
    # compute_trend: a doubling time as a yearly factor, and back
    "implied_growth_per_year": Formula(("doubling_months",), lambda m: 2 ** (12 / m)),
    "implied_doubling_months": Formula(
        ("growth_per_year",), lambda g: 12 * math.log(2) / math.log(g) if g > 1 else math.nan
    ),
    # energy_per_op: each operation counted in 32-bit float additions
    "per_fp32_add": Formula(("energy_pj",), _ratio, reference_row="fp32_add"),
}


def round_sig(value: float, digits: int = SIGNIFICANT) -> float | int:
    """Round to `digits` significant digits; whole results come back as int.

    >>> round_sig(125 / 15.7), round_sig(1536 * 79.9)
    (7.96, 123000)
    """
    if value == 0 or not math.isfinite(value):
        return value
    rounded = round(value, digits - 1 - math.floor(math.log10(abs(value))))
    whole = rounded == int(rounded) and abs(rounded) >= 10 ** (digits - 1)
    return int(rounded) if whole else rounded


def missing_inputs(key: str, column_keys: set[str]) -> list[str] | None:
    """The inputs a derived column lacks in a table (None if no formula has that key)."""
    formula = FORMULAS.get(key)
    return None if formula is None else [k for k in formula.inputs if k not in column_keys]


def derived_values(table: Table) -> list[dict]:
    """Per row, the values of the table's derived columns; None where an input is blank."""
    keys = [c.key for c in table.columns if c.derived]
    by_id = {row.get("id"): row for row in table.rows}
    return [{key: _value(FORMULAS[key], row, by_id) for key in keys} for row in table.rows]


def _value(formula: Formula, row: dict, by_id: dict) -> float | None:
    args = [row.get(k) for k in formula.inputs]
    if formula.reference_row is not None:
        reference = by_id.get(formula.reference_row) or {}
        args += [reference.get(k) for k in formula.inputs]
    if any(a is None for a in args):
        return None
    try:
        value = formula.compute(*args)
    except (ZeroDivisionError, ValueError, OverflowError):
        return None
    return None if not math.isfinite(value) else round_sig(value)

"""Derived columns, checked against arithmetic on the loaded values."""

from __future__ import annotations

import doctest
import math
from pathlib import Path

import pytest

from trainfer.tables import derived
from trainfer.tables.derived import derived_values
from trainfer.tables.load import load_all

DATA = Path(__file__).resolve().parents[2] / "data"
REL = 5e-3  # derived values are rounded to 3 significant digits


@pytest.fixture(scope="module")
def tables():
    return load_all(DATA)


def by_id(table):
    return {row["id"]: (row, extra) for row, extra in zip(table.rows, derived_values(table),
                                                          strict=True)}


def test_one_dict_per_row_with_the_derived_keys(tables):
    for table in tables.values():
        values = derived_values(table)
        keys = {c.key for c in table.columns if c.derived}
        assert len(values) == len(table.rows)
        assert all(set(v) == keys for v in values)


def test_chip_ratios(tables):
    rows = by_id(tables["chips"])
    for chip in ("v100-sxm2", "a100-sxm-80gb", "h100-sxm", "p100-sxm2"):
        row, extra = rows[chip]
        assert extra["matrix_to_fp32"] == pytest.approx(
            row["fp16_tflops"] / row["fp32_tflops"], rel=REL)
    row, extra = rows["h100-sxm"]
    assert extra["int8_tops_per_w"] == pytest.approx(row["int8_tops"] / row["power_w"], rel=REL)
    assert extra["fp16_tflops_per_w"] == pytest.approx(row["fp16_tflops"] / row["power_w"],
                                                       rel=REL)


def test_blank_input_gives_blank_output(tables):
    rows = by_id(tables["chips"])
    row, extra = rows["ascend-910"]
    assert row["fp32_tflops"] is None and extra["matrix_to_fp32"] is None
    row, extra = rows["tpu-v5e"]
    assert row["power_w"] is None and extra["int8_tops_per_w"] is None


def test_mlperf_accelerator_time(tables):
    for row, extra in by_id(tables["mlperf_resnet50"]).values():
        seconds = row["accelerator_count"] * row["time_to_train_s"]
        assert extra["accelerator_seconds"] == pytest.approx(seconds, rel=REL)
        assert extra["time_to_train_min"] == pytest.approx(row["time_to_train_s"] / 60, rel=REL)


def test_compute_trend_doubling_and_growth(tables):
    rows = by_id(tables["compute_trend"])
    row, extra = rows["openai-2018-modern-era"]
    assert extra["implied_growth_per_year"] == pytest.approx(
        2 ** (12 / row["doubling_months"]), rel=REL)
    row, extra = rows["epoch-2024-notable"]
    assert extra["implied_doubling_months"] == pytest.approx(
        12 * math.log(2) / math.log(row["growth_per_year"]), rel=REL)
    _, extra = rows["alexnet"]
    assert extra == {"implied_growth_per_year": None, "implied_doubling_months": None}


def test_energy_relative_to_a_float_add(tables):
    rows = by_id(tables["energy_per_op"])
    add = rows["fp32_add"][0]["energy_pj"]
    for row, extra in rows.values():
        assert extra["per_fp32_add"] == pytest.approx(row["energy_pj"] / add, rel=REL)


def test_tables_without_derived_columns(tables):
    assert derived_values(tables["claims"]) == [{} for _ in tables["claims"].rows]


def test_round_sig():
    assert derived.round_sig(239744.0) == 240000 and isinstance(derived.round_sig(239744.0), int)
    assert derived.round_sig(0.0707547) == 0.0708
    assert doctest.testmod(derived).failed == 0

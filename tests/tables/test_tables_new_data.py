"""The tables of the memory, serving and scale notebooks: they validate, hold the rows the
notebooks read, and a bad row in them is named by file, row, id and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainfer.tables.load import DataErrors, load_all, load_table

DATA = Path(__file__).resolve().parents[2] / "data"
NEW = ("models.yaml", "interconnect.yaml", "inference_cost.yaml")


@pytest.mark.parametrize("name", NEW)
def test_new_table_validates(name):
    table = load_table(DATA / name)
    assert table.rows and table.sources
    assert all(row["sources"] and row["as_of"] for row in table.rows)


def test_decoders_have_what_the_kv_cache_needs():
    models = {row["id"]: row for row in load_table(DATA / "models.yaml").rows}
    for key in ("gpt-3-175b", "pangu-alpha-200b", "gpt-j-6b"):
        row = models[key]
        assert row["heads"] * row["head_dim"] == row["d_model"], key
        assert row["layers"] and row["parameters"], key


def test_interconnect_says_which_way_it_counts():
    rows = load_table(DATA / "interconnect.yaml").rows
    assert {r["basis"] for r in rows} <= {"both directions", "each direction", "all-reduce"}
    pods = [r for r in rows if r["basis"] == "all-reduce"]
    assert pods and all(r["chips"] > 1 for r in pods)


def test_new_tables_load_with_the_rest():
    tables = load_all(DATA)
    assert {"models", "interconnect", "inference_cost"} <= set(tables)


# (file, text replaced, its replacement, row, row id, field, words in the message)
BAD_ROWS = [
    ("models.yaml", "    layers: 96\n", "    layers: many\n", 1, "gpt-3-175b", "layers",
     "expected a number"),
    ("interconnect.yaml", "    basis: each direction\n", "    basis: sideways\n", 7,
     "infiniband-ndr-dgx-h100", "basis", "sideways"),
    ("inference_cost.yaml", "    inference_share_pct: 90\n", "    inference_share_pct: 190\n", 1,
     "amazon-estimate-2023", "inference_share_pct", "<= 100"),
    ("models.yaml", "    as_of: 2021-06\n", "", 3, "gpt-j-6b", "as_of", "needs an as-of date"),
]


@pytest.mark.parametrize("case", BAD_ROWS, ids=lambda c: f"{c[0]}:{c[5]}")
def test_a_bad_row_is_named(tmp_path, case):
    name, old, new, row, row_id, field, words = case
    text = (DATA / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, "the fixture's anchor must be unique"
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / name).write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_all(folder)
    errors = caught.value.errors
    assert len(errors) == 1, "\n".join(map(str, errors))
    error = errors[0]
    assert (error.file, error.row, error.row_id, error.field) == (f"data/{name}", row, row_id, field)
    assert words in error.message
    assert str(error).startswith(f"data/{name}: row {row} (id {row_id})")


"""The loader's contract: error messages, rows faithful to the file, columns, references."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from trainfer.tables.load import DataError, DataErrors, load_all, load_table

DATA = Path(__file__).resolve().parents[2] / "data"
TABLE = """title: Gadgets
description: A small table.
sources: [A test fixture]
columns:
  - {key: id, label: ID, kind: text}
  - {key: fp16_tflops, label: FP16, kind: number, unit: TFLOPS}
  - {key: power_w, label: Power, kind: number, unit: W}
  - {key: sources, label: Sources, kind: list, source: true}
  - {key: as_of, label: As of, kind: date}
  - {key: fp16_tflops_per_w, label: FP16 per watt, kind: number, unit: TFLOPS/W, derived: true}
  - {key: note, label: Note, kind: text}
rows:
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, **kwargs) -> list[DataError]:
    with pytest.raises(DataErrors) as caught:
        load_table(path, **kwargs)
    return caught.value.errors


def test_error_text_names_what_is_known():
    full = DataError("data/chips.yaml", "must be >= 0", row=3, row_id="t4", field="power_w")
    assert str(full) == "data/chips.yaml: row 3 (id t4), field 'power_w': must be >= 0"
    assert str(DataError("data/x.csv", "bad", row=2)) == "data/x.csv: row 2: bad"
    assert str(DataError("data/x.yaml", "bad", field="title")) == "data/x.yaml: field 'title': bad"
    assert str(DataError("data/x.yaml", "malformed")) == "data/x.yaml: malformed"
    both = DataErrors([full, DataError("data/x.yaml", "malformed")])
    assert str(both).splitlines() == [str(full), "data/x.yaml: malformed"]


def test_rows_columns_and_file(tmp_path):
    path = write(tmp_path, "gadgets.yaml", TABLE
                 + '  - {id: a, fp16_tflops: 10, power_w: 5, sources: [X], as_of: "2020"}\n'
                 + "  - {id: b, sources: [Y, Z], as_of: 2021-06}\n")
    table = load_table(path)
    assert table.name == "gadgets" and table.file == Path(tmp_path.name) / "gadgets.yaml"
    assert [c.key for c in table.columns] == ["id", "fp16_tflops", "power_w", "sources", "as_of",
                                              "note", "fp16_tflops_per_w"]
    assert [c.derived for c in table.columns][-1] is True
    assert table.rows == [
        {"id": "a", "fp16_tflops": 10, "power_w": 5, "sources": ["X"], "as_of": "2020",
         "note": None},
        {"id": "b", "fp16_tflops": None, "power_w": None, "sources": ["Y", "Z"],
         "as_of": "2021-06", "note": None},
    ]


def test_csv_rows_are_faithful_to_the_file():
    table = load_table(DATA / "mlperf_resnet50.csv")
    with (DATA / "mlperf_resnet50.csv").open(encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    data_keys = [c.key for c in table.columns if not c.derived]
    assert list(raw[0]) == data_keys
    assert len(raw) == len(table.rows)
    for cells, row in zip(raw, table.rows, strict=True):
        for key, cell in cells.items():
            value = row[key]
            if value is None:
                assert cell == ""
            elif isinstance(value, (int, float)):
                assert float(cell) == value
            else:
                assert cell == value


def test_yaml_repeated_key_is_malformed(tmp_path):
    path = write(tmp_path, "g.yaml", TABLE + "  - {id: a, id: b, sources: [X], as_of: 2020}\n")
    (error,) = problems(path)
    assert "duplicate key 'id'" in error.message and error.row is None


def test_schema_problems_name_the_column(tmp_path):
    row = "  - {id: a, sources: [X], as_of: '2020'}\n"
    no_unit = write(tmp_path, "a.yaml", TABLE.replace("unit: W}", "}") + row)
    (error,) = problems(no_unit)
    assert (error.field, error.row) == ("columns.power_w", None)
    assert error.message == "a number column needs a unit (or a unit_column)"
    text_date = TABLE.replace("as_of, label: As of, kind: date", "as_of, label: As of, kind: text")
    (error,) = problems(write(tmp_path, "b.yaml", text_date + row))
    assert "'as_of' column of kind 'date'" in error.message


def test_bad_cells(tmp_path):
    rows = ("  - {id: Bad Id, sources: X, as_of: 2020}\n"
            "  - {id: c, fp16_tflops: true, sources: [X], as_of: yesterday}\n")
    found = {(e.row, e.field): e.message for e in problems(write(tmp_path, "g.yaml", TABLE + rows))}
    assert "lower-case" in found[(1, "id")]
    assert "expected a list" in found[(1, "sources")]
    assert "expected a number" in found[(2, "fp16_tflops")]
    assert "expected a date" in found[(2, "as_of")]


def test_csv_needs_its_sidecar_and_the_sidecar_its_csv(tmp_path):
    write(tmp_path, "lonely.csv", "id,sources,as_of\na,X,2020\n")
    write(tmp_path, "orphan.schema.yaml", "title: T\n")
    with pytest.raises(DataErrors) as caught:
        load_all(tmp_path)
    messages = {e.file: e.message for e in caught.value.errors}
    assert "no schema sidecar lonely.schema.yaml" in messages[f"{tmp_path.name}/lonely.csv"]
    assert "without a CSV" in messages[f"{tmp_path.name}/orphan.schema.yaml"]


def test_notebook_references(tmp_path):
    claims = (DATA / "claims.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, "claims.yaml", claims)
    assert load_table(path).rows  # without a stem list, any well-formed notebook path passes
    errors = problems(path, notebook_stems={"01-teacher-and-student"})
    assert errors and all(e.field == "evidence" and "no notebook" in e.message for e in errors)


def test_real_claims_point_at_real_rows():
    tables = load_all(DATA)
    ids = {(name, row["id"]) for name, t in tables.items() for row in t.rows}
    for row in tables["claims"].rows:
        for ref in row["evidence"]:
            if not ref.startswith("notebooks/"):
                assert tuple(ref.split(":", 1)) in ids


def test_out_of_range_and_not_allowed(tmp_path):
    text = (TABLE.replace("unit: W}", "unit: W, max: 1000}")
            .replace("{key: note, label: Note, kind: text}",
                     "{key: note, label: Note, kind: text, values: [fine, odd]}"))
    rows = "  - {id: a, power_w: 5000, note: weird, sources: [X], as_of: '2020'}\n"
    found = {e.field: e.message for e in problems(write(tmp_path, "g.yaml", text + rows))}
    assert found == {"power_w": "must be <= 1000, got 5000",
                     "note": "must be one of fine, odd; got 'weird'"}

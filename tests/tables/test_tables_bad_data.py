"""The corpus of bad data files: each gives its own error, naming the file, row and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainfer.tables.load import DataError, DataErrors, Limits, load_all

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad_data"
STEMS = {"01-teacher-and-student"}

# case: (file, row, row id, field, words in the message)
CASES = {
    "missing_source": ("gadgets.yaml", 2, "b", "sources", "needs a source"),
    "unknown_unit": ("gadgets.yaml", None, None, "columns.power_w.unit", "unknown unit"),
    "negative_value": ("gadgets.yaml", 2, "b", "power_w", "must be >= 0"),
    "duplicate_id": ("gadgets.yaml", 3, "a", "id", "duplicate id (first used in row 1)"),
    "dangling_id": ("claims.yaml", 2, "broken", "evidence", "'gadgets:zzz': no such row"),
    "unknown_notebook": ("claims.yaml", 2, "broken", "evidence", "no notebook '99-no-such-page'"),
    "wrong_type": ("gadgets.yaml", 1, "a", "power_w", "expected a number, got 'lots'"),
    "unknown_column": ("gadgets.yaml", 2, "b", "colour", "unknown column"),
    "unknown_csv_column": ("gadgets.csv", None, None, "colour", "unknown column"),
    "malformed_csv": ("gadgets.csv", 2, "b", None, "line 3: expected 4 cells, got 5"),
    "unterminated_csv": ("gadgets.csv", 2, None, None, "malformed CSV at line 3"),
    "malformed_yaml": ("gadgets.yaml", None, None, None, "malformed YAML at line 11"),
    "derived_filled": ("gadgets.yaml", 1, "a", "fp16_tflops_per_w", "computed, not filled in"),
    "alias_bomb": ("gadgets.yaml", None, None, None, "refused YAML at line 16: aliases expand this "
                   "file past 100,000 nodes (values, keys, lists, mappings), the limit set by "
                   "option max_yaml_nodes of the trainfer/tables plugin"),
    "big_alias_value": ("gadgets.yaml", 2, "b", "power_w", "expected a number, got [[[...], "),
    "alias_loop": ("gadgets.yaml", None, None, None, "refused YAML at line 11: alias *s is inside "
                   "the collection it refers to (a loop)"),
    "yaml_tag": ("gadgets.yaml", None, None, None, "refused YAML at line 11: tag "
                 "'!!python/object/apply:os.system': data files are plain YAML"),
    "too_deep": ("gadgets.yaml", None, None, None, "refused YAML at line 11: nested deeper than "
                 "32 levels"),
    "yaml_control_character": ("gadgets.yaml", None, None, None, "control character U+0000 at "
                               "line 11, column 41: not allowed in a data file"),
    "csv_control_character": ("gadgets.csv", None, None, None, "control character U+001B at "
                              "line 3, column 6: not allowed in a data file"),
    "future_as_of": ("gadgets.yaml", 2, "b", "as_of", "2999-01 is in the future"),
    "csv_bom": ("gadgets.csv", None, None, None, "starts with a UTF-8 byte-order mark (BOM); save "
                "it as UTF-8 without BOM"),
    "not_utf8": ("gadgets.csv", None, None, None, "not UTF-8 at line 3, column 8: byte 0xE9"),
    "too_big": ("gadgets.csv", None, None, None, "457 bytes, over the limit of 400 bytes per data "
                "file (option max_file_bytes of the trainfer/tables plugin)"),
    "too_many_rows": ("gadgets.yaml", None, None, "rows", "more than 2 rows (option max_rows"),
    "too_many_csv_rows": ("gadgets.csv", None, None, None, "more than 2 rows (option max_rows"),
}
LIMITS = {  # cases about a limit use a small one, so that their fixture stays small
    "too_big": Limits(max_file_bytes=400),
    "too_many_rows": Limits(max_rows=2),
    "too_many_csv_rows": Limits(max_rows=2),
}


def errors_of(case: str) -> list[DataError]:
    with pytest.raises(DataErrors) as caught:
        load_all(BAD / case, notebook_stems=STEMS, limits=LIMITS.get(case, Limits()))
    return caught.value.errors


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_gives_its_own_error(case):
    name, row, row_id, field, words = CASES[case]
    errors = errors_of(case)
    assert len(errors) == 1, "\n".join(map(str, errors))
    error = errors[0]
    assert (error.file, error.row, error.row_id, error.field) == (f"{case}/{name}", row, row_id,
                                                                  field)
    assert words in error.message
    assert len(error.message) < 250  # a value in a message is a hint, never the value itself
    text = str(error)
    assert text.startswith(f"{case}/{name}: ")
    if row is not None:
        assert f"row {row}" + (f" (id {row_id})" if row_id else "") in text
    if field is not None:
        assert f"field '{field}'" in text


def test_every_case_has_a_fixture():
    assert {p.name for p in BAD.iterdir() if p.is_dir()} == set(CASES) | {"many_errors"}


def test_all_errors_of_a_file_are_collected():
    errors = errors_of("many_errors")
    found = {(e.row, e.row_id, e.field) for e in errors}
    assert found == {
        (1, "a", "power_w"),  # negative
        (2, "b", "sources"),  # no source
        (3, "c", "as_of"),  # not a calendar date
        (4, "a", "as_of"),  # no as-of date
        (4, "a", "id"),  # duplicate
    }


def test_errors_of_several_files_are_collected(tmp_path):
    for case in ("negative_value", "unknown_unit"):
        target = tmp_path / f"{case}.yaml"
        target.write_bytes((BAD / case / "gadgets.yaml").read_bytes())
    with pytest.raises(DataErrors) as caught:
        load_all(tmp_path)
    assert {e.file for e in caught.value.errors} == {
        f"{tmp_path.name}/negative_value.yaml", f"{tmp_path.name}/unknown_unit.yaml"}
    assert len(str(caught.value).splitlines()) == 2

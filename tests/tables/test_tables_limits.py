"""Every data file has a size and a shape: limits, YAML without tags or runaway aliases, dates."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from trainfer.tables import yamlsafe
from trainfer.tables.cells import latest_today, starts_after
from trainfer.tables.errors import DataError, brief
from trainfer.tables.limits import Limits, position
from trainfer.tables.load import DataErrors, load_all, load_table

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad_data"
GADGETS = (BAD / "wrong_type" / "gadgets.yaml").read_text(encoding="utf-8").split("rows:")[0]

# A child that must not outgrow 1 GiB of address space (the bomb once took 2.4 GB and minutes).
GUARDED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))
from trainfer.tables.load import DataErrors, load_all
try:
    load_all(sys.argv[1])
except DataErrors as exc:
    print(exc)
    sys.exit(3)
"""


def guarded(folder: Path) -> subprocess.CompletedProcess:
    """Load `folder` in a child process with a 1 GiB memory limit; a hang fails after 60 s."""
    return subprocess.run([sys.executable, "-c", GUARDED, str(folder)], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)


def test_an_alias_bomb_fails_small_and_names_the_file():
    done = guarded(BAD / "alias_bomb")
    assert done.returncode == 3, done.stderr[-2000:]
    assert done.stdout.startswith("alias_bomb/gadgets.yaml: refused YAML at line 16: aliases "
                                  "expand this file past 100,000 nodes")
    assert "Traceback" not in done.stderr and len(done.stdout) < 300


def test_deep_nesting_is_refused_not_a_crash(tmp_path):
    # libyaml recurses in C per level: 200,000 levels once killed the process (SIGSEGV).
    (tmp_path / "deep.yaml").write_text("[\n" * 200_000 + "]" * 200_000)
    done = guarded(tmp_path)
    assert done.returncode == 3, done.stderr[-2000:]
    assert done.stdout.strip() == (f"{tmp_path.name}/deep.yaml: refused YAML at line 33: "
                                   "nested deeper than 32 levels")


def test_a_50_mb_csv_is_refused_before_it_is_read(tmp_path):
    row = "int8_add,8-bit int add,8,integer,0.03,verified,A datasheet,2026-11-25,\n"
    for name in ("energy_per_op.csv", "energy_per_op.schema.yaml"):
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    with (tmp_path / "energy_per_op.csv").open("a", encoding="utf-8") as handle:
        handle.write(row * (50 * 2**20 // len(row) + 1))
    size = (tmp_path / "energy_per_op.csv").stat().st_size
    with pytest.raises(DataErrors) as caught:
        load_all(tmp_path)
    (error,) = caught.value.errors
    assert str(error) == (f"{tmp_path.name}/energy_per_op.csv: {size:,} bytes, over the limit of "
                          "1,048,576 bytes per data file (option max_file_bytes of the "
                          "trainfer/tables plugin)")


@pytest.mark.parametrize("tagged", [
    "!!str 12", "!!binary aGk=", "!!set {a, b}", "!!python/name:os.system", "!custom x",
    "! plain", "!<tag:yaml.org,2002:str> x",
])
def test_every_explicit_tag_is_refused(tmp_path, tagged):
    path = tmp_path / "g.yaml"
    path.write_text(GADGETS + f"rows:\n  - id: a\n    sources: [X]\n    power_w: {tagged}\n")
    with pytest.raises(DataErrors) as caught:
        load_table(path)
    (error,) = caught.value.errors
    assert error.message.startswith("refused YAML at line 12: tag '!")
    assert "data files are plain YAML" in error.message


def test_nodes_are_counted_with_every_alias_expanded():
    text = "a: &x [1, 2]\nb: *x\n"  # map, key a, list + 2 items, key b, alias (3 nodes): 9
    assert yamlsafe.load(text, 9) == {"a": [1, 2], "b": [1, 2]}
    with pytest.raises(yamlsafe.YamlRefused, match="at line 2: aliases expand this file past 8 "):
        yamlsafe.load(text, 8)
    with pytest.raises(yamlsafe.YamlRefused, match="at line 1: this file has past 3 nodes"):
        yamlsafe.load("[1, 2, 3, 4]", 3)


def test_the_node_budget_is_an_option_and_todays_data_is_far_below_it():
    assert load_table(ROOT / "data" / "compute_trend.yaml", limits=Limits(max_yaml_nodes=1000))
    with pytest.raises(DataErrors, match="past 500 nodes .* option max_yaml_nodes"):
        load_table(ROOT / "data" / "compute_trend.yaml", limits=Limits(max_yaml_nodes=500))


def test_a_future_as_of_date_names_row_and_field(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GADGETS + "rows:\n  - {id: a, sources: [X], as_of: 2021-06}\n")
    assert load_table(path, today=dt.date(2021, 6, 1)).rows  # a month counts from its first day
    with pytest.raises(DataErrors) as caught:
        load_table(path, today=dt.date(2021, 5, 31))
    (error,) = caught.value.errors
    assert (error.row, error.row_id, error.field) == (1, "a", "as_of")
    assert error.message.startswith("2021-06 is in the future (it is at most 2021-05-31 ")


def test_dates_compare_from_their_first_day():
    today = dt.date(2026, 11, 30)
    assert [starts_after(v, today) for v in ("2026", "2026-11", "2026-11-30", "2026-12",
                                             "2026-12-01", "2027")] == [False] * 3 + [True] * 3
    utc = dt.datetime.now(dt.UTC).date()
    assert latest_today() in (utc, utc + dt.timedelta(days=1))


def test_a_bom_in_yaml_and_a_utf16_file_are_named(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"\xef\xbb\xbf" + GADGETS.encode())
    (tmp_path / "b.yaml").write_bytes(b"\xff\xfe" + "title: x\n".encode("utf-16-le"))
    with pytest.raises(DataErrors) as caught:
        load_all(tmp_path)
    assert [str(e) for e in caught.value.errors] == [
        f"{tmp_path.name}/a.yaml: starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 "
        "without BOM",
        f"{tmp_path.name}/b.yaml: starts with a UTF-16 byte-order mark: save it as UTF-8"]


def test_positions_count_lines_and_characters_not_bytes():
    data = "id\n人人,caf".encode() + b"\xe9"
    assert position(data, len(data) - 1) == (2, 7)
    assert position("ab\ncd", 4) == (2, 2)


def test_no_message_shows_more_than_a_glimpse_of_a_value():
    shared = ["lol"] * 9
    for _ in range(9):  # 9^10 strings if walked: a repr must not walk it
        shared = [shared] * 9
    assert len(brief(shared)) == 80 and brief(shared).endswith("…")
    assert brief("x" * 10**6).startswith("'xxx") and len(brief("x" * 10**6)) == 80
    error = DataError("data/x.yaml", "bad", row=1, row_id="i" * 10**5, field="f" * 10**5)
    assert len(str(error)) < 200


def test_a_character_yaml_refuses_is_placed_by_line_and_character():
    # libyaml counts in bytes: the 人 before it (3 bytes) is one column, as an editor shows it.
    with pytest.raises(yamlsafe.YamlRefused) as caught:
        yamlsafe.load("a: 1\nb: 人\x81\n", 100)
    assert str(caught.value) == ("malformed YAML at line 2, column 5: character #x0081: control "
                                 "characters are not allowed")

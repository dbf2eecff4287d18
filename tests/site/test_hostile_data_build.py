"""Hostile data and bad options fail the build by name, with no traceback, and keep site/ as it was."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build

FIXTURE = ROOT / "tests" / "fixtures" / "table_site"
BAD = ROOT / "tests" / "fixtures" / "bad_data"
CSV = "data/energy_per_op.csv"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The table fixture with its i18n text, built once; and a snapshot of its site."""
    project = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "i18n", project / "i18n")
    done = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert done.returncode == 0, done.stderr
    before = snapshot(project / "site")
    assert "benchmarks/energy_per_op/index.html" in before
    return project, before


def fifty_mb(project: Path) -> None:
    row = "int8_add,8-bit int add,8,integer,0.03,verified,A datasheet,2026-11-25,\n"
    with (project / CSV).open("a", encoding="utf-8") as handle:
        handle.write(row * (50 * 2**20 // len(row) + 1))


def shapes(project: Path) -> None:
    """Four files, each wrong in its own way: all four are reported by one build."""
    data, table = project / "data", project / CSV
    table.write_bytes(b"\xef\xbb\xbf" + table.read_bytes())
    for case, name in (("not_utf8", "gadgets"), ("future_as_of", "widgets"),
                       ("yaml_tag", "gizmos")):
        for source in (BAD / case).iterdir():
            shutil.copy(source, data / source.name.replace("gadgets", name))


def plugin_options(text: str):
    return lambda project: (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml").read_text().replace("  - trainfer/tables\n", text))


CASES = {
    "alias_bomb": (lambda p: shutil.copy(BAD / "alias_bomb" / "gadgets.yaml", p / "data"), [
        "data/gadgets.yaml: refused YAML at line 16: aliases expand this file past 100,000 nodes"]),
    "fifty_mb_csv": (fifty_mb, [
        "data/energy_per_op.csv: 52,", " bytes, over the limit of 1,048,576 bytes per data file "
        "(option max_file_bytes of the trainfer/tables plugin)"]),
    "shapes": (shapes, [
        "data/energy_per_op.csv: starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 "
        "without BOM",
        "data/gadgets.csv: not UTF-8 at line 3, column 8: byte 0xE9",
        "data/widgets.yaml: row 2 (id b), field 'as_of': 2999-01 is in the future",
        "data/gizmos.yaml: refused YAML at line 11: tag '!!python/object/apply:os.system'"]),
    "limit_option": (plugin_options("  - trainfer/tables:\n      max_file_bytes: 2000\n"), [
        "data/energy_per_op.csv: 2,730 bytes, over the limit of 2,000 bytes per data file "
        "(option max_file_bytes"]),
    "bad_option": (plugin_options("  - trainfer/tables:\n      max_rows: 0\n"), [
        "Plugin 'trainfer/tables' option 'max_rows': expected a whole number above 0, got 0 (in ",
        "mkdocs.yml)"]),
    "no_data_dir": (plugin_options("  - trainfer/tables:\n      data_dir: nowhere\n"), [
        "Plugin 'trainfer/tables' option 'data_dir': no folder ", "nowhere (in ", "mkdocs.yml)"]),
    "negative_workers": (plugin_options("  - trainfer/tables\n  - trainfer/notebooks:\n"
                                        "      workers: -3\n"), [
        "Plugin 'trainfer/notebooks' option 'workers': expected 0 (one more than the cores) or a "
        "number of notebooks to run at once, got -3"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_fails_by_name_and_keeps_the_site(built, tmp_path, case):
    pristine, before = built
    project = tmp_path / "project"
    shutil.copytree(pristine, project)  # its site/ too, byte for byte
    edit, expected = CASES[case]
    edit(project)
    done = mkdocs_build(project / "mkdocs.yml", project / "site")
    report = done.stdout + done.stderr
    assert done.returncode == 1, report[-3000:]
    for words in expected:
        assert words in report, report[-3000:]
    assert "Traceback" not in report
    assert snapshot(project / "site") == before

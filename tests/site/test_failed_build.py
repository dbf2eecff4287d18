"""A failing notebook fails the build, names the notebook and the cell, and keeps site/ as it was."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from notebooks_support import write_notebook

FIXTURE = ROOT / "tests" / "fixtures" / "notebook_site"


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_failing_cell_keeps_the_previous_site(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "i18n", project / "i18n")  # the pages\' text
    write_notebook(project / "notebooks" / "good.ipynb", ["x = 6 * 7", "print(x)"])
    site = project / "site"
    first = mkdocs_build(project / "mkdocs.yml", site)
    assert first.returncode == 0, first.stderr
    before = snapshot(site)
    assert "42" in (site / "notebooks" / "good" / "index.html").read_text()

    write_notebook(project / "notebooks" / "broken.ipynb",
                   ["a = 1", "b = 2", "ratio = a / 0  # the failing cell", "print('never')"])
    second = mkdocs_build(project / "mkdocs.yml", site)
    assert second.returncode != 0
    report = second.stdout + second.stderr
    assert "notebooks/broken.ipynb" in report
    assert "code cell 3" in report and "ratio = a / 0" in report
    assert "ZeroDivisionError" in report
    assert snapshot(site) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]


def test_bad_metadata_names_the_notebook_and_the_key(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "i18n", project / "i18n")  # the pages\' text
    write_notebook(project / "notebooks" / "nometa.ipynb", ["1"], title="", budget_seconds="x")
    done = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert done.returncode != 0
    report = done.stdout + done.stderr
    assert "notebooks/nometa.ipynb: metadata.trainfer.title is empty" in report
    assert "notebooks/nometa.ipynb: metadata.trainfer.budget_seconds should be a number" in report
    assert not (project / "site").exists()


TABLE_FIXTURE = ROOT / "tests" / "fixtures" / "table_site"


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda text: text.replace(",0.9,", ",-0.9,", 1), "field 'energy_pj'"),
    (lambda text: text + "int8_add,8-bit int add,8,int,0.03,partly,x,2026-11-25,\n",
     "duplicate id"),
    (lambda text: text.replace("Horowitz", "", 0).rstrip("\n") + '\n"unclosed,\n', "row"),
])
def test_bad_data_fails_the_build_and_keeps_the_site(tmp_path, edit, expected):
    project = tmp_path / "project"
    shutil.copytree(TABLE_FIXTURE, project)
    shutil.copytree(ROOT / "i18n", project / "i18n")  # the pages\' text
    site = project / "site"
    assert mkdocs_build(project / "mkdocs.yml", site).returncode == 0
    before = snapshot(site)
    data = project / "data" / "energy_per_op.csv"
    data.write_text(edit(data.read_text()))
    done = mkdocs_build(project / "mkdocs.yml", site)
    report = done.stdout + done.stderr
    assert done.returncode != 0
    assert "data/energy_per_op.csv" in report and expected in report
    assert "Traceback" not in report
    assert snapshot(site) == before


def test_a_malformed_notebook_file_is_named(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "i18n", project / "i18n")
    (project / "notebooks").mkdir(exist_ok=True)
    (project / "notebooks" / "broken.ipynb").write_text("{ not json")
    done = mkdocs_build(project / "mkdocs.yml", project / "site")
    report = done.stdout + done.stderr
    assert done.returncode != 0
    assert "notebooks/broken.ipynb: not a readable notebook" in report
    assert "Traceback" not in report

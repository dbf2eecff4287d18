"""The contribution path: scaffolding a notebook, and each check failing with its own message."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from conftest import ROOT
from notebooks_support import write_notebook

from trainfer.notebooks.check import check, strip
from trainfer.notebooks.scaffold import scaffold


@pytest.fixture
def project(tmp_path):
    """A project with the real data/ and the template, and an empty notebooks/ folder."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "notebooks" / "templates", tmp_path / "notebooks" / "templates")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    return tmp_path


def run_check(project, path):
    return check(path, project, timeout=60)


def test_a_scaffolded_notebook_passes_the_checks(project):
    path = scaffold("What 100 PFLOPS buys", project)
    assert path.name == "01-what-100-pflops-buys.ipynb"
    assert nbformat.read(path, as_version=4).metadata["trainfer"]["title"] == "What 100 PFLOPS buys"
    assert run_check(project, path) == []
    assert scaffold("Another one", project).name.startswith("02-")


def test_stored_outputs_are_reported_and_strip_removes_them(project):
    path = write_notebook(project / "notebooks" / "a.ipynb", ["print(1)"])
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="1\n")]
    nbformat.write(nb, path)
    assert any("outputs are stored in git" in p for p in run_check(project, path))
    strip(path)
    assert run_check(project, path) == []


def test_reading_undeclared_data_is_reported(project):
    path = write_notebook(project / "notebooks" / "b.ipynb",
                          ["from trainfer.notebook_data import rows\n\nlen(rows('chips'))"])
    problems = run_check(project, path)
    assert problems == ["notebooks/b.ipynb: reads data/chips.yaml but metadata.trainfer.data "
                        "does not declare it (the cache would miss a change to it)"]


def test_the_network_is_closed_with_a_clear_message(project):
    path = write_notebook(project / "notebooks" / "c.ipynb",
                          ["import urllib.request\n\nurllib.request.urlopen('http://example.com')"])
    (problem,) = run_check(project, path)
    assert "notebooks/c.ipynb: code cell 1" in problem
    assert "NetworkBlocked" in problem and "run without network" in problem


def test_a_notebook_that_differs_between_runs_is_reported(project):
    path = write_notebook(project / "notebooks" / "d.ipynb",
                          ["import random\n\nprint(random.random())"])
    (problem,) = run_check(project, path)
    assert "two runs gave different outputs" in problem


def test_over_budget_and_lint_are_reported(project):
    path = write_notebook(project / "notebooks" / "e.ipynb", ["import time\n\ntime.sleep(30)",
                                                              "import os"], budget_seconds=1)
    problems = run_check(project, path)
    assert any("notebooks/e.ipynb: code cell 1 (`import time`) timed out" in p
               and "limited to 1 s (metadata.trainfer.budget_seconds)" in p for p in problems)
    assert any("ruff" in p and "F401" in p for p in problems)


def test_a_figure_typed_into_the_prose_is_reported(project):
    """A verdict that types 3.08 when the code prints 3.04 fails, naming the cell and figure."""
    path = project / "notebooks" / "typed.ipynb"
    shutil.copy(ROOT / "tests" / "fixtures" / "prose" / "typed_figure.ipynb", path)
    assert run_check(project, path) == [
        "notebooks/typed.ipynb: markdown cell 2 ('**Verdict.** One teaching step costs 3.08 "
        "reading passes,...') types the figure 3.08, which no output and no declared data "
        "file shows: print it from the code (format a computed value) or drop it from the prose"
    ]


def test_figures_printed_by_the_code_pass(project):
    path = project / "notebooks" / "printed.ipynb"
    shutil.copy(ROOT / "tests" / "fixtures" / "prose" / "printed_figure.ipynb", path)
    assert run_check(project, path) == []

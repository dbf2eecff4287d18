"""The notebook cache re-executes exactly what changed, and every failure is reported at once."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from notebooks_support import write_notebook

from conftest import ROOT, mkdocs_build

FIXTURE = ROOT / "tests" / "fixtures" / "notebook_site"


def ran(done) -> set[str]:
    return set(re.findall(r"notebooks: \[\d+/\d+\] (\S+) ran", done.stdout + done.stderr))


@pytest.fixture
def project(tmp_path, monkeypatch):
    project = tmp_path / "project"
    # the kernels import this project's explainers, not the one installed for the tests
    monkeypatch.setenv("PYTHONPATH", str(project / "explainers" / "src"))
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "i18n", project / "i18n")  # the pages\' text
    package = project / "explainers" / "src" / "explainers"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "teach.py").write_text("RATE = 1\n")
    (package / "read.py").write_text("PAGES = 1\n")
    write_notebook(project / "notebooks" / "uses.ipynb", ["import explainers.teach\nprint('uses')"])
    write_notebook(project / "notebooks" / "reads.ipynb", ["from explainers.read import PAGES"])
    write_notebook(project / "notebooks" / "plain.ipynb", ["print('plain')"])
    return project


def build(project, **env):
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        done = mkdocs_build(project / "mkdocs.yml", project / "site")
    finally:
        for k, v in old.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
    assert done.returncode == 0, done.stderr
    return done


def test_only_what_changed_is_executed_again(project):
    with (project / "mkdocs.yml").open("a") as config:  # the plugin grows this entry a section
        config.write("nav:\n  - Home: index.md\n  - Notebooks: notebooks/index.md\n")
    assert ran(build(project)) == {"uses", "reads", "plain"}
    assert ran(build(project)) == set()  # nothing changed
    write_notebook(project / "notebooks" / "plain.ipynb", ["print('plain, edited')"])
    assert ran(build(project)) == {"plain"}
    assert "plain, edited" in (project / "site" / "notebooks" / "plain" / "index.html").read_text()
    # the cached pages are made while plain runs: the nav still lists the notebooks in order
    home = (project / "site" / "index.html").read_text()
    assert re.findall(r'href="notebooks/(plain|reads|uses)/"', home) == ["plain", "reads", "uses"]
    package = project / "explainers" / "src" / "explainers"
    (package / "teach.py").write_text("RATE = 2\n")
    assert ran(build(project)) == {"uses"}  # only the notebook that imported that module
    (package / "read.py").write_text("PAGES = 2\n")
    assert ran(build(project)) == {"reads"}
    (package / "__init__.py").write_text("# both import the package itself\n")
    assert ran(build(project)) == {"uses", "reads"}
    entries = (project / ".trainfer-cache" / "notebooks").glob("*.modules.json")
    assert any("explainers/src/explainers/read.py" in e.read_text() for e in entries)
    nb = project / "notebooks" / "plain.ipynb"
    nb.write_text(nb.read_text().replace("Intro.", "A new introduction."))
    done = build(project)
    assert ran(done) == set()  # Markdown changes re-render without re-running
    assert "A new introduction." in (project / "site" / "notebooks" / "plain" / "index.html").read_text()


EMPTY_NOTEBOOK = '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'


@pytest.mark.parametrize("content", ["{ not json", EMPTY_NOTEBOOK])
def test_a_corrupt_cache_entry_is_executed_again(project, content):
    build(project)
    entries = sorted((project / ".trainfer-cache" / "notebooks").glob("*.ipynb"))
    for entry in entries:
        entry.write_text(content)  # unreadable, not a notebook, or a notebook but not this one
    done = build(project)
    assert ran(done) == {"uses", "reads", "plain"}
    for entry in entries:
        assert f"dropped the bad entry {entry}" in done.stdout + done.stderr


def test_force_reexecutes_one_or_all(project):
    build(project)
    assert ran(build(project, TRAINFER_FORCE="plain")) == {"plain"}
    assert ran(build(project, TRAINFER_FORCE="*")) == {"uses", "reads", "plain"}


def test_every_failure_is_reported_at_once(project):
    write_notebook(project / "notebooks" / "bad1.ipynb", ["raise ValueError('first')"])
    write_notebook(project / "notebooks" / "bad2.ipynb", ["x = 1", "undefined_name"])
    done = mkdocs_build(project / "mkdocs.yml", project / "site")
    report = done.stdout + done.stderr
    assert done.returncode != 0
    assert "notebooks/bad1.ipynb: code cell 1" in report and "ValueError: first" in report
    assert "notebooks/bad2.ipynb: code cell 2" in report and "NameError" in report
    assert ran(done) >= {"uses", "reads", "plain"}  # the others still ran (and are cached for next time)


def test_a_build_failing_elsewhere_ends_the_running_notebooks_quietly(project):
    # the notebooks start in on_pre_build; a plugin failing before they are collected must end
    # their kernels (or this build would wait out the sleep) and leave no traceback behind
    (project / "hook.py").write_text(
        "from mkdocs.exceptions import PluginError\nfrom mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(100)\ndef on_files(files, config):\n    raise PluginError('hook: no')\n")
    with (project / "mkdocs.yml").open("a") as config:
        config.write("hooks:\n  - hook.py\n")
    write_notebook(project / "notebooks" / "slow.ipynb", ["import time\ntime.sleep(600)"])
    done = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert done.returncode != 0 and "hook: no" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert not (project / "site").exists()

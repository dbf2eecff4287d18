"""Hostile notebooks (tests/fixtures/hostile/) end, are named, and change nothing.

One build runs them all at once, as a pull request full of them would: a cell that never ends,
a kernel that exits, a budget overrun, a writer, an undeclared reader and a missing kernel.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from notebooks_support import write_notebook

from conftest import ROOT, mkdocs_build
from trainfer.notebooks.sandbox import isolation

FIXTURE = ROOT / "tests" / "fixtures" / "notebook_site"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
BUILT = ["run_endless", "run_exit", "run_budget", "sandbox_writer", "sandbox_reads",
         "sandbox_kernelspec"]


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_project(tmp_path, cell_timeout: int = 2):
    """The notebook fixture site, its notebooks plugin given `cell_timeout`."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "i18n", project / "i18n")
    (project / "notebooks").mkdir()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - trainfer/notebooks", f"  - trainfer/notebooks:\n      cell_timeout: {cell_timeout}"))
    return project


def require_sandbox() -> None:
    """The sandbox tests need bwrap: `nox -s tests` installs it as root; elsewhere, skip."""
    found = isolation()
    if found.bwrap is None:
        if shutil.which("apt-get") and os.geteuid() == 0:
            pytest.fail(f"bwrap should be installed here (nox -s tests does it): {found.reason}")
        pytest.skip(f"bwrap cannot run here: {found.reason}")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(project, the failed build's report, site and docs before, site and docs after)."""
    require_sandbox()
    project = make_project(tmp_path_factory.mktemp("hostile"))
    (project / "data").mkdir()
    (project / "data" / "x.yaml").write_text("x: 1\n")
    (project / "data" / "y.yaml").write_text("y: 2\n")
    write_notebook(project / "notebooks" / "good.ipynb", ["print(6 * 7)"])
    site = project / "site"
    first = mkdocs_build(project / "mkdocs.yml", site)
    assert first.returncode == 0, first.stderr
    before = snapshot(site), snapshot(project / "docs")
    for stem in BUILT:
        shutil.copy(HOSTILE / f"{stem}.ipynb", project / "notebooks")
    done = mkdocs_build(project / "mkdocs.yml", site)
    assert done.returncode != 0
    return project, done.stdout + done.stderr, before, (snapshot(site), snapshot(project / "docs"))


def test_an_endless_cell_times_out_naming_file_cell_and_limit(hostile):
    _, report, *_ = hostile
    assert ("notebooks/run_endless.ipynb: code cell 2 (`while True:`) timed out: a cell may run "
            "2 s (cell_timeout)") in report


def test_a_kernel_that_exits_is_reported_as_dead(hostile):
    _, report, *_ = hostile
    assert ("notebooks/run_exit.ipynb: code cell 2 (`import os`) failed: the kernel died "
            "(exit status 1)") in report


def test_the_budget_limits_the_whole_run(hostile):
    _, report, *_ = hostile
    assert ("notebooks/run_budget.ipynb: code cell 2 (`time.sleep(1.5)`) timed out: the notebook's "
            "whole run is limited to 2 s (metadata.trainfer.budget_seconds)") in report


def test_a_writer_changes_neither_the_site_nor_the_docs(hostile):
    project, report, before, after = hostile
    assert "notebooks/sandbox_writer.ipynb: code cell 2" in report
    assert "the writer fails after writing" in report
    assert after == before  # byte for byte
    assert not (project.parent / "pwned-outside.txt").exists()
    assert not (project / "notebooks" / "beside.txt").exists()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]


def test_reads_of_the_data_folder_by_any_path_are_known(hostile):
    _, report, *_ = hostile
    for rel in ("data/x.yaml", "data/y.yaml"):  # one by ../data, one by an absolute path
        assert (f"notebooks/sandbox_reads.ipynb: reads {rel} but metadata.trainfer.data does not "
                "declare it") in report


def test_a_missing_kernel_is_named(hostile):
    _, report, *_ = hostile
    assert ("notebooks/sandbox_kernelspec.ipynb: asks for the Jupyter kernel "
            "'trainfer-no-such-kernel' (metadata.kernelspec.name), which is not installed") in report
    assert "SyntaxError" not in report and "NoSuchKernel" not in report


def test_the_log_names_the_isolation_in_force(hostile):
    _, report, *_ = hostile
    assert "notebooks: isolation: bubblewrap" in report


def test_without_bwrap_the_socket_guard_is_named_and_notebooks_still_run(tmp_path, monkeypatch):
    project = make_project(tmp_path)
    write_notebook(project / "notebooks" / "plain.ipynb", ["import os\n\nprint(os.getcwd())"])
    monkeypatch.setenv("TRAINFER_BWRAP", str(tmp_path / "no-bwrap-here"))
    done = mkdocs_build(project / "mkdocs.yml", project / "site")
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert (f"notebooks: isolation: socket guard only (bwrap unavailable: {tmp_path}/no-bwrap-here "
            "not found") in report
    page = (project / "site" / "notebooks" / "plain" / "index.html").read_text()
    assert str(project / "notebooks") in page  # the notebook's own folder is its working directory


def test_a_killed_builds_scratch_folder_is_removed(tmp_path):
    project = make_project(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = project / f"site.building-{int(dead.stdout)}"  # that process has ended
    (stale / "assets").mkdir(parents=True)
    (stale / "assets" / "half-written.js").write_text("")
    live = project / f"site.building-{os.getpid()}"  # a build still running (this one)
    live.mkdir()
    done = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert done.returncode == 0, done.stderr
    assert not stale.exists() and live.is_dir()
    assert f"removing {stale}, left by a build that was killed" in done.stdout + done.stderr


def kernels_of(project: Path) -> list[int]:
    """Processes (kernels, their sandboxes) started for this project: they carry its root."""
    mark = f"TRAINFER_ROOT={project}\0".encode()
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and mark in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:  # gone, or not ours to read
            pass
    return found


def test_ctrl_c_stops_the_build_and_every_kernel(tmp_path):
    require_sandbox()
    project = make_project(tmp_path, cell_timeout=600)
    shutil.copy(HOSTILE / "run_endless.ipynb", project / "notebooks")
    scratch = tmp_path / "tmp"  # the kernels' run folders land here, so the test can see them
    scratch.mkdir()
    # SIGINT raises KeyboardInterrupt even if this test was started with SIGINT ignored
    code = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from mkdocs.__main__ import cli; sys.exit(cli())")
    build = subprocess.Popen(
        [sys.executable, "-c", code, "build", "--strict", "-f", str(project / "mkdocs.yml")],
        cwd=project, env={**os.environ, "TMPDIR": str(scratch)},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        while not list(scratch.glob("trainfer-run-*/home/started")):  # cell 1 ran: cell 2 spins
            assert build.poll() is None, build.stdout.read()
            time.sleep(0.1)
        assert kernels_of(project)
        build.send_signal(signal.SIGINT)
        output, _ = build.communicate(timeout=60)
    finally:
        build.kill()
    assert build.returncode != 0
    assert "run_endless ran" not in output
    deadline = time.monotonic() + 30  # a killed process may take a moment to be reaped
    while kernels_of(project) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert kernels_of(project) == []
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == []

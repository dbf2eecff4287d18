"""Run notebooks with nbclient, sandboxed and under time limits, and return result objects
instead of throwing through the build.

Every run ends: each cell has `timeout` seconds (the plugin's cell_timeout), the cells together
have the notebook's metadata.trainfer.budget_seconds (counted from the moment the kernel is
ready), and a kernel that dies is noticed within a second.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from trainfer.notebooks.cache import cleared, recorded_modules
from trainfer.notebooks.clock import RunClock
from trainfer.notebooks.kernel import kernel_for, kernel_profile
from trainfer.notebooks.manager import SandboxedKernelManager, in_parallel
from trainfer.notebooks.result import ExecResult
from trainfer.notebooks.sandbox import Isolation, isolation
from trainfer.notebooks.streams import coalesce_cells

log = logging.getLogger("mkdocs.plugins.trainfer.notebooks")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SIDECAR = ".schema.yaml"
# nbclient lets a cell with this tag fail and goes on (allow_errors stays False for the others)
RAISES = "raises-exception"


def cell_where(nb, index: int | None) -> str:
    """'code cell N (`head of its source`)' for the cell at `index` of the notebook."""
    if index is None:
        return "starting its kernel"
    number = sum(1 for cell in nb.cells[: index + 1] if cell.cell_type == "code")
    lines = nb.cells[index].source.strip().splitlines()
    return f"code cell {number} (`{lines[0][:80] if lines else ''}`)"


def describe_failure(path: Path, nb, exc: Exception, clock: RunClock, status) -> str:
    """A message naming the notebook, the cell (number and head), the error and the limit."""
    where = cell_where(nb, clock.cell_index)
    if isinstance(exc, CellTimeoutError) and clock.budget_bound:
        return (f"{path}: {where} timed out: the notebook's whole run is limited to "
                f"{clock.budget:g} s (metadata.trainfer.budget_seconds)")
    if isinstance(exc, CellTimeoutError):
        return f"{path}: {where} timed out: a cell may run {clock.cell_limit:g} s (cell_timeout)"
    if isinstance(exc, DeadKernelError) or "died" in str(exc):  # also "died before replying"
        ended = f"exit status {status}" if status is not None else str(exc)
        return (f"{path}: {where} failed: the kernel died ({ended}); a notebook may not end or "
                "crash its kernel")
    if not isinstance(exc, CellExecutionError):  # e.g. a kernel that never became ready
        return f"{path}: {where} failed: {type(exc).__name__}: {exc}"
    text = ANSI.sub("", str(exc)).strip()  # IPython colours its tracebacks
    return (f"{path}: {where} failed:\n{text}\n\nIf this cell fails on purpose (to show the "
            f"error), tag it `{RAISES}` (its metadata's \"tags\"): the page then shows its "
            "traceback and the build goes on.")


def missing_kernel(path: Path, name: str) -> str | None:
    """An error naming the notebook and the kernel when that kernel is not installed."""
    specs = KernelSpecManager()
    try:
        specs.get_kernel_spec(name)
    except NoSuchKernel:
        known = ", ".join(sorted(specs.find_kernel_specs())) or "none"
        return (f"{path}: asks for the Jupyter kernel '{name}' (metadata.kernelspec.name), "
                f"which is not installed here (installed: {known})")
    return None


def reads_from(read_log: Path, root: Path) -> list[str]:
    """Data files the run opened, from the root; a CSV's schema sidecar counts as its table."""
    found = set()
    for rel in filter(None, (line.strip() for line in read_log.read_text().splitlines())):
        if rel.endswith(SIDECAR) and (root / (table := rel[: -len(SIDECAR)] + ".csv")).is_file():
            rel = table
        found.add(rel)
    return sorted(found)


def run_to_end(make_coroutine):
    """Run a coroutine in a fresh event loop; in a helper thread if this one already has a loop
    (Playwright's, say, when a test calls this)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make_coroutine())
    with ThreadPoolExecutor(max_workers=1) as helper:
        return helper.submit(lambda: asyncio.run(make_coroutine())).result()


def execute_notebook(path: Path, *, timeout: int, kernel: str, env: dict,
                     sandbox: Isolation | None = None) -> ExecResult:
    """Execute a notebook in its own folder, sandboxed; the first failing cell stops it.

    The data files it opens are recorded in `reads`; `seconds` is the time of its cells.
    """
    started, path = time.monotonic(), Path(path)
    nb = cleared(nbformat.read(path, as_version=4))  # no stored output survives the run
    name = kernel_for(nb, kernel)
    if error := missing_kernel(path, name):
        return ExecResult(path, False, notebook=nb, error=error)
    clock = RunClock(timeout, (nb.metadata.get("trainfer") or {}).get("budget_seconds"))
    sandbox = sandbox or isolation()
    with tempfile.TemporaryDirectory(prefix="trainfer-run-") as folder:
        run = Path(folder)  # the one folder the kernel may write: sockets, scratch, read log
        (home := run / "home").mkdir()
        (read_log := run / "reads.log").touch()
        (import_log := run / "imports.log").touch()
        run_env = {**env, "HOME": str(home), "TMPDIR": str(home), "TRAINFER_READ_LOG": str(read_log),
                   "TRAINFER_IMPORT_LOG": str(import_log),
                   "IPYTHONDIR": str(kernel_profile(run / "ipython"))}
        manager = SandboxedKernelManager(
            kernel_name=name, transport="ipc", ip=str(run / "k"),
            connection_file=str(run / "kernel.json"),
            wrap=lambda argv: sandbox.wrap(argv, cwd=path.parent, writable=[run]))
        client = NotebookClient(
            nb, km=manager, timeout=timeout, timeout_func=clock.limit, kernel_name=name,
            allow_errors=False, coalesce_streams=False, shutdown_kernel="immediate",  # see streams.py
            on_notebook_start=clock.start, on_cell_execute=clock.cell_started,
            on_cell_executed=clock.cell_done,
            resources={"metadata": {"path": str(path.parent)}},
        )
        client.owns_km = True  # so nbclient shuts the kernel down and closes its channels
        try:
            run_to_end(lambda: client.async_execute(env=run_env))
        except Exception as exc:  # a failing cell, a limit, a dead kernel, a kernel that won't start
            # nbclient leaves its exit-time cleanup registered when the kernel dies while it
            # starts (e.g. killed by a build that failed elsewhere); at exit it would print a traceback
            atexit.unregister(client._cleanup_kernel)
            return ExecResult(path, False, time.monotonic() - started, notebook=nb,
                              error=describe_failure(path, nb, exc, clock, manager.exit_status()))
        coalesce_cells(nb)
        root = Path(env.get("TRAINFER_ROOT") or path.parent.parent)
        return ExecResult(path, True, clock.seconds(), notebook=nb, reads=reads_from(read_log, root),
                          imports=recorded_modules(import_log, root))


def execute_many(paths: list[Path], *, workers: int, env_for, on_done=None, **kwargs):
    """Execute notebooks in parallel threads (each drives its own kernel process); keep order."""
    # one more than the cores: a kernel spends part of its start waiting, measured 7.1 -> 6.2 s
    # for the site's seven notebooks on 2 cores (bench/build_times.py)
    workers = workers or (os.cpu_count() or 1) + 1
    sandbox = isolation()
    log.info(f"notebooks: isolation: {sandbox.describe()}")

    def run(path: Path) -> ExecResult:
        result = execute_notebook(path, env=env_for(path), sandbox=sandbox, **kwargs)
        if on_done:
            on_done(result)
        return result

    return in_parallel(run, paths, workers)

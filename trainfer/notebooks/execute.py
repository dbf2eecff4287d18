"""Run notebooks with nbclient and return result objects instead of throwing through the build."""

from __future__ import annotations

import os
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from trainfer.notebooks.result import ExecResult

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def failing_cell(nb) -> tuple[int, str] | None:
    """(1-based code-cell number, head of its source) of the cell whose output is an error."""
    number = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        number += 1
        if any(out.get("output_type") == "error" for out in cell.get("outputs", [])):
            return number, cell.source.strip().splitlines()[0][:80] if cell.source.strip() else ""
    return None


def describe_failure(path: Path, nb, exc: Exception) -> str:
    """A message naming the notebook, the cell (number and head) and the error."""
    where = failing_cell(nb)
    cell = f"code cell {where[0]} (`{where[1]}`)" if where else "a cell"
    text = ANSI.sub("", str(exc)).strip()  # IPython colours its tracebacks
    if isinstance(exc, CellTimeoutError):
        text = f"timed out: {text.splitlines()[0] if text else ''}"
    return f"{path}: {cell} failed:\n{text}"


def execute_notebook(path: Path, *, cwd: Path, timeout: int, kernel: str, env: dict) -> ExecResult:
    """Execute a notebook file; errors are not allowed (the first failing cell stops it).

    The data files it reads (through trainfer.notebook_data) are recorded in `reads`.
    """
    started = time.monotonic()
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="trainfer-run-") as folder:
        # IPC sockets in a private folder: nothing listens on the network, and no warning
        manager = KernelManager(kernel_name=kernel, transport="ipc", ip=str(Path(folder) / "k"))
        client = NotebookClient(
            nb, km=manager, timeout=timeout, kernel_name=kernel, allow_errors=False,
            coalesce_streams=True, resources={"metadata": {"path": str(cwd)}},
        )
        log = Path(folder) / "reads.log"
        log.touch()
        try:
            client.execute(env={**env, "TRAINFER_READ_LOG": str(log)})
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
            return ExecResult(path, False, time.monotonic() - started, notebook=nb,
                              error=describe_failure(path, nb, exc))
        finally:
            if manager.has_kernel:  # we own this manager, so nbclient leaves the kernel to us
                manager.shutdown_kernel(now=True)
        reads = sorted(set(log.read_text().split()))
    return ExecResult(path, True, time.monotonic() - started, notebook=nb, reads=reads)


def execute_many(paths: list[Path], *, workers: int, env_for, on_done=None, **kwargs):
    """Execute notebooks in parallel threads (each drives its own kernel process); keep order."""
    # one more than the cores: a kernel spends part of its start waiting, measured 7.1 -> 6.2 s
    # for the site's seven notebooks on 2 cores (bench/build_times.py)
    workers = workers or (os.cpu_count() or 1) + 1

    def run(path: Path) -> ExecResult:
        result = execute_notebook(path, env=env_for(path), **kwargs)
        if on_done:
            on_done(result)
        return result

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(paths) or 1))) as pool:
        return list(pool.map(run, paths))

"""`python -m trainfer.notebooks.check`: what a contributor's notebook must pass before review.

Each problem names the notebook: metadata, outputs stored in git, ruff, a failing cell, time
over budget, reading undeclared data, network use (the kernel refuses it), an image (or other
file) loaded from another host, a figure typed by hand into the prose (one that no output and
no declared data file shows: `prose.py`), and outputs that differ between two runs. Notebooks
run as the build runs them: sandboxed, in their own folder, under the same time limits. `--strip` removes
stored outputs instead of complaining about them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from trainfer.notebooks.execute import execute_notebook
from trainfer.notebooks.loads import outside_load_problems
from trainfer.notebooks.manager import in_parallel
from trainfer.notebooks.meta import read_meta, run_problems
from trainfer.notebooks.prose import prose_problems
from trainfer.notebooks.sandbox import isolation


def stored_outputs(nb) -> bool:
    """Whether any code cell carries outputs or an execution count."""
    return any(c.get("outputs") or c.get("execution_count") for c in nb.cells
               if c.cell_type == "code")


def strip(path: Path) -> None:
    """Remove outputs and execution counts, keeping everything else."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, path)


def ruff_problems(path: Path, rel: Path) -> list[str]:
    """ruff's findings for one notebook, each a line naming it."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        return [f"{rel}: ruff is not installed (nox -s check-notebooks installs it)"]
    done = subprocess.run([ruff, "check", "--output-format", "concise", str(path)],
                          capture_output=True, text=True, cwd=Path(path).parent.parent)
    if done.returncode == 0:
        return []
    lines = [line for line in done.stdout.splitlines() if ":" in line and "Found" not in line]
    return [f"{rel}: ruff: {re.sub(r'^.*?[.]ipynb:', '', line)}" for line in lines]


def outputs_of(nb) -> list:
    """Code cells' outputs, without what legitimately changes between runs."""
    return [json.loads(json.dumps(c.get("outputs", []))) for c in nb.cells if c.cell_type == "code"]


def check(path: Path, root: Path, timeout: int = 120) -> list[str]:
    """Every problem of one notebook, each a line naming it (run as the build runs it)."""
    rel = path.relative_to(root)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:
        return [f"{rel}: not a readable notebook: {exc}"]
    meta, problems = read_meta(rel, nb.metadata, root)
    if stored_outputs(nb):
        problems.append(f"{rel}: outputs are stored in git; strip them "
                        "(nox -s check-notebooks -- --strip)")
    problems += ruff_problems(path, rel)
    if meta is None:
        return problems
    env = {**os.environ, "TRAINFER_ROOT": str(root), "PYTHONHASHSEED": "0"}
    first = execute_notebook(path, timeout=timeout, kernel="python3", env=env)
    if not first.ok:
        return problems + [first.error]
    problems += run_problems(rel, meta, first.seconds, first.reads)
    problems += outside_load_problems(rel, first.notebook)
    problems += prose_problems(rel, first.notebook, meta.data, root)
    second = execute_notebook(path, timeout=timeout, kernel="python3", env=env)
    if not second.ok or outputs_of(first.notebook) != outputs_of(second.notebook):
        problems.append(f"{rel}: two runs gave different outputs; seed every random draw and "
                        "print nothing that depends on the clock or the machine")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Check the notebooks given (default: all); exit 1 if any has a problem."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    parser.add_argument("--strip", action="store_true", help="strip stored outputs first")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--timeout", type=int, default=120, help="per-cell timeout, seconds")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    paths = [p.resolve() for p in args.notebooks] or sorted((root / "notebooks").glob("*.ipynb"))
    if args.strip:
        for path in paths:
            strip(path)
    print(f"isolation: {isolation().describe()}")
    found = in_parallel(lambda p: check(p, root, args.timeout), paths, os.cpu_count() or 1)
    for path, problems in zip(paths, found, strict=True):
        print(f"{'FAIL' if problems else 'ok  '} {path.relative_to(root)}")
        for problem in problems:
            print(f"     {problem}")
    failed = sum(1 for problems in found if problems)
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The notebook cache: keyed on everything a notebook's outputs depend on, never on cell text alone."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import nbformat

from trainfer.heal import drop
from trainfer.notebooks.kernel import STARTUP, kernel_for

LOCKFILES = ("package-lock.json", "pyproject.toml", "explainers/pyproject.toml")
IMPORTS_EXPLAINERS = re.compile(r"^\s*(?:from|import)\s+explainers\b", re.MULTILINE)


def code_cells(nb) -> list[str]:
    """The source of every code cell, in order."""
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


def cleared(nb):
    """A copy of `nb` whose code cells carry no outputs and no execution counts.

    Every output a page shows comes from this build's run: nbclient leaves cells it skips (empty
    ones, ones tagged skip-execution) as they were stored, so stored outputs are dropped first.
    """
    fresh = nbformat.from_dict(json.loads(json.dumps(nb)))
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return fresh


def sidecars(root: Path, data_files: list[str]) -> set[str]:
    """The `<stem>.schema.yaml` beside each CSV data file: part of the table it describes."""
    found = set()
    for rel in data_files:
        side = Path(rel).with_name(Path(rel).stem + ".schema.yaml")
        if (root / side).is_file():
            found.add(side.as_posix())
    return found


def uses_explainers(nb) -> bool:
    """Whether any code cell names the simulator package (then its source is part of the key)."""
    return any(IMPORTS_EXPLAINERS.search(code) for code in code_cells(nb))


def cache_key(nb, root: Path, data_files: list[str], kernel: str, explainers_digest: str) -> str:
    """The key: code cells, explainers source (if used), declared data files, lockfiles,
    the kernel (the notebook's own, else `kernel`), Python and the kernel's startup file.

    Stored outputs are no part of it: they are cleared before every run (`cleared`).
    """
    h = hashlib.sha256()
    parts = {
        "outputs": "cleared before the run",  # entries made before that rule are not reused
        "code": code_cells(nb),
        "explainers": explainers_digest if uses_explainers(nb) else None,
        "kernel": kernel_for(nb, kernel),
        "python": sys.version,
        "startup": STARTUP.read_text(encoding="utf-8"),
    }
    h.update(json.dumps(parts, sort_keys=True).encode())
    for rel in sorted(set(data_files) | sidecars(root, data_files)) + list(LOCKFILES):
        path = root / rel
        h.update(rel.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
    return h.hexdigest()


def entry_problem(entry, nb) -> str | None:
    """Why a cached notebook cannot stand for `nb` executed: not the same code cells."""
    if nb is not None and code_cells(entry) != code_cells(nb):
        return "its code cells are not the notebook's"
    return None


class NotebookCache:
    """Executed notebooks stored as `<key>.ipynb`; an entry that does not check out is a miss."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str, nb=None):
        """The executed notebook stored under `key`, checked against `nb` when given."""
        path = self.folder / f"{key}.ipynb"
        if not path.exists():
            return None
        try:
            entry = nbformat.read(path, as_version=4)
            nbformat.validate(entry)
            problem = entry_problem(entry, nb)
        except Exception as exc:  # a corrupt entry is re-executed, never trusted
            problem = f"not a valid notebook: {(str(exc).splitlines() or [repr(exc)])[0][:200]}"
        if problem:
            drop(path, problem)
            return None
        return entry

    def put(self, key: str, nb) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"{key}.ipynb.tmp"
        nbformat.write(nb, tmp)
        tmp.replace(self.folder / f"{key}.ipynb")


def with_outputs(current, executed):
    """The current notebook (its Markdown may have changed) with the executed code cells' outputs."""
    merged = nbformat.from_dict(json.loads(json.dumps(current)))
    ran = [c for c in executed.cells if c.cell_type == "code"]
    for cell, done in zip((c for c in merged.cells if c.cell_type == "code"), ran, strict=True):
        cell.outputs = done.outputs
        cell.execution_count = done.get("execution_count")
    return merged

"""The notebook cache: keyed on everything a notebook's outputs depend on, never on cell text alone.

Two parts: the key (code cells, kernel, Python, the kernel's startup file, declared data files,
the npm lockfile and the installed versions of every distribution), known before the run; and
the modules the notebook actually imported from outside the installed environment (recorded at
run time by kernel_startup.py), stored beside the entry with their digests. An entry stands for
the notebook only while each of those modules is unchanged, so editing one `explainers` module
re-runs only the notebooks that loaded it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import re
import sys
from importlib import metadata
from pathlib import Path

import nbformat

from trainfer.heal import drop
from trainfer.notebooks.kernel import STARTUP, kernel_for

LOCKFILES = ("package-lock.json",)  # Python's side: the installed versions (`installed`)
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
    """Whether any code cell names the simulator package (by its text; the key uses imports)."""
    return any(IMPORTS_EXPLAINERS.search(code) for code in code_cells(nb))


@functools.cache
def installed() -> tuple[str, ...]:
    """`name==version` of every distribution installed here (what the kernel imports from)."""
    found = set()
    for dist in metadata.distributions():
        meta = dist.metadata  # parsed anew on every access: once per distribution
        if meta["Name"]:
            found.add(f"{meta['Name']}=={meta['Version']}")
    return tuple(sorted(found))


def cache_key(nb, root: Path, data_files: list[str], kernel: str) -> str:
    """The key: code cells, declared data files, the npm lockfile, the installed distributions,
    the kernel (the notebook's own, else `kernel`), Python and the kernel's startup file. The
    modules a run imported are checked per entry (`NotebookCache.get`).

    Stored outputs are no part of it: they are cleared before every run (`cleared`).
    """
    h = hashlib.sha256()
    parts = {
        "outputs": "cleared before the run",  # entries made before that rule are not reused
        "code": code_cells(nb),
        "installed": installed(),
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


def recorded_modules(log: Path, root: Path) -> list[str]:
    """The module sources a run loaded (kernel_startup.py's log): relative to `root` when inside
    it, a cached .pyc read as its source."""
    found = set()
    for line in filter(None, (line.strip() for line in log.read_text().splitlines())):
        path = Path(line)
        if path.suffix == ".pyc":
            try:
                path = Path(importlib.util.source_from_cache(line))
            except ValueError:  # a .pyc that is not in a __pycache__ folder: its own source
                pass
        found.add(path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path))
    return sorted(found)


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes, or '<missing>'."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "<missing>"


def module_digests(modules: list[str], root: Path) -> dict[str, str]:
    """Each recorded module with the digest of its source now."""
    return {rel: file_digest(root / rel) for rel in modules}


def entry_problem(entry, nb) -> str | None:
    """Why a cached notebook cannot stand for `nb` executed: not the same code cells."""
    if nb is not None and code_cells(entry) != code_cells(nb):
        return "its code cells are not the notebook's"
    return None


class NotebookCache:
    """Executed notebooks stored as `<key>.ipynb`, with the modules each imported (and their
    digests) in `<key>.modules.json`; an entry that does not check out is a miss."""

    def __init__(self, folder: Path, root: Path | None = None) -> None:
        self.folder = folder
        self.root = root or folder  # recorded modules are relative to it

    def get(self, key: str, nb=None):
        """The executed notebook stored under `key`, checked against `nb` when given, if every
        module it imported is as it was."""
        path = self.folder / f"{key}.ipynb"
        if not path.exists():
            return None
        modules = self.folder / f"{key}.modules.json"
        try:
            entry = nbformat.read(path, as_version=4)
            nbformat.validate(entry)
            problem = entry_problem(entry, nb)
            imported = json.loads(modules.read_text(encoding="utf-8"))
            if not isinstance(imported, dict):
                raise ValueError(f"{modules.name} is not a mapping")
        except FileNotFoundError:
            problem = "no record of the modules it imported"
        except Exception as exc:  # a corrupt entry is re-executed, never trusted
            problem = f"not a valid notebook: {(str(exc).splitlines() or [repr(exc)])[0][:200]}"
        if problem:
            drop(path, problem)
            modules.unlink(missing_ok=True)
            return None
        if module_digests(list(imported), self.root) != imported:
            return None  # a module it imported changed: run it again (put replaces the entry)
        return entry

    def put(self, key: str, nb, modules: dict[str, str] | None = None) -> None:
        """Store an executed notebook with the digests of the modules its run imported."""
        self.folder.mkdir(parents=True, exist_ok=True)
        side = self.folder / f"{key}.modules.json.tmp"
        side.write_text(json.dumps(modules or {}, sort_keys=True, indent=1), encoding="utf-8")
        side.replace(self.folder / f"{key}.modules.json")
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

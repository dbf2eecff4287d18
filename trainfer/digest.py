"""One way to fingerprint a source tree, shared by every cache that depends on the simulator."""

from __future__ import annotations

import hashlib
from pathlib import Path

SKIP_PARTS = {"__pycache__"}
SKIP_SUFFIXES = {".pyc", ".pyo"}


def source_files(folder: Path) -> list[Path]:
    """Every file under `folder` except compiled leftovers, sorted (none if it does not exist)."""
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not SKIP_PARTS & set(p.parts) and p.suffix not in SKIP_SUFFIXES
    )


def files_digest(files: list[Path], base: Path | None = None) -> str:
    """sha256 over each file's label and bytes, in the given order; the label is its path
    relative to `base`, or its name when there is no base."""
    h = hashlib.sha256()
    for path in files:
        label = path.relative_to(base).as_posix() if base is not None else path.name
        h.update(label.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def tree_digest(folder: Path) -> str:
    """sha256 over the relative path and bytes of every source file under `folder`."""
    return files_digest(source_files(folder), folder)

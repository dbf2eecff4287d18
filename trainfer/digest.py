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


def tree_digest(folder: Path) -> str:
    """sha256 over the relative path and bytes of every source file under `folder`."""
    h = hashlib.sha256()
    for path in source_files(folder):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()

"""Scratch-folder naming and the final swap, free of MkDocs so they can be tested alone."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path


def scratch_dir(site_dir: Path) -> Path:
    """A sibling of `site_dir` (same file system, so the swap is a rename) unique to this process."""
    return site_dir.with_name(f"{site_dir.name}.building-{os.getpid()}")


def swap_into_place(scratch: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `scratch` with two renames, then delete the old tree."""
    old = site_dir.with_name(f"{site_dir.name}.old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    scratch.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def discard(scratch: Path) -> None:
    """Remove a scratch build that failed; the previous site is never touched."""
    shutil.rmtree(scratch, ignore_errors=True)


def alive(pid: int) -> bool:
    """Whether a process with this id exists (one we may not signal exists too)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def leftovers(site_dir: Path) -> list[Path]:
    """Scratch folders (`<site>.building-<pid>`) of builds that were killed: their pid is gone."""
    pattern = re.compile(rf"{re.escape(site_dir.name)}\.building-(\d+)")
    return sorted(
        path for path in site_dir.parent.glob(f"{site_dir.name}.building-*")
        if (match := pattern.fullmatch(path.name)) and int(match[1]) != os.getpid()
        and not alive(int(match[1]))
    )

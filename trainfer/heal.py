"""Caches heal: an entry is checked when read, and a bad one is dropped, named, and recomputed.

The line is logged at INFO level on purpose: the site builds in strict mode, where a WARNING
would abort the very build that repairs the cache.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.trainfer.cache")


def drop(entry: Path, why: str) -> None:
    """Delete a bad cache entry (a file or a folder) and say which one and why."""
    log.info(f"cache: warning: dropped the bad entry {entry} ({why}); computing it again")
    if entry.is_dir():
        shutil.rmtree(entry, ignore_errors=True)
    else:
        entry.unlink(missing_ok=True)

"""The site's one `pyodide-lock.json`: Pyodide's lock, trimmed to what the site ships, plus the
demo wheels, registered by Pyodide's own tool (`pyodide lockfile add-wheels`, which records each
wheel's sha256, its imports and its dependencies)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def add_wheels(input_lock: Path, wheels: list[Path], output: Path) -> None:
    """Run `pyodide lockfile add-wheels`; a ValueError carries the tool's own message."""
    command = [sys.executable, "-m", "pyodide_cli", "lockfile", "add-wheels", "--input",
               str(input_lock), "--output", str(output), "--base-path", str(wheels[0].parent),
               *map(str, wheels)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not output.is_file():
        raise ValueError(f"`pyodide lockfile add-wheels` failed for {', '.join(w.name for w in wheels)}:"
                         f"\n{(done.stderr or done.stdout).strip()[-2000:]}")


def write_site_lock(pyodide_lock: Path, wheels: list[Path], dest: Path) -> dict:
    """Write Pyodide's lock with only `wheels` as packages to `dest`; return it as JSON data.

    The npm core package ships no package wheels, so entries for them would only point at
    files the site does not have. The wheels must share one folder (the lock names them by it).
    """
    lock = json.loads(pyodide_lock.read_text(encoding="utf-8"))
    lock["packages"] = {}
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        trimmed = Path(tmp) / "pyodide-lock.json"
        trimmed.write_text(json.dumps(lock), encoding="utf-8")
        add_wheels(trimmed, wheels, Path(tmp) / "out.json")
        data = json.loads((Path(tmp) / "out.json").read_text(encoding="utf-8"))
    dest.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return data

"""The site's one `pyodide-lock.json`: Pyodide's lock, trimmed to what the site ships, plus the
demo wheels, registered by Pyodide's own tool (`pyodide lockfile add-wheels`, which records each
wheel's sha256, its imports and its dependencies)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

TOOLS = ("pyodide-build", "pyodide-cli", "pyodide-lock")  # what writes the lock's entries


def add_wheels(input_lock: Path, wheels: list[Path], output: Path) -> None:
    """Run `pyodide lockfile add-wheels`; a ValueError carries the tool's own message."""
    command = [sys.executable, "-m", "pyodide_cli", "lockfile", "add-wheels", "--input",
               str(input_lock), "--output", str(output), "--base-path", str(wheels[0].parent),
               *map(str, wheels)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not output.is_file():
        raise ValueError(f"`pyodide lockfile add-wheels` failed for {', '.join(w.name for w in wheels)}:"
                         f"\n{(done.stderr or done.stdout).strip()[-2000:]}")


def lock_digest(pyodide_lock: Path, wheels: list[Path]) -> str:
    """sha256 of all the tool's output depends on: Pyodide's lock, each wheel's name and bytes,
    and the tools' versions."""
    h = hashlib.sha256(pyodide_lock.read_bytes())
    for wheel in wheels:
        h.update(b"\0" + wheel.name.encode() + b"\0" + wheel.read_bytes())
    for tool in TOOLS:
        try:
            h.update(f"\0{tool}=={metadata.version(tool)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"\0{tool} missing".encode())
    return h.hexdigest()


def write_site_lock(pyodide_lock: Path, wheels: list[Path], dest: Path,
                    cache: Path | None = None) -> dict:
    """Write Pyodide's lock with only `wheels` as packages to `dest`; return it as JSON data.

    The npm core package ships no package wheels, so entries for them would only point at
    files the site does not have. The wheels must share one folder (the lock names them by it).
    With `cache`, the tool's output is kept there under the digest of all it depends on, so an
    unchanged site skips the tool's start (about 0.6 s a build).
    """
    kept = cache / f"pyodide-lock-{lock_digest(pyodide_lock, wheels)[:32]}.json" if cache else None
    data = _read_kept(kept) if kept is not None else None
    if data is None:
        data = _run_tool(pyodide_lock, wheels)
        if kept is not None:
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.with_suffix(".tmp").write_text(json.dumps(data), encoding="utf-8")
            kept.with_suffix(".tmp").replace(kept)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return data


def _read_kept(path: Path) -> dict | None:
    """The tool's output kept from an earlier build, or None (a torn copy is dropped)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except ValueError:
        path.unlink(missing_ok=True)
        return None
    return data if isinstance(data, dict) and "packages" in data else None


def _run_tool(pyodide_lock: Path, wheels: list[Path]) -> dict:
    lock = json.loads(pyodide_lock.read_text(encoding="utf-8"))
    lock["packages"] = {}
    with tempfile.TemporaryDirectory() as tmp:
        trimmed = Path(tmp) / "pyodide-lock.json"
        trimmed.write_text(json.dumps(lock), encoding="utf-8")
        add_wheels(trimmed, wheels, Path(tmp) / "out.json")
        return json.loads((Path(tmp) / "out.json").read_text(encoding="utf-8"))

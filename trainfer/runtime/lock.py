"""The site's one `pyodide-lock.json`: Pyodide's lock, trimmed to what the site ships, plus our wheel."""

from __future__ import annotations

from pathlib import Path

from pyodide_lock import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec


def site_lock(pyodide_lock: Path, wheels: list[Path]) -> PyodideLockSpec:
    """Pyodide's lock with only the given wheels as packages (each with its sha256 and imports).

    The npm core package ships no package wheels, so entries for them would only point at
    files the site does not have.
    """
    spec = PyodideLockSpec.from_json(pyodide_lock)
    spec.packages = {}
    return add_wheels_to_spec(spec, wheels, base_path=wheels[0].parent)


def write_site_lock(pyodide_lock: Path, wheels: list[Path], dest: Path) -> PyodideLockSpec:
    """Write the site lock to `dest` and return it."""
    spec = site_lock(pyodide_lock, wheels)
    dest.parent.mkdir(parents=True, exist_ok=True)
    spec.to_json(dest, indent=1)
    return spec

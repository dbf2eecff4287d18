"""Run Python code under real Pyodide (the npm package) in Node, with a wheel installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
RUNNER = Path(__file__).with_name("run_in_pyodide.mjs")


def run_in_pyodide(wheel: Path | list[Path], code: str, tmp_path: Path, timeout: int = 300) -> str:
    """Execute `code` in Pyodide with the wheel(s) installed; its last expression (a str) is returned."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: install Node.js >= 20")
    script = tmp_path / "script.py"
    script.write_text(code)
    done = subprocess.run(
        [node, str(RUNNER), str(PYODIDE_DIR),
         os.pathsep.join(map(str, wheel if isinstance(wheel, list) else [wheel])), str(script)],
        capture_output=True, text=True, timeout=timeout,
    )
    assert done.returncode == 0, f"Pyodide run failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout.rstrip("\n").rsplit("\n", 1)[-1]

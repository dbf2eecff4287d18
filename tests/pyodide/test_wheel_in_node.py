"""A wheel built by the runtime plugin installs offline into Node Pyodide, and runs there."""

from __future__ import annotations

import pytest
from harness import run_in_pyodide

from trainfer.runtime.wheel import build_wheel

pytestmark = pytest.mark.pyodide

FLIT = '[build-system]\nrequires = ["flit_core"]\nbuild-backend = "flit_core.buildapi"\n'


def test_a_built_wheel_imports_under_pyodide(tmp_path):
    project = tmp_path / "p"
    (project / "src" / "demo").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        '[project]\nname = "demo"\nversion = "0.0.1"\ndescription = "d"\n' + FLIT)
    (project / "src" / "demo" / "__init__.py").write_text("def answer():\n    return 6 * 7\n")
    wheel = build_wheel(project, tmp_path / "out")
    code = "import sys, demo\nf'{demo.answer()} {sys.platform}'"
    assert run_in_pyodide(wheel, code, tmp_path) == "42 emscripten"

"""`explainers` under real Pyodide in Node gives CPython's numbers: counts exactly, floats
within a relative tolerance of 1e-9 (both are IEEE 754 doubles running the same operations, so
we expect equality; the tolerance only absorbs a libm difference in exp/log, should one appear)."""

from __future__ import annotations

import json
import math

import pytest
from conftest import ROOT
from harness import run_in_pyodide

from trainfer.runtime.wheel import build_wheel

pytestmark = pytest.mark.pyodide

REL_TOL = 1e-9
REQUESTS = [
    {"format": fmt, "hidden": 8, "lessons": 60, "pages": 30, "epochs": 2, "seed": seed}
    for fmt, seed in [("fp32", 1), ("fp16", 2), ("bf16", 3), ("int8", 4), ("int32", 5)]
]
SCRIPT = """
import json
from explainers import bridge
json.dumps([json.loads(bridge.run(json.dumps(r))) for r in json.loads({requests!r})])
"""


def compare(ours, theirs, path="$"):
    """Walk two JSON values; ints, strings and shapes must match exactly, floats closely."""
    if isinstance(ours, float) or isinstance(theirs, float):
        assert isinstance(ours, (int, float)) and isinstance(theirs, (int, float)), path
        assert math.isclose(ours, theirs, rel_tol=REL_TOL, abs_tol=1e-12), (path, ours, theirs)
    elif isinstance(ours, dict):
        assert ours.keys() == theirs.keys(), path
        for key in ours:
            compare(ours[key], theirs[key], f"{path}.{key}")
    elif isinstance(ours, list):
        assert len(ours) == len(theirs), path
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            compare(a, b, f"{path}[{i}]")
    else:
        assert ours == theirs, (path, ours, theirs)


def test_bridge_runs_agree_with_cpython(tmp_path):
    from explainers import bridge

    wheel = build_wheel(ROOT / "explainers", tmp_path / "wheel")
    code = SCRIPT.format(requests=json.dumps(REQUESTS))
    in_pyodide = json.loads(run_in_pyodide(wheel, code, tmp_path))
    in_cpython = [json.loads(bridge.run(json.dumps(r))) for r in REQUESTS]
    assert all(result["ok"] for result in in_cpython)
    compare(in_cpython, in_pyodide)


def test_the_classroom_example_prints_the_same_in_pyodide(tmp_path):
    import contextlib
    import io

    example = (ROOT / "explainers" / "web" / "examples" / "classroom.py").read_text()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example, "classroom.py", "exec"), {"__name__": "__main__"})
    wheel = build_wheel(ROOT / "explainers", tmp_path / "wheel")
    code = (
        "import contextlib, io\nbuf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n"
        f"    exec({example!r}, {{'__name__': '__main__'}})\nbuf.getvalue().replace(chr(10), '\\\\n')"
    )
    assert run_in_pyodide(wheel, code, tmp_path).replace("\\n", "\n") == out.getvalue()

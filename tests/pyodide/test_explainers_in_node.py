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
] + [  # the optimizers, batch sizes and precisions (Adam's square roots, momentum in fixed point)
    {"format": fmt, "optimizer": opt, "batch_size": batch, "precision": precision,
     "hidden": 8, "lessons": 50, "pages": 20, "epochs": 2, "seed": seed, "target": 1.0}
    for fmt, opt, batch, precision, seed in [
        ("fp32", "adam", 7, "mixed", 6), ("fp16", "adam", 10, "mixed", 7),
        ("bf16", "sgd", 1, "pure", 8), ("fp16", "momentum", 50, "pure", 9),
        ("int32", "momentum", 4, "mixed", 10), ("int8", "sgd", 3, "pure", 11)]
]
# fp16 loss scaling from a scale far too large: steps are skipped, then taken.
SCALING = """
from explainers import Teacher
from explainers.scaling import LossScaler
t = Teacher(fmt="fp16", hidden=8, optimizer="adam", batch_size=8, target=1.1, seed=3)
t.learner.scaler = LossScaler(2.0**26, growth_interval=4)
t.teach(64, epochs=3)
scaling = {"history": [{k: e[k] for k in ("loss", "accuracy", "skipped", "scale")}
                       for e in t.history],
           "master": t.learner.master, "memory": t.memory.held, "ledger": t.ledger.to_list()}
"""
SCRIPT = """
import json
from explainers import bridge
{scaling}
json.dumps({{"runs": [json.loads(bridge.run(json.dumps(r))) for r in json.loads({requests!r})],
            "scaling": scaling}})
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
    code = SCRIPT.format(scaling=SCALING, requests=json.dumps(REQUESTS))
    wheel = [build_wheel(ROOT / "board", tmp_path / "wheel"),  # explainers draws with the board
             build_wheel(ROOT / "explainers", tmp_path / "wheel")]
    in_pyodide = json.loads(run_in_pyodide(wheel, code, tmp_path))
    scope: dict = {}
    exec(code.replace("json.dumps({", "RESULT = json.dumps({", 1), scope)
    in_cpython = json.loads(scope["RESULT"])
    assert all(result["ok"] for result in in_cpython["runs"])
    skipped = [e["skipped"] for e in in_cpython["scaling"]["history"]]
    assert skipped[0] > 0 and skipped[-1] < 8  # the new paths really ran: skips, then steps
    compare(in_cpython, in_pyodide)


def test_the_classroom_example_prints_the_same_in_pyodide(tmp_path):
    import contextlib
    import io

    example = (ROOT / "explainers" / "web" / "examples" / "classroom.py").read_text()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example, "classroom.py", "exec"), {"__name__": "__main__"})
    wheel = [build_wheel(ROOT / "board", tmp_path / "wheel"),  # explainers draws with the board
             build_wheel(ROOT / "explainers", tmp_path / "wheel")]
    code = (
        "import contextlib, io\nbuf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n"
        f"    exec({example!r}, {{'__name__': '__main__'}})\nbuf.getvalue().replace(chr(10), '\\\\n')"
    )
    assert run_in_pyodide(wheel, code, tmp_path).replace("\\n", "\n") == out.getvalue()

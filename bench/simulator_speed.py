"""The classroom's default example: CPython, Pyodide under Node, and Chromium once Pyodide is ready.

Prints seconds per run, pages per second (teaching and reading), and the Pyodide / CPython ratio
next to the same ratio for a naive pure-Python loop measured in the same run (2.4-2.9x here by
hand). Usage: python bench/simulator_speed.py [site_dir] [--runs N]. Asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from _browser import ROOT, launch, serve
from playwright.sync_api import sync_playwright

from trainfer.runtime.wheel import build_wheel

EXAMPLE = (ROOT / "explainers" / "web" / "examples" / "classroom.py").read_text()
LOOP = "total = 0\nfor i in range(3_000_000):\n    total += i * i % 7\n"
READ_SETUP = "from explainers import Student, Teacher\nT = Teacher(hidden=16)\nT.teach(100, epochs=1)\n"
READ = "Student(T).read(pages=500)\n"  # inference alone: 500 new pages
# one timing harness, run by CPython and by Pyodide alike
HARNESS = """
import contextlib, io, json, time
def clock(code, runs, setup=""):
    out = []
    for _ in range(runs):
        scope = {"__name__": "__main__"}
        exec(setup, scope)
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, scope)
        out.append(time.perf_counter() - started)
    return out
json.dumps({"example": clock(EXAMPLE, RUNS), "loop": clock(LOOP, RUNS),
            "read": clock(READ, RUNS, READ_SETUP)})
"""


def work_done() -> tuple[int, int, str]:
    """(pages taught, pages read, how it taught) by the default example, from its own objects."""
    scope: dict = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(EXAMPLE, scope)
    teacher, report = scope["teacher"], scope["report"]
    how = (f"{len(teacher.history)} epochs in batches of {teacher.batch_size}, "
           f"{teacher.optimizer}, {teacher.fmt}")
    return sum(e["pages"] for e in teacher.history), report.pages, how


def harness(runs: int) -> str:
    return (f"EXAMPLE = {EXAMPLE!r}\nLOOP = {LOOP!r}\nREAD = {READ!r}\n"
            f"READ_SETUP = {READ_SETUP!r}\nRUNS = {runs}\n" + HARNESS)


def in_cpython(runs: int) -> dict:
    scope: dict = {}
    exec(harness(runs).replace("json.dumps(", "RESULT = json.dumps("), scope)
    return json.loads(scope["RESULT"])


def in_node(runs: int, tmp: Path) -> dict:
    # explainers draws with the board (trainfer-board), a wheel of its own
    wheels = [build_wheel(ROOT / name, tmp / "wheel") for name in ("board", "explainers")]
    script = tmp / "bench.py"
    script.write_text(harness(runs))
    runner = ROOT / "tests" / "pyodide" / "run_in_pyodide.mjs"
    done = subprocess.run(["node", str(runner), str(ROOT / "node_modules" / "pyodide"),
                           os.pathsep.join(map(str, wheels)),
                           str(script)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def in_chromium(site: Path, runs: int) -> list[float]:
    """Seconds from pressing Run to the printed accuracy, with Pyodide already loaded."""
    server, url = serve(site)
    out = []
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        page.goto(url + "classroom/")
        page.wait_for_function("() => document.querySelector('.tf-status').dataset.state"
                               " === 'status_ready'", timeout=120_000)
        for _ in range(runs):
            started = time.perf_counter()
            page.get_by_role("button", name="Run").click()
            page.wait_for_function(
                "() => /\\d+(\\.\\d+)?%/.test(document.querySelector('[role=log]').textContent)",
                polling=10, timeout=120_000)
            out.append(time.perf_counter() - started)
            page.wait_for_function("() => !document.querySelector('[data-action=run]').disabled")
        browser.close()
    server.shutdown()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    taught, read, how = work_done()
    cpython = in_cpython(args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        node = in_node(args.runs, Path(tmp))
    chromium = in_chromium(Path(args.site), args.runs)
    med = statistics.median
    print(f"default example: {taught:,} pages taught ({how}), {read:,} pages read; "
          f"median of {args.runs}")
    print(f"{'where':34} {'example s':>10} {'taught/s':>10} {'read/s':>10} {'loop s':>8}")
    for name, got in (("CPython " + platform.python_version(), cpython),
                      ("Pyodide 314 in Node", node)):
        print(f"{name:34} {med(got['example']):10.3f} {taught / med(got['example']):10,.0f} "
              f"{500 / med(got['read']):10,.0f} {med(got['loop']):8.3f}")
    print(f"{'Chromium, Run to result (warm)':34} {med(chromium):10.3f}")
    print(f"Pyodide/CPython: example {med(node['example']) / med(cpython['example']):.2f}x, "
          f"naive loop {med(node['loop']) / med(cpython['loop']):.2f}x")


if __name__ == "__main__":
    main()

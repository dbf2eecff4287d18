"""Time from opening /classroom/ to the first live result, and the bytes the page transfers.

Compared, in the same run, with a bare page that starts Pyodide in a module worker and runs the
same code (the peer: "bare Pyodide core in a module worker", 4.29 s when measured by hand here).
Usage: python bench/classroom_load.py [site_dir] [--runs N]. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _browser import ROOT, launch, serve
from playwright.sync_api import sync_playwright

RESULT = "() => /\\d+(\\.\\d+)?%/.test(document.querySelector('[role=log]')?.textContent || '')"
BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare</title>
<pre role="log"></pre><script type="module">
const w = new Worker("./bare-worker.js", {type: "module"});
w.onmessage = (e) => { document.querySelector("pre").textContent += e.data; };
w.postMessage(await (await fetch("./example.py")).text());
</script>"""
BARE_WORKER = """const q = []; let go; self.onmessage = (e) => { q.push(e.data); go && go(); };
const { loadPyodide } = await import("./assets/vendor/pyodide/pyodide.mjs");
const py = await loadPyodide({ indexURL: "./assets/vendor/pyodide/", packages: ["explainers"] });
py.setStdout({ batched: (s) => self.postMessage(s + "\\n") });
if (!q.length) await new Promise((r) => (go = r));
py.runPython(q.shift());"""


def bare_site(site: Path, folder: Path) -> Path:
    """The built site plus a bare page: the same vendored files, no widget, no MkDocs."""
    shutil.copytree(site, folder, dirs_exist_ok=True)
    (folder / "bare.html").write_text(BARE_HTML)
    (folder / "bare-worker.js").write_text(BARE_WORKER)
    shutil.copyfile(ROOT / "explainers" / "web" / "examples" / "classroom.py", folder / "example.py")
    return folder


def measure(browser, url: str, click_run: bool) -> tuple[float, int]:
    """(seconds from navigation to a printed percentage, bytes received), with a cold cache."""
    context = browser.new_context()
    page = context.new_page()
    received = []
    page.on("requestfinished", lambda r: received.append(r.sizes()["responseBodySize"]))
    started = time.perf_counter()
    page.goto(url)
    if click_run:
        page.get_by_role("button", name="Run").click()
    page.wait_for_function(RESULT, timeout=120_000, polling=20)
    seconds = time.perf_counter() - started
    page.wait_for_timeout(200)
    context.close()
    return seconds, sum(received)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = bare_site(Path(args.site), Path(tmp) / "site")
        server, url = serve(folder)
        browser = launch(p)
        rows = {"trainfer /classroom/ (Run clicked at load)": [], "bare Pyodide worker (peer)": []}
        for _ in range(args.runs):
            rows["trainfer /classroom/ (Run clicked at load)"].append(
                measure(browser, url + "classroom/", True))
            rows["bare Pyodide worker (peer)"].append(measure(browser, url + "bare.html", False))
        browser.close()
        server.shutdown()
    print(f"{'page':44} {'median s':>9} {'min s':>7} {'bytes':>12}")
    medians = {}
    for name, runs in rows.items():
        secs = [s for s, _ in runs]
        medians[name] = statistics.median(secs)
        print(f"{name:44} {medians[name]:9.2f} {min(secs):7.2f} {runs[-1][1]:12,}")
    ours, peer = medians.values()
    print(f"ratio trainfer / peer: {ours / peer:.2f} (runs: {args.runs}, cold cache each)")


if __name__ == "__main__":
    main()

"""Time from opening /classroom/ to the first live result: first visit, returning, arriving from
another page; on localhost and on a shaped link (20 Mbit/s, 40 ms, gzip, bench/_shaped.py).

Compared, in the same run, with a bare page that starts Pyodide in a module worker and runs the
same code (the peer, BARE_HTML / BARE_WORKER, on the stock vendored files). A copy of the peer
with performance marks (BARE_TIMED_WORKER) gives the peer's breakdown only, never its figure.
Usage: python bench/classroom_load.py [site_dir] [--runs N] [--links local,shaped].
Prints figures and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from _browser import ROOT, launch
from _shaped import Link, serve_shaped
from _visits import phase_lines, reading, visit
from playwright.sync_api import sync_playwright

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
BARE_TIMED_WORKER = """const q = []; let go; self.onmessage = (e) => { q.push(e.data); go && go(); };
const { mark } = await import("./assets/trainfer/marks.js");
mark("worker-start");
const { loadPyodide } = await import("./assets/vendor/pyodide/pyodide.mjs");
mark("pyodide-imported");
const py = await loadPyodide({ indexURL: "./assets/vendor/pyodide/" });
mark("core-ready");
await py.loadPackage("explainers");
mark("wheel-loaded");
py.setStdout({ batched: (s) => self.postMessage(s + "\\n") });
mark("ready");
if (!q.length) await new Promise((r) => (go = r));
mark("run-start"); py.runPython(q.shift()); mark("run-done");"""
LINKS = {"local": Link(), "shaped": Link(20e6, 0.040)}
OURS, PEER = "trainfer /classroom/ (Run clicked at load)", "bare Pyodide worker (peer)"


def bare_site(site: Path, folder: Path) -> Path:
    """The built site plus a bare page: the same vendored files, no widget, no MkDocs."""
    shutil.copytree(site, folder, dirs_exist_ok=True)
    (folder / "bare.html").write_text(BARE_HTML)
    (folder / "bare-worker.js").write_text(BARE_WORKER)
    (folder / "bare-timed.html").write_text(BARE_HTML.replace("bare-worker.js", "bare-timed-worker.js"))
    (folder / "bare-timed-worker.js").write_text(BARE_TIMED_WORKER)
    shutil.copyfile(ROOT / "explainers" / "web" / "examples" / "classroom.py", folder / "example.py")
    return folder


def cold(browser, url: str, click: bool, **options):
    context = browser.new_context(**options)
    try:
        return visit(context, url, click)
    finally:
        context.close()


def returning(browser, url: str, click: bool):
    """(first visit, second visit) in one context: the cache, Cache Storage and the SW kept."""
    context = browser.new_context()
    try:
        first = visit(context, url, click)
        page = context.new_page()  # let the first visit's offline copy settle
        page.wait_for_timeout(3000)
        page.close()
        return first, visit(context, url, click)
    finally:
        context.close()


def arriving(browser, url: str, start: str, seconds: float):
    """A reader spends `seconds` on `start`, then opens the classroom: (reading figures, visit)."""
    context = browser.new_context()
    try:
        read = reading(context, url + start, seconds)
        return read, visit(context, url + "classroom/", True)
    finally:
        context.close()


def med(visits, attr="seconds"):
    return statistics.median(getattr(v, attr) for v in visits)


def first_visits(browser, url: str, name: str, runs: int) -> float:
    """Goal 1 (and 4's LCP on localhost): ours and the peer, cold, alternating."""
    ours, peer = [], []
    for _ in range(runs):
        ours.append(cold(browser, url + "classroom/", True))
        peer.append(cold(browser, url + "bare.html", False))
    print(f"\n== first visit, cold, {name} ({LINKS[name]}); load average {os.getloadavg()[0]:.2f}")
    print("(s: navigation to the first percentage in the Output, by the page's clock; wall: to the"
          " bench's poll seeing it)")
    print(f"{'page':44} {'median s':>9} {'min s':>7} {'wall s':>7} {'bytes':>12}")
    for label, runs_ in ((OURS, ours), (PEER, peer)):
        print(f"{label:44} {med(runs_):9.2f} {min(v.seconds for v in runs_):7.2f} "
              f"{med(runs_, 'wall'):7.2f} {runs_[-1].bytes:12,}")
    ratio = med(ours) / med(peer)
    if name == "local":
        print(f"ratio trainfer / peer: {ratio:.2f} (runs: {runs}, cold cache each)")
        lcps = [v.lcp_ms for v in ours if v.lcp_ms is not None]
        if lcps:
            print(f"classroom LCP, cold (build-time result painted): {statistics.median(lcps) / 1000:.2f} s"
                  " (goal <= 0.5 s)")
    else:
        print(f"ratio trainfer / peer, {name} link: {ratio:.2f} (goal <= 0.9)")
    timed = cold(browser, url + "bare-timed.html", False)
    for line in phase_lines(f"ours, {name}", ours[-1]) + phase_lines(f"peer with marks, {name}", timed):
        print(line)
    return med(peer)


def later_visits(browser, url: str, peer_cold: float, runs: int) -> None:
    """Goal 3 on localhost: the second visit's ready and result."""
    seconds, ready = [], []
    for _ in range(runs):
        _, second = returning(browser, url + "classroom/", True)
        seconds.append(second.seconds)
        if second.at("ready") is not None:
            ready.append(second.at("ready"))
    print(f"\n== returning reader, localhost; load average {os.getloadavg()[0]:.2f}")
    if ready:
        print(f"returning: Python ready {statistics.median(ready) / 1000:.2f} s after navigation"
              " (goal <= 1.0 s)")
    print(f"returning: first live result {statistics.median(seconds):.2f} s (goal <= 1.5 s)")
    print(f"ratio returning / peer cold, local: {statistics.median(seconds) / peer_cold:.2f}")
    for line in phase_lines("ours, returning, local", second):
        print(line)


def from_other_pages(browser, url: str, peer_cold: float) -> None:
    """Goals 2 and 4 on the shaped link: read the home page 10 s, then open the classroom."""
    print(f"\n== arriving from the home page after 10 s, shaped link; load average {os.getloadavg()[0]:.2f}")
    (lcp, early, total), v = arriving(browser, url, "", 10)
    print(f"home page: LCP {lcp / 1000 if lcp else float('nan'):.2f} s; bytes in the first 4 s after load "
          f"{early:,} (goal <= 1 MB); bytes while read 10 s {total:,}")
    print(f"arriving: first live result {v.seconds:.2f} s")
    print(f"ratio arriving / peer cold, shaped link: {v.seconds / peer_cold:.2f} (goal <= 0.5)")
    for line in phase_lines("ours, arriving, shaped", v):
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--links", default="local,shaped")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = bare_site(Path(args.site), Path(tmp) / "site")
        browser = launch(p)
        peer = {}
        for name in args.links.split(","):
            server, url = serve_shaped(folder, LINKS[name])
            peer[name] = first_visits(browser, url, name, args.runs)
            if name == "local":
                later_visits(browser, url, peer[name], args.runs)
            else:
                from_other_pages(browser, url, peer[name])
            server.shutdown()
        browser.close()


if __name__ == "__main__":
    main()

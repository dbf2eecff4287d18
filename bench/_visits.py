"""One visit to a page, timed from the browser's own records: when the first result showed, its
Largest Contentful Paint, the bytes it received, and the worker's performance marks (marks.js)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

RESULT = "() => /\\d+(\\.\\d+)?%/.test(document.querySelector('[role=log]')?.textContent || '')"
# when the first percentage entered the page (a MutationObserver: polling waits for the main
# thread, which may be drawing charts by then), by the page's clock
OBSERVE = """new MutationObserver((_, observer) => {
  if (/\\d+(\\.\\d+)?%/.test(document.querySelector('[role=log]')?.textContent || '')) {
    window.__tfResultAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true, characterData: true });"""
LCP = """() => new Promise((done) => {
  new PerformanceObserver((list) => done(list.getEntries().at(-1).startTime))
    .observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => done(null), 1000);
})"""
# every entry of a worker's timeline, in ms since the page's navigation started
ENTRIES = """(pageOrigin) => performance.getEntries().map((e) => ({
  name: e.name, type: e.entryType,
  start: e.startTime + performance.timeOrigin - pageOrigin,
  end: (e.responseEnd || e.startTime + e.duration) + performance.timeOrigin - pageOrigin,
}))"""


@dataclass
class Visit:
    seconds: float  # navigation to a printed percentage in the page, by the page's clock
    result_ms: float  # the same, in ms
    wall: float  # navigation to the bench's poll seeing it, wall clock
    lcp_ms: float | None
    bytes: int  # response bodies as sent (gzipped where the server gzips)
    entries: list = field(default_factory=list)  # the Python worker's timeline

    def at(self, name: str) -> float | None:
        """When the mark `tf:<name>` was made, or the last request for a URL ending in `name`
        ended (the worker's HEAD check of a file ends long before its download), in ms."""
        for e in self.entries:
            if e["name"] == f"tf:{name}":
                return e["end"]
        ends = [e["end"] for e in self.entries if e["type"] == "resource" and e["name"].endswith(name)]
        return max(ends) if ends else None

    def first(self, prefix: str, suffix: str) -> float | None:
        """When the first mark named `tf:<prefix>...<suffix>` was made, in ms."""
        found = [e["start"] for e in self.entries
                 if e["name"].startswith(f"tf:{prefix}") and e["name"].endswith(suffix)]
        return min(found) if found else None


def python_worker(page, origin: float) -> list:
    """The timeline of the page's worker that fetched Pyodide (not Material's search worker)."""
    for worker in page.workers:
        try:
            entries = worker.evaluate(ENTRIES, origin)
        except Exception:  # a worker that ended meanwhile
            continue
        if any(e["name"].endswith("pyodide.asm.wasm") or e["name"].startswith("tf:")
               for e in entries):
            return entries
    return []


def body_size(request) -> int:
    """A finished request's body size; 0 for one that ends after its page closed (a low-priority
    fetch for the cache, say), whose sizes can no longer be read."""
    try:
        return request.sizes()["responseBodySize"]
    except Exception:  # playwright's TargetClosedError
        return 0


def visit(context, url: str, click_run: bool, before=None, after=None) -> Visit:
    """Open `url` in a new page of `context` (cold or warm as the context is) until the result;
    `before(page)` runs before it opens, `after(page)` before it closes."""
    page = context.new_page()
    page.add_init_script(OBSERVE)
    if before:
        before(page)
    received = []
    page.on("requestfinished", lambda r: received.append(body_size(r)))
    started = time.perf_counter()
    page.goto(url)
    if click_run:
        page.get_by_role("button", name="Run").click()
    page.wait_for_function(RESULT, timeout=180_000, polling=20)
    seconds = time.perf_counter() - started
    result_ms = page.evaluate("window.__tfResultAt ?? performance.now()")
    origin = page.evaluate("performance.timeOrigin")
    lcp = page.evaluate(LCP)
    entries = python_worker(page, origin)
    page.wait_for_timeout(200)
    if after:
        after(page)
    page.close()
    return Visit(result_ms / 1000, result_ms, seconds, lcp, sum(received), entries)


def reading(context, url: str, seconds: float) -> tuple[float | None, int, int]:
    """Open a page without a demo and read it for `seconds`: (LCP ms, bytes received in the first
    4 s after load, bytes received in all). The page stays open for what comes next."""
    page = context.new_page()
    received = []
    page.on("requestfinished", lambda r: received.append((time.perf_counter(), body_size(r))))
    page.goto(url)
    loaded = time.perf_counter()
    lcp = page.evaluate(LCP)
    page.wait_for_timeout(seconds * 1000)
    early = sum(size for at, size in received if at <= loaded + 4)
    return lcp, early, sum(size for _, size in received)


def breakdown(v: Visit) -> list[tuple[str, float | None]]:
    """Where the first result's time went, step by step, in ms (None: not recorded)."""
    # ours, restored from the snapshot, fetches the stdlib after the start (stdlib.js)
    needed = ("pyodide.asm.mjs", "pyodide.asm.wasm") + (() if v.at("stdlib-deferred") else ("python_stdlib.zip",))
    fetched = [v.at(n) for n in needed]
    wasm_done = v.first("wasm-", "-done")
    marks = {
        "page, until the worker runs": v.at("worker-start"),
        "pyodide.mjs imported": v.at("pyodide-imported"),
        "runtime fetched (mjs, wasm; stdlib unless deferred)": max(fetched) if all(fetched) else None,
        "wasm compiled (ours: early, from its own request)": v.at("wasm-compiled"),
        "snapshot fetched + gunzipped (ours)": v.at("snapshot-fetched"),
        "snapshot heap decoded (ours)": v.at("snapshot-decoded"),
        "wasm compiled + instantiated": wasm_done,
        "interpreter started (ours: restored)": v.at("core-ready"),
        "wheels loaded (ours: files unpacked)": v.at("wheel-loaded"),
        "runner ready": v.at("ready"),
        "run started": v.at("run-start"),
        "run done": v.at("run-done"),
        "result in the page (its Output log)": v.result_ms,
        "stdlib in place (ours: after the start)": v.at("stdlib-landed"),
    }
    return list(marks.items())


def phase_lines(label: str, v: Visit) -> list[str]:
    """The breakdown as lines: each step's time since navigation and since the step before."""
    lines, before = [f"breakdown, {label}: step, ms since navigation, ms since the step before"], 0.0
    for step, ms in breakdown(v):
        if ms is None:
            lines.append(f"  {step:40} {'-':>8}")
            continue
        lines.append(f"  {step:40} {ms:8.0f} {ms - before:+8.0f}")
        before = ms
    wasm = v.at("pyodide.asm.wasm")
    start, done = v.first("wasm-", "-start"), v.first("wasm-", "-done")
    if wasm and start and done:
        lines.append(f"  (wasm: instantiate {start:.0f}-{done:.0f} ms, its download ended at {wasm:.0f} ms;"
                     f" compile after the last byte {max(0.0, done - wasm):.0f} ms)")
    return lines

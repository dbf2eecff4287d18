"""The classroom's Python starts from the memory snapshot made at build time, which already holds
the site's wheels; a snapshot of another lock, a broken one or none at all means a plain start
that still runs the reader's code."""

from __future__ import annotations

import gzip
import re
import shutil

import pytest
from conftest import serve

pytestmark = pytest.mark.browser

READY_MS = 90_000  # generous: a cold Pyodide start on a loaded CI machine
MARKS = "() => performance.getEntriesByType('mark').map((m) => m.name)"
RUNTIME = ("assets", "vendor", "pyodide")


@pytest.fixture
def own_site(built_site, tmp_path):
    """A copy of the built site this test may change, served on its own port."""
    folder = shutil.copytree(built_site, tmp_path / "site")
    server, url = serve(folder)
    yield folder, url
    server.shutdown()


def worker_marks(page) -> list[str]:
    """The reader's Python worker's performance marks (trainfer/assets/marks.js)."""
    for worker in page.workers:
        names = worker.evaluate(MARKS)
        if "tf:worker-start" in names:
            return names
    return []


def open_ready(context, url: str):
    page = context.new_page()
    page.goto(url + "classroom/")
    page.wait_for_function("() => document.querySelector('.tf-status').dataset.state === 'status_ready'",
                           timeout=READY_MS)
    return page


def run_prints(page, text: str, code: str = "import explainers") -> str:
    """Run `code` and then print `text`; the log once `text` is in it."""
    page.get_by_label(re.compile("^Code")).fill(f"{code}\nprint({text!r})")
    page.get_by_role("button", name=re.compile("^Run")).click()
    page.wait_for_function("t => document.querySelector('[role=log]').textContent.includes(t)",
                           arg=text, timeout=READY_MS)
    return page.locator("[role=log]").text_content()


# what a start from the snapshot must still give: the wheels' files (tracebacks read them), a
# seed of this visit's own, the worker's own globals through `js`, and the browser's own fetch
# (the early wasm compile's hook is gone before reader code runs, trainfer/assets/wasm.js)
CHECKS = """import inspect, random, js, explainers.teacher
print('source:', inspect.getsource(explainers.teacher).splitlines()[0][:40])
print('random:', random.random())
print('href:', js.location.protocol)
print('fetch:', '[native code]' in str(js.fetch.toString()))"""


def lines_of(log: str, label: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith(label)]


def test_python_starts_from_the_build_snapshot_with_the_site_wheels(browser, own_site):
    folder, url = own_site
    assert (folder.joinpath(*RUNTIME) / "trainfer-snapshot.bin").read_bytes()[:2] == b"\x1f\x8b"
    context = browser.new_context(service_workers="block")
    draws = []
    for visit in range(2):
        page = open_ready(context, url)
        marks = worker_marks(page)
        assert {"tf:snapshot-decoded", "tf:snapshot-used"} <= set(marks), marks
        assert not {"tf:snapshot-failed", "tf:snapshot-stale", "tf:snapshot-mismatch"} & set(marks)
        log = run_prints(page, f"visit {visit}", CHECKS)
        assert lines_of(log, "source:") and '"""' in lines_of(log, "source:")[0], log
        assert lines_of(log, "href:") == ["href: blob:"] and lines_of(log, "fetch:") == ["fetch: True"]
        # the wasm was compiled from the worker's own request, and Pyodide instantiated that
        assert {"tf:wasm-compiled", "tf:wasm-early-done"} <= set(marks)
        draws += lines_of(log, "random:")
        page.close()
    assert len(draws) == 2 and draws[0] != draws[1]  # not the build machine's seed, twice
    context.close()


@pytest.mark.parametrize("change, mark", [
    ("lock", "tf:snapshot-stale"),  # a lock the snapshot was not made with: other wheels
    ("garbage", "tf:snapshot-failed"),  # not gzip
    ("other-runtime", "tf:snapshot-failed"),  # gzip, but not a heap Pyodide can restore
    ("other-wasm", "tf:snapshot-mismatch"),  # a heap encoded against another wasm's memory
    ("none", None),  # a site built without Node
])
def test_without_a_usable_snapshot_python_starts_plainly(browser, own_site, change, mark):
    folder, url = own_site
    runtime = folder.joinpath(*RUNTIME)
    snapshot = runtime / "trainfer-snapshot.bin"
    if change == "lock":
        lock = runtime / "pyodide-lock.json"
        lock.write_text(lock.read_text() + "\n")
    elif change == "garbage":
        snapshot.write_bytes(b"not a snapshot")
    elif change == "other-runtime":
        snapshot.write_bytes(gzip.compress(b"\0" * 4096))
    elif change == "other-wasm":
        file = bytearray(gzip.decompress(snapshot.read_bytes()))
        file[8] ^= 1  # the digest of the initial memory it was encoded against
        snapshot.write_bytes(gzip.compress(bytes(file), compresslevel=1))
    else:
        snapshot.unlink()
    context = browser.new_context(service_workers="block")
    page = open_ready(context, url)
    marks = worker_marks(page)
    assert "tf:snapshot-used" not in marks
    if mark:
        assert mark in marks, marks
    if change == "other-wasm":  # never restored half-decoded: Pyodide refused it, then a plain start
        assert "tf:snapshot-failed" in marks, marks
    log = run_prints(page, f"plain start after {change}", CHECKS)
    assert lines_of(log, "source:") and lines_of(log, "href:") == ["href: blob:"]
    assert lines_of(log, "fetch:") == ["fetch: True"]
    context.close()


# modules the snapshot's heap does not hold: importing them reads python_stdlib.zip
EARLY_IMPORTS = """import calendar, fractions
print('third:', fractions.Fraction(1, 3))
print('leap:', calendar.isleap(2028))"""


def test_the_standard_library_comes_after_python_and_an_early_import_waits_for_it(browser, own_site):
    _, url = own_site
    context = browser.new_context(service_workers="block")
    held = []

    def hold_the_first_download(route):
        if route.request.method == "GET" and not held:
            held.append(route)  # the download that starts once Python is up: kept back
        else:
            route.continue_()

    context.route("**/python_stdlib.zip", hold_the_first_download)
    page = open_ready(context, url)
    marks = worker_marks(page)
    # restored from the snapshot with an empty placeholder: the zip was not waited for
    assert {"tf:snapshot-used", "tf:stdlib-deferred"} <= set(marks), marks
    assert len(held) == 1 and "tf:stdlib-landed" not in marks
    log = run_prints(page, "imported early", EARLY_IMPORTS)
    # the guard fetched the zip itself (synchronously) before the imports went on
    assert lines_of(log, "third:") == ["third: 1/3"] and lines_of(log, "leap:") == ["leap: True"], log
    assert "tf:stdlib-landed" in worker_marks(page)
    held[0].continue_()
    log = run_prints(page, "again", "import fractions, csv")  # the guard is gone; csv is new
    assert "Error" not in log, log
    context.close()


def test_without_the_standard_library_an_import_says_so(browser, own_site):
    folder, url = own_site
    (folder.joinpath(*RUNTIME) / "python_stdlib.zip").unlink()
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(url + "classroom/")
    # the file check at start fails the boot with the file's name, as before
    page.wait_for_function("() => document.querySelector('.tf-status').dataset.state === 'status_boot_failed'",
                           timeout=READY_MS)
    assert "python_stdlib.zip" in page.locator(".tf-status").inner_text()
    context.close()

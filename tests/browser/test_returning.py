"""A returning reader: Python starts from the snapshot a background worker made in their browser
after the first visit's first run, and a new runtime (a changed pyodide-lock.json) drops it."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import serve

pytestmark = pytest.mark.browser

READY_MS = 90_000  # generous: a cold Pyodide start on a loaded CI machine
MARKS = "() => performance.getEntriesByType('mark').map((m) => m.name)"


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
        try:
            names = worker.evaluate(MARKS)
        except Exception:  # the background snapshot worker, ended meanwhile
            continue
        if "tf:worker-start" in names:
            return names
    return []


def open_ready(context, url: str):
    page = context.new_page()
    page.goto(url + "classroom/")
    page.wait_for_function("() => document.querySelector('.tf-status').dataset.state === 'status_ready'",
                           timeout=READY_MS)
    return page


def run_prints(page, text: str) -> None:
    page.get_by_label(re.compile("^Code")).fill(f"import explainers\nprint({text!r})")
    page.get_by_role("button", name=re.compile("^Run")).click()
    page.wait_for_function("t => document.querySelector('[role=log]').textContent.includes(t)",
                           arg=text, timeout=READY_MS)


def snapshot_keys(page) -> list[str]:
    return page.evaluate("async () => (await (await caches.open('trainfer-snapshot')).keys())"
                         ".map((r) => r.url)")


def wait_for_snapshot(page) -> list[str]:
    """The keys in Cache Storage once the background worker has stored a snapshot."""
    for _ in range(READY_MS // 200):
        keys = snapshot_keys(page)
        if keys:
            return keys
        page.wait_for_timeout(200)
    raise AssertionError("no snapshot was stored after the first run")


def test_the_snapshot_is_made_after_the_first_run_used_next_time_and_dropped_by_a_new_runtime(
        browser, own_site):
    folder, url = own_site
    # no service worker here: it would serve the old lock until a new build's sw.js replaced it
    # (test_offline_reader.py); this test is about the snapshot's key
    context = browser.new_context(service_workers="block")
    first = open_ready(context, url)
    marks = worker_marks(first)
    # the reader's worker starts plainly: no _makeSnapshot (whose proxy breaks js calls), and no
    # snapshot is made before the first run
    assert "tf:snapshot-wanted" in marks
    assert not {"tf:snapshot-making", "tf:snapshot-used"} & set(marks)
    assert snapshot_keys(first) == []
    first.get_by_label(re.compile("^Code")).fill(
        "import js\njs.self.dispatchEvent(js.Event.new('tf'))\nprint('plain js globals')")
    first.get_by_role("button", name=re.compile("^Run")).click()
    first.wait_for_function("t => document.querySelector('[role=log]').textContent.includes(t)",
                            arg="plain js globals", timeout=READY_MS)
    [key] = wait_for_snapshot(first)  # made by a background worker after the run
    assert "tf:snapshot-making" not in worker_marks(first)
    first.close()

    second = open_ready(context, url)
    assert "tf:snapshot-used" in worker_marks(second)
    run_prints(second, "from the snapshot")  # the wheel loads and runs on top of it
    assert snapshot_keys(second) == [key]
    second.close()

    lock = folder / "assets" / "vendor" / "pyodide" / "pyodide-lock.json"
    lock.write_text(lock.read_text() + "\n")  # another runtime, as far as the key can tell
    third = open_ready(context, url)
    marks = worker_marks(third)
    assert "tf:snapshot-used" not in marks and "tf:snapshot-wanted" in marks
    assert snapshot_keys(third) == []  # the old runtime's snapshot is dropped
    run_prints(third, "after the runtime changed")
    assert wait_for_snapshot(third) not in ([key], [])
    context.close()


def test_no_snapshot_is_made_on_save_data(browser, own_site):
    _, url = own_site
    context = browser.new_context(service_workers="block")
    context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'connection', {get: () => ({saveData: true})})")
    page = context.new_page()
    skipped = []
    page.on("console", lambda m: skipped.append(m.text) if "Save-Data" in m.text else None)
    page.goto(url + "classroom/")
    run_prints(page, "saving data")
    page.wait_for_function("() => document.querySelector('.tf-status').dataset.state === 'status_done'")
    for _ in range(50):  # the page decides at the run's `done`
        if skipped:
            break
        page.wait_for_timeout(100)
    assert skipped == ["trainfer snapshot: skipped (Save-Data)"]
    assert snapshot_keys(page) == []
    context.close()

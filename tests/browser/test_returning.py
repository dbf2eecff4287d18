"""A returning reader: Python starts from the snapshot made in their browser on the first visit,
and a new runtime (a changed pyodide-lock.json) drops it."""

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
    """The Python worker's performance marks (trainfer/assets/marks.js)."""
    for worker in page.workers:
        names = worker.evaluate(MARKS)
        if "tf:worker-start" in names:
            return names
    return []


def wait_for_mark(page, name: str) -> list[str]:
    for _ in range(READY_MS // 100):
        names = worker_marks(page)
        if name in names:
            return names
        page.wait_for_timeout(100)
    raise AssertionError(f"the worker never marked {name}; its marks: {worker_marks(page)}")


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


def test_the_second_visit_starts_from_the_snapshot_and_a_new_runtime_drops_it(browser, own_site):
    folder, url = own_site
    # no service worker here: it would serve the old lock until a new build's sw.js replaced it
    # (test_offline_reader.py); this test is about the snapshot's key
    context = browser.new_context(service_workers="block")
    first = open_ready(context, url)
    marks = wait_for_mark(first, "tf:snapshot-saved")
    assert "tf:snapshot-used" not in marks
    [key] = snapshot_keys(first)
    first.close()

    second = open_ready(context, url)
    assert "tf:snapshot-used" in worker_marks(second)
    run_prints(second, "from the snapshot")  # the wheel loads and runs on top of it
    second.close()

    lock = folder / "assets" / "vendor" / "pyodide" / "pyodide-lock.json"
    lock.write_text(lock.read_text() + "\n")  # another runtime, as far as the key can tell
    third = open_ready(context, url)
    marks = wait_for_mark(third, "tf:snapshot-saved")
    assert "tf:snapshot-used" not in marks
    assert snapshot_keys(third) not in ([key], [])
    run_prints(third, "after the runtime changed")
    context.close()

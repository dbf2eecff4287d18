"""The classroom as a reader uses it: settings in the URL, charts, errors, hostile output."""

from __future__ import annotations

import re

import pytest
from test_classroom import PYODIDE_READY_S, open_classroom, run_button, set_code

pytestmark = pytest.mark.browser
WAIT = PYODIDE_READY_S * 1000


def wait_for_log(page, needle: str) -> None:
    page.wait_for_function(
        "needle => document.querySelector('[role=log]').textContent.includes(needle)",
        arg=needle, timeout=WAIT,
    )


def wait_until_idle(page) -> None:
    page.wait_for_function("() => !document.querySelector('[data-action=run]').disabled",
                           timeout=WAIT)


def test_settings_in_the_url_are_applied_and_kept(page, site_url):
    page.goto(site_url + "classroom/?fmt=fp16&hidden=8&epochs=3&chip=scalar")
    code = page.get_by_label(re.compile("^Code")).input_value()
    assert 'fmt="fp16"' in code and "hidden=8," in code and "epochs=3," in code
    assert 'chip="scalar"' in code
    assert page.get_by_label("Number format", exact=True).input_value() == "fp16"
    page.get_by_label("Hidden units").fill("12")
    page.get_by_label("Hidden units").dispatch_event("change")
    assert "hidden=12," in page.get_by_label(re.compile("^Code")).input_value()
    assert "hidden=12" in page.url and "fmt=fp16" in page.url


def test_edited_code_travels_in_the_url(page, site_url):
    open_classroom(page, site_url)
    set_code(page, "print('shared experiment')")
    shared = page.evaluate("() => location.href")  # page.url lags history.replaceState
    assert "code=" in shared
    page.goto(shared)
    assert page.get_by_label(re.compile("^Code")).input_value() == "print('shared experiment')"


def test_a_bad_setting_in_the_url_is_ignored(page, site_url):
    page.goto(site_url + "classroom/?chip=quantum&hidden=-5")
    code = page.get_by_label(re.compile("^Code")).input_value()
    assert 'chip="training"' in code  # not an option: the example's value stays
    assert "hidden=1," in code  # clamped to the simulator's smallest hidden size


def test_the_example_draws_progress_charts_and_ledgers(page, site_url):
    open_classroom(page, site_url)
    run_button(page).click()
    # the tables are shown after the charts: wait for the whole board, then count
    page.wait_for_function(
        "() => document.querySelectorAll('.tf-board [data-rendered]').length === 3"
        " && document.querySelectorAll('.tf-board table').length >= 3", timeout=WAIT)
    wait_until_idle(page)
    assert page.locator(".tf-board figure svg").count() == 3
    assert page.locator(".tf-board table").count() == 3
    assert "Multiply-adds" in page.locator(".tf-board table").first.inner_text()  # i18n words
    memory = page.locator(".tf-board table").nth(2).inner_text()  # teacher against student
    assert "Teacher: teaching a batch" in memory and "optimizer state" in memory
    assert page.get_by_label("Optimizer").input_value() == "momentum"
    assert re.search(r"Epoch \d+ of \d+", page.locator(".tf-progress").inner_text())
    assert page.console_errors == []


def test_an_exception_shows_its_traceback_and_the_page_stays_usable(page, site_url):
    log = open_classroom(page, site_url)
    set_code(page, "x = 1\nprint(x / 0)\n")
    run_button(page).click()
    wait_for_log(page, "ZeroDivisionError")
    text = log.inner_text()
    assert "Traceback" in text and 'File "<your code>", line 2' in text
    assert "_pyodide" not in text  # the reader sees their own frames, not the runner's
    wait_until_idle(page)
    set_code(page, "print('again')")
    page.get_by_label(re.compile("^Code")).press("Control+Enter")
    wait_for_log(page, "again")


def test_printed_html_stays_text(page, site_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    log = open_classroom(page, site_url)
    set_code(page, "print('<img src=x onerror=alert(1)>')\nprint('<b>bold</b>')")
    run_button(page).click()
    wait_for_log(page, "<b>bold</b>")
    assert "<img src=x onerror=alert(1)>" in log.inner_text()
    assert page.locator("[role=log] img, [role=log] b").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []


def test_a_million_lines_are_capped_and_the_page_answers(page, site_url):
    log = open_classroom(page, site_url)
    set_code(page, "for i in range(1_000_000):\n    print(i)\nprint('end')")
    run_button(page).click()
    wait_for_log(page, "output cut after 10000 lines")
    page.get_by_role("button", name=re.compile("^Reset")).click(timeout=2000)  # still answers
    assert "Teacher(" in page.get_by_label(re.compile("^Code")).input_value()
    wait_until_idle(page)
    lines = log.inner_text().splitlines()
    assert len(lines) <= 10_002 and "end" not in lines


def test_no_page_scrolls_sideways_on_a_narrow_screen(browser, site_url, built_site):
    from test_offline import site_pages

    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    wide = {}
    for path in site_pages(built_site):
        # "load", not "networkidle": the classroom starts fetching Python as soon as it shows,
        # which on a loaded machine keeps the network busy for longer than the wait allows
        page.goto(site_url + path, wait_until="load", timeout=60_000)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 375:
            wide[path] = width
    context.close()
    assert wide == {}


def test_run_before_python_is_ready_shows_loading_then_runs(page, site_url):
    # Python starts from the build's snapshot in well under a second: held back here until the
    # loading state has been seen, so the click surely comes before Python is ready
    held = []
    page.route("**/trainfer-snapshot.bin", lambda route: held.append(route))
    page.goto(site_url + "classroom/")
    set_code(page, "print('after loading')")
    run_button(page).click()
    bar = page.locator(".tf-progress progress")
    assert page.locator(".tf-progress").is_visible()
    assert bar.get_attribute("value") is None  # indeterminate while Python loads
    assert "loading" in page.locator(".tf-status").inner_text().lower()
    for _ in range(600):  # the worker asks for it as it starts
        if held:
            break
        page.wait_for_timeout(50)
    assert held
    for route in held:
        route.continue_()
    page.unroute("**/trainfer-snapshot.bin")
    wait_for_log(page, "after loading")
    assert not page.locator(".tf-progress").is_visible()


def test_python_failing_to_load_is_said_and_the_next_run_retries(page, site_url):
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_url + "classroom/")
    set_code(page, "print('retried')")
    run_button(page).click()
    page.wait_for_function(
        "() => document.querySelector('.tf-status').dataset.state === 'status_boot_failed'",
        timeout=WAIT)
    assert "could not start" in page.locator(".tf-status").inner_text()
    wait_until_idle(page)
    page.unroute("**/pyodide.asm.wasm")
    run_button(page).click()
    wait_for_log(page, "retried")

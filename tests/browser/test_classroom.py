"""The live classroom in Debian's Chromium: Run, Stop, Reset and the Output log."""

from __future__ import annotations

import re
import time

import pytest

pytestmark = pytest.mark.browser

PYODIDE_READY_S = 60  # generous: a cold Pyodide start on a loaded CI machine


def open_classroom(page, site_url):
    page.goto(site_url + "classroom/")
    page.get_by_role("button", name=re.compile("^Run")).wait_for()
    return page.get_by_role("log", name="Output")


def set_code(page, code: str) -> None:
    page.get_by_label(re.compile("^Code")).fill(code)


def run_button(page):
    return page.get_by_role("button", name=re.compile("^Run"))


def test_run_prints_the_students_accuracy(page, site_url):
    log = open_classroom(page, site_url)
    assert page.locator("[role=log]").count() == 1
    assert log.inner_text() == ""  # the build-time result is shown outside the log
    assert re.search(r"\d+(\.\d+)?%", page.locator(".tf-prebuilt").inner_text())
    run_button(page).click()
    page.wait_for_function(
        "() => /\\d+(\\.\\d+)?%/.test(document.querySelector('[role=log]').textContent)",
        timeout=PYODIDE_READY_S * 1000,
    )
    assert "Traceback" not in log.inner_text()
    assert page.console_errors == []


def test_stop_ends_a_tight_loop_and_the_next_run_works(page, site_url):
    log = open_classroom(page, site_url)
    set_code(page, "print('looping')\nwhile True:\n    pass\n")
    run_button(page).click()
    page.wait_for_function(
        "() => document.querySelector('[role=log]').textContent.includes('looping')",
        timeout=PYODIDE_READY_S * 1000,
    )
    assert run_button(page).is_disabled()
    page.get_by_role("button", name=re.compile("^Stop")).click()
    started = time.monotonic()
    run_button(page).wait_for(state="visible")
    page.wait_for_function(
        "() => !document.querySelector('[data-action=run]').disabled", timeout=1000
    )
    assert time.monotonic() - started < 1.0
    set_code(page, "print(6 * 7)")
    run_button(page).click()
    page.wait_for_function(
        "() => document.querySelector('[role=log]').textContent.trim() === '42'",
        timeout=PYODIDE_READY_S * 1000,
    )
    assert log.inner_text().strip() == "42"


def test_reset_restores_the_example(page, site_url):
    open_classroom(page, site_url)
    editor = page.get_by_label(re.compile("^Code"))
    example = editor.input_value()
    set_code(page, "print('mine')")
    page.get_by_role("button", name=re.compile("^Reset")).click()
    assert editor.input_value() == example

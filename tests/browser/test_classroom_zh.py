"""The Chinese classroom speaks Chinese: through a run, Stop, an error and an impossible
setting, no label, button, status or message of the widget is English (the reader's own output
in the log and the code are theirs, and format names such as FP32 are names)."""

from __future__ import annotations

import re

import pytest
from test_classroom import PYODIDE_READY_S

pytestmark = pytest.mark.browser
WAIT = PYODIDE_READY_S * 1000
NAMES = {"Python", "Pyodide", "Ctrl", "Enter", "FP32", "FP16", "BF16", "INT8", "INT32", "fp32",
         "fp16", "bf16", "int8", "int32", "SGD", "Adam", "MAC", "MACs", "INT", "int", "TFLOPS", "TOPS", "µJ",
         "nJ", "pJ", "sgd", "adam", "momentum"}
WIDGET_TEXT = """() => {
  const root = document.querySelector('.tf-demo').cloneNode(true);
  root.querySelectorAll('[role=log], textarea, template, .tf-code-label ~ .cm-editor, pre')
      .forEach(el => el.remove());
  // the widget's own labels; Vega's generated descriptions of each mark inside a chart's SVG
  // are English whatever the page (a known limit, noted): the chart's title and axes are checked
  const labels = [...document.querySelectorAll('.tf-demo [aria-label], .tf-demo [title]')]
      .filter(el => !el.closest('svg'))
      .map(el => (el.getAttribute('aria-label') || '') + ' ' + (el.getAttribute('title') || ''));
  return root.innerText + ' ' + labels.join(' ');
}"""


def english_words(page) -> set[str]:
    text = page.evaluate(WIDGET_TEXT)
    return {w for w in re.findall(r"[A-Za-z][A-Za-z]{2,}", text) if w not in NAMES}


def wait_idle(page):
    page.wait_for_function("() => !document.querySelector('.tf-demo [data-action=run]').disabled",
                           timeout=WAIT)


def test_the_chinese_classroom_has_no_english_words(page, site_url):
    page.goto(site_url + "zh/classroom/")
    run = page.locator(".tf-demo [data-action=run]")
    run.wait_for()
    assert english_words(page) == set(), "at load"
    run.click()
    page.wait_for_function("() => document.querySelector('[role=log]').textContent.includes('%')",
                           timeout=WAIT)
    wait_idle(page)
    assert english_words(page) == set(), "after a run"

    code = page.locator(".tf-demo textarea")
    code.fill("import time\nwhile True:\n    time.sleep(0.1)\n")
    run.click()
    page.locator(".tf-demo [data-action=stop]").click()
    wait_idle(page)
    assert english_words(page) == set(), "after Stop"

    code.fill("print(1 / 0)\n")
    run.click()
    page.wait_for_function("() => document.querySelector('[role=log]').textContent"
                           ".includes('ZeroDivisionError')", timeout=WAIT)
    wait_idle(page)
    assert english_words(page) == set(), "after an error"

    page.goto(site_url + "zh/classroom/?chip=inference&fmt=fp32")
    page.locator(".tf-demo [data-action=run]").click()
    page.wait_for_timeout(500)
    wait_idle(page)
    assert english_words(page) == set(), "after an impossible setting"
    assert page.locator("html").get_attribute("lang").startswith("zh")

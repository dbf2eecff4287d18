"""Tables and charts in Chromium: every chart draws, headers sort, the filter filters, and the
measured page adds the reader's own row."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from trainfer.tables.load import load_all

pytestmark = pytest.mark.browser


def table_names():
    stems = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    return sorted(n for n in load_all(ROOT / "data", notebook_stems=stems) if n != "claims")


@pytest.mark.parametrize("name", table_names())
def test_each_table_page_draws_its_chart(page, site_url, name):
    page.goto(site_url + f"benchmarks/{name}/")
    charts = page.locator("figure.tf-chart")
    for i in range(charts.count()):
        page.wait_for_function(
            "i => document.querySelectorAll('figure.tf-chart')[i].dataset.rendered === '1'",
            arg=i, timeout=15_000)
        assert charts.nth(i).locator("svg").count() >= 1
    assert page.locator("table.tf-table tbody tr").count() > 0
    assert page.console_errors == []


def column_values(page, index: int) -> list[float]:
    cells = page.locator(f"table.tf-table tbody tr.tf-row td:nth-child({index + 1})").all_inner_texts()
    return [float(c.replace(",", "")) for c in cells]


def test_clicking_a_header_reorders_the_rows(page, site_url):
    page.goto(site_url + "benchmarks/mlperf_resnet50/")
    headers = page.locator("table.tf-table thead th").all_inner_texts()
    index = next(i for i, h in enumerate(headers) if h.startswith("Time to train"))
    before = column_values(page, index)
    header = page.locator("table.tf-table thead th").nth(index)
    header.click()
    first = column_values(page, index)
    header.click()
    second = column_values(page, index)
    assert sorted(before) in (first, second)
    assert first == list(reversed(second))
    assert first != before or second != before
    header.focus()
    page.keyboard.press("Enter")  # keyboard sorts too
    assert column_values(page, index) in (first, second)


def test_the_filter_hides_rows_that_do_not_match(page, site_url):
    page.goto(site_url + "benchmarks/mlperf_resnet50/")
    rows = page.locator("table.tf-table tbody tr.tf-row")
    total = rows.count()
    expected = page.evaluate("""() => [...document.querySelectorAll("tr.tf-row")].filter((row) =>
      (row.textContent + document.getElementById(row.id + "-detail").textContent).includes("Ascend")
    ).length""")  # the filter reads each row's detail (notes, sources) too
    assert 0 < expected < total
    page.get_by_label(re.compile("^Filter the rows")).fill("ascend")
    assert page.locator("table.tf-table tbody tr.tf-row:not([hidden])").count() == expected
    assert page.locator(".tf-shown").inner_text() == f"{expected} of {total} rows"
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Download the filtered view")).click()
    lines = download.value.path().read_text().strip().splitlines()
    assert len(lines) == expected + 1


def test_the_measured_page_adds_the_browsers_row(page, site_url):
    page.goto(site_url + "benchmarks/measured/")
    timing = page.locator("table.tf-timing tbody tr")
    assert timing.count() == 1 and "Build machine" in timing.first.inner_text()
    page.get_by_role("button", name="Measure in your browser").click()
    page.wait_for_function("() => document.querySelectorAll('table.tf-timing tbody tr').length === 2",
                           timeout=90_000)
    row = timing.nth(1).locator("td").all_inner_texts()
    assert row[0].startswith("Your browser")
    assert all(float(v.replace(",", "")) > 0 for v in row[1:])
    assert page.console_errors == []

"""Tables and charts read at a glance, in Chromium at 1280 and 375 px, light and dark: no table
wider than its column, the header in view while its box scrolls, every chart with more than one
series explained by a legend or labels and no chart text under 10 px; an evidence link from the
claims ledger shows its figure; blank cells sort last both ways; a row's detail opens by keyboard."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from trainfer.tables.charts import CHARTS
from trainfer.tables.load import load_all

pytestmark = pytest.mark.browser

VIEWS = [(1280, "light"), (1280, "dark"), (375, "light"), (375, "dark")]
TABLES = sorted(n for n in load_all(ROOT / "data") if n != "claims")
FIT = """() => {
  const wrap = document.querySelector(".tf-table-wrap.tf-data");
  const table = wrap.querySelector("table"), column = wrap.parentElement.getBoundingClientRect();
  const box = wrap.getBoundingClientRect();
  return {page: document.documentElement.scrollWidth, viewport: innerWidth, table: table.scrollWidth,
          inside: wrap.clientWidth, left: box.left - column.left, right: column.right - box.right,
          scheme: document.body.getAttribute("data-md-color-scheme")};
}"""
HEADER_STAYS = """() => {
  const wrap = document.querySelector(".tf-table-wrap.tf-data");
  wrap.scrollTop = wrap.scrollHeight;  // to the last row
  const top = wrap.getBoundingClientRect().top, head = wrap.querySelector("thead th");
  return {scrolled: wrap.scrollTop, offset: Math.abs(head.getBoundingClientRect().top - top)};
}"""
CHART_TEXT = """(figure) => {
  const svg = figure.querySelector("svg");
  const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
  const shown = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim()
    && getComputedStyle(t).opacity !== "0" && t.getBoundingClientRect().width > 0);
  const xLabels = [...svg.querySelectorAll('g.role-axis[aria-label^="X-axis"] .role-axis-label text')];
  return {sizes: shown.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale),
          legend: svg.querySelectorAll(".role-legend-symbol path").length,
          labels: svg.querySelectorAll(".mark-text text").length,
          overflow: svg.getBoundingClientRect().right - figure.getBoundingClientRect().right,
          xLabels: xLabels.map((t) => t.textContent)};
}"""


@pytest.fixture
def view(browser, request):
    """A page at a width and colour scheme (Material follows prefers-color-scheme)."""
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page, width, scheme
    context.close()


@pytest.mark.parametrize("view", VIEWS, indirect=True, ids=[f"{w}-{s}" for w, s in VIEWS])
def test_no_table_is_wider_than_its_column(view, site_url):
    page, width, scheme = view
    editions = ("", "zh/") if scheme == "light" else ("",)  # the scheme changes colours only
    for path in [f"{lang}benchmarks/{name}/" for lang in editions for name in TABLES]:
        page.goto(site_url + path)
        fit = page.evaluate(FIT)
        assert fit["scheme"] == ("slate" if scheme == "dark" else "default")
        assert fit["page"] <= fit["viewport"], (path, fit)  # no page-wide sideways scroll
        assert fit["left"] >= -1 and fit["right"] >= -1, (path, fit)  # the box stays in its column
        if width >= 1280:  # the compared columns all visible together
            assert fit["table"] <= fit["inside"], (path, fit)
    page.goto(site_url + "benchmarks/chips/")
    stays = page.evaluate(HEADER_STAYS)
    assert stays["scrolled"] > 0 and stays["offset"] <= 1  # the header stays at the box's top
    assert page.console_errors == []


@pytest.mark.parametrize("view", VIEWS, indirect=True, ids=[f"{w}-{s}" for w, s in VIEWS])
def test_every_chart_explains_itself_and_stays_legible(view, site_url):
    page, width, _ = view
    for name in sorted(CHARTS):
        page.goto(site_url + f"benchmarks/{name}/")
        page.wait_for_selector("figure.tf-chart[data-rendered]", timeout=20_000)
        figure = page.locator("figure.tf-chart").first
        spec = json.loads(figure.locator("script.tf-chart-spec").text_content())
        series = [k for layer in spec.get("layer", [spec]) for k in ("color", "shape", "strokeDash")
                  if "field" in layer.get("encoding", {}).get(k, {})]
        found = figure.evaluate(CHART_TEXT)
        if series:
            assert found["legend"] >= 2 or found["labels"] >= 2, (name, width)
        assert found["sizes"] and min(found["sizes"]) >= 10, (name, width, min(found["sizes"]))
        assert found["overflow"] <= 1, (name, width)
        if name == "compute_trend":  # years, not "July / 2013 / July"
            assert found["xLabels"] and all(t.isdigit() and len(t) == 4 for t in found["xLabels"])
    assert page.console_errors == []


CITED = """(id) => {
  const row = document.getElementById(id), cell = row && row.querySelector(".tf-cited");
  if (!cell || document.getElementById(id + "-detail").hidden) return false;
  const r = cell.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
  const seen = x > 0 && x < innerWidth && y > 0 && y < innerHeight
    && cell.contains(document.elementFromPoint(x, y));
  return seen && getComputedStyle(cell).outlineStyle === "solid" && row.matches(":target");
}"""


@pytest.mark.parametrize("view", [(1280, "light"), (375, "dark")], indirect=True, ids=["1280", "375"])
@pytest.mark.parametrize("row", ["chips/#row-edge-tpu", "mlperf_resnet50/#row-v0.7-tpu-v3-8192-jax"])
def test_an_evidence_link_shows_its_figure(view, site_url, row):
    page, _, _ = view
    page.goto(site_url + "claims/")
    link = page.locator(f'a[href="../benchmarks/{row}"]').first
    link.locator("xpath=ancestor::details/summary").click()
    link.click()
    page.wait_for_url(f"**/benchmarks/{row}")
    page.wait_for_function(CITED, arg=row.split("#")[1], timeout=20_000)  # not under the header either
    assert page.console_errors == []


def column(page, key: str) -> list[str | None]:
    """A column's cells in row order: the sort value, or None for a blank cell."""
    return page.evaluate("""(key) => {
      const index = document.querySelector(`th[data-key="${key}"]`).cellIndex;
      return [...document.querySelectorAll("tr.tf-row")].map((row) => row.cells[index])
        .map((td) => td.classList.contains("tf-blank") ? null : td.dataset.sort ?? td.textContent.trim());
    }""", key)


@pytest.mark.parametrize("path, key, number", [("chips", "fp32_tflops", True),
                                              ("compute_trend", "period", False)])
def test_blank_cells_sort_last_both_ways(page, site_url, path, key, number):
    page.goto(site_url + f"benchmarks/{path}/")
    header = page.locator(f'th[data-key="{key}"]')
    orders = []
    header.click()
    orders.append(column(page, key))
    header.focus()
    page.keyboard.press(" ")  # the keyboard sorts too
    orders.append(column(page, key))
    for order, descending in zip(orders, (False, True), strict=True):
        filled = [v for v in order if v is not None]
        assert None in order and order[len(filled):] == [None] * (len(order) - len(filled))
        values = [float(v) for v in filled] if number else [v.lower() for v in filled]
        assert values == sorted(values, reverse=descending)
    details = page.evaluate("""() => [...document.querySelectorAll("tbody tr")].every((row, i, all) =>
      !row.classList.contains("tf-detail") || all[i - 1].id + "-detail" === row.id)""")
    assert details  # each row's detail still follows its row


def test_a_row_detail_opens_by_keyboard(page, site_url):
    page.goto(site_url + "benchmarks/chips/")
    page.locator(".tf-filter").focus()
    for _ in range(40):  # Tab through the filter, the table's box and its headers
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.tf-more')"):
            break
    button = page.locator(":focus")
    assert button.get_attribute("aria-expanded") == "false"
    detail = page.locator("#" + button.get_attribute("aria-controls"))
    assert detail.is_hidden()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and detail.is_visible()
    assert "Sources" in detail.inner_text() and "Ascend 910" in button.get_attribute("aria-label")
    page.keyboard.press(" ")
    assert button.get_attribute("aria-expanded") == "false" and detail.is_hidden()

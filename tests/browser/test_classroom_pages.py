"""Issue 13: the classroom never contradicts itself, and pages fit their column."""

from __future__ import annotations

import pytest
from test_classroom import open_classroom, run_button, set_code
from test_classroom_live import WAIT, wait_until_idle

pytestmark = pytest.mark.browser


def test_inference_chip_offers_no_float_format_and_says_why(page, site_url):
    open_classroom(page, site_url)
    chip = page.get_by_label("Chip", exact=True)
    fmt = page.get_by_label("Number format", exact=True)
    assert fmt.input_value() == "fp32"
    chip.select_option("inference")
    assert fmt.input_value() not in ("fp32", "fp16", "bf16")
    disabled = fmt.evaluate("s => [...s.options].filter(o => o.disabled).map(o => o.value)")
    assert set(disabled) == {"fp32", "fp16", "bf16"}
    status = page.locator(".tf-notice")
    assert status.is_visible() and status.get_attribute("data-state") == "format_switched"
    assert "Inference chip" in status.inner_text() and "FP32" in status.inner_text()
    code = page.get_by_label("Code (Python, runs in your browser)").input_value()
    assert f'fmt="{fmt.input_value()}"' in code and 'chip="inference"' in code
    chip.select_option("training")  # the training chip can do them all again
    assert fmt.evaluate("s => [...s.options].every(o => !o.disabled)")


def test_an_impossible_link_is_switched_not_a_traceback(page, site_url):
    page.goto(site_url + "classroom/?chip=inference&fmt=fp32")
    run_button(page).wait_for()
    assert page.get_by_label("Number format", exact=True).input_value() == "int8"
    page.wait_for_function("() => document.querySelector('.tf-status').dataset.state"
                           " === 'status_ready'", timeout=WAIT)  # the notice outlives loading
    assert page.locator(".tf-notice").is_visible()
    assert "FP32" in page.locator(".tf-notice").inner_text()


def test_the_build_time_ledger_is_a_table_with_its_charts(page, site_url):
    open_classroom(page, site_url)
    prebuilt = page.locator(".tf-prebuilt")
    assert prebuilt.locator("table.tf-table").count() >= 2
    assert prebuilt.locator("table th[scope=col]").count() >= 4
    assert "[chart:" not in prebuilt.inner_text()
    assert "default settings" in prebuilt.locator(".tf-prebuilt-heading").inner_text()
    prebuilt.locator("figure").first.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelectorAll('.tf-prebuilt figure').length && "
                           "[...document.querySelectorAll('.tf-prebuilt figure')]"
                           ".every(f => f.dataset.rendered)", timeout=WAIT)


def test_charts_keep_readable_text_at_375px(page, site_url):
    page.set_viewport_size({"width": 375, "height": 800})
    open_classroom(page, site_url)
    page.locator(".tf-prebuilt figure").first.scroll_into_view_if_needed()
    page.wait_for_function("() => [...document.querySelectorAll('.tf-prebuilt figure')]"
                           ".every(f => f.dataset.rendered)", timeout=WAIT)
    # rendered size of each chart's text: its font size times the SVG's scale on screen
    smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll(
        '.tf-prebuilt figure svg')].flatMap(svg => {
          const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
          return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
            .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
        }))""")
    assert smallest >= 10, f"chart text {smallest:.1f} px at 375 px"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375


def test_after_a_live_run_the_page_shows_one_result(page, site_url):
    open_classroom(page, site_url)
    assert page.locator(".tf-prebuilt").is_visible()
    set_code(page, "print('live result')")
    run_button(page).click()
    page.wait_for_function("() => document.querySelector('[role=log]').textContent"
                           ".includes('live result')", timeout=WAIT)
    wait_until_idle(page)
    assert not page.locator(".tf-prebuilt").is_visible()


@pytest.mark.parametrize("width", [1280, 375])
def test_code_and_output_blocks_scroll_inside_their_column(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "notebooks/02-floating-point/")
    wide = page.evaluate("""() => [...document.querySelectorAll('.md-typeset pre')]
        .filter(pre => {
          const box = pre.getBoundingClientRect();
          const column = pre.closest('.md-content').getBoundingClientRect();
          const scrolls = ['auto', 'scroll'].includes(getComputedStyle(pre).overflowX);
          return box.right > column.right + 1 || (pre.scrollWidth > pre.clientWidth && !scrolls);
        }).map(pre => pre.textContent.slice(0, 60))""")
    assert wide == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_the_home_page_shows_the_teachers_learning_curve(page, site_url, edition):
    page.goto(site_url + edition)
    figure = page.locator("figure.tf-home-figure")
    assert figure.locator("svg polyline").count() == 1
    assert figure.locator("svg circle").count() >= 2
    axes = figure.locator("svg path.tf-axis")
    assert axes.evaluate("p => getComputedStyle(p).fill") == "none"  # lines, not a black wedge
    caption = figure.locator("figcaption").inner_text()
    assert caption.count("%") >= 2
    link = figure.locator("figcaption a")
    assert link.get_attribute("href").rstrip("/").endswith("classroom")
    assert page.locator("ol a[href*=classroom]").count() >= 1


def test_the_build_time_charts_load_their_drawer_only_when_they_come_near(page, site_url):
    vega = []
    page.on("request", lambda request: "/vendor/vega/" in request.url and vega.append(request.url))
    open_classroom(page, site_url)  # the charts are screens below: Python's runtime has the link
    page.wait_for_function("() => document.querySelector('.tf-demo[data-python=ready]')", timeout=WAIT)
    assert vega == []
    assert not page.locator(".tf-prebuilt figure[data-rendered]").count()
    page.locator(".tf-prebuilt figure").first.scroll_into_view_if_needed()
    page.wait_for_function("() => [...document.querySelectorAll('.tf-prebuilt figure')]"
                           ".every(f => f.dataset.rendered)", timeout=WAIT)
    assert any(url.endswith("vega-embed.min.js") for url in vega)

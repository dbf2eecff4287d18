"""The render-all fixture (tests/render_all_site.py) in Chromium: every output drawn (images
decoded, MathML laid out, the chart drawn, ANSI colours applied) under the page's policy, no
IPython placeholder, and links between notebooks that stay in the edition. A screenshot of the
page is written to test-results/render_all.png for review."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import ROOT, serve
from render_all_site import render_all_site

pytestmark = pytest.mark.browser

WATCH_CSP = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));"""
IMAGES = """() => [...document.querySelectorAll("article img")].map(
  (i) => [i.alt || i.src.slice(5).split(";")[0], i.naturalWidth,
          Math.round(i.getBoundingClientRect().width)])"""
COLOUR = "(selector) => getComputedStyle(document.querySelector(selector)).color"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server, url = serve(render_all_site(tmp_path_factory))
    yield url
    server.shutdown()


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.requests = []
    context.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def test_every_output_draws_under_the_policy(watched, site):
    page = watched
    page.goto(site + "notebooks/render_all/", wait_until="networkidle")
    page.wait_for_selector("figure.tf-chart[data-rendered] svg, figure.tf-chart[data-rendered] canvas",
                           timeout=20_000)
    assert sorted(page.evaluate(IMAGES)) == [
        ["attached GIF", 1, 1], ["attached PNG", 4, 4], ["image/jpeg", 8, 8], ["image/png", 8, 64]]
    maths = page.locator("article math")
    assert maths.count() == 4  # raw Markdown, raw LaTeX, Markdown and LaTeX outputs
    assert all(maths.nth(i).bounding_box()["height"] > 5 for i in range(maths.count()))
    assert page.locator("article .tf-out-svg svg text").text_content() == "svg output"
    assert page.evaluate(COLOUR, ".ansi-red-fg") == "rgb(198, 40, 40)"  # trainfer.css's red
    assert page.evaluate(COLOUR, ".tf-error .ansi-red-fg") == "rgb(198, 40, 40)"
    shown = "\n".join(page.locator("article .tf-output").all_inner_texts())
    assert "IPython.core.display" not in shown and "\x1b" not in shown and "[31m" not in shown
    assert "ZeroDivisionError: division by zero" in shown and "after the failing cell" in shown
    (ROOT / "test-results").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "test-results" / "render_all.png"), full_page=True)
    assert page.evaluate("window.__violations") == []
    origin = urlsplit(site).netloc
    assert [u for u in page.requests if urlsplit(u).netloc not in (origin, "")] == []


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_links_between_notebooks_stay_in_the_edition(watched, site, edition):
    page = watched
    page.goto(site + f"{edition}notebooks/render_all/")
    page.locator("article").get_by_role("link", name="its second section").click()
    page.wait_for_url(site + f"{edition}notebooks/other/#second-section")
    assert page.locator("#second-section").is_visible()
    page.locator("article").get_by_role("link", name="every output", exact=True).click()
    page.wait_for_url(site + f"{edition}notebooks/render_all/")
    page.locator("a.tf-test-html-link").click()
    page.wait_for_url(site + f"{edition}notebooks/other/")
    assert page.evaluate("window.__violations") == []

"""Hostile notebooks and data (tests/fixtures/hostile/xss_*) built and opened in Chromium: no
script runs, nothing loads from elsewhere, no page navigates away; the text stays readable."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import serve
from hostile_site import build_hostile

pytestmark = pytest.mark.browser

PAGES = ["notebooks/xss_markdown/", "notebooks/xss_outputs/", "notebooks/", "notebooks/report/",
         "benchmarks/", "benchmarks/xss_gadgets/", "claims/", ""]
# Handlers (on*) and javascript: URLs anywhere in the document, after scripts have run.
SCRIPTABLE = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const { name, value } of el.attributes) {
      const url = value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      if (name.toLowerCase().startsWith("on") || url.startsWith("javascript:")
          || (url.startsWith("data:") && !url.startsWith("data:image/")))
        found.push(`${el.tagName} ${name}=${value}`);
    }
  }
  return found;
}"""
WATCH_CSP = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    done = build_hostile(folder, ["xss_markdown", "xss_outputs"])
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    server, url = serve(folder / "site")
    yield url
    server.shutdown()


@pytest.fixture
def watched(browser):
    """A page that records dialogs, requests, main-frame navigations and CSP violations."""
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.dialogs, page.requests, page.navigations = [], [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    context.on("request", lambda r: page.requests.append(r.url))
    page.on("framenavigated",
            lambda f: f == page.main_frame and page.navigations.append(f.url))
    yield page
    context.close()


def test_hostile_pages_run_nothing_load_nothing_and_stay(watched, hostile_site):
    page, origin = watched, urlsplit(hostile_site).netloc
    for path in PAGES:
        page.navigations.clear()
        page.goto(hostile_site + path, wait_until="networkidle")
        page.wait_for_timeout(300)  # a meta refresh of 0 s, had one survived, navigates by now
        assert page.navigations == [hostile_site + path], path
        assert page.evaluate(SCRIPTABLE) == [], path
        assert page.evaluate("window.__violations") == [], path  # the sanitizer did it, not CSP
    outside = {u for u in page.requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u).netloc != origin}
    assert page.dialogs == [] and outside == set()


def test_hostile_text_is_shown_as_text_and_code_as_code(watched, hostile_site):
    page = watched
    page.goto(hostile_site + "notebooks/xss_markdown/", wait_until="networkidle")
    heading = page.locator("article h1").inner_text()
    assert heading.startswith("<img src=x onerror=\"alert('title')\"> Title </title><script>")
    assert "<img src=x onerror=" in page.title()
    assert "*summary*" in page.locator("article").inner_text()  # plain text, not Markdown
    code = page.locator("article .highlight code").first.inner_text()
    assert code.strip() == "<script>alert('shown as code')</script>"
    assert page.locator("article a[href='https://example.com/ok']").get_attribute("rel") == \
        "noopener noreferrer"
    assert page.locator("#__config").count() == 1  # Material's own, not the content's
    assert page.locator("a[href='../xss_markdown.ipynb'][download]").count() == 1  # the build's own
    local = page.get_by_alt_text("a local image")  # kept beside the notebook, linked relatively
    assert local.evaluate("img => img.complete && img.naturalWidth") == 8
    page.goto(hostile_site + "benchmarks/xss_gadgets/", wait_until="networkidle")
    assert "<script>alert('cell')</script>" in page.locator("table.tf-table").inner_text()
    assert page.dialogs == []


def test_a_hostile_chart_spec_draws_without_actions_or_outside_data(watched, hostile_site):
    page = watched
    page.goto(hostile_site + "notebooks/xss_outputs/", wait_until="networkidle")
    page.wait_for_selector("figure.tf-chart[data-rendered]", timeout=20_000)
    assert page.locator("figure.tf-chart svg .mark-symbol path").count() == 2
    assert page.locator(".vega-actions, .vega-embed details").count() == 0  # usermeta dropped
    svg = page.locator(".tf-out-svg rect")
    assert svg.get_attribute("fill") == "#3f51b5"  # its style became an attribute
    assert page.evaluate("window.__violations") == [] and page.dialogs == []


def test_search_results_show_hostile_titles_as_text(watched, hostile_site):
    page = watched
    page.goto(hostile_site, wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Title", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(300)
    assert page.evaluate(SCRIPTABLE) == []
    assert page.locator(".md-search-result img").count() == 0
    assert page.dialogs == [] and page.evaluate("window.__violations") == []

"""Every page carries its Content-Security-Policy, and the site's own pages break none of it:
each page, a classroom run with its charts, the tables' charts, sorting and tooltips."""

from __future__ import annotations

import re

import pytest
from test_classroom import PYODIDE_READY_S
from test_offline import site_pages

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
WATCH_CSP = """window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
  `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


def test_every_page_has_the_policy_before_anything_it_loads(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 20 and any(p.name == "404.html" for p in pages)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        meta = CSP_META.search(html)
        assert meta, path
        head = html[: html.index("</head>")]
        first_load = min(i for i in (head.find("<script"), head.find("<link")) if i >= 0)
        assert meta.start() < first_load, path
        policy = meta[1]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, path
        assert "script-src 'self' 'wasm-unsafe-eval'" in policy and "object-src 'none'" in policy


@pytest.mark.browser
def test_the_sites_pages_break_no_rule_of_their_policy(browser, built_site, site_url):
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    messages = []
    page.on("console", lambda m: "Content Security Policy" in m.text and messages.append(m.text))
    found = {}
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="networkidle")
        if path.startswith("benchmarks/") and page.locator("figure.tf-chart").count():
            page.wait_for_selector("figure.tf-chart[data-rendered]", timeout=20_000)
            page.locator("figure.tf-chart .mark-symbol path").first.hover()  # a tooltip
            page.locator("table.tf-table th").first.click()  # sorting
        if path == "classroom/":
            page.get_by_role("button", name=re.compile("^Run")).click()
            page.wait_for_function(
                "() => document.querySelectorAll('.tf-board [data-rendered]').length === 3",
                timeout=PYODIDE_READY_S * 1000)
        if violations := page.evaluate("window.__violations"):
            found[path] = violations
    context.close()
    assert found == {} and messages == []

"""axe-core (from the npm lockfile) finds no accessibility violations on the site's kinds of page.

Two rules are waived, each for an element Material for MkDocs itself renders: its search
dialog has no accessible name (aria-dialog-name on .md-search), and its code-copy buttons sit in
unlabelled <nav> elements (landmark-unique on .md-code__nav).
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
MATERIALS_OWN = {("aria-dialog-name", ".md-search"), ("landmark-unique", ".md-code__nav")}
def add_axe(page, site_url) -> None:
    """axe-core as a script of the site's own origin: the page's CSP allows no inline script."""
    page.route("**/__axe.min.js", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    page.add_script_tag(url=site_url + "__axe.min.js")


PAGES = ["", "classroom/", "claims/", "benchmarks/chips/", "benchmarks/measured/",
         "notebooks/02-floating-point/", "notebooks/04-resnet50-in-28-seconds/",
         "zh/", "zh/classroom/", "zh/claims/", "zh/notebooks/02-floating-point/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violations(page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    add_axe(page, site_url)
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.flatMap(v => v.nodes.map(n => [v.id, n.target.join(' '), v.help]))""")
    ours = [f for f in found if not any(f[0] == rule and re.search(re.escape(where), f[1])
                                        for rule, where in MATERIALS_OWN)]
    assert ours == []


def test_the_classroom_after_a_run_is_still_accessible(page, site_url):
    page.goto(site_url + "classroom/")
    page.get_by_role("button", name="Run").click()
    page.wait_for_function(
        "() => document.querySelectorAll('.tf-board [data-rendered]').length === 3",
        timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-action=run]').disabled")
    page.mouse.move(0, 0)  # Material's hover colour on the button is its own, not our page's
    add_axe(page, site_url)
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.flatMap(v => v.nodes.map(n => [v.id, n.target.join(' ')]))""")
    assert [f for f in found if f[0] != "aria-dialog-name"] == []

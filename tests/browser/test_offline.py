"""Every page of the built site loads nothing from outside its own origin, workers included."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def site_pages(built_site):
    """Every HTML page of the site, as a path relative to its root."""
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    return [p.removesuffix("index.html") for p in pages]


# What a browser would load by itself: src-like attributes, <link href>, CSS url() and @import.
# Plain <a href> links (to a figure's source) are followed only when a reader clicks them.
OTHER_HOST = r"""["']?(?:https?:)?//(?!127\.0\.0\.1)"""
LOADS_FROM_ELSEWHERE = re.compile(
    rf"""(?:\b(?:src|srcset|poster|data|action)\s*=\s*{OTHER_HOST}"""
    rf"""|<link\b[^>]*\bhref\s*=\s*{OTHER_HOST}|url\(\s*{OTHER_HOST}|@import\s+{OTHER_HOST})""",
    re.IGNORECASE,
)


def visit_every_page_and_run_the_demo(page, url: str, built_site) -> None:
    """Open every page, then run the classroom (its worker loads Pyodide and the wheel)."""
    for path in site_pages(built_site):
        page.goto(url + path, wait_until="networkidle")
    page.goto(url + "classroom/")
    page.get_by_role("button", name=re.compile("^Run")).click()
    page.wait_for_function(
        "() => /\\d+(\\.\\d+)?%/.test(document.querySelector('[role=log]').textContent)",
        timeout=60_000,
    )


def test_html_and_css_load_nothing_from_another_host(built_site):
    offenders = []
    pattern = LOADS_FROM_ELSEWHERE
    for path in [*built_site.rglob("*.html"), *built_site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in pattern.finditer(text):
            offenders.append(f"{path.relative_to(built_site)}: {text[match.start():match.end()+40]}")
    assert offenders == []


def test_every_page_stays_on_its_origin(browser, built_site, site_url):
    origin = urlsplit(site_url).netloc
    context = browser.new_context()
    seen = []
    context.on("request", lambda request: seen.append(request.url))
    visit_every_page_and_run_the_demo(context.new_page(), site_url, built_site)
    context.close()
    assert any(url.endswith("pyodide.asm.wasm") for url in seen), "worker requests not observed"
    outside = sorted({u for u in seen if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                      and urlsplit(u).netloc != origin})
    assert outside == []


def test_the_site_works_under_a_sub_path(browser, built_site):
    """As on GitHub Pages: served at /trainfer/, every page loads every resource it asks for."""
    from conftest import serve

    server, url = serve(built_site, prefix="/trainfer")
    context = browser.new_context()
    failed = []
    context.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    try:
        visit_every_page_and_run_the_demo(context.new_page(), url, built_site)
    finally:
        context.close()
        server.shutdown()
    assert failed == []

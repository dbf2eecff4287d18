"""The allow-list sanitizer, plain-text fields, chart-spec cleaning and the page's CSP, as units."""

from __future__ import annotations

import re

import pytest

from trainfer.charts import chart_html, clean_spec
from trainfer.demos.render import early_start
from trainfer.security.csp import inline_scripts, policy, script_hash, with_csp
from trainfer.security.sanitize import clean_html, clean_page, clean_svg, plain_md

HOSTILE_HTML = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>d</details>",
    '<a href="javascript:alert(1)">a</a>',
    '<a href=" jav&#x09;ascript:alert(1)">a</a>',
    '<a href="data:text/html,<script>alert(1)</script>">a</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<meta http-equiv="refresh" content="0; url=https://example.com/">',
    "<style>body { display: none }</style>",
    '<form action="https://example.com/"><button formaction="javascript:alert(1)">b</button></form>',
    '<svg onload=alert(1)><a xlink:href="javascript:alert(1)">x</a></svg>',
    '<math><mi href="javascript:alert(1)">x</mi></math>',
    '<base href="https://example.com/">',
    '<p style="background:url(https://example.com/x.png)">p</p>',
]


@pytest.mark.parametrize("html", HOSTILE_HTML)
def test_nothing_scriptable_or_loading_survives(html):
    out = clean_html(html).lower()
    assert not re.search(r"<(script|iframe|meta|style|form|base|svg|object|embed)\b", out)
    assert not re.search(r"\son\w+\s*=", out) and "javascript:" not in out
    assert "style=" not in out and "data:text" not in out


def test_text_markup_tables_math_and_fine_links_stay():
    html = ('<h2 id="x">T</h2><p><em>e</em> <code>&lt;b&gt;</code></p>'
            '<table><tr><th align="right">h</th></tr></table><math><mi>x</mi></math>'
            '<a href="https://example.com/">out</a> <a href="../page/">in</a><img src="fig.png" alt="f">')
    out = clean_html(html)
    for kept in ('<h2 id="x">', "<em>e</em>", "<code>&lt;b&gt;</code>", '<th align="right">',
                 "<math><mi>x</mi></math>", 'href="https://example.com/"', 'href="../page/"',
                 'src="fig.png"'):
        assert kept in out
    assert out.count('rel="noopener noreferrer"') == 1  # on the outside link only


def test_content_cannot_borrow_the_pages_own_ids_and_hooks():
    out = clean_html('<div id="__config" class="tf-chart note">x</div><p id="tf-i18n">y</p>')
    assert out == '<div class="note">x</div><p>y</p>'


def test_a_pages_slot_markers_survive_and_other_comments_do_not():
    out = clean_page("<p>a</p><!-- tf-slot 3 --><!-- trainfer:demo classroom --><p>b</p>")
    assert out == "<p>a</p><!-- tf-slot 3 --><p>b</p>"


def test_svg_keeps_shapes_and_turns_styles_into_attributes():
    out = clean_svg('<svg viewBox="0 0 2 2"><style>*{fill:red}</style><g style="fill: #fff; '
                    'stroke: url(https://x.example/p#a)"><rect width="1" height="1"/>'
                    '<use href="#r"/><use href="https://x.example/s.svg#r"/></g></svg>')
    assert out == ('<svg viewBox="0 0 2 2"><g fill="#fff"><rect width="1" height="1"></rect>'
                   '<use href="#r"></use><use></use></g></svg>')


def test_plain_text_fields_are_never_markdown_or_html():
    import markdown

    title = "1. <b>Bold</b> *em* [x](javascript:y) `c` # h {: onclick=z} | t"
    html = markdown.markdown(plain_md(title), extensions=["attr_list", "tables"])
    assert "<b>" not in html and "<em>" not in html and "<a" not in html and "<ol>" not in html
    assert html.startswith("<p>&#49;. &lt;b&gt;Bold&lt;/b&gt;")


def test_chart_specs_lose_usermeta_and_outside_urls():
    spec = {"usermeta": {"embedOptions": {"actions": True}}, "data": {"url": "//x.example/d.csv"},
            "layer": [{"mark": "image", "encoding": {"url": {"value": "https://x.example/i.png"},
                                                      "x": {"field": "a"}}},
                      {"data": {"url": "local.csv"}, "mark": "point"}]}
    assert clean_spec(spec) == {"layer": [{"mark": "image", "encoding": {"x": {"field": "a"}}},
                                          {"data": {"url": "local.csv"}, "mark": "point"}]}
    assert "usermeta" not in chart_html(spec) and "x.example" not in chart_html(spec)


def test_the_policy_allows_the_theme_scripts_by_hash_and_no_content_script():
    page = ('<html><head><meta charset="utf-8"><script>theme()</script></head><body>'
            '<script type="application/json">{"data": 1}</script><script src="a.js"></script>'
            f"<article><script>injected()</script>{early_start()}</article></body></html>")
    content = page[page.index("<article>"):]
    untrusted = set(inline_scripts(content)) - set(inline_scripts(early_start()))
    out = with_csp(page, untrusted)
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', out)
    assert out.index(meta[0]) < out.index("<script")  # before any script
    csp = meta[1]
    assert script_hash("theme()") in csp and script_hash("injected()") not in csp
    assert script_hash(inline_scripts(early_start())[0]) in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    for directive in ("default-src 'none'", "object-src 'none'", "base-uri 'self'",
                      "form-action 'self'", "frame-src 'none'", "connect-src 'self'"):
        assert directive in policy(page)
    live = policy(page, live_reload=True)  # mkdocs serve: its live-reload script is inline
    assert "'unsafe-inline'" in live and "sha256" not in live

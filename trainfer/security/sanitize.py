"""Allow-list sanitizing (nh3, the Ammonia binding) of every piece of HTML that comes from content.

What passes: text markup, tables, images from the site itself, links that are http(s) or
relative, MathML, and (in SVG outputs) shapes and text. Scripts, handlers, styles, frames,
forms and anything that loads from elsewhere do not.
"""

from __future__ import annotations

import re
from html import escape

import nh3

from trainfer.security import svg
from trainfer.security.urls import is_image_source, is_local, normalized

TEXT_TAGS = {
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    "var", "wbr",
}
MATH_TAGS = {
    "math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup",
    "msub", "msubsup", "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr",
    "mtd", "mstyle", "mpadded", "mphantom", "menclose", "merror", "mmultiscripts", "mprescripts",
    "none",
}
MATH_ATTRIBUTES = {
    "display", "displaystyle", "mathvariant", "stretchy", "fence", "separator", "lspace", "rspace",
    "accent", "accentunder", "linethickness", "columnalign", "columnspacing", "rowspacing",
    "movablelimits", "minsize", "maxsize", "width", "height", "depth", "form", "largeop",
    "symmetric", "scriptlevel", "notation", "encoding", "xmlns",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "download"},  # download: the notebook and CSV links save rather than open
    "img": {"src", "alt", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "type"}, "li": {"value"},
    "time": {"datetime"}, "details": {"open"},
    "q": {"cite"}, "blockquote": {"cite"},
    **{tag: MATH_ATTRIBUTES for tag in MATH_TAGS},
}
# Ids and classes our scripts and Material's look up: content may not borrow them.
HOOK_CLASSES = {
    "tf-chart", "tf-chart-view", "tf-chart-spec", "tf-table", "tf-table-wrap", "tf-filter",
    "tf-shown", "tf-export", "tf-demo", "tf-code", "tf-example", "tf-log", "tf-status",
    "tf-board", "tf-progress", "tf-progress-text", "tf-timing",
}
RESERVED_ID = re.compile(r"^(?:__|tf-)")
ALIGN_STYLE = re.compile(r'<(td|th) style="text-align: (left|right|center);"')
# nh3 writes every attribute as name="value" with quotes escaped, so this reads its output safely.
OUTSIDE_LINK = re.compile(r'<a\b([^>]*\shref="https?://[^"]*"[^>]*)>', re.IGNORECASE)
SLOT = re.compile(r"<!-- tf-slot (\d+) -->")
SLOT_KEPT = re.compile("\ue000(\\d+)\ue001")
MARKDOWN_SPECIALS = re.compile(r"[\\`*_{}\[\]|~^=$#!+]")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Per-attribute rules nh3 cannot say by itself; None drops the attribute."""
    if name in ("href", "cite"):
        url = normalized(value)
        return value if is_local(url) or url.lower().startswith(("http://", "https://")) else None
    if name == "src":
        return value if is_image_source(value) else None
    if name == "id":
        return None if RESERVED_ID.match(value) else value
    if name == "class":
        kept = [c for c in value.split() if c not in HOOK_CLASSES]
        return " ".join(kept) or None
    if name == "align":
        return value if value in ("left", "right", "center") else None
    return svg.attribute(tag, name, value)


def clean_html(html: str) -> str:
    """Content HTML (rendered Markdown, an output, a data text) reduced to the allow-list.

    >>> clean_html('<p onclick="x()">Hi <a href="javascript:alert(1)">j</a><script>alert(1)</script></p>')
    '<p>Hi <a>j</a></p>'
    >>> clean_html('<a href="https://example.com/">out</a> <a href="../in/">in</a>')
    '<a href="https://example.com/" rel="noopener noreferrer">out</a> <a href="../in/">in</a>'
    """
    cleaned = nh3.clean(html, tags=TEXT_TAGS | MATH_TAGS, attributes=ATTRIBUTES,
                        attribute_filter=_attribute, url_schemes={"http", "https", "data"},
                        link_rel=None)
    return OUTSIDE_LINK.sub(r'<a\1 rel="noopener noreferrer">', cleaned)


def clean_svg(markup: str) -> str:
    """An SVG output: shapes, text and gradients only; styles become presentation attributes."""
    cleaned = nh3.clean(markup, tags=svg.TAGS, attributes=svg.ATTRIBUTES, attribute_filter=_attribute,
                        url_schemes={"data"}, link_rel=None,
                        filter_style_properties=svg.PROPERTIES)
    return svg.styles_to_attributes(cleaned)


def align_attributes(html: str) -> str:
    """Markdown tables' `style="text-align: right;"` as `align="right"`: it aligns the same
    (Material styles both) and needs no inline-style exception in the page's policy.

    >>> align_attributes('<td style="text-align: right;">1</td>')
    '<td align="right">1</td>'
    """
    return ALIGN_STYLE.sub(r'<\1 align="\2"', html)


def clean_page(html: str) -> str:
    """A generated page's HTML from Markdown, cleaned; the build's own slot markers survive."""
    kept = SLOT.sub(lambda m: f"\ue000{m[1]}\ue001", html)
    return SLOT_KEPT.sub(lambda m: f"<!-- tf-slot {m[1]} -->", clean_html(kept))


def plain_md(text: str) -> str:
    """A plain-text field (a title, a summary) for a Markdown page: shown as typed, never run.

    >>> plain_md('<img src=x onerror=alert(1)> *not* [x](y)')
    '&lt;img src&#61;x onerror&#61;alert(1)&gt; &#42;not&#42; &#91;x&#93;(y)'
    >>> plain_md("1. not a list")
    '&#49;. not a list'
    """
    one_line = " ".join(str(text).split())
    safe = MARKDOWN_SPECIALS.sub(lambda m: f"&#{ord(m[0])};", escape(one_line, quote=False))
    if safe[:1].isdigit() or safe[:1] in ("-", ":"):  # a list, a rule, a definition
        safe = f"&#{ord(safe[0])};{safe[1:]}"
    return safe

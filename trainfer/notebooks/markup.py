"""Markdown and LaTeX that a cell emits (a `text/markdown` or `text/latex` output, a raw cell) as
sanitized HTML, math as MathML like the Markdown cells' math: nothing loads a math renderer."""

from __future__ import annotations

import re
from html import escape

import markdown
from latex2mathml.converter import convert

from trainfer.notebooks.mathml import math_to_slots
from trainfer.security.sanitize import clean_html
from trainfer.slots import Slots

EXTENSIONS = ["tables", "fenced_code", "sane_lists"]
# What Jupyter's MathJax typesets in LaTeX output: $$..$$, \[..\], environments, \(..\), $..$
MATH = re.compile(
    r"\$\$(?P<dollars>.+?)\$\$|\\\[(?P<brackets>.+?)\\\]"
    r"|(?P<env>\\begin\{(?P<name>[A-Za-z]+\*?)\}.*?\\end\{(?P=name)\})"
    r"|\\\((?P<parens>.+?)\\\)|(?<![\\$])\$(?P<dollar>[^$]+?)\$",
    re.DOTALL,
)


def markdown_html(text: str) -> str:
    """Markdown (with $math$) as sanitized HTML.

    >>> markdown_html("**Bold** and $x^2$")  # doctest: +ELLIPSIS
    '<p><strong>Bold</strong> and <math ...><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow></math></p>'
    """
    slots = Slots()
    html = markdown.markdown(math_to_slots(text, slots.mark), extensions=EXTENSIONS)
    return clean_html(slots.fill(html)).strip()


def _math(match: re.Match) -> str:
    display = match["parens"] is None and match["dollar"] is None
    tex = match["env"] or next(g for g in (match["dollars"], match["brackets"], match["parens"],
                                             match["dollar"]) if g is not None)
    try:
        return convert(tex.strip(), display="block" if display else "inline")
    except Exception:  # not TeX latex2mathml reads: shown as the source it is
        return escape(match[0])


def latex_html(tex: str) -> str:
    """LaTeX text as sanitized HTML: each formula as MathML, the words between them as text.

    >>> latex_html(r"Area: $\\pi r^2$")  # doctest: +ELLIPSIS
    'Area: <math ...><mrow><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></mrow></math>'
    """
    pieces, last = [], 0
    for match in MATH.finditer(tex):
        pieces += [escape(tex[last:match.start()]), _math(match)]
        last = match.end()
    pieces.append(escape(tex[last:]))
    return clean_html("".join(pieces)).strip()

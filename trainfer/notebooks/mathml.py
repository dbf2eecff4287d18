"""TeX in notebook Markdown rendered to MathML at build time: browsers draw it natively, so a
page with math loads nothing for it, and a page without math loads nothing at all."""

from __future__ import annotations

import re

from latex2mathml.converter import convert

# code (fenced or inline) is left alone; then display math, then inline math (pandoc's rule:
# no space just inside the dollars, and no digit right after the closing one)
PATTERN = re.compile(
    r"(?P<fence>```.*?```|~~~.*?~~~)|(?P<code>`[^`\n]+`)"
    r"|\$\$(?P<display>.+?)\$\$"
    r"|(?<![\\$])\$(?P<inline>[^\s$](?:[^$\n]*?[^\s\\$])?)\$(?!\d)",
    re.DOTALL,
)


def math_to_slots(markdown: str, mark) -> str:
    """Replace each TeX formula by a slot (`mark(html)` returns its placeholder)."""

    def replace(match: re.Match) -> str:
        if match["fence"] or match["code"]:
            return match[0]
        display = match["display"] is not None
        tex = (match["display"] if display else match["inline"]).strip()
        try:
            html = convert(tex, display="block" if display else "inline")
        except Exception:  # not TeX after all (e.g. two prices): leave the text as it was
            return match[0]
        return mark(html)

    return PATTERN.sub(replace, markdown)

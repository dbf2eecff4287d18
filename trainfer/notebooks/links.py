"""Links between notebooks (`other.ipynb`, `./08-More.ipynb#Section-Two`) made into links to
their pages, so a reader stays on the site and in the same language edition.

A Markdown link becomes `other.md`, which MkDocs checks and resolves from the page's own source
(`notebooks/x.md` or `zh/notebooks/x.md`, so the edition is kept); an HTML link, which MkDocs
leaves alone, gets the page's relative URL (`../other/`). A fragment is a Jupyter heading anchor
(`Section-Two`) and becomes the heading id the site's table of contents gives (`section-two`).
Links to notebooks the site does not have are left as they are.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from markdown.extensions.toc import slugify as toc_slugify

TARGET = re.compile(r"(?:\./)?(?P<name>[^/?#\s\"'<>()]+)\.ipynb(?:#(?P<fragment>[^\s\"<>()]*))?")
# code (fenced or inline) is left alone; then Markdown destinations, reference definitions and
# HTML href attributes
MARKDOWN = re.compile(
    r"(?P<fence>```.*?```|~~~.*?~~~)|(?P<code>`[^`\n]+`)"
    r"|(?P<md_pre>\]\(\s*<?)(?P<md>[^\s)>]+)"
    r"|(?P<ref_pre>^ {0,3}\[[^\]\n]+\]:[ \t]*<?)(?P<ref>[^\s>]+)"
    r"|(?P<href_pre>\bhref\s*=\s*[\"'])(?P<href>[^\"']+)",
    re.DOTALL | re.MULTILINE,
)
HREF = re.compile(r"(<a\s[^>]*?\bhref=\")([^\"]+)")  # nh3 escapes every < in text


class NotebookLinks:
    """Rewrites links to the notebooks in `stems` for a page beside theirs."""

    def __init__(self, stems=(), directory_urls: bool = True, slugify=None) -> None:
        self.stems = set(stems)
        self.directory_urls = directory_urls
        self.slugify = slugify or toc_slugify

    def _fragment(self, fragment: str | None) -> str:
        if not fragment:
            return ""
        slug = self.slugify(unquote(fragment).replace("-", " "), "-")
        return f"#{slug or fragment}"  # a slugify that drops every character keeps the anchor

    def target(self, url: str, html: bool) -> str | None:
        """The link to a notebook's page (Markdown: its source; HTML: its URL), or None."""
        match = TARGET.fullmatch(url)
        if match is None or unquote(match["name"]) not in self.stems:
            return None
        name, fragment = match["name"], self._fragment(match["fragment"])
        if not html:
            return f"{name}.md{fragment}"
        page = quote(unquote(name))
        return f"../{page}/{fragment}" if self.directory_urls else f"{page}.html{fragment}"

    def markdown(self, source: str) -> str:
        """A Markdown cell's links (Markdown and HTML) to notebooks, made links to their pages."""

        def replace(match: re.Match) -> str:
            for kind, html in (("md", False), ("ref", False), ("href", True)):
                if match[kind] is not None:
                    new = self.target(match[kind], html)
                    return match[0] if new is None else match[f"{kind}_pre"] + new
            return match[0]

        return MARKDOWN.sub(replace, source) if self.stems else source

    def html(self, html: str) -> str:
        """Sanitized HTML's links to notebooks (nh3 writes every href in double quotes)."""
        if not self.stems:
            return html
        return HREF.sub(lambda m: m[1] + (self.target(m[2], True) or m[2]), html)


def links_for(config, stems) -> NotebookLinks:
    """The links of this build: its notebooks, its URL style, its headings' slugify."""
    toc = config.mdx_configs.get("toc") or {}
    return NotebookLinks(stems, config.use_directory_urls, toc.get("slugify"))

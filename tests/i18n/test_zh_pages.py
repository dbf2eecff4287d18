"""Every page of the Chinese edition speaks Chinese: no run of five English words outside code,
data values (table cells, the ids of evidence rows), proper names (source citations, links to
sources) and units."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.slow

RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,:;()'/-]+[A-Za-z]{2,}){4,}")
SKIP = {"pre", "code", "script", "style", "td", "svg", "math", "template", "textarea", "cite"}
SOURCES_HEADINGS = {"来源"}
# Names that are runs of English words on purpose (a paper's or a model's name, as printed).
NAMES: set[str] = set()


class Prose(HTMLParser):
    """The text of a page's article, without what the check leaves out."""

    def __init__(self) -> None:
        super().__init__()
        self.article = self.skip = 0
        self.in_sources = False
        self.heading: list[str] | None = None
        self.stack: list[str] = []
        self.runs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.article += 1
        if tag in ("h2", "h1"):
            self.in_sources, self.heading = False, []
        outside_link = tag == "a" and str(attrs.get("href", "")).startswith("http")
        classes = str(attrs.get("class", ""))
        if tag in SKIP or outside_link or "tf-sources" in classes or "tf-evidence" in classes:
            self.stack.append(tag)
            self.skip += 1

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
            self.skip -= 1
        if tag in ("h2", "h1") and self.heading is not None:
            self.in_sources = "".join(self.heading).strip().rstrip("¶").strip() in SOURCES_HEADINGS
            self.heading = None
        if tag == "article":
            self.article -= 1

    def handle_data(self, data):
        if self.heading is not None:
            self.heading.append(data)
        if self.article and not self.skip and not self.in_sources:
            self.runs += [m[0] for m in RUN.finditer(data) if m[0] not in NAMES]


def test_no_english_sentence_on_a_chinese_page(built_site):
    found = []
    for path in sorted((built_site / "zh").rglob("index.html")):
        prose = Prose()
        prose.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(built_site)}: {run}" for run in prose.runs]
    assert found == [], "English on zh pages:\n" + "\n".join(found)

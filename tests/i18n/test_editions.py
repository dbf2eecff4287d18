"""Both editions of the built site: same paths, the right `lang`, a switch that leads to the
same page in the other language, and one search index per edition."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.slow


def english_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html")
                  if not p.relative_to(site).as_posix().startswith("zh/"))


def switch_links(html: str) -> dict[str, str]:
    """The language switch's links, by hreflang."""
    return dict((lang, href) for href, lang in
                re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"[^>]*class="md-select__link"', html))


def test_every_english_page_has_a_chinese_twin_with_the_right_lang(built_site):
    pages = english_pages(built_site)
    assert len(pages) > 20
    for rel in pages:
        zh = built_site / "zh" / rel
        assert zh.is_file(), f"no zh page for {rel}"
        assert '<html lang="en"' in (built_site / rel).read_text(encoding="utf-8"), rel
        assert re.search(r'<html lang="zh', zh.read_text(encoding="utf-8")), rel


def test_the_switch_leads_to_the_same_page_both_ways(built_site):
    for rel in english_pages(built_site):
        url = "http://site/" + rel
        en_links = switch_links((built_site / rel).read_text(encoding="utf-8"))
        zh_links = switch_links((built_site / "zh" / rel).read_text(encoding="utf-8"))
        folder = rel.removesuffix("index.html")
        assert urljoin(url, en_links["zh"]) == "http://site/zh/" + folder, rel
        assert urljoin("http://site/zh/" + rel, zh_links["en"]) == "http://site/" + folder, rel


def test_each_edition_searches_its_own_pages(built_site):
    en = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    zh = json.loads((built_site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert en["docs"] and zh["docs"]
    assert not any(d["location"].startswith("zh/") for d in en["docs"])
    assert {d["location"].split("/")[0] for d in zh["docs"]} >= {"claims", "notebooks"}
    assert "\\u200b" in zh["config"]["separator"] or "\u200b" in zh["config"]["separator"]
    # jieba segmented the article's words at build time: 算力 stands as a word of its own
    assert any("\u200b算力\u200b" in d["text"] for d in zh["docs"])

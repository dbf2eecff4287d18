"""Material's header search finds Chinese words in the zh edition (segmented by jieba at build
time) and English words in the English edition, each in its own pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ZH_QUERIES = ["推理", "训练芯片", "算力", "浮点", "武汉", "人工智能算力需求每3.5个月就翻一番"]


def results_for(page, url: str, query: str) -> list[str]:
    """The result links the header search shows for `query` on the page at `url`."""
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # a key event: Material searches on keyup
    items = page.locator(".md-search-result__item a")
    try:
        items.first.wait_for(timeout=15_000)
    except Exception:
        return []
    return [a.get_attribute("href") for a in items.all()]


@pytest.mark.parametrize("query", ZH_QUERIES)
def test_chinese_words_are_found_in_the_chinese_edition(page, site_url, query):
    found = results_for(page, site_url + "zh/", query)
    assert found, f"no result for {query}"
    assert all("/zh/" in page.evaluate("h => new URL(h, location.href).href", h) for h in found)


def test_english_search_still_works_in_the_english_edition(page, site_url):
    found = results_for(page, site_url, "floating point")
    assert found
    assert not any("/zh/" in page.evaluate("h => new URL(h, location.href).href", h) for h in found)

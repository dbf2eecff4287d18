"""The banner of a page that shows some English in another edition: it says so and links the
English page. Its words come from the `i18n` section of i18n/<language>/pages.yaml."""

from __future__ import annotations

from html import escape


def banner_html(words: dict, english_url: str, source_language: str) -> str:
    """A note at the top of the page, with a link to the page in the source language."""
    return (
        '<div class="admonition note tf-untranslated" role="note">'
        f'<p class="admonition-title">{escape(words["banner_title"])}</p>'
        f'<p>{escape(words["banner_text"])} <a href="{escape(english_url)}" '
        f'hreflang="{escape(source_language)}">{escape(words["banner_link"])}</a></p></div>\n'
    )

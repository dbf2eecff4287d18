"""Each edition's navigation: the same tree as the default edition's, pointing at the edition's
own pages. Page titles come from each page's own heading; a section takes its index's title."""

from __future__ import annotations

from mkdocs.structure.nav import Link, Navigation, Section, _add_parent_links, _get_by_type
from mkdocs.structure.pages import Page


def _mirror(items, prefix: str, files) -> list:
    out = []
    for item in items:
        if isinstance(item, Page):
            twin = files.get_file_from_path(prefix + item.file.src_uri)
            if twin is not None and twin.page is not None:
                out.append(twin.page)
        elif isinstance(item, Section):
            children = _mirror(item.children, prefix, files)
            if children:
                out.append(Section(item.title, children))
        elif isinstance(item, Link):
            out.append(Link(item.title, item.url))
    return out


def edition_nav(nav: Navigation, prefix: str, files) -> Navigation:
    """The navigation of the edition under `prefix`, mirroring `nav`."""
    items = _mirror(nav.items, prefix, files)
    pages = _get_by_type(items, Page)
    for i, page in enumerate(pages):
        page.previous_page = pages[i - 1] if i else None
        page.next_page = pages[i + 1] if i + 1 < len(pages) else None
    _add_parent_links(items)
    mirrored = Navigation(items, pages)
    home = files.get_file_from_path(prefix + nav.homepage.file.src_uri) if nav.homepage else None
    mirrored.homepage = home.page if home is not None else None
    return mirrored


def title_sections(items) -> None:
    """Give each section of a mirrored nav the title of its first page (its index)."""
    for item in items:
        if isinstance(item, Section):
            title_sections(item.children)
            first = item.children[0]
            if isinstance(first, Page) and first.title:
                item.title = first.title

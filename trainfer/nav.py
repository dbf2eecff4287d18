"""Generated pages in the navigation: a nav entry for a generated index grows into a section."""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def _pages(items) -> list[Page]:
    out = []
    for item in items:
        if isinstance(item, Page):
            out.append(item)
        elif isinstance(item, Section):
            out += _pages(item.children)
    return out


def expand_section(nav: Navigation, files, index_src: str, child_srcs: list[str]) -> Navigation:
    """Replace the top-level entry for `index_src` by a section: the index, then the children."""
    for position, item in enumerate(nav.items):
        if isinstance(item, Page) and item.file.src_uri == index_src:
            children = [item] + [files.get_file_from_path(src).page for src in child_srcs]
            section = Section(item.title, children)
            for child in children:
                child.parent = section
            nav.items[position] = section
            nav.pages = _pages(nav.items)
            for before, after in zip(nav.pages, nav.pages[1:], strict=False):
                before.next_page, after.previous_page = after, before
            break
    return nav

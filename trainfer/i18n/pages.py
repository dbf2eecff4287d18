"""Hand-written pages in another language: i18n/<language>/docs/<path>.md beside nothing else,
with front matter `translated_from: <digest of the English page>`."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.meta import get_data

from trainfer.i18n.units import MISSING, STALE, Gap, digest
from trainfer.text import i18n_dir

KEY = "translated_from"


def page_path(root: Path, language: str, src_uri: str) -> Path:
    """Where the translation of docs page `src_uri` lives."""
    return i18n_dir(root) / language / "docs" / src_uri


def translate_page(english: str, path: Path) -> tuple[str, list[Gap]]:
    """(Markdown to build, gaps): the translation if fresh, else the English page."""
    if not path.is_file():
        return english, [Gap(str(path), "page", MISSING, english)]
    body, meta = get_data(path.read_text(encoding="utf-8"))
    if meta.get(KEY) != digest(english):
        return english, [Gap(str(path), "page", STALE, english)]
    state = [] if body.strip() else [Gap(str(path), "page", MISSING, english)]
    return (body if not state else english), state


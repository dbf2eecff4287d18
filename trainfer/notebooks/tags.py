"""Cell tags with Jupyter Book's names and meanings: `hide-*` folds behind a toggle, `remove-*` removes.

`hide-input`, `hide-output` and `hide-cell` put the cell's code, output or both in a `<details>`
whose summary is the reader's word ("Show code", "Show output", "Show cell", from the
`notebook_folds` section of i18n/<language>/pages.yaml); `remove-input`, `remove-output` and
`remove-cell` leave them out of the page (the downloadable notebook keeps everything).
"""

from __future__ import annotations

from html import escape

REMOVE_CELL, REMOVE_INPUT, REMOVE_OUTPUT = "remove-cell", "remove-input", "remove-output"
HIDE_CELL, HIDE_INPUT, HIDE_OUTPUT = "hide-cell", "hide-input", "hide-output"


def cell_tags(cell) -> set[str]:
    """A cell's tags (none when its metadata has no list of them)."""
    tags = cell.get("metadata", {}).get("tags", [])
    return {t for t in tags if isinstance(t, str)} if isinstance(tags, list) else set()


def fold(markdown: str, summary: str) -> str:
    """Markdown (code fences, slot marks) inside a closed `<details>` (md_in_html renders it)."""
    return (f'<details class="tf-fold" markdown="1">\n<summary>{escape(summary)}</summary>\n\n'
            f"{markdown}\n\n</details>")


def tagged(tags: set[str], source: str, output: str, words: dict) -> list[str]:
    """The Markdown parts of one cell (its source, its output slot) as its tags ask."""
    if REMOVE_CELL in tags:
        return []
    source = "" if REMOVE_INPUT in tags else source
    output = "" if REMOVE_OUTPUT in tags else output
    if HIDE_CELL in tags:
        both = "\n\n".join(p for p in (source, output) if p)
        return [fold(both, words.get("show_cell", HIDE_CELL))] if both else []
    if HIDE_INPUT in tags and source:
        source = fold(source, words.get("show_code", HIDE_INPUT))
    if HIDE_OUTPUT in tags and output:
        output = fold(output, words.get("show_output", HIDE_OUTPUT))
    return [p for p in (source, output) if p]

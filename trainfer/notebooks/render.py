"""A notebook (with outputs) as a Markdown page; outputs become HTML slotted in after Markdown.

Markdown cells stay Markdown (the page renders them like any page), with their attachments as
data: URIs, their math as MathML and their links to other notebooks made links to those pages.
Raw cells follow their format (see `render_raw`); outputs are rendered by outputs.py.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from trainfer.notebooks.cells import (
    attachment_problems,
    raw_format,
    raw_text,
    with_attachments,
    without_own_title,
)
from trainfer.notebooks.links import NotebookLinks
from trainfer.notebooks.loads import outside_load_problems
from trainfer.notebooks.markup import latex_html
from trainfer.notebooks.mathml import math_to_slots
from trainfer.notebooks.outputs import render_data, render_output
from trainfer.notebooks.tags import cell_tags, tagged
from trainfer.security.sanitize import clean_html
from trainfer.slots import Slots

__all__ = ["notebook_markdown", "render_data", "render_output", "render_raw"]


def _markdown(source: str, slots: Slots, links: NotebookLinks) -> str:
    return math_to_slots(links.markdown(source), lambda math: slots.mark(clean_html(math)))


def render_raw(cell, slots: Slots, links: NotebookLinks) -> str:
    """A raw cell by its format: text/markdown as Markdown, text/html as sanitized HTML,
    text/latex as MathML (and text), any other (or none) as its text, as Jupyter shows it."""
    kind = raw_format(cell)
    if kind == "text/markdown":
        return _markdown(cell.source, slots, links)
    if kind == "text/html":
        html = links.html(clean_html(cell.source)).strip()
    elif kind == "text/latex":
        html = latex_html(cell.source)
        html = html and f'<div class="tf-raw-latex">{html}</div>'
    else:
        html = raw_text(cell.source)
    return slots.mark(html) if html else ""


def notebook_markdown(nb, path="the notebook", links: NotebookLinks | None = None,
                      words: dict | None = None) -> tuple[str, Slots]:
    """(Markdown with slots, the slots' HTML). Tagged cells fold or go (notebooks.tags, with the
    reader's `words` for the toggles); a first cell's own `# Title` is left out (the page's
    title, from the metadata, replaces it).

    Anything a cell would load from another host, and an attachment that is not an attached
    image, fails the build, naming `path` and the cell.
    """
    problems = outside_load_problems(path, nb) + attachment_problems(path, nb)
    if problems:
        raise PluginError("\n".join(problems))
    links = links or NotebookLinks()
    parts: list[str] = []
    slots = Slots()
    for index, cell in enumerate(nb.cells):
        tags = cell_tags(cell)
        if cell.cell_type == "markdown":
            source = with_attachments(cell)
            text = _markdown(without_own_title(source) if index == 0 else source, slots, links)
            parts += tagged(tags, text, "", words or {})
        elif cell.cell_type == "raw":
            parts += tagged(tags, render_raw(cell, slots, links), "", words or {})
        elif cell.cell_type == "code":
            source = f"```python\n{cell.source}\n```" if cell.source.strip() else ""
            html = links.html("".join(render_output(o) for o in cell.get("outputs", [])))
            output = slots.mark(f'<div class="tf-output">{html}</div>') if html else ""
            parts += tagged(tags, source, output, words or {})
    return "\n\n".join(p for p in parts if p) + "\n", slots

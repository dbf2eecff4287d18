"""Cell tags as Jupyter Book means them: hide-* folds behind a toggle, remove-* removes."""

from __future__ import annotations

import markdown
import nbformat
import pytest

from trainfer.notebooks.render import notebook_markdown

WORDS = {"show_code": "Show code", "show_output": "Show output", "show_cell": "Show cell"}


def page_html(tags: list[str]) -> str:
    """One tagged code cell with an output, rendered as the site does (md_in_html, fences)."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("the_code = 1", metadata={"tags": tags})
    cell.outputs = [nbformat.v4.new_output("stream", text="the output\n")]
    nb.cells = [cell]
    text, slots = notebook_markdown(nb, words=WORDS)
    html = markdown.markdown(text, extensions=["md_in_html", "fenced_code"])
    return slots.fill(html)


def folded(html: str, summary: str) -> str:
    """What sits inside the `<details>` whose summary is `summary` ('' if none)."""
    start = html.find(f"<details class=\"tf-fold\">\n<summary>{summary}</summary>")
    return html[start:html.index("</details>", start)] if start >= 0 else ""


def test_hide_input_folds_the_code_and_shows_the_output():
    html = page_html(["hide-input"])
    inside = folded(html, "Show code")
    assert "the_code" in inside and "<pre" in inside and "the output" not in inside
    assert "the output" in html


def test_hide_output_folds_the_output():
    html = page_html(["hide-output"])
    assert "the output" in folded(html, "Show output") and "the_code" not in folded(
        html, "Show output")


def test_hide_cell_folds_both():
    inside = folded(page_html(["hide-cell"]), "Show cell")
    assert "the_code" in inside and "the output" in inside


@pytest.mark.parametrize("tag, gone, kept", [
    ("remove-input", "the_code", "the output"),
    ("remove-output", "the output", "the_code"),
    ("remove-cell", "the_code", None),
])
def test_remove_tags_remove(tag, gone, kept):
    html = page_html([tag])
    assert gone not in html and "<details" not in html
    if kept:
        assert kept in html
    else:
        assert "the output" not in html

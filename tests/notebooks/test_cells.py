"""Markdown and raw cells: attachments shown (or a clear error), one title, raw formats."""

from __future__ import annotations

import base64

import nbformat
import pytest
from mkdocs.exceptions import PluginError

from trainfer.notebooks.render import notebook_markdown

GIF = "R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQABAAACAkQBADs="


def page_of(*cells) -> str:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    markdown, slots = notebook_markdown(nb, "notebooks/x.ipynb")
    return slots.fill(markdown)


def test_attached_images_are_shown_as_data_uris():
    cell = nbformat.v4.new_markdown_cell("![dot](attachment:dot.gif) <img src=\"attachment:dot.gif\">")
    cell.attachments = {"dot.gif": {"image/gif": GIF}}
    page = page_of(cell)
    assert page.count(f"data:image/gif;base64,{GIF}") == 2 and "attachment:" not in page


@pytest.mark.parametrize("attachments, named", [
    ({}, "(attached: none)"),
    ({"a.svg": {"image/svg+xml": "<svg/>"}}, "(attached: a.svg)"),
    ({"a.svg": {"image/png": "not base64!"}}, "(attached: a.svg)"),
])
def test_an_attachment_that_is_no_attached_image_fails_naming_the_cell(attachments, named):
    cell = nbformat.v4.new_markdown_cell("![x](attachment:a.svg)")
    cell.attachments = attachments
    with pytest.raises(PluginError) as caught:
        page_of(nbformat.v4.new_markdown_cell("first"), cell)
    assert ("notebooks/x.ipynb: markdown cell 2 shows attachment:a.svg, which is not an attached "
            f"PNG, JPEG or GIF image {named}") in str(caught.value)


def test_the_first_cells_own_title_is_left_out_and_later_ones_stay():
    page = page_of(nbformat.v4.new_markdown_cell("# Own title\n\nIntro."),
                   nbformat.v4.new_markdown_cell("# A later part"))
    assert "Own title" not in page and "Intro." in page and "# A later part" in page
    setext = page_of(nbformat.v4.new_markdown_cell("Own title\n=========\nIntro."))
    assert "Own title" not in setext and "Intro." in setext
    assert "## Kept" in page_of(nbformat.v4.new_markdown_cell("## Kept"))


def test_raw_cells_follow_their_format():
    raw = nbformat.v4.new_raw_cell
    page = page_of(
        raw("<b>bold</b><script>alert(1)</script>", metadata={"raw_mimetype": "text/html"}),
        raw("*emphasis* $y$", metadata={"raw_mimetype": "text/markdown"}),
        raw(r"\section{x} $$\sqrt{2}$$", metadata={"format": "text/latex"}),
        raw("Plain <i>raw</i>"),
        raw(".. rst directive", metadata={"raw_mimetype": "text/restructuredtext"}),
        raw("   "))
    assert "<b>bold</b>" in page and "alert" not in page
    assert "*emphasis* <math" in page  # Markdown, rendered with the page; math as MathML
    assert '<div class="tf-raw-latex">\\section{x} <math' in page and "<msqrt>" in page
    assert '<pre class="tf-raw" tabindex="0">Plain &lt;i&gt;raw&lt;/i&gt;</pre>' in page
    assert ".. rst directive" in page and page.count("tf-raw") == 3


def test_a_png_attachment_in_a_list_of_lines_is_joined():
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(16)).decode()
    cell = nbformat.v4.new_markdown_cell("![p](attachment:p.png)")
    cell.attachments = {"p.png": {"image/png": [png[:10], png[10:]]}}
    assert f"data:image/png;base64,{png}" in page_of(cell)

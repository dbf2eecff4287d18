"""Notebook rendering: math becomes MathML, code is left alone, outputs are safe, tags hide."""

from __future__ import annotations

import nbformat

from trainfer.notebooks.mathml import math_to_slots
from trainfer.notebooks.render import notebook_markdown, render_data
from trainfer.slots import Slots


def test_tex_becomes_mathml_and_code_and_prices_stay_text():
    slots = Slots()
    text = ("Energy is $E = n \\times e$ and\n\n$$\\frac{a}{b}$$\n\n"
            "`$x$` in code, it costs $5 or $10 today.")
    out = slots.fill(math_to_slots(text, slots.mark))
    assert out.count("<math") == 2 and 'display="block"' in out
    assert "<mfrac>" in out
    assert "`$x$`" in out and "costs $5 or $10 today" in out


def test_vegalite_output_becomes_a_chart_with_its_text_fallback():
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "mark": "point",
            "title": "T", "data": {"values": [{"a": 1}]}}
    html = render_data({"application/vnd.vegalite.v6+json": spec, "text/plain": "<chart>"})
    assert 'class="tf-chart"' in html and 'aria-label="T"' in html and "&lt;chart&gt;" in html


def test_html_output_that_would_load_or_run_code_is_shown_as_text():
    html = render_data({"text/html": "<script src='https://cdn.example/x.js'></script>",
                        "text/plain": "plain"})
    assert "<script" not in html and "plain" in html
    safe = render_data({"text/html": "<table><tr><td>1</td></tr></table>"})
    assert "<table>" in safe


def test_cells_tagged_hide_fold_and_remove_removes():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("folded_input = 1", metadata={"tags": ["hide-input"]}),
                nbformat.v4.new_code_cell("gone = 2", metadata={"tags": ["remove-cell"]}),
                nbformat.v4.new_code_cell("shown = 3", metadata={"tags": ["remove-output"]})]
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", text="visible output\n")]
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", text="removed output\n")]
    markdown, slots = notebook_markdown(nb, words={"show_code": "Show code"})
    page = slots.fill(markdown)
    assert "<summary>Show code</summary>" in page and "folded_input" in page
    assert "visible output" in page
    assert "gone" not in page
    assert "shown = 3" in page and "removed output" not in page

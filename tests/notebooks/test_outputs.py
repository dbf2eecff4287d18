"""Outputs by nbconvert's display priority, each type rendered and sanitized; ANSI as classes."""

from __future__ import annotations

import base64
import doctest

import pytest
from nbconvert.exporters.html import HTMLExporter

from trainfer.notebooks import ansi, cells, markup
from trainfer.notebooks.ansi import ansi_html
from trainfer.notebooks.outputs import PRIORITY, render_data, render_output
from trainfer.security.sanitize import clean_html

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(8)).decode()
JPEG = base64.b64encode(b"\xff\xd8\xff\xd9").decode()
SVG = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>'
EVERY = {"text/html": "<b>html</b>", "text/markdown": "*md*", "image/svg+xml": SVG,
         "text/latex": "$x$", "image/png": PNG, "image/jpeg": JPEG,
         "text/plain": "<IPython.core.display.Object object>"}
SHOWN = {"text/html": "<b>html</b>", "text/markdown": "<em>md</em>", "image/svg+xml": "<rect",
         "text/latex": "<math", "image/png": "data:image/png", "image/jpeg": "data:image/jpeg",
         "text/plain": "&lt;IPython.core.display"}


def test_the_priority_is_nbconverts_html_priority_less_what_cannot_run_here():
    nbconvert = HTMLExporter().default_config.NbConvertBase.display_data_priority
    assert [m for m in nbconvert if m in PRIORITY] == [m for m in PRIORITY if m != "image/gif"]
    assert "application/javascript" not in PRIORITY and PRIORITY[-1] == "text/plain"


def test_each_type_wins_over_those_after_it_and_none_shows_ipythons_placeholder():
    order = list(EVERY)
    for i, mime in enumerate(order):
        html = render_data({m: EVERY[m] for m in order[i:]})
        assert SHOWN[mime] in html, mime
        if mime != "text/plain":
            assert "IPython.core.display" not in html, mime


@pytest.mark.parametrize("bundle", [
    {"application/javascript": "alert(1)", "text/html": "<i>shown</i>"},
    {"application/vnd.jupyter.widget-view+json": {"model_id": "x"}, "text/html": "<i>shown</i>"},
    {"text/html": "<script>alert(1)</script>", "text/plain": "<i>shown</i>"},
])
def test_what_cannot_run_or_sanitizes_to_nothing_gives_way_to_the_next(bundle):
    html = render_data(bundle)
    assert "shown" in html and "alert" not in html


def test_markdown_and_latex_outputs_are_sanitized_with_math_as_mathml():
    html = render_data({"text/markdown": "A $\\frac{1}{2}$ <img src=x onerror=alert(1)> [j](javascript:x)"})
    assert "<mfrac>" in html and "onerror" not in html and "javascript" not in html
    latex = render_data({"text/latex": r"\begin{equation} E = mc^2 \end{equation} and \(x\) <b>"})
    assert latex.count("<math") == 2 and 'display="block"' in latex and "&lt;b&gt;" in latex


def test_images_keep_their_size_from_the_outputs_metadata():
    html = render_data({"image/jpeg": JPEG}, {"image/jpeg": {"width": 120, "height": 40.0}})
    assert 'width="120" height="40"' in html and "data:image/jpeg;base64," in html
    assert "width" not in render_data({"image/png": PNG}, {"image/png": {"width": "9; x"}})


def test_streams_and_tracebacks_keep_their_colours_as_classes_only():
    text = "\x1b[31mred\x1b[0m \x1b[38;5;196mhot\x1b[0m \x1b[48;2;0;0;230mblue\x1b[0m <b>"
    html = render_output({"output_type": "stream", "name": "stdout", "text": text})
    assert '<span class="ansi-red-fg">red</span>' in html
    assert '<span class="ansi-red-intense-fg">hot</span>' in html  # 256 colours: nearest class
    assert '<span class="ansi-blue-bg">blue</span>' in html  # 24-bit: nearest class
    assert "style" not in html and "&lt;b&gt;" in html
    error = render_output({"output_type": "error", "ename": "E", "evalue": "",
                           "traceback": ["\x1b[31mE\x1b[39m: boom", "line <2>"]})
    assert error.startswith('<pre class="tf-out tf-error"') and "line &lt;2&gt;" in error


def test_the_sanitizer_keeps_the_ansi_classes():
    html = ansi_html("\x1b[1;4;7;33;44mall\x1b[0m")
    assert clean_html(html) == html and "ansi-underline" in html and "ansi-bold" in html


@pytest.mark.parametrize("module", [ansi, markup, cells])
def test_the_examples_in_the_docstrings_hold(module):
    assert doctest.testmod(module).failed == 0

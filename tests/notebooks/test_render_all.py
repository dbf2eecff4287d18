"""The render-all fixture (tests/render_all_site.py) built with real kernels, in two editions:
every output type as Jupyter shows it, attachments, raw cells, one title, links that stay in
the edition, and a cell that fails on purpose without failing the build."""

from __future__ import annotations

import re

import pytest
from render_all_site import render_all_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return render_all_site(tmp_path_factory)


def article(site, path: str) -> str:
    html = (site / path).read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def without_code(page: str) -> str:
    """The page without its code blocks (the fixture's code holds ANSI escapes as text)."""
    return re.sub(r'<div class="highlight">.*?</code></pre></div>', "", page, flags=re.S)


def test_every_output_type_renders_as_jupyter_shows_it(site):
    page = without_code(article(site, "notebooks/render_all/index.html"))
    assert "IPython.core.display" not in page and "\x1b" not in page and "[31m" not in page
    md = re.search(r'<div class="tf-out-md"><p><strong>Bold Markdown output</strong> with <math[^>]*>'
                   r'.*?<mi>π</mi>', page)
    assert md, "text/markdown: rendered Markdown, its math as MathML"
    assert re.search(r'<div class="tf-out-latex"><math[^>]*display="block".*?<mfrac>', page)
    assert '<table class="tf-test-html"><tbody><tr><th>html</th>' in page
    assert re.search(r'<img class="tf-out-img" alt="" width="64" src="data:image/png;base64,', page)
    assert '<img class="tf-out-img" alt="" src="data:image/jpeg;base64,/9j/' in page
    assert re.search(r'<div class="tf-out-svg"><svg [^>]*><rect [^>]*fill="#3f51b5"', page)
    assert '<figure class="tf-chart">' in page and 'aria-label="Two bars"' in page
    assert '<span class="ansi-red-fg">red stream</span>' in page
    assert '<span class="ansi-green-intense-fg ansi-bold">bold green</span>' in page
    assert '<span class="ansi-green-fg">extended colour</span>' in page  # 256 colours: a class
    assert '<pre class="tf-out tf-stderr" tabindex="0">to stderr' in page
    assert '<pre class="tf-out" tabindex="0">42</pre>' in page
    assert " style=" not in page  # the policy allows no inline style; colours are classes


def test_a_cell_tagged_raises_exception_shows_its_traceback_and_the_run_goes_on(site):
    page = article(site, "notebooks/render_all/index.html")
    error = re.search(r'<pre class="tf-out tf-error" tabindex="0">(.*?)</pre>', page, re.S)
    assert error and '<span class="ansi-red-fg">ZeroDivisionError</span>: division by zero' in error[1]
    assert "after the failing cell" in page[error.end():]


def test_attachments_raw_cells_and_one_title(site):
    page = article(site, "notebooks/render_all/index.html")
    assert re.search(r'<img alt="attached PNG" src="data:image/png;base64,iVBOR', page)
    assert re.search(r'<img alt="attached GIF" src="data:image/gif;base64,R0lGOD', page)
    assert "attachment:" not in page
    assert '<p class="tf-test-raw">Raw <b>HTML</b></p>' in page and "<script>alert" not in page
    assert re.search(r"<p><strong>Raw Markdown</strong> with <math", page)
    assert re.search(r'<div class="tf-raw-latex">Raw \\LaTeX: <math[^>]*><mrow><msqrt>', page)
    assert '<pre class="tf-raw" tabindex="0">Raw text, &lt;b&gt;not bold&lt;/b&gt;, shown as typed.' in page
    assert page.count("<h1") == 1 and "Every output, rendered" not in page
    assert "<h1" in article(site, "notebooks/other/index.html")


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_links_between_notebooks_lead_to_their_pages_in_the_same_edition(site, edition):
    page = article(site, f"{edition}notebooks/render_all/index.html")
    assert '<a href="../other/">the other notebook</a>' in page
    assert '<a href="../other/#second-section">its second section</a>' in page
    assert '<a href="../other/" class="tf-test-html-link">' in page
    assert (site / f"{edition}notebooks/other/index.html").is_file()
    assert 'id="second-section"' in article(site, f"{edition}notebooks/other/index.html")
    back = article(site, f"{edition}notebooks/other/index.html")
    assert '<a href="../render_all/">every output</a>' in back
    assert "other.ipynb" not in page

"""An image from another host fails the build and the notebook checks, naming notebook and cell."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from hostile_site import HOSTILE, build_hostile

from trainfer.notebooks.check import check
from trainfer.notebooks.loads import outside_load_problems

NAME = "notebooks/content_outside_image.ipynb"
MARKDOWN = f"{NAME}: markdown cell 2 loads https://example.com/logo.png from another host"
OUTPUT = f"{NAME}: code cell 1's output loads https://example.com/pic.png from another host"


def test_an_image_from_another_host_fails_the_build_naming_the_cell(tmp_path):
    done = build_hostile(tmp_path, ["content_outside_image"], data=False)
    report = done.stdout + done.stderr
    assert done.returncode != 0
    assert MARKDOWN in report and OUTPUT in report
    assert "put the image beside the notebook" in report
    assert "Traceback" not in report
    assert not (tmp_path / "site").exists()


def test_check_notebooks_reports_it_too(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    path = shutil.copy(HOSTILE / "content_outside_image.ipynb", tmp_path / "notebooks")
    problems = check(Path(path), tmp_path, timeout=60)
    assert [p.split(". The site")[0] for p in problems] == [MARKDOWN, OUTPUT]


def test_what_counts_as_loading_from_elsewhere():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(text) for text in (
        "![ref image][logo]\n\n[logo]: //cdn.example.com/l.png",  # protocol-relative, by reference
        '<img srcset="a.png 1x, https://x.example/b.png 2x">',
        '<p style="background: url(\'https://x.example/bg.png\')">styled</p>',
        "[a link is fine](https://example.com/) and ![a local image](fig.png)",
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
    )]
    problems = outside_load_problems("n.ipynb", nb)
    assert [p.split(" from another host")[0] for p in problems] == [
        "n.ipynb: markdown cell 1 loads //cdn.example.com/l.png",
        "n.ipynb: markdown cell 2 loads https://x.example/b.png",
        "n.ipynb: markdown cell 3 loads https://x.example/bg.png",
    ]

"""Write small notebooks for tests, with the metadata block the build requires."""

from __future__ import annotations

from pathlib import Path

import nbformat


def trainfer_meta(**overrides) -> dict:
    meta = {
        "title": "A test notebook",
        "summary": "Checks the build.",
        "authors": ["Test"],
        "sources": ["This test"],
        "data": [],
        "budget_seconds": 60,
    }
    meta.update(overrides)
    return meta


def write_notebook(path: Path, cells: list[str], markdown: str = "Intro.", **meta) -> Path:
    """A notebook with one Markdown cell and the given code cells, stored without outputs."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(markdown)]
    nb.cells += [nbformat.v4.new_code_cell(src) for src in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["trainfer"] = trainfer_meta(**meta)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path

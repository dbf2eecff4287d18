"""A notebook's prose in another language: its title, summary, each Markdown cell (keyed by the
cell's id) and the words of its outputs (see outputs.py), as units in
i18n/<language>/notebooks/<stem>.yaml. Code and executed outputs exist once."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from trainfer.i18n.outputs import output_texts, translate_outputs
from trainfer.i18n.units import resolve_all
from trainfer.text import i18n_dir


def notebook_units(meta, nb) -> dict[str, str]:
    """Every translatable English text of a notebook, by unit key."""
    units = {"title": meta.title, "summary": meta.summary}
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.get("id") and cell.source.strip():
            units[f"cell.{cell.id}"] = cell.source
    units.update(output_texts(nb))  # empty before the notebook has run
    return units


def unit_path(root: Path, language: str, stem: str) -> Path:
    """Where a notebook's units live for `language`."""
    return i18n_dir(root) / language / "notebooks" / f"{stem}.yaml"


def translate_notebook(meta, nb, path: Path):
    """(meta, notebook) with the fresh units of `path` put in, and the units that stay English."""
    shown, gaps = resolve_all(notebook_units(meta, nb), path)
    translated = copy.deepcopy(nb)
    for cell in translated.cells:
        if cell.cell_type == "markdown" and f"cell.{cell.get('id')}" in shown:
            cell.source = shown[f"cell.{cell.id}"]
    translate_outputs(translated, shown)
    meta = dataclasses.replace(meta, title=shown.get("title", meta.title),
                               summary=shown.get("summary", meta.summary))
    return meta, translated, gaps

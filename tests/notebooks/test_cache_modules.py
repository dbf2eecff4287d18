"""The cache keeps, beside each entry, the modules its run imported; a change to one is a miss."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from trainfer.notebooks.cache import NotebookCache, module_digests, recorded_modules


def test_recorded_modules_are_sources_relative_to_the_root(tmp_path):
    package = tmp_path / "explainers" / "src" / "explainers"
    log = tmp_path / "imports.log"
    log.write_text(f"{package / '__pycache__' / 'teach.cpython-312.pyc'}\n{package / 'read.py'}\n"
                   "/elsewhere/helper.py\n\n")
    assert recorded_modules(log, tmp_path) == [
        "/elsewhere/helper.py", "explainers/src/explainers/read.py",
        "explainers/src/explainers/teach.py"]


def test_an_entry_stands_only_while_its_modules_are_unchanged(tmp_path):
    (tmp_path / "teach.py").write_text("RATE = 1\n")
    (tmp_path / "read.py").write_text("PAGES = 1\n")
    nb = new_notebook(cells=[new_code_cell("import teach")])
    cache = NotebookCache(tmp_path / "cache", tmp_path)
    cache.put("key", nb, module_digests(["teach.py"], tmp_path))
    assert cache.get("key", nb) == nb
    (tmp_path / "read.py").write_text("PAGES = 2\n")  # not imported by this notebook
    assert cache.get("key", nb) == nb
    (tmp_path / "teach.py").write_text("RATE = 2\n")
    assert cache.get("key", nb) is None
    assert (tmp_path / "cache" / "key.ipynb").exists()  # a miss, not a bad entry: put replaces it
    cache.put("key", nb, module_digests(["teach.py"], tmp_path))
    assert cache.get("key", nb) == nb
    (tmp_path / "teach.py").unlink()
    assert cache.get("key", nb) is None


def test_an_entry_without_its_modules_record_is_dropped(tmp_path):
    nb = new_notebook(cells=[new_code_cell("1")])
    cache = NotebookCache(tmp_path / "cache", tmp_path)
    (tmp_path / "cache").mkdir()
    nbformat.write(nb, tmp_path / "cache" / "old.ipynb")  # stored before modules were recorded
    assert cache.get("old", nb) is None and not (tmp_path / "cache" / "old.ipynb").exists()

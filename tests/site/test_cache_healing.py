"""Every cache heals: an entry that is corrupt, or parses but is wrong, is dropped with a line
naming its file, and computed again; it never stops a build with a traceback."""

from __future__ import annotations

import io
import json
import logging
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from trainfer.demos.prebuilt import cached_run
from trainfer.notebooks.cache import NotebookCache
from trainfer.runtime.wheel import build_wheel, cached_wheel
from trainfer.tables import measured
from trainfer.text import load_text
from notebooks_support import write_notebook


@pytest.fixture
def dropped(caplog):
    """The files named as dropped bad cache entries."""
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.trainfer.cache")
    return lambda: [r.getMessage() for r in caplog.records if "dropped the bad entry" in r.getMessage()]


def corrupt(entry: Path, how: str | bytes) -> None:
    """Replace a cache entry by `how`'s bytes, or by a folder."""
    if how == "folder":
        entry.unlink()
        (entry / "x").mkdir(parents=True)
    else:
        entry.write_bytes(how if isinstance(how, bytes) else how.encode())


def a_zip(text: str) -> bytes:
    """A readable zip with the package's name in it, but not the package's source."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("demo/__init__.py", text)
    return buffer.getvalue()


def make_package(folder: Path) -> Path:
    (folder / "src" / "demo").mkdir(parents=True)
    (folder / "pyproject.toml").write_text('[project]\nname = "demo"\nversion = "1.0"\ndescription = \"d\"\n[build-system]\nrequires = ["flit_core"]\nbuild-backend = "flit_core.buildapi"\n')
    (folder / "src" / "demo" / "__init__.py").write_text("X = 1\n")
    return folder


@pytest.mark.parametrize("how", ["not a zip", "", "folder", a_zip("X = 'not the source'\n")])
def test_a_bad_wheel_is_rebuilt(tmp_path, dropped, how):
    project = make_package(tmp_path / "p")
    good = build_wheel(project, tmp_path / "fresh").read_bytes()
    entry = cached_wheel(project, tmp_path / "cache")
    corrupt(entry, how)
    assert cached_wheel(project, tmp_path / "cache").read_bytes() == good
    (message,) = dropped()
    assert str(entry) in message


GOOD_ROW = {"format": "fp32", "taught_pages": 10, "read_pages": 5, "teach_energy_pj": 1e6,
            "accuracy": 0.9, "teach_seconds": 0.5, "read_seconds": 0.1,
            "teach_ops": {"macs": 1, "ops": 2, "bytes_read": 3, "bytes_written": 4},
            "read_ops_per_page": {"macs": 1}}


@pytest.mark.parametrize("how", [
    "{ not json", "[]", '{"machine": {}, "rows": []}',
    json.dumps({"machine": measured.machine(), "rows": [{**GOOD_ROW, "teach_ops": 5}]}),
    json.dumps({"machine": measured.machine(), "rows": [{**GOOD_ROW, "teach_seconds": 0}]}),
    "folder",
])
def test_a_bad_measurement_is_measured_again(tmp_path, dropped, monkeypatch, how):
    import explainers.measure
    runs = []
    monkeypatch.setattr(explainers.measure, "measure_all", lambda: runs.append(1) or [GOOD_ROW])
    first = measured.measurement(tmp_path, "digest")
    (entry,) = tmp_path.glob("measured-*.json")
    assert measured.measurement(tmp_path, "digest") == first and len(runs) == 1  # a good hit
    corrupt(entry, how)
    data = measured.measurement(tmp_path, "digest")
    assert len(runs) == 2 and data["rows"] == [GOOD_ROW]
    (message,) = dropped()
    assert str(entry) in message
    widget = load_text(ROOT, "en", "widget")
    assert "<table" in measured.measured_html(data, widget, load_text(ROOT, "en", "pages")["measured"])


@pytest.mark.parametrize("how", ["{ not json", "[1]", '{"ok": true}', '{"ok": "yes", "output": 5}',
                                 '{"ok": true, "output": ["x"]}', "folder"])
def test_a_bad_prebuilt_demo_output_is_run_again(tmp_path, dropped, how):
    code = "print('the demo ran')\n"
    assert cached_run(code, "demo.py", ["k"], tmp_path) == (True, "the demo ran\n")
    (entry,) = tmp_path.glob("*.json")
    corrupt(entry, how)
    assert cached_run(code, "demo.py", ["k"], tmp_path) == (True, "the demo ran\n")
    (message,) = dropped()
    assert str(entry) in message


@pytest.mark.parametrize("how", ["{ not json", "[]", '{"cells": []}', "other cells", "folder"])
def test_a_bad_notebook_entry_is_a_miss(tmp_path, dropped, how):
    import nbformat
    nb = nbformat.read(write_notebook(tmp_path / "a.ipynb", ["print(1)"]), as_version=4)
    cache = NotebookCache(tmp_path / "cache")
    cache.put("key", nb)
    assert cache.get("key", nb) == nb
    entry = tmp_path / "cache" / "key.ipynb"
    if how == "other cells":
        nbformat.write(nbformat.read(write_notebook(tmp_path / "b.ipynb", ["print(2)"]), 4), entry)
    else:
        corrupt(entry, how)
    assert cache.get("key", nb) is None and not entry.exists()
    (message,) = dropped()
    assert str(entry) in message

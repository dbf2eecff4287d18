"""The explainers wheel: same source, same bytes; registered in the site lock with its sha256."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.exceptions import PluginError

from trainfer.runtime.lock import write_site_lock
from trainfer.runtime.vendor import VENDOR_FILES, copy_vendor
from trainfer.runtime.wheel import build_wheel, cached_wheel

PYODIDE_LOCK = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"

FLIT = '[build-system]\nrequires = ["flit_core"]\nbuild-backend = "flit_core.buildapi"\n'


def make_project(folder: Path, body: str = "X = 1\n") -> Path:
    (folder / "src" / "demo").mkdir(parents=True)
    (folder / "pyproject.toml").write_text(
        '[project]\nname = "demo"\nversion = "1.2.3"\ndescription = "d"\n'
        'requires-python = ">=3.12"\n' + FLIT)
    (folder / "src" / "demo" / "__init__.py").write_text('"""Demo."""\n' + body)
    (folder / "src" / "demo" / "part.py").write_text("def f():\n    return 2\n")
    return folder


def test_same_source_gives_the_same_bytes(tmp_path):
    project = make_project(tmp_path / "p")
    first = build_wheel(project, tmp_path / "a").read_bytes()
    (project / "src" / "demo" / "part.py").touch()  # a new mtime must not change the wheel
    second = build_wheel(project, tmp_path / "b").read_bytes()
    assert first == second
    (project / "src" / "demo" / "part.py").write_text("def f():\n    return 3\n")
    assert build_wheel(project, tmp_path / "c").read_bytes() != first


def test_wheel_is_installable_shape(tmp_path):
    wheel = build_wheel(make_project(tmp_path / "p"), tmp_path / "out")
    assert wheel.name == "demo-1.2.3-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        record = zf.read("demo-1.2.3.dist-info/RECORD").decode()
        assert zf.testzip() is None
    assert {"demo/__init__.py", "demo/part.py", "demo-1.2.3.dist-info/METADATA"} <= set(names)
    assert all(n in record for n in names)


def test_cache_rebuilds_only_when_the_source_changes(tmp_path):
    project = make_project(tmp_path / "p")
    cache = tmp_path / "cache"
    first = cached_wheel(project, cache)
    stamp = first.stat().st_mtime_ns
    assert cached_wheel(project, cache) == first and first.stat().st_mtime_ns == stamp
    (project / "src" / "demo" / "part.py").write_text("def f():\n    return 4\n")
    assert cached_wheel(project, cache) != first


def test_site_lock_registers_the_wheel_by_name_with_its_sha256(tmp_path):
    wheel = build_wheel(make_project(tmp_path / "p"), tmp_path / "out")
    lock = tmp_path / "site" / "pyodide-lock.json"
    write_site_lock(PYODIDE_LOCK, [wheel], lock)
    data = json.loads(lock.read_text())
    entry = data["packages"]["demo"]
    assert entry["file_name"] == wheel.name
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["demo"]
    assert data["info"] == json.loads(PYODIDE_LOCK.read_text())["info"]
    assert list(data["packages"]) == ["demo"]  # only what the site ships


def test_a_missing_vendored_file_is_named(tmp_path):
    fake = tmp_path / "node_modules"
    for rel in VENDOR_FILES.values():
        (fake / rel).parent.mkdir(parents=True, exist_ok=True)
        (fake / rel).write_text("x")
    (fake / "pyodide" / "pyodide-lock.json").write_text("{}")
    (fake / "vega-embed" / "build" / "vega-embed.min.js").unlink()
    with pytest.raises(PluginError, match=r"vega-embed/build/vega-embed\.min\.js.*npm ci"):
        copy_vendor(fake, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing written before the check

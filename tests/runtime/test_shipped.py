"""What the site ships is checked: the vendored files against their manifest and the lockfile, the
simulator's modules by compiling each one, its pyproject by name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from trainfer.runtime.manifest import MANIFEST, make_manifest, manifest_problems
from trainfer.runtime.vendor import shipped_sources
from trainfer.runtime.wheel import build_wheel, compile_problems, project_metadata

NODE_MODULES = ROOT / "node_modules"
LOCK = ROOT / "package-lock.json"

FLIT = '[build-system]\nrequires = ["flit_core"]\nbuild-backend = "flit_core.buildapi"\n'


def test_the_committed_manifest_is_the_pinned_files():
    """Fails after a change of the pins until `python3 -m nox -s vendor-manifest` is run."""
    committed = json.loads(MANIFEST.read_text())
    assert committed == make_manifest(NODE_MODULES, LOCK, shipped_sources())
    assert manifest_problems(NODE_MODULES, LOCK, shipped_sources()) == []


def test_a_new_pin_asks_for_a_new_manifest(tmp_path):
    lock = json.loads(LOCK.read_text())
    lock["packages"]["node_modules/vega"]["version"] = "99.0.0"
    (tmp_path / "package-lock.json").write_text(json.dumps(lock))
    problems = manifest_problems(NODE_MODULES, tmp_path / "package-lock.json", shipped_sources(),
                                 MANIFEST, "vendored.json")
    assert problems == [f"vendored.json was made for vega 6.4.0, but {tmp_path / 'package-lock.json'} "
                        "pins 99.0.0; regenerate the manifest: python3 -m nox -s vendor-manifest"]


def test_a_shipped_file_without_an_entry_is_named(tmp_path):
    manifest = json.loads(MANIFEST.read_text())
    del manifest["files"]["tablesort/dist/tablesort.min.js"]
    (tmp_path / "m.json").write_text(json.dumps(manifest))
    assert manifest_problems(NODE_MODULES, LOCK, shipped_sources(), tmp_path / "m.json", "m.json") == [
        f"{NODE_MODULES}/tablesort/dist/tablesort.min.js: the site ships it but m.json has no entry "
        "for it; regenerate the manifest: python3 -m nox -s vendor-manifest"]


def test_node_modules_older_than_the_lockfile_asks_for_npm_ci(tmp_path):
    modules = tmp_path / "node_modules"
    shutil.copytree(NODE_MODULES / "tablesort", modules / "tablesort")
    package = json.loads((modules / "tablesort" / "package.json").read_text())
    (modules / "tablesort" / "package.json").write_text(json.dumps({**package, "version": "1.0.0"}))
    rels = [r for r in shipped_sources() if r.startswith("tablesort/")]
    problems = manifest_problems(modules, LOCK, rels)
    assert problems == [f"{modules}/tablesort is 1.0.0, but {LOCK} pins 5.7.1; run `npm ci`"]


def make_project(folder: Path, toml: str, module: str = "X = 1\n") -> Path:
    (folder / "src" / "demo").mkdir(parents=True)
    (folder / "pyproject.toml").write_text(toml)
    (folder / "src" / "demo" / "__init__.py").write_text('"""Demo."""\n')
    (folder / "src" / "demo" / "unused.py").write_text(module)
    return folder


@pytest.mark.parametrize(("toml", "expected"), [
    ('[project]\nname = "demo"\nversion = 1.2.3\n', "not valid TOML: Expected newline"),
    ('[project]\nname = "demo"\n', "its [project] table needs a name and a version (strings)"),
    ('project = 3\n', "its [project] table needs a name and a version"),
])
def test_a_bad_pyproject_is_named(tmp_path, toml, expected):
    project = make_project(tmp_path / "p", toml)
    with pytest.raises(ValueError) as caught:
        project_metadata(project)
    assert str(caught.value).startswith(f"{project / 'pyproject.toml'}: {expected}")


def test_a_module_that_does_not_compile_is_never_packed(tmp_path):
    project = make_project(tmp_path / "p",
                           '[project]\nname = "demo"\nversion = "1"\ndescription = "d"\n' + FLIT,
                           module="def f():\n    return (\n")
    module = project / "src" / "demo" / "unused.py"
    assert compile_problems(project / "src") == [f"{module}:2: '(' was never closed"]
    with pytest.raises(ValueError, match=r"unused\.py:2: '\(' was never closed"):
        build_wheel(project, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_null_bytes_and_bad_encodings_are_named(tmp_path):
    (tmp_path / "a.py").write_bytes(b"x = 1\0\n")
    (tmp_path / "b.py").write_bytes(b"x = '\xff'\n")
    problems = compile_problems(tmp_path)
    assert [p.split(":")[0] for p in problems] == [str(tmp_path / "a.py"), str(tmp_path / "b.py")]


def test_a_missing_lockfile_is_named(tmp_path):
    problems = manifest_problems(NODE_MODULES, tmp_path / "package-lock.json", shipped_sources())
    assert problems == [f"{tmp_path / 'package-lock.json'}: not a readable npm lockfile ([Errno 2] "
                        f"No such file or directory: '{tmp_path / 'package-lock.json'}')"]

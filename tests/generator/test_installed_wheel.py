"""From a fresh venv with only trainfer's wheel: the example site builds and its demo runs."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, serve

from trainfer.publish import FILES
from trainfer.runtime.manifest import MANIFEST
from trainfer.runtime.wheel import build_wheel

#: wheels of every locked runtime dependency; `nox -s tests` fills it (fill_wheelhouse)
WHEELHOUSE = Path(os.environ.get("TRAINFER_WHEELHOUSE", ROOT / ".nox" / "wheelhouse"))
EXAMPLE = ROOT / "examples" / "minimal-site"


def clean_env(venv: Path) -> dict:
    """The environment of a shell in which only `venv` is active: no dev venv, no PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin"
    env["PIP_CONFIG_FILE"] = os.devnull  # no index, no find-links but ours
    return env


@pytest.fixture(scope="session")
def trainfer_wheels(tmp_path_factory) -> tuple[Path, Path]:
    """trainfer's wheel, built twice from the same source by its own backend."""
    out = tmp_path_factory.mktemp("wheels")
    return build_wheel(ROOT, out / "a"), build_wheel(ROOT, out / "b")


@pytest.fixture(scope="session")
def fresh_venv(tmp_path_factory, trainfer_wheels) -> Path:
    """A new venv holding the built wheel and its dependencies, installed with no index."""
    if not any(WHEELHOUSE.glob("mkdocs-*.whl")):
        pytest.fail(f"no wheels in {WHEELHOUSE}: `python3 -m nox -s tests` fills it from "
                    "requirements/build.txt (or set TRAINFER_WHEELHOUSE)")
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(venv)], check=True, timeout=120)
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-index",
         "--find-links", str(WHEELHOUSE), str(trainfer_wheels[0])],
        env=clean_env(venv), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return venv


@pytest.fixture(scope="session")
def example_site(tmp_path_factory, fresh_venv) -> Path:
    """examples/minimal-site copied outside the repository and built by the fresh venv."""
    project = tmp_path_factory.mktemp("elsewhere") / "minimal-site"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("site", ".trainfer-cache"))
    done = subprocess.run([str(fresh_venv / "bin" / "mkdocs"), "build", "--strict"], cwd=project,
                          env=clean_env(fresh_venv), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"  # the default site_dir


#: (tag, URL) of every src= and href=; an <a> may link elsewhere (a cited source), nothing else
REFERENCE = re.compile(r'<(\w+)\b[^>]*?\b(?:src|href)="([^"#?]*)[^"]*"')


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_two_wheel_builds_have_the_same_sha256(trainfer_wheels):
    first, second = trainfer_wheels
    assert first.name == second.name == "trainfer-0.1.0-py3-none-any.whl"
    assert sha256(first) == sha256(second)


def test_the_wheel_carries_the_runtime_the_assets_and_its_dependencies(trainfer_wheels):
    with zipfile.ZipFile(trainfer_wheels[0]) as zf:
        names = set(zf.namelist())
        metadata = zf.read("trainfer-0.1.0.dist-info/METADATA").decode()
    vendored = [f"trainfer/runtime/bundle/node_modules/{rel}" for rel in
                json.loads(MANIFEST.read_text())["files"]]
    assert set(vendored) <= names
    assert {f"trainfer/assets/{name}" for name in FILES} <= names
    assert "trainfer/runtime/bundle/wheels/trainfer_board-0.1.0-py3-none-any.whl" in names
    assert "Requires-Dist: mkdocs" in metadata and "Requires-Dist: pyodide-build" in metadata
    assert not (ROOT / "trainfer" / "runtime" / "bundle").exists()  # the checkout is left as it was


def test_the_example_builds_outside_the_repository(example_site, fresh_venv):
    assert (example_site / "index.html").is_file()
    assert "Hello, reader!" in (example_site / "index.html").read_text()  # the build-time run
    assert not str(example_site).startswith(str(ROOT))
    lock = (example_site / "assets/vendor/pyodide/pyodide-lock.json").read_text()
    assert '"greeter"' in lock and '"trainfer-board"' in lock
    # the installed generator makes the Pyodide snapshot too (its maker ships in the wheel)
    assert (example_site / "assets/vendor/pyodide/trainfer-snapshot.bin").read_bytes()[:2] == b"\x1f\x8b"
    page = (example_site / "notebooks/greetings/index.html").read_text()
    assert "Who says hello" in page and "English: 1515 million speakers" in page
    assert (example_site / "benchmarks/languages/index.html").is_file()


def test_every_asset_the_pages_reference_is_there(example_site):
    missing = []
    for html in example_site.rglob("*.html"):
        for tag, ref in REFERENCE.findall(html.read_text(encoding="utf-8")):
            parts = urlsplit(ref)
            if not ref or (tag == "a" and parts.scheme in ("http", "https", "mailto")):
                continue
            assert not parts.scheme or parts.scheme in ("data", "blob"), f"{html}: {ref}"
            path = unquote(parts.path)  # 404.html links from the site's root
            target = (example_site / path.lstrip("/") if path.startswith("/")
                      else html.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                missing.append(f"{html.relative_to(example_site)}: {ref}")
    assert not missing


@pytest.mark.browser
def test_the_demo_runs_in_chromium_and_every_request_loads(example_site, page):
    server, url = serve(example_site)
    failed = []
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    # a request the page itself cancels (a worker replaced by a fresh one) is no missing file
    page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "")
            and failed.append(f"{r.failure} {r.url}"))
    try:
        page.goto(url)
        page.locator("[data-action=run]").click()
        page.wait_for_function(
            "() => document.querySelector('[role=log]').textContent.includes('Hello, reader!')",
            timeout=120_000)
        log = page.locator("[role=log]").text_content()
        assert "IT RUNS IN YOUR BROWSER!" in log
    finally:
        server.shutdown()
    assert not failed
    assert all(r.startswith(url) or r.startswith(("blob:", "data:")) for r in page.requests)
    assert not page.console_errors

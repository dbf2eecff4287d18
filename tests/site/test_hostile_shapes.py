"""Inputs of the wrong size or shape, and broken files to ship, fail the build by name and keep site/.

One good build (notebooks, search, the runtime) is the baseline; each case copies it, breaks one
thing (or, for the notebooks, many at once, as one pull request could), and builds again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from notebooks_support import write_notebook

from conftest import ROOT, mkdocs_build

FIXTURE = ROOT / "tests" / "fixtures" / "notebook_site"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
NOT_IN_URLS = ["a#b", "what?", "100%", "two words", "ünï", "index"]
WASM = "pyodide/pyodide.asm.wasm"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def config_with(project: Path, plugins: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text[: text.index("plugins:")] + plugins + text[text.index("markdown_extensions"):])


RUNTIME = f"  - trainfer/runtime:\n      node_modules: {ROOT / 'node_modules'}\n"


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The notebook fixture with search, the runtime and two notebooks, built once."""
    project = tmp_path_factory.mktemp("shapes") / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "i18n", project / "i18n")
    shutil.copytree(ROOT / "explainers" / "src", project / "explainers" / "src",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "explainers" / "pyproject.toml", project / "explainers")
    shutil.copy(ROOT / "package-lock.json", project)
    config_with(project, f"plugins:\n  - search\n  - trainfer/atomic\n{RUNTIME}"
                         "  - trainfer/notebooks\n")
    write_notebook(project / "notebooks" / "good.ipynb", ["print(6 * 7)"])
    shutil.copy(HOSTILE / "shape_clean.ipynb", project / "notebooks")
    done = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return project, snapshot(project / "site")


def rebuild(baseline, folder: Path, edit) -> tuple[Path, str]:
    """A copy of the baseline (its site/ and cache too), edited, built again: must fail by name."""
    pristine, before = baseline
    project = folder / "project"
    shutil.copytree(pristine, project, symlinks=True)
    edit(project)
    done = mkdocs_build(project / "mkdocs.yml", project / "site")
    report = done.stdout + done.stderr
    assert done.returncode == 1, report[-3000:]
    assert "Traceback" not in report
    assert snapshot(project / "site") == before  # byte for byte
    return project, report


def test_stored_outputs_never_reach_the_page(baseline):
    site = baseline[0] / "site" / "notebooks"
    page = (site / "shape_clean" / "index.html").read_text()
    download = (site / "shape_clean.ipynb").read_text()
    assert "fresh-output" in page and "smallwordfindable" in page
    for text in (page, download):
        assert "STALE-" not in text  # neither an empty cell's, nor a skipped one's, nor a rerun's


def test_a_long_output_is_shown_but_not_indexed(baseline):
    site = baseline[0] / "site"
    page = (site / "notebooks" / "shape_clean" / "index.html").read_text()
    index = (site / "search" / "search_index.json").read_text()
    assert page.count("longdumpneedle") == 2500
    assert "smallwordfindable" in index and "longdumpneedle" not in index


def bad_notebooks(project: Path) -> None:
    """A pull request of notebooks, each wrong in its own way."""
    folder = project / "notebooks"
    for name in ("shape_marker", "shape_outputs"):
        shutil.copy(HOSTILE / f"{name}.ipynb", folder)
    for stem in NOT_IN_URLS:
        shutil.copy(folder / "good.ipynb", folder / f"{stem}.ipynb")
    write_notebook(folder / "huge.ipynb", ["1"], markdown="x" * 1_100_000)


@pytest.fixture(scope="module")
def notebooks_report(baseline, tmp_path_factory) -> str:
    return rebuild(baseline, tmp_path_factory.mktemp("notebooks"), bad_notebooks)[1]


def test_a_notebook_over_the_size_limit_is_named_before_it_is_read(notebooks_report):
    assert "notebooks/huge.ipynb: 1,10" in notebooks_report
    assert (" bytes, over the limit of 1,048,576 bytes per notebook file (option max_notebook_bytes "
            "of the trainfer/notebooks plugin)") in notebooks_report


def test_a_cell_over_the_output_limit_is_named(notebooks_report):
    assert ("notebooks/shape_outputs.ipynb: code cell 2 (`print('x' * 2_000_000)  # 2 MB, over the "
            "1 MiB limit per cell`) made 2,000,0") in notebooks_report
    assert ("bytes of output, over the limit of 1,048,576 bytes per cell (option max_output_bytes "
            "of the trainfer/notebooks plugin)") in notebooks_report


def test_invalid_image_data_is_named_not_raised(notebooks_report):
    assert ("notebooks/shape_outputs.ipynb: code cell 1 (`from IPython.display import display`): "
            "its image/png output is not valid base64") in notebooks_report
    assert "binascii" not in notebooks_report


def test_a_build_marker_in_prose_is_named(notebooks_report):
    assert ("notebooks/shape_marker.ipynb: Markdown cell 1 (`Some prose.`) holds `<!-- tf-slot 999 "
            "-->`, a marker the build itself puts in pages") in notebooks_report
    assert "IndexError" not in notebooks_report


@pytest.mark.parametrize("stem", NOT_IN_URLS)
def test_a_name_that_would_break_urls_is_refused(notebooks_report, stem):
    if stem == "index":
        expected = "notebooks/index.ipynb: the name 'index' is taken by the notebooks section's own page"
    else:
        expected = f"notebooks/{stem}.ipynb: the file name would break the page's URL ("
    assert expected in notebooks_report


def test_a_warning_about_a_notebook_page_names_the_notebook(baseline, tmp_path):
    def link(project: Path) -> None:  # Markdown only: the cache still holds its outputs
        path = project / "notebooks" / "good.ipynb"
        nb = json.loads(path.read_text())
        nb["cells"][0]["source"] = "Intro, and [a page that is not there](nowhere.md)."
        path.write_text(json.dumps(nb))

    _, report = rebuild(baseline, tmp_path, link)
    assert ("notebooks/good.ipynb: Doc file 'notebooks/good.md' contains a link 'nowhere.md'"
            in report)
    assert "notebooks: good cached" in report


def broken_runtime(project: Path) -> None:
    """A truncated wasm in node_modules, a module that does not compile, a malformed pyproject."""
    modules = project / "node_modules"
    for package in (ROOT / "node_modules").iterdir():
        if package.name != "pyodide":
            (modules / package.name).parent.mkdir(exist_ok=True)
            (modules / package.name).symlink_to(package)
    (modules / "pyodide").mkdir()
    for path in (ROOT / "node_modules" / "pyodide").iterdir():
        (modules / "pyodide" / path.name).symlink_to(path)
    (modules / WASM).unlink()
    (modules / WASM).write_bytes((ROOT / "node_modules" / WASM).read_bytes()[:1_000_000])
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(f"node_modules: {ROOT / 'node_modules'}",
                                                 "node_modules: node_modules"))
    package = project / "explainers" / "src" / "explainers"
    shutil.copy(HOSTILE / "shape_syntax.py.txt", package / "zz_never_imported.py")
    shutil.copy(HOSTILE / "shape_pyproject.toml", project / "explainers" / "pyproject.toml")


@pytest.fixture(scope="module")
def runtime_report(baseline, tmp_path_factory) -> tuple[Path, str]:
    return rebuild(baseline, tmp_path_factory.mktemp("runtime"), broken_runtime)


def test_a_truncated_vendored_file_is_named_with_both_digests(runtime_report):
    project, report = runtime_report
    manifest = json.loads((ROOT / "trainfer" / "runtime" / "vendored.json").read_text())["files"]
    found = hashlib.sha256((project / "node_modules" / WASM).read_bytes()).hexdigest()
    assert (f"node_modules/{WASM}: sha256 {found} (1,000,000 bytes), expected "
            f"{manifest[WASM]['sha256']} ({manifest[WASM]['bytes']:,} bytes) for pyodide "
            f"{manifest[WASM]['version']} by trainfer/runtime/vendored.json") in report
    assert "python3 -m nox -s vendor-manifest" in report and "`npm ci` restores it" in report


def test_a_module_the_build_never_imports_is_compiled(runtime_report):
    _, report = runtime_report
    assert "explainers/src/explainers/zz_never_imported.py:5: '[' was never closed" in report


def test_a_malformed_pyproject_is_named(runtime_report):
    _, report = runtime_report
    assert ("explainers/pyproject.toml: not valid TOML: Expected newline or end of document "
            "after a statement (at line 3, column 14)") in report


def test_a_demo_without_the_runtime_plugin_is_named(baseline, tmp_path):
    def without_runtime(project: Path) -> None:
        shutil.copy(HOSTILE / "shape_demo.md", project / "docs")
        config_with(project, f"plugins:\n  - trainfer/atomic\n  - trainfer/demos:\n      examples_dir: "
                             f"{ROOT / 'explainers' / 'web' / 'examples'}\n  - trainfer/notebooks\n")

    project, report = rebuild(baseline, tmp_path, without_runtime)
    assert ("shape_demo.md: has a demo (<!-- trainfer:demo classroom -->), but trainfer/runtime is "
            f"not among the plugins of {project / 'mkdocs.yml'}") in report


def test_a_bad_limit_option_names_the_config_file(baseline, tmp_path):
    def zero(project: Path) -> None:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text().replace(
            "  - trainfer/notebooks\n", "  - trainfer/notebooks:\n      max_output_bytes: 0\n"))

    project, report = rebuild(baseline, tmp_path, zero)
    assert ("Plugin 'trainfer/notebooks' option 'max_output_bytes': expected a whole number above 0, "
            f"got 0 (in {project / 'mkdocs.yml'})") in report

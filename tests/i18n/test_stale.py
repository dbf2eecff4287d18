"""A translation made from an older English shows a banner on exactly the pages it belongs to,
and check-translations names it."""

from __future__ import annotations

import shutil
import subprocess
import sys

import nbformat
import yaml
from conftest import ROOT, mkdocs_build
from notebooks_support import write_notebook

from trainfer.i18n.units import digest

CONFIG = """\
site_name: Fixture
strict: true
theme: {name: material, font: false}
plugins:
  - search
  - trainfer/i18n: {languages: {en: English, zh: 中文}}
  - trainfer/atomic
  - trainfer/notebooks
not_in_nav: /zh/
markdown_extensions: [pymdownx.highlight, pymdownx.superfences]
"""
PAGES = {"index.md": "# Home\n\nWelcome.\n", "other.md": "# Other\n\nThe teacher teaches.\n"}


def zh_page(english: str, body: str) -> str:
    return f"---\ntranslated_from: {digest(english)}\n---\n{body}"


def make_project(tmp_path):
    """A site with two pages and one notebook, all translated from their current English."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(ROOT / "trainfer" / "assets" / "i18n" / "en", project / "i18n" / "en")
    for name, text in PAGES.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
        zh = project / "i18n" / "zh" / "docs" / name
        zh.parent.mkdir(parents=True, exist_ok=True)
        zh.write_text(zh_page(text, f"# 页面 {name}\n\n中文正文。\n"), encoding="utf-8")
    nb_path = write_notebook(project / "notebooks" / "one.ipynb", ["print(6 * 7)"],
                             markdown="The answer follows.", title="One", summary="Answers.")
    nb = nbformat.read(nb_path, as_version=4)
    units = {"title": {"from": digest("One"), "text": "一"},
             "summary": {"from": digest("Answers."), "text": "回答。"},
             f"cell.{nb.cells[0].id}": {"from": digest("The answer follows."), "text": "答案如下。"}}
    out = project / "i18n" / "zh" / "notebooks" / "one.yaml"
    out.parent.mkdir(parents=True)
    out.write_text(yaml.safe_dump(units, allow_unicode=True), encoding="utf-8")
    return project, nb_path


def banner_on(site, path: str) -> bool:
    return "tf-untranslated" in (site / path / "index.html").read_text(encoding="utf-8")


def check(project, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trainfer.i18n.check", "--root", str(project),
                           *args], capture_output=True, text=True, timeout=300)


def test_a_stale_page_and_a_stale_cell_get_the_banner_and_are_listed(tmp_path):
    project, nb_path = make_project(tmp_path)
    site = project / "site"
    first = mkdocs_build(project / "mkdocs.yml", site)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "答案如下。" in (site / "zh" / "notebooks" / "one" / "index.html").read_text()
    assert not any(banner_on(site, p) for p in ("zh", "zh/other", "zh/notebooks/one"))

    (project / "docs" / "other.md").write_text("# Other\n\nThe teacher teaches twice.\n")
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells[0].source = "The answer follows, computed."
    nbformat.write(nb, nb_path)
    second = mkdocs_build(project / "mkdocs.yml", site)
    assert second.returncode == 0, second.stdout + second.stderr
    assert banner_on(site, "zh/other") and banner_on(site, "zh/notebooks/one")
    assert not banner_on(site, "zh") and not banner_on(site, "other")
    page = (site / "zh" / "other" / "index.html").read_text(encoding="utf-8")
    assert "The teacher teaches twice." in page  # the stale unit shows the current English
    assert 'href="../../other/"' in page  # and the banner links the English page

    listed = check(project)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    stale = [line for line in listed.stdout.splitlines() if line.startswith("stale")]
    assert len(stale) == 2, listed.stdout
    assert any("i18n/zh/docs/other.md" in line for line in stale)
    assert any("i18n/zh/notebooks/one.yaml" in line and "cell." in line for line in stale)
    assert check(project, "--strict").returncode == 1

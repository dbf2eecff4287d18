"""A small site made of the hostile fixtures (tests/fixtures/hostile/xss_*): notebooks and data."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, mkdocs_build

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
CONFIG = """site_name: Hostile fixtures
strict: true
theme:
  name: material
  font: false
plugins:
  - search
  - trainfer/atomic
  - trainfer/runtime:
      node_modules: {root}/node_modules
      explainers: {root}/explainers
      # content-addressed, so one snapshot serves every fixture site built with these wheels
      snapshot_cache_dir: {root}/.trainfer-cache/snapshots
  - trainfer/tables
  - trainfer/notebooks
  - trainfer/security
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.superfences
extra_css:
  - assets/trainfer/trainfer.css
"""


def hostile_project(folder: Path, notebooks: list[str], data: bool = True) -> Path:
    """A project folder with the named hostile notebooks (and the hostile data); its mkdocs.yml."""
    (folder / "docs" / "assets").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Hostile fixtures\n")
    shutil.copytree(ROOT / "i18n", folder / "i18n")
    (folder / "notebooks").mkdir()
    for stem in notebooks:
        shutil.copy(HOSTILE / f"{stem}.ipynb", folder / "notebooks")
    for image in HOSTILE.glob("*.png"):  # images kept beside the notebooks
        shutil.copy(image, folder / "notebooks")
    if data:
        shutil.copytree(HOSTILE / "xss_data", folder / "data")
    else:
        (folder / "data").mkdir()
    config = folder / "mkdocs.yml"
    config.write_text(CONFIG.format(root=ROOT.as_posix()))
    return config


def build_hostile(folder: Path, notebooks: list[str], data: bool = True):
    """Build the hostile project into folder/site; the finished `mkdocs build` process."""
    config = hostile_project(folder, notebooks, data)
    return mkdocs_build(config, folder / "site")

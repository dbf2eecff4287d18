"""Every translation unit of a site that shows English in some edition, found from its config."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from trainfer.i18n.data import translate_table
from trainfer.i18n.data import unit_path as table_path
from trainfer.i18n.editions import PLUGIN
from trainfer.i18n.examples import example_path, translate_example
from trainfer.i18n.notebooks import translate_notebook
from trainfer.i18n.notebooks import unit_path as notebook_path
from trainfer.i18n.pages import page_path, translate_page
from trainfer.i18n.text import overlay, unit_file
from trainfer.i18n.units import Gap
from trainfer.tables.load import load_all
from trainfer.text import FOLDERS, _source, source_names


def _table_gaps(root, language, tables, row_fields) -> list[Gap]:
    return [gap for table in tables.values()
            for gap in translate_table(table, table_path(root, language, table), row_fields)[1]]


def executed_notebooks(config) -> tuple[list, list[str]]:
    """(rel, meta, notebook with outputs) from the build cache where it has them; and the stems
    it has not run yet (their output units cannot be listed until a build runs them)."""
    from trainfer.notebooks.cache import with_outputs

    plugin = config.plugins["trainfer/notebooks"]
    plugin.on_config(config)
    plan = plugin._plan()[0]
    found, unrun = [], []
    for rel, nb, meta, _key, hit in plan:
        found.append((rel, meta, with_outputs(nb, hit) if hit is not None else nb))
        if hit is None:
            unrun.append(rel.stem)
    return found, unrun


def _notebook_gaps(root, language, notebooks) -> list[Gap]:
    gaps = []
    for rel, meta, nb in notebooks:
        gaps += translate_notebook(meta, nb, notebook_path(root, language, rel.stem))[2]
    return gaps


def all_gaps(root: Path, unrun: list | None = None) -> list[Gap]:
    """The missing and stale units of every edition but the source one; the stems of notebooks
    with no outputs in the cache are appended to `unrun`."""
    config = load_config(config_file=str(root / "mkdocs.yml"))
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        return []
    FOLDERS[Path(root).resolve()] = plugin.config.folder
    docs = Path(config.docs_dir)
    tables_cfg = config.plugins["trainfer/tables"].config if "trainfer/tables" in config.plugins \
        else None
    notebooks, missing_runs = executed_notebooks(config) \
        if "trainfer/notebooks" in config.plugins else ([], [])
    if unrun is not None:
        unrun += missing_runs
    tables = load_all(root / tables_cfg.data_dir) if tables_cfg else {}
    names = source_names(root)
    gaps: list[Gap] = []
    for language in list(plugin.config.languages)[1:]:
        for page in sorted(docs.rglob("*.md")):
            src = page.relative_to(docs).as_posix()
            english = page.read_text(encoding="utf-8-sig")
            gaps += translate_page(english, page_path(root, language, src))[1]
        gaps += _notebook_gaps(root, language, notebooks)
        gaps += _table_gaps(root, language, tables, plugin.config.row_fields)
        for name in names:
            gaps += overlay(_source(root, name), unit_file(root, language, name))[1]
        if "trainfer/demos" in config.plugins:
            examples = root / config.plugins["trainfer/demos"].config.examples_dir
            for example in sorted(examples.glob("*.py")):
                english = example.read_text(encoding="utf-8")
                gaps += translate_example(english, example_path(root, language, example.stem))[1]
    return gaps

"""Reader-facing text, one folder per language: i18n/en/ holds the source words (.yaml or .json);
another language's folder holds translation units over them (see trainfer/i18n/text.py), so a
translation is files, not a code change."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

SOURCE_LANGUAGE = "en"


#: each site root's translations folder, as its trainfer/i18n plugin's `folder` option says
FOLDERS: dict[Path, str] = {}


def i18n_dir(root: Path) -> Path:
    """The site's i18n folder: option `folder` of trainfer/i18n (default `i18n`)."""
    return root / FOLDERS.get(Path(root).resolve(), "i18n")


#: the English words trainfer ships; a site's own i18n/en/<name> replaces a file of them
DEFAULTS = Path(__file__).with_name("assets") / "i18n" / SOURCE_LANGUAGE


def source_names(root: Path) -> list[str]:
    """Every text file's name, the site's own and trainfer's defaults."""
    folders = (i18n_dir(root) / SOURCE_LANGUAGE, DEFAULTS)
    return sorted({p.stem for folder in folders for p in folder.glob("*.*")})


def _source(root: Path, name: str) -> dict:
    folder = i18n_dir(root) / SOURCE_LANGUAGE
    for suffix, read in ((".yaml", yaml.safe_load), (".json", json.loads)):
        own = folder / f"{name}{suffix}"
        path = own if own.is_file() else DEFAULTS / f"{name}{suffix}"
        if path.is_file():
            try:
                data = read(path.read_text(encoding="utf-8"))
            except (ValueError, yaml.YAMLError) as exc:
                raise PluginError(f"{path}: cannot read this text file: {exc}") from exc
            if not isinstance(data, dict):
                raise PluginError(f"{path}: expected a mapping of keys to text")
            return data
    raise PluginError(f"{folder}/{name}.yaml or .json not found (nor in {DEFAULTS}): "
                      f"no text for {name}")


def load_text(root: Path, language: str, name: str) -> dict:
    """The words of `name` in `language` (English where a unit is missing or stale)."""
    english = _source(root, name)
    if language == SOURCE_LANGUAGE:
        return english
    from trainfer.i18n.text import overlay, unit_file

    return overlay(english, unit_file(root, language, name))[0]


def text_gaps(root: Path, language: str, name: str) -> list:
    """The units of `name` that show English in `language` (missing or stale)."""
    if language == SOURCE_LANGUAGE:
        return []
    from trainfer.i18n.text import overlay, unit_file

    return overlay(_source(root, name), unit_file(root, language, name))[1]

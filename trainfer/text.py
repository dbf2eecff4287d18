"""Reader-facing text, one folder per language (i18n/<language>/): the build reads it here, so a
translation is a second folder, not a code change."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError


def load_text(root: Path, language: str, name: str) -> dict:
    """i18n/<language>/<name> (.yaml or .json) as a dict; a clear error names a bad file."""
    folder = root / "i18n" / language
    for suffix, read in ((".yaml", yaml.safe_load), (".json", json.loads)):
        path = folder / f"{name}{suffix}"
        if path.is_file():
            try:
                data = read(path.read_text(encoding="utf-8"))
            except (ValueError, yaml.YAMLError) as exc:
                raise PluginError(f"{path}: cannot read this text file: {exc}") from exc
            if not isinstance(data, dict):
                raise PluginError(f"{path}: expected a mapping of keys to text")
            return data
    raise PluginError(f"{folder}/{name}.yaml or .json not found: no '{language}' text for {name}")

"""Reader-facing words per language: the English files of i18n/en/, overlaid by the units of
i18n/<language>/<name>.yaml (flat dotted keys: `tables.index_title: {from, text}`)."""

from __future__ import annotations

import copy
from pathlib import Path

from trainfer.i18n.units import Gap, resolve_all
from trainfer.text import i18n_dir


def leaves(tree, path: tuple = ()) -> dict[str, tuple[tuple, str]]:
    """Every leaf text under its dotted key, with its path: {'a.b': (('a', 'b'), 'x')}.
    Keys may hold dots themselves and lists count by position ('report_columns.0')."""
    items = tree.items() if isinstance(tree, dict) else enumerate(tree)
    out = {}
    for key, value in items:
        here = (*path, key)
        if isinstance(value, (dict, list)):
            out.update(leaves(value, here))
        elif isinstance(value, str):
            out[".".join(str(part) for part in here)] = (here, value)
    return out


def flatten(tree: dict) -> dict[str, str]:
    """{'a': {'b': 'x'}} -> {'a.b': 'x'}: every leaf text under its dotted key."""
    return {key: text for key, (_, text) in leaves(tree).items()}


def _put(tree, path: tuple, text: str) -> None:
    for part in path[:-1]:
        tree = tree[part]
    tree[path[-1]] = text


def overlay(english: dict, path: Path) -> tuple[dict, list[Gap]]:
    """The English tree with every fresh unit of `path` put in; the gaps that stay English."""
    found = leaves(english)
    shown, gaps = resolve_all({key: text for key, (_, text) in found.items()}, path)
    tree = copy.deepcopy(english)
    for key, text in shown.items():
        _put(tree, found[key][0], text)
    return tree, gaps


def unit_file(root: Path, language: str, name: str) -> Path:
    """Where the units of text file `name` live for `language`."""
    return i18n_dir(root) / language / f"{name}.yaml"

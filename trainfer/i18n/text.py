"""Reader-facing words per language: the English files of i18n/en/, overlaid by the units of
i18n/<language>/<name>.yaml (flat dotted keys: `tables.index_title: {from, text}`)."""

from __future__ import annotations

import copy
from pathlib import Path

from trainfer.i18n.units import OK, Gap, load_units, resolve


def flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    """{'a': {'b': 'x'}} -> {'a.b': 'x'}: every leaf text under its dotted key."""
    out = {}
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, dotted + "."))
        elif isinstance(value, str):
            out[dotted] = value
    return out


def _put(tree: dict, dotted: str, text: str) -> None:
    *parents, leaf = dotted.split(".")
    for part in parents:
        tree = tree[part]
    tree[leaf] = text


def overlay(english: dict, path: Path) -> tuple[dict, list[Gap]]:
    """The English tree with every fresh unit of `path` put in; the gaps that stay English."""
    units = load_units(path)
    tree, gaps = copy.deepcopy(english), []
    for key, text in flatten(english).items():
        shown, state = resolve(text, units.get(key), path, key)
        if state == OK:
            _put(tree, key, shown)
        else:
            gaps.append(Gap(str(path), key, state, text))
    return tree, gaps


def unit_file(root: Path, language: str, name: str) -> Path:
    """Where the units of text file `name` live for `language`."""
    return root / "i18n" / language / f"{name}.yaml"

"""Translation units: a translated text that records the digest of the English it was made from.

A unit file maps keys to `{from: <digest of the English>, text: <translation>}`. A unit whose
digest no longer matches the English is *stale*; a key with no unit is *missing*. Both fall back
to the English text, so an unfinished translation still builds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

MISSING, STALE, OK = "missing", "stale", "ok"


def digest(text: str) -> str:
    """The fingerprint a translation records of its English source (12 hex digits of sha256).

    >>> digest("Run")
    '00d60e31a4e6'
    """
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Gap:
    """A unit that shows English: missing or stale, with where it lives and what to translate."""

    file: str
    key: str
    state: str
    english: str = field(default="", compare=False, repr=False)

    @property
    def digest(self) -> str:
        """The digest a fresh translation of this unit records."""
        return digest(self.english)


def load_units(path: Path) -> dict[str, dict]:
    """A unit file as {key: {"from": digest, "text": translation}}; {} if it does not exist."""
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PluginError(f"{path}: cannot read this translation file: {exc}") from exc
    if not isinstance(data, dict):
        raise PluginError(f"{path}: expected a mapping of keys to {{from, text}} units")
    return data


def unit_problem(path: Path, key: str, unit) -> str | None:
    """Why a unit is malformed (naming the file and key), or None."""
    if not isinstance(unit, dict) or not isinstance(unit.get("text"), str):
        return f"{path}: {key}: expected {{from: <digest>, text: <translation>}}"
    if not isinstance(unit.get("from"), str):
        return f"{path}: {key}: 'from' should be the digest of the English text (a string)"
    return None


def resolve(english: str, unit, path: Path, key: str) -> tuple[str, str]:
    """(text to show, state) for one unit against its English source."""
    if unit is None:
        return english, MISSING
    problem = unit_problem(path, key, unit)
    if problem:
        raise PluginError(problem)
    if unit["from"] != digest(english):
        return english, STALE
    return unit["text"], OK


def resolve_all(english: dict[str, str], path: Path) -> tuple[dict[str, str], list[Gap]]:
    """Every unit of `path` against its English: ({key: fresh translation}, the gaps)."""
    units = load_units(path)
    shown, gaps = {}, []
    for key, text in english.items():
        translated, state = resolve(text, units.get(key), path, key)
        if state == OK:
            shown[key] = translated
        else:
            gaps.append(Gap(str(path), key, state, text))
    return shown, gaps

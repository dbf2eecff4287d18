"""A demo's example in another language: i18n/<language>/examples/<name>.py, the same code with
its comments and printed words translated, whose first line records the English it was made
from (`# translated_from: <digest>`). The controls still find their settings in it."""

from __future__ import annotations

import re
from pathlib import Path

from trainfer.i18n.units import MISSING, STALE, Gap, digest
from trainfer.text import i18n_dir

HEADER = re.compile(r"^# translated_from: ([0-9a-f]+)\n")


def example_path(root: Path, language: str, name: str) -> Path:
    """Where the translation of example `name` lives."""
    return i18n_dir(root) / language / "examples" / f"{name}.py"


def translate_example(english: str, path: Path) -> tuple[str, list[Gap]]:
    """(code to show, gaps): the translation if made from this English, else the English."""
    if not path.is_file():
        return english, [Gap(str(path), "example", MISSING, english)]
    text = path.read_text(encoding="utf-8")
    match = HEADER.match(text)
    if not match or match[1] != digest(english):
        return english, [Gap(str(path), "example", STALE, english)]
    return text[match.end():], []

"""Slots: generated HTML kept out of Markdown's way, put back after Markdown has rendered the page."""

from __future__ import annotations

import re

SLOT = re.compile(r"<!-- tf-slot (\d+) -->")


class Slots:
    """Collects HTML fragments; `mark` gives the Markdown placeholder for each."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def mark(self, html: str) -> str:
        self.items.append(html)
        return f"<!-- tf-slot {len(self.items) - 1} -->"

    def fill(self, html: str) -> str:
        return SLOT.sub(lambda m: self.items[int(m[1])], html)

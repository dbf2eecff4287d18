"""The classroom's alphabet, drawn from the simulator's own bitmaps (no CJK font needed), with
each character's pinyin and meaning from the per-language glyph file."""

from __future__ import annotations

from html import escape

MARKER = "<!-- trainfer:alphabet -->"
SIZE = 12


def glyph_svg(pixels: list[float], size: int = SIZE, scale: int = 4) -> str:
    """One character as an SVG of its lit pixels."""
    cells = "".join(
        f'<rect x="{i % size}" y="{i // size}" width="1" height="1"/>'
        for i, value in enumerate(pixels) if value > 0.5
    )
    side = size * scale
    return (f'<svg viewBox="0 0 {size} {size}" width="{side}" height="{side}" aria-hidden="true" '
            f'shape-rendering="crispEdges">{cells}</svg>')


def alphabet_html(names: dict[str, dict[str, str]]) -> str:
    """Every character the teacher teaches: its bitmap, and its name in the reader's language."""
    from explainers import ALPHABET, pixels

    items = []
    for char in ALPHABET:
        name = names.get(char, {})
        label = f"{char} {name.get('pinyin', '')}: {name.get('meaning', '')}".strip()
        items.append(
            f'<div class="tf-glyph" role="img" aria-label="{escape(label)}">'
            f"{glyph_svg(pixels(char))}<span lang=\"zh\">{escape(char)}</span> "
            f"{escape(name.get('pinyin', ''))}<br>{escape(name.get('meaning', ''))}</div>"
        )
    return f'<div class="tf-alphabet">{"".join(items)}</div>'

"""Direct labels for a scatter chart, placed at build time so that none overlaps another label
or a point: each label goes right of its point, else left, above or below, else it is left out
(the tooltip and the table still name the point).

Placement is checked at the narrowest plot that shows labels: a wider plot spreads the points
while the text keeps its size, so nothing placed here can overlap there either.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

FONT_SIZE = 11  # px: at least 10 px on any screen
GAP = 7  # px between a point and its label
POINT = 5  # px: a point's radius, kept clear of labels


@dataclass(frozen=True)
class Plot:
    """A plot's size in px and its axes' domains; log axes as (low, high) powers of ten."""

    width: float
    height: float
    x: tuple[float, float]
    y: tuple[float, float]
    log_x: bool = False
    log_y: bool = False

    def px(self, x: float, y: float) -> tuple[float, float]:
        """Where a data point is drawn, y from the top."""
        def frac(v, lo, hi, log):
            return (math.log10(v) - lo) / (hi - lo) if log else (v - lo) / (hi - lo)
        return (frac(x, *self.x, self.log_x) * self.width,
                (1 - frac(y, *self.y, self.log_y)) * self.height)


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """A generous estimate of a label's width in px (wide characters count double)."""
    return sum(size * (1.0 if unicodedata.east_asian_width(c) in "WF" else 0.62) for c in text)


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


SIDES = ("right", "left", "above", "below")
# Orders in which to place labels; the one that places most wins (ties: the first).
ORDERS = (
    lambda p: 0,  # as the data lists them
    lambda p: p[0],  # left to right
    lambda p: -p[1],  # top to bottom
    lambda p: -len(p[2]),  # longest first: they have the fewest places to go
)


def _boxes(cx: float, cy: float, text: str) -> dict[str, tuple]:
    width, half = text_width(text), FONT_SIZE * 0.7
    return {"right": (cx + GAP, cy - half, cx + GAP + width, cy + half),
            "left": (cx - GAP - width, cy - half, cx - GAP, cy + half),
            "above": (cx - width / 2, cy - GAP - 2 * half, cx + width / 2, cy - GAP / 2),
            "below": (cx - width / 2, cy + GAP / 2, cx + width / 2, cy + GAP + 2 * half)}


def _place_in(order: list[int], centres, texts, plot: Plot) -> list[str | None]:
    dots = [(cx - POINT, cy - POINT, cx + POINT, cy + POINT) for cx, cy in centres]
    placed: list[tuple] = []
    sides: list[str | None] = [None] * len(centres)
    for i in order:
        others = placed + dots[:i] + dots[i + 1:]
        for side, box in _boxes(*centres[i], texts[i]).items():
            inside = box[0] >= 0 and box[2] <= plot.width and box[1] >= 0 and box[3] <= plot.height
            if inside and not any(_overlaps(box, t) for t in others):
                placed.append(box)
                sides[i] = side
                break
    return sides


def place(points: list[tuple[float, float, str]], plot: Plot) -> list[str | None]:
    """For each (x, y, text): one of SIDES, or None where the label would overlap.

    >>> plot = Plot(300, 200, (0, 10), (0, 10))
    >>> place([(1, 5, "first"), (1, 5.1, "second"), (5, 1, "far"), (9.5, 1, "edge")], plot)
    ['right', None, 'right', 'left']
    """
    centres = [plot.px(x, y) for x, y, _ in points]
    texts = [t for _, _, t in points]
    tries = [_place_in(sorted(range(len(points)), key=lambda i, k=key: k(points[i])), centres,
                       texts, plot) for key in ORDERS]
    return max(tries, key=lambda sides: sum(s is not None for s in sides))

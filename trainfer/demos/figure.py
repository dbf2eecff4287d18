"""The home page's picture: the classroom's build-time learning curve as a static SVG, with the
one-sentence finding whose figures come from that same run.

`<!-- trainfer:figure NAME -->` becomes the figure of demo NAME's example, run at build time
(the same cached run as the classroom's own build-time result).
"""

from __future__ import annotations

import re
from html import escape

MARKER = re.compile(r"<!--\s*trainfer:figure\s+([\w-]+)\s*-->")
WIDTH, HEIGHT, LEFT, BOTTOM, TOP, RIGHT = 360, 200, 44, 34, 12, 12


def accuracy_curve(board: list, words: dict) -> list[tuple[int, float]]:
    """(epoch, accuracy) from the board's learning chart, in epoch order."""
    accuracy = words.get("accuracy", "accuracy")
    for kind, spec in board:
        values = spec.get("data", {}).get("values", []) if kind == "chart" else []
        points = [(v["epoch"], v["value"]) for v in values
                  if v.get("measure") == accuracy and isinstance(v.get("value"), (int, float))]
        if points:
            return sorted(points)
    return []


def curve_svg(points: list[tuple[int, float]], label_epoch: str, label_accuracy: str,
              name: str) -> str:
    """A line of accuracy (0 to 100%) against epoch, with both axes titled; `name` says it."""
    last = max(e for e, _ in points)
    x = lambda e: LEFT + (e - 1) / max(last - 1, 1) * (WIDTH - LEFT - RIGHT)  # noqa: E731
    y = lambda a: TOP + (1 - a) * (HEIGHT - TOP - BOTTOM)  # noqa: E731
    line = " ".join(f"{x(e):.1f},{y(a):.1f}" for e, a in points)
    dots = "".join(f'<circle class="tf-dot" cx="{x(e):.1f}" cy="{y(a):.1f}" r="3"/>'
                   for e, a in points)
    ticks = "".join(f'<text x="{LEFT - 6}" y="{y(a) + 4:.1f}" text-anchor="end">{a:.0%}</text>'
                    for a in (0, 0.5, 1))
    ticks += "".join(f'<text x="{x(e):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{e}'
                     "</text>" for e in (1, last))
    axes = (f'<path class="tf-axis" d="M{LEFT},{TOP} V{HEIGHT - BOTTOM} H{WIDTH - RIGHT}"/>')
    titles = (f'<text x="{(LEFT + WIDTH) / 2:.0f}" y="{HEIGHT - 4}" text-anchor="middle">'
              f"{escape(label_epoch)}</text>"
              f'<text x="{LEFT + 8}" y="{TOP + 16}" text-anchor="start">{escape(label_accuracy)}</text>')
    return (f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(name)}">'
            f'{axes}{ticks}{titles}<polyline class="tf-line" points="{line}"/>{dots}</svg>')


def figure_html(board: list, text: dict, link: str) -> str:
    """The figure and its finding; empty if the run drew no learning curve."""
    words = text.get("chart_words", {})
    points = accuracy_curve(board, words)
    if not points:
        return ""
    finding = text["home_finding"].format(epochs=points[-1][0], first=f"{points[0][1]:.0%}",
                                          last=f"{points[-1][1]:.0%}")
    svg = curve_svg(points, words.get("epoch", "epoch"), words.get("accuracy", "accuracy"),
                    finding)
    return (f'<figure class="tf-home-figure">{svg}'
            f'<figcaption>{escape(finding)} <a href="{escape(link)}">{escape(text["home_try"])}'
            "</a></figcaption></figure>")

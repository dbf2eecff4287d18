"""ANSI-coloured text (streams, tracebacks) as HTML, by nbconvert's own filter.

nbconvert's `ansi2html` gives the 16 terminal colours as classes (`ansi-red-fg`, styled in
trainfer.css) but 256-colour and 24-bit codes as inline styles, which the page's policy forbids
and the sanitizer drops. IPython's tracebacks use such codes (keywords in colour 28), so each
is first replaced by the nearest of the 16 colours: every colour ends up as a class.
"""

from __future__ import annotations

import re

from nbconvert.filters.ansi import ansi2html

SGR = re.compile("\x1b\\[([0-9;]*)m")
# xterm's 16 colours; a class per colour in trainfer.css draws them in the site's own palette
BASIC = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
         (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
         (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]


def _rgb(index: int) -> tuple[int, int, int]:
    """A 256-colour index (16 and up) as RGB, as nbconvert and xterm compute it."""
    if index >= 232:
        grey = (index - 232) * 10 + 8
        return grey, grey, grey
    cube = index - 16
    return tuple(55 + 40 * c if c else 0 for c in (cube // 36, cube // 6 % 6, cube % 6))


def _nearest(rgb) -> int:
    return min(range(16), key=lambda i: sum((a - b) ** 2 for a, b in zip(BASIC[i], rgb, strict=True)))


def _basic_code(kind: int, colour: int) -> str:
    """SGR code for one of the 16 colours: 30-37 / 90-97 (foreground), 40-47 / 100-107."""
    base = 30 if kind == 38 else 40
    return str(base + colour if colour < 8 else base + 60 + colour - 8)


def _reduce(match: re.Match) -> str:
    numbers = [int(n) if n else 0 for n in match[1].split(";")]
    out: list[str] = []
    while numbers:
        n = numbers.pop(0)
        if n in (38, 48) and numbers[:1] == [5] and len(numbers) >= 2 and 0 <= numbers[1] < 256:
            index = numbers[1]
            del numbers[:2]
            out.append(_basic_code(n, index if index < 16 else _nearest(_rgb(index))))
        elif n in (38, 48) and numbers[:1] == [2] and len(numbers) >= 4:
            rgb = numbers[1:4]
            del numbers[:4]
            out.append(_basic_code(n, _nearest(rgb)))
        elif n in (38, 48):  # malformed: nbconvert drops the rest of the sequence too
            break
        else:
            out.append(str(n))
    return f"\x1b[{';'.join(out)}m"


def ansi_html(text: str) -> str:
    """Text with ANSI colour codes as escaped HTML with `ansi-*` classes (no inline style).

    >>> ansi_html("\\x1b[31mred\\x1b[0m <b> \\x1b[38;5;28;01mdef\\x1b[39;00m")
    '<span class="ansi-red-fg">red</span> &lt;b&gt; <span class="ansi-green-intense-fg ansi-bold">def</span>'
    """
    return str(ansi2html(SGR.sub(_reduce, text)))

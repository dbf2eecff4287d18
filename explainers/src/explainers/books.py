"""Books: seeded pages of handwritten-looking glyphs. Lessons teach; new books test.

A page is `(pixels, label)`: SIZE*SIZE floats in {0.0, 1.0} and the glyph's index in ALPHABET.
Every draw goes through `random.Random(seed).random()`, the one method Python promises to keep
stable across versions, so a seed gives the same pages in CPython and in Pyodide.
"""

import random

from explainers.defaults import DEFAULTS
from explainers.glyphs import ALPHABET, GLYPHS, SIZE

Page = tuple[list[float], int]

# Separate random streams per use, so drawing more lessons never changes the new books.
LESSON_STREAM = 0
BOOK_STREAM = 1


def seed_stream(seed: int, which: int) -> random.Random:
    """The random stream `which` of `seed` (an int, so seeding never depends on hashing)."""
    return random.Random(seed * 16 + which)


def draw(rng: random.Random, n: int) -> int:
    """A whole number in [0, n) from `rng.random()` alone."""
    return int(rng.random() * n)


def write(label: int, rng: random.Random, noise: float, difficulty: float) -> Page:
    """One page of glyph `label`: strokes varied, the glyph shifted, then pixels flipped.

    >>> page, label = write(0, random.Random(1), noise=0.0, difficulty=0.0)
    >>> label, int(sum(page))
    (0, 18)
    """
    ink = [(r, c) for r, row in enumerate(GLYPHS[ALPHABET[label]]) for c, dot in enumerate(row)
           if dot == "#"]
    # A child's strokes wander: some dots go missing, some strokes come out thicker.
    kept = set()
    for r, c in ink:
        if rng.random() >= 0.08 * difficulty:
            kept.add((r, c))
        if rng.random() < 0.15 * difficulty:
            kept.add((r + 1, c) if rng.random() < 0.5 else (r, c + 1))
    # Shifts of up to 2 * difficulty pixels, small ones more often than large ones.
    dr = round((2.0 * rng.random() - 1.0) * 2.0 * difficulty)
    dc = round((2.0 * rng.random() - 1.0) * 2.0 * difficulty)
    grid = [0.0] * (SIZE * SIZE)
    for r, c in kept:
        r, c = r + dr, c + dc
        if 0 <= r < SIZE and 0 <= c < SIZE:
            grid[r * SIZE + c] = 1.0
    return [1.0 - v if rng.random() < noise else v for v in grid], label


def book(pages: int, noise: float, difficulty: float, rng: random.Random) -> list[Page]:
    """`pages` pages cycling through the alphabet, so every glyph is equally common."""
    return [write(n % len(ALPHABET), rng, noise, difficulty) for n in range(pages)]


def lessons(pages: int = DEFAULTS["lessons"], noise: float = DEFAULTS["noise"],
            difficulty: float = DEFAULTS["difficulty"], seed: int = DEFAULTS["seed"]) -> list[Page]:
    """The teacher's pages.

    >>> len(lessons(20)), lessons(20)[3][1]
    (20, 3)
    """
    return book(pages, noise, difficulty, seed_stream(seed, LESSON_STREAM))


def new_books(pages: int = DEFAULTS["pages"], noise: float = DEFAULTS["noise"],
              difficulty: float = DEFAULTS["difficulty"],
              seed: int = DEFAULTS["seed"]) -> list[Page]:
    """Pages the student has never seen: same kind as the lessons, another random stream.

    >>> new_books(5, seed=2) == new_books(5, seed=2) != lessons(5, seed=2)
    True
    """
    return book(pages, noise, difficulty, seed_stream(seed, BOOK_STREAM))

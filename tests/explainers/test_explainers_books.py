"""Glyphs, their reader-facing names, and the pages written from them."""

import json
from pathlib import Path

from explainers import ALPHABET, lessons, new_books, pixels, render
from explainers.books import write
from explainers.glyphs import GLYPHS, SIZE

ROOT = Path(__file__).resolve().parents[2]


def test_ten_glyphs_of_12_by_12():
    assert "".join(ALPHABET) == "人口日月山大小中木水"
    for rows in GLYPHS.values():
        assert len(rows) == SIZE and all(len(r) == SIZE and set(r) <= {"#", "."} for r in rows)
    assert len({tuple(pixels(c)) for c in ALPHABET}) == 10


def test_every_glyph_has_a_reading_and_meaning_in_the_language_file():
    names = json.loads((ROOT / "trainfer/assets/i18n/en/glyphs.json").read_text("utf-8"))
    assert list(names) == list(ALPHABET)
    assert all(set(v) == {"pinyin", "meaning"} and all(v.values()) for v in names.values())


def test_render_is_the_inverse_of_pixels():
    for char in ALPHABET:
        assert tuple(render(pixels(char))) == GLYPHS[char]


def test_a_clean_page_is_the_glyph_itself():
    import random

    page, label = write(3, random.Random(0), noise=0.0, difficulty=0.0)
    assert label == 3 and page == pixels(ALPHABET[3])


def test_pages_are_binary_balanced_and_noisy_as_asked():
    book = lessons(200, noise=0.1, difficulty=0.0, seed=2)
    assert all(len(p) == SIZE * SIZE and set(p) <= {0.0, 1.0} for p, _ in book)
    assert [label for _, label in book[:12]] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]
    flipped = sum(a != b for p, label in book for a, b in zip(p, pixels(ALPHABET[label]),
                                                               strict=True))
    assert 0.08 < flipped / (200 * SIZE * SIZE) < 0.12


def test_new_books_are_not_the_lessons():
    seen = {tuple(p) for p, _ in lessons(300, seed=1)}
    assert not any(tuple(p) in seen for p, _ in new_books(200, seed=1))

"""The teacher: shows the student every lesson, corrects each answer, and starts the book again
until the student reads well enough or the epochs run out.

Training is online gradient descent, one page at a time: the student answers (forward), the
teacher works out what to change (backward) and changes it (update). Each epoch's accuracy
counts the answers given before each correction, so it costs nothing extra to measure.
"""

from explainers import board, books
from explainers.books import seed_stream
from explainers.bridge import DEFAULTS
from explainers.chips import CHIPS, cost
from explainers.glyphs import ALPHABET, SIZE
from explainers.ledger import Ledger, teaching
from explainers.net import find_ink
from explainers.precision import FORMATS
from explainers.student import make_brain

SHUFFLE_STREAM = 3
CHUNK = 32  # pages between two looks at should_stop(): often enough for a prompt Stop


class Stopped(Exception):
    """Raised by `Teacher.teach` when `should_stop()` returns true; the lessons so far stay."""


def shuffle(n: int, rng) -> list[int]:
    """0..n-1 in a seeded random order (Fisher-Yates on `rng.random()` alone)."""
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = int(rng.random() * (i + 1))
        order[i], order[j] = order[j], order[i]
    return order


def check(chip: str, fmt: str) -> None:
    """Refuse a chip or format that does not exist, or a chip that cannot compute in it."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {sorted(FORMATS)}, got {fmt!r}")
    if chip not in CHIPS:
        raise ValueError(f"chip must be one of {sorted(CHIPS)}, got {chip!r}")
    if not CHIPS[chip].can(fmt):
        raise ValueError(f"the {chip} chip cannot compute in {fmt}: it offers "
                         f"{', '.join(CHIPS[chip].formats)}")


class Teacher:
    """Teaches a fresh student brain (a `hidden`-unit perceptron) in `fmt` on `chip`.

    >>> teacher = Teacher(hidden=8)
    >>> history = teacher.teach(100, epochs=4)
    >>> [round(epoch["accuracy"], 2) for epoch in history]
    [0.1, 0.27, 0.44, 0.61]
    """

    def __init__(self, *, chip: str = DEFAULTS["chip"], fmt: str = DEFAULTS["format"],
                 hidden: int = DEFAULTS["hidden"], seed: int = DEFAULTS["seed"],
                 rate: float = DEFAULTS["rate"], target: float = DEFAULTS["target"]):
        check(chip, fmt)
        self.chip, self.fmt, self.hidden, self.seed = chip, fmt, hidden, seed
        self.rate, self.target = rate, target
        self.net = make_brain(fmt, hidden, seed)
        self.history: list[dict] = []
        self.ledger = Ledger()
        self.noise, self.difficulty = DEFAULTS["noise"], DEFAULTS["difficulty"]
        self._shuffle = seed_stream(seed, SHUFFLE_STREAM)

    def teach(self, lessons: int | list = DEFAULTS["lessons"], *, noise: float = DEFAULTS["noise"],
              difficulty: float = DEFAULTS["difficulty"], epochs: int = DEFAULTS["epochs"],
              progress=None, should_stop=None) -> list[dict]:
        """Teach `lessons` pages (a number, or the pages themselves) epoch after epoch.

        A number of lessons is written with `noise` and `difficulty` (the student's new books
        will be written the same way); given pages are used as they are.

        Stops early once an epoch's accuracy reaches `target`. Calls `progress(event)` after
        each epoch with "epoch", "epochs", "loss" and "accuracy"; raises `Stopped` when
        `should_stop()` turns true (asked every CHUNK pages). Returns the whole history.
        """
        if isinstance(lessons, int):
            self.noise, self.difficulty = noise, difficulty
            lessons = books.lessons(lessons, noise, difficulty, self.seed)
        pages = [(find_ink(pixels), label) for pixels, label in lessons]
        step = teaching(SIZE * SIZE, self.hidden, len(ALPHABET), self.fmt)
        first = len(self.history) + 1
        for epoch in range(first, first + epochs):
            total, right, done = 0.0, 0, 0
            for k in shuffle(len(pages), self._shuffle):
                if should_stop is not None and done % CHUNK == 0 and should_stop():
                    self.ledger.merge(step, times=done)  # the pages taught so far still count
                    raise Stopped(f"stopped in epoch {epoch} after {done} pages")
                loss, correct = self.net.learn(*pages[k], self.rate)
                total, right, done = total + loss, right + correct, done + 1
            ledger = Ledger().merge(step, times=len(pages))
            self.ledger.merge(ledger)
            event = {"epoch": epoch, "epochs": first + epochs - 1,
                     "loss": total / len(pages), "accuracy": right / len(pages)}
            self.history.append({**event, "pages": len(pages), "ledger": ledger})
            if progress is not None:
                progress(event)
            board.emit("progress", event)  # drawn by whoever listens (the browser's worker)
            if event["accuracy"] >= self.target:
                break
        return self.history

    def cost(self, chip: str | None = None) -> dict:
        """What all the teaching so far cost on a chip (by default, the teacher's own)."""
        return cost(self.ledger, chip or self.chip)

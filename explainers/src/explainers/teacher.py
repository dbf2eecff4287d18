"""The teacher: shows the student every lesson, corrects the answers, and starts the book again
until the student reads well enough or the epochs run out.

Training is mini-batch gradient descent: the student answers a batch of pages (forward), the
teacher works out what to change from all of them (backward, the gradient averaged over the
batch) and changes it once (the optimizer's update; see `learner`). Each epoch's accuracy counts
the answers given before each correction, so it costs nothing extra to measure.
"""

from explainers import board, books
from explainers.books import seed_stream
from explainers.chips import CHIPS, cost
from explainers.defaults import DEFAULTS
from explainers.glyphs import ALPHABET, SIZE
from explainers.learner import Learner
from explainers.ledger import Ledger, teaching
from explainers.net import draw_weights, find_ink
from explainers.optimizers import check as check_optimizer
from explainers.precision import FORMATS, PRECISIONS, Fixed
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


def check(chip: str, fmt: str, optimizer: str = "sgd", precision: str = "pure") -> None:
    """Refuse a chip, format, optimizer or precision that does not exist, or does not fit."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {sorted(FORMATS)}, got {fmt!r}")
    if chip not in CHIPS:
        raise ValueError(f"chip must be one of {sorted(CHIPS)}, got {chip!r}")
    if not CHIPS[chip].can(fmt):
        raise ValueError(f"the {chip} chip cannot compute in {fmt}: it offers "
                         f"{', '.join(CHIPS[chip].formats)}")
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, got {precision!r}")
    check_optimizer(optimizer, isinstance(FORMATS[fmt], Fixed))


class Teacher:
    """Teaches a fresh student brain (a `hidden`-unit perceptron) in `fmt` on `chip`, in batches
    of `batch_size` pages, with `optimizer` at `rate` (None: the optimizer's usual rate) and, in
    fp16 or bf16, `precision` "mixed" (an fp32 master copy) or "pure".

    >>> teacher = Teacher(hidden=8)
    >>> history = teacher.teach(100, epochs=4)
    >>> [round(epoch["accuracy"], 2) for epoch in history]
    [0.12, 0.15, 0.27, 0.3]
    """

    def __init__(self, *, chip: str = DEFAULTS["chip"], fmt: str = DEFAULTS["format"],
                 hidden: int = DEFAULTS["hidden"], seed: int = DEFAULTS["seed"],
                 rate: float | None = DEFAULTS["rate"], target: float = DEFAULTS["target"],
                 batch_size: int = DEFAULTS["batch_size"],
                 optimizer: str = DEFAULTS["optimizer"], precision: str = DEFAULTS["precision"]):
        check(chip, fmt, optimizer, precision)
        if not (isinstance(batch_size, int) and batch_size >= 1):
            raise ValueError(f"batch_size must be a whole number >= 1, got {batch_size!r}")
        self.chip, self.fmt, self.hidden, self.seed = chip, fmt, hidden, seed
        self.target, self.batch_size = target, batch_size
        self.optimizer, self.precision = optimizer, precision
        start = draw_weights(SIZE * SIZE, hidden, len(ALPHABET), seed)
        self.net = make_brain(fmt, hidden, seed, weights=start)
        self.learner = Learner(self.net, optimizer, rate, precision, start)
        self.rate = self.learner.rate
        self.history: list[dict] = []
        self.ledger = Ledger()
        self.noise, self.difficulty = DEFAULTS["noise"], DEFAULTS["difficulty"]
        self._shuffle = seed_stream(seed, SHUFFLE_STREAM)

    @property
    def memory(self):
        """The most bytes teaching held at once, by kind (a `memory.Memory`)."""
        return self.learner.held

    @property
    def scaler(self):
        """The fp16 loss scaler (mixed precision in fp16 only), else None."""
        return self.learner.scaler

    def teach(self, lessons: int | list = DEFAULTS["lessons"], *, noise: float = DEFAULTS["noise"],
              difficulty: float = DEFAULTS["difficulty"], epochs: int = DEFAULTS["epochs"],
              progress=None, should_stop=None) -> list[dict]:
        """Teach `lessons` pages (a number, or the pages themselves) epoch after epoch.

        A number of lessons is written with `noise` and `difficulty` (the student's new books
        will be written the same way); given pages are used as they are.

        Stops early once an epoch's accuracy reaches `target`. Calls `progress(event)` after
        each epoch with "epoch", "epochs", "loss" and "accuracy"; raises `Stopped` when
        `should_stop()` turns true (asked before a batch, every CHUNK pages or so). Returns the
        whole history; each epoch also records its steps, the steps skipped for an overflow and
        the loss scale at its end (fp16 mixed precision; None otherwise).
        """
        if isinstance(lessons, int):
            self.noise, self.difficulty = noise, difficulty
            lessons = books.lessons(lessons, noise, difficulty, self.seed)
        pages = [(find_ink(pixels), label) for pixels, label in lessons]
        steps: dict[tuple[int, bool], Ledger] = {}  # one ledger per (batch size, applied)
        first = len(self.history) + 1
        for epoch in range(first, first + epochs):
            total, right, done, asked, ledger, skipped = 0.0, 0, 0, -CHUNK, Ledger(), 0
            order = shuffle(len(pages), self._shuffle)
            for start in range(0, len(order), self.batch_size):
                if should_stop is not None and done - asked >= CHUNK:
                    asked = done
                    if should_stop():
                        self.ledger.merge(ledger)  # the batches taught so far still count
                        raise Stopped(f"stopped in epoch {epoch} after {done} pages")
                batch = [pages[k] for k in order[start:start + self.batch_size]]
                loss, correct, applied = self.learner.step(batch)
                key = (len(batch), applied)
                if key not in steps:
                    steps[key] = teaching(SIZE * SIZE, self.hidden, len(ALPHABET), self.fmt,
                                          len(batch), self.optimizer, self.precision, applied)
                ledger.merge(steps[key])
                total, right, done = total + loss, right + correct, done + len(batch)
                skipped += not applied
            self.ledger.merge(ledger)
            event = {"epoch": epoch, "epochs": first + epochs - 1,
                     "loss": total / len(pages), "accuracy": right / len(pages)}
            scale = self.scaler.scale if self.scaler else None
            self.history.append({**event, "pages": len(pages), "ledger": ledger,
                                 "steps": -(-len(pages) // self.batch_size), "skipped": skipped,
                                 "scale": scale})
            if progress is not None:
                progress(event)
            board.emit("progress", event)  # drawn by whoever listens (the browser's worker)
            if event["accuracy"] >= self.target:
                break
        return self.history

    def cost(self, chip: str | None = None) -> dict:
        """What all the teaching so far cost on a chip (by default, the teacher's own)."""
        return cost(self.ledger, chip or self.chip)

"""The student: reads new books with what it was taught, and never learns from them.

Reading is inference only: one forward pass per page, in the student's own number format,
which need not be the teacher's (taught in fp32, read in int8).
"""

from explainers import books
from explainers.chips import cost
from explainers.defaults import DEFAULTS
from explainers.fixednet import FixedNet
from explainers.glyphs import ALPHABET, SIZE
from explainers.ledger import Ledger, reading
from explainers.memory import Memory
from explainers.net import Net, draw_weights, find_ink
from explainers.precision import FORMATS, Fixed
from explainers.quantnet import QuantNet


def make_brain(fmt: str, hidden: int, seed: int = 1, weights: dict | None = None,
          for_reading: bool = False) -> Net | FixedNet | QuantNet:
    """A perceptron in `fmt`: floating or fixed point; per-tensor int8 when only reading.

    >>> type(make_brain("int8", 8)).__name__, type(make_brain("int8", 8, for_reading=True)).__name__
    ('FixedNet', 'QuantNet')
    """
    if fmt == "int8" and for_reading:
        return QuantNet(weights or draw_weights(SIZE * SIZE, hidden, len(ALPHABET), seed))
    kind = FixedNet if isinstance(FORMATS[fmt], Fixed) else Net
    return kind(SIZE * SIZE, hidden, len(ALPHABET), FORMATS[fmt], seed=seed, weights=weights)


def held(net, fmt: str, page: list[float]) -> Memory:
    """The bytes a reader holds while it reads `page`: its weights and one page's activations.

    Counted from the lists it really holds; an int8 reader keeps int32 biases and logits.
    """
    h, z = net.forward(find_ink(page))
    if isinstance(net, QuantNet):
        weights = sum(map(len, net.w1 + net.w2)) + 4 * (len(net.b1) + len(net.b2))
        return Memory(weights=weights, activations=len(page) + len(h) + 4 * len(z))
    b = FORMATS[fmt].bytes
    return Memory(weights=len(net.flat()) * b, activations=(len(page) + len(h) + len(z)) * b)


class Report:
    """What reading showed: accuracy (0..1), pages, a confusion matrix, the ledgers and the
    memory held (`memory`, a `memory.Memory`)."""

    def __init__(self, fmt: str, pages: int, right: int, confusion: list[list[int]],
                 ledger: Ledger, per_page: Ledger, memory: Memory | None = None):
        self.fmt, self.pages, self.right = fmt, pages, right
        self.confusion = confusion  # confusion[true label][answer]
        self.ledger = ledger  # all the pages
        self.per_page = per_page  # one page
        self.memory = memory or Memory()

    def __repr__(self) -> str:
        return f"Report(fmt={self.fmt!r}, pages={self.pages}, accuracy={self.accuracy:.3f})"

    @property
    def accuracy(self) -> float:
        """The share of pages read correctly."""
        return self.right / self.pages if self.pages else 0.0

    def cost(self, chip: str, one_page: bool = True) -> dict:
        """What reading cost on a chip: one page by default, else all of them."""
        return cost(self.per_page if one_page else self.ledger, chip)


class Student:
    """Reads in `fmt` (by default the teacher's) with the teacher's weights.

    >>> from explainers.teacher import Teacher
    >>> teacher = Teacher(hidden=8)
    >>> _ = teacher.teach(100, epochs=3)
    >>> report = Student(teacher, fmt="int8").read(50)
    >>> report.pages, 0.0 <= report.accuracy <= 1.0, sum(map(sum, report.confusion))
    (50, True, 50)
    """

    def __init__(self, teacher, *, fmt: str | None = None):
        self.teacher = teacher
        self.fmt = fmt or teacher.fmt
        if self.fmt not in FORMATS:
            raise ValueError(f"fmt must be one of {sorted(FORMATS)}, got {self.fmt!r}")
        self.net = make_brain(self.fmt, teacher.hidden, weights=teacher.net.weights(),
                         for_reading=True)

    def read(self, pages: int | list = DEFAULTS["pages"], *, noise: float | None = None,
             difficulty: float | None = None, seed: int | None = None) -> Report:
        """Read `pages` new pages (a number, or the pages themselves) and mark each answer.

        New books are written like the teacher's lessons (same noise and difficulty unless
        given) from a random stream the lessons never use.
        """
        if isinstance(pages, int):
            t = self.teacher
            pages = books.new_books(pages, t.noise if noise is None else noise,
                                    t.difficulty if difficulty is None else difficulty,
                                    t.seed if seed is None else seed)
        n = len(ALPHABET)
        confusion = [[0] * n for _ in range(n)]
        for pixels, label in pages:
            confusion[label][self.net.predict(find_ink(pixels))] += 1
        one = reading(SIZE * SIZE, self.teacher.hidden, n, self.fmt)
        memory = held(self.net, self.fmt, pages[0][0]) if pages else Memory()
        return Report(self.fmt, len(pages), sum(confusion[k][k] for k in range(n)), confusion,
                      Ledger().merge(one, times=len(pages)), one, memory)

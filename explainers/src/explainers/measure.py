"""Measure the classroom where it runs: each number format's ledger, energy and wall time.

The counts are the same everywhere (the ledger follows formulas); the seconds are this
machine's, so a page can set a build machine's row beside a reader's browser's.

>>> rows = measure_all(lessons=20, epochs=1, pages=5, hidden=4)
>>> [row["format"] for row in rows]
['fp32', 'fp16', 'bf16', 'int8', 'int32']
>>> from explainers.ledger import teaching
>>> batches = [teaching(144, 4, 10, "fp32", 20, "momentum")]  # 20 pages: one batch
>>> rows[0]["teach_ops"]["macs"] == sum(b.total()["macs"] for b in batches)
True
"""

import time

from explainers.chips import CHIPS
from explainers.precision import FORMATS
from explainers.student import Student
from explainers.teacher import Teacher

NEVER = 2.0  # a target accuracy no epoch reaches: every format is taught the same epochs


def measure(fmt: str, *, lessons: int = 300, epochs: int = 3, pages: int = 200,
            hidden: int = 16, seed: int = 1, noise: float = 0.05) -> dict:
    """Teach and read once in `fmt` on the training chip; counts, energy and seconds."""
    clock = time.perf_counter
    teacher = Teacher(chip="training", fmt=fmt, hidden=hidden, seed=seed, target=NEVER)
    started = clock()
    teacher.teach(lessons, noise=noise, epochs=epochs)
    taught = clock()
    report = Student(teacher).read(pages)
    read = clock()
    priced = teacher.cost()
    return {
        "format": fmt,
        "taught_pages": lessons * epochs,
        "read_pages": pages,
        "teach_ops": teacher.ledger.total(),
        "read_ops_per_page": report.per_page.total(),
        "teach_energy_pj": priced["energy_pj"],
        "accuracy": report.accuracy,
        "teach_seconds": taught - started,
        "read_seconds": read - taught,
    }


def measure_all(**setup) -> list[dict]:
    """`measure` for every number format the training chip offers, in a fixed order."""
    return [measure(fmt, **setup) for fmt in FORMATS if CHIPS["training"].can(fmt)]

"""Trainfer's classroom: a teacher trains, a student reads; ledgers count the cost.

Pure standard library, so the same code runs in notebooks (CPython) and in the browser
(Pyodide). Every random draw is seeded: the same seed gives the same numbers everywhere.

>>> teacher = Teacher(hidden=8, batch_size=16, optimizer="adam")
>>> history = teacher.teach(100, epochs=2)
>>> report = Student(teacher, fmt="int8").read(20)
>>> report.pages, report.per_page.total()["macs"] == 144 * 8 + 8 * 10
(20, True)
>>> print(Beside(teacher=teacher.memory, student=report.memory).table())
kind             teacher  student
weights            5,000    1,304
gradients          5,000        0
optimizer_state   10,000        0
master_copy            0        0
activations       10,368      192
total             30,368    1,496
"""

from explainers.books import lessons, new_books
from explainers.bridge import run
from explainers.chips import CHIPS, HOROWITZ_45NM_PJ, cost
from explainers.defaults import DEFAULTS
from explainers.glyphs import ALPHABET, pixels, render
from explainers.ledger import Ledger, reading, teaching
from explainers.memory import Beside, Memory
from explainers.precision import FORMATS, quantize, to_bf16, to_fp16, to_fp32
from explainers.student import Report, Student
from explainers.teacher import Stopped, Teacher

__all__ = [
    "ALPHABET", "CHIPS", "DEFAULTS", "FORMATS", "HOROWITZ_45NM_PJ", "Beside", "Ledger", "Memory",
    "Report", "Stopped", "Student", "Teacher", "cost", "lessons", "new_books", "pixels",
    "quantize", "reading", "render", "run", "teaching", "to_bf16", "to_fp16", "to_fp32",
]

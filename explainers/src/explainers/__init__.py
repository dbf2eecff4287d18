"""Trainfer's classroom: a teacher trains, a student reads; ledgers count the cost.

Pure standard library, so the same code runs in notebooks (CPython) and in the browser
(Pyodide). Every random draw is seeded: the same seed gives the same numbers everywhere.

>>> from explainers import Beside, Student, Teacher
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

import importlib

# Each public name is imported from its module on first use (PEP 562), not all at once: a
# notebook that needs `DEFAULTS` or `cost` loads only those modules, so the build's cache,
# which keys on the modules a run imported, re-runs it only when one of them changes.
_HOMES = {
    "books": ("lessons", "new_books"),
    "bridge": ("run",),
    "chips": ("CHIPS", "HOROWITZ_45NM_PJ", "cost"),
    "defaults": ("DEFAULTS",),
    "glyphs": ("ALPHABET", "pixels", "render"),
    "ledger": ("Ledger", "reading", "teaching"),
    "memory": ("Beside", "Memory"),
    "precision": ("FORMATS", "quantize", "to_bf16", "to_fp16", "to_fp32"),
    "student": ("Report", "Student"),
    "teacher": ("Stopped", "Teacher"),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}

__all__ = sorted(_HOME)


def __getattr__(name: str):
    """A public name, imported from its module the first time it is asked for."""
    module = _HOME.get(name)
    if module is None:  # `from explainers import net` then imports the submodule itself
        raise AttributeError(f"module 'explainers' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"explainers.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    """The public names and whatever is loaded already."""
    return sorted({*globals(), *__all__})

"""A whole lesson, as the page shows it: teach, let the student read in every format, price
the work on every chip and chart it. Plain dicts in and out; `bridge` adds the JSON.
"""

from explainers import charts
from explainers.books import new_books
from explainers.chips import CHIPS, cost
from explainers.glyphs import ALPHABET
from explainers.precision import FORMATS
from explainers.student import Student
from explainers.teacher import Teacher


def give(options: dict, progress=None, should_stop=None, history: list | None = None) -> dict:
    """Teach and read as `options` (a full request, see `bridge`) say; returns the results.

    `history` (a list) receives each epoch as it ends, so a caller still has it after `Stopped`.

    >>> from explainers.defaults import DEFAULTS
    >>> result = give({**DEFAULTS, "lessons": 40, "epochs": 2, "pages": 10, "hidden": 4})
    >>> sorted(result["readers"]) == sorted(FORMATS), len(result["history"])
    (True, 2)
    """
    o = options
    history = [] if history is None else history

    def record(event: dict) -> None:
        history.append({**event, **_steps(teacher, event["epoch"])})
        if progress is not None:
            progress(event)

    teacher = Teacher(chip=o["chip"], fmt=o["format"], hidden=o["hidden"], seed=o["seed"],
                      rate=o["rate"], target=o["target"], batch_size=o["batch_size"],
                      optimizer=o["optimizer"], precision=o["precision"])
    teacher.teach(o["lessons"], noise=o["noise"], difficulty=o["difficulty"],
                  epochs=o["epochs"], progress=record, should_stop=should_stop)
    book = new_books(o["pages"], o["noise"], o["difficulty"], o["seed"])
    # The same taught weights read the same pages in every format: what does int8 lose?
    reports = {fmt: Student(teacher, fmt=fmt).read(book) for fmt in FORMATS}
    mine = reports[o["format"]]
    rows = [{"task": "teach", "format": o["format"], **cost(teacher.ledger, chip)}
            for chip in CHIPS]
    rows += [{"task": "read_page", "format": fmt, **report.cost(chip)}
             for fmt, report in reports.items() for chip in CHIPS]
    shown = [r for r in rows if r["task"] == "teach" or r["format"] in (o["format"], "int8")]
    labels = o.get("labels")
    return {
        "request": o,
        "alphabet": list(ALPHABET),
        "history": history,
        "teacher": {"epochs": len(history), "accuracy": history[-1]["accuracy"],
                    "rate": teacher.rate,
                    "loss": history[-1]["loss"], "ledger": teacher.ledger.to_list(),
                    "totals": teacher.ledger.total()},
        "student": {"format": mine.fmt, "pages": mine.pages, "accuracy": mine.accuracy,
                    "confusion": mine.confusion, "ledger": mine.ledger.to_list(),
                    "per_page": mine.per_page.to_list()},
        "readers": {fmt: {"accuracy": rep.accuracy, "per_page": rep.per_page.total()}
                    for fmt, rep in reports.items()},
        "costs": rows,
        "memory": {"teacher": teacher.memory.held, "student": mine.memory.held},
        "charts": {"learning": charts.learning(history, labels),
                   "cost": charts.costs(shown, labels),
                   "energy": charts.energy(teacher.cost(), labels)},
    }


def _steps(teacher, epoch: int) -> dict:
    # Steps taken and skipped in an epoch, and the fp16 loss scale: the format's range at work.
    last = teacher.history[-1] if teacher.history and teacher.history[-1]["epoch"] == epoch else {}
    return {k: last.get(k) for k in ("steps", "skipped", "scale")}

"""Charts: Vega-Lite v6 specifications as plain dicts, data inline, for the page to draw.

Every word a reader sees (titles, axis names, legend entries) is looked up in `labels`, which
the page fills from its language file; a missing word shows as its key.
"""

from trainfer_board import WORDS

from explainers.chips import CHIPS
from explainers.ledger import PHASES

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"

#: The words used when a call passes no `labels`; the page fills it from its language file
#: (the board's WORDS: the worker fills that one table, whatever package draws).
LABELS: dict[str, str] = WORDS


def translate(labels: dict[str, str] | None, key: str) -> str:
    """The reader's word for `key` (from `labels`, else `LABELS`), or the key itself.

    >>> translate({"loss": "损失"}, "loss"), translate(None, "epoch")
    ('损失', 'epoch')
    """
    return (LABELS if labels is None else labels).get(key, key)


def learning(history: list[dict], labels: dict[str, str] | None = None) -> dict:
    """Loss and accuracy per epoch, one panel each (their scales differ).

    >>> spec = learning([{"epoch": 1, "loss": 2.0, "accuracy": 0.3}])
    >>> spec["$schema"].endswith("v6.json"), len(spec["data"]["values"])
    (True, 2)
    """
    values = [{"epoch": e["epoch"], "measure": translate(labels, m), "value": e[m]}
              for e in history for m in ("loss", "accuracy")]
    return {
        "$schema": SCHEMA,
        "title": translate(labels, "chart.learning"),
        "data": {"values": values},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "epoch", "type": "quantitative", "title": translate(labels, "epoch"),
                  "axis": {"tickMinStep": 1}},
            "y": {"field": "value", "type": "quantitative", "title": None},
            "row": {"field": "measure", "type": "nominal", "title": None,
                    "sort": [translate(labels, "loss"), translate(labels, "accuracy")]},
            "tooltip": [{"field": "epoch"}, {"field": "measure"},
                        {"field": "value", "format": ".3f"}],
        },
        "resolve": {"scale": {"y": "independent"}},
        "width": 360,
        "height": 120,
    }


def costs(rows: list[dict], labels: dict[str, str] | None = None) -> dict:
    """Energy of each task on each chip that can do it, on a log scale (they differ 1000-fold).

    `rows` are dicts with "task", "format", "chip", "supported" and "energy_pj".
    """
    values = [{"chip": translate(labels, r["chip"]),
               "task": f'{translate(labels, r["task"])} ({r["format"]})',
               "energy_pj": r["energy_pj"]} for r in rows if r["supported"]]
    return {
        "$schema": SCHEMA,
        "title": translate(labels, "chart.cost"),
        "data": {"values": values},
        # points, not bars: a bar on a log scale would have to start at zero
        "mark": {"type": "point", "filled": True, "size": 90},
        "encoding": {
            "x": {"field": "chip", "type": "nominal", "title": translate(labels, "chip")},
            "shape": {"field": "task", "type": "nominal", "title": translate(labels, "task")},
            "y": {"field": "energy_pj", "type": "quantitative", "scale": {"type": "log"},
                  "title": translate(labels, "energy_pj")},
            "color": {"field": "task", "type": "nominal", "title": translate(labels, "task")},
            "tooltip": [{"field": "chip"}, {"field": "task"},
                        {"field": "energy_pj", "format": ",.0f"}],
        },
        "width": 360,
        "height": 200,
    }


def teach_vs_read(teacher, report, labels: dict[str, str] | None = None) -> dict:
    """Teaching everything against reading one page, on every chip that can do each.

    >>> from explainers import Student, Teacher
    >>> teacher = Teacher(hidden=4); _ = teacher.teach(20, epochs=1)
    >>> spec = teach_vs_read(teacher, Student(teacher).read(5))
    >>> sorted({v["chip"] for v in spec["data"]["values"]})
    ['scalar', 'training']
    """
    rows = [{"task": "teach", "format": teacher.fmt, **teacher.cost(chip)} for chip in CHIPS]
    rows += [{"task": "read_page", "format": report.fmt, **report.cost(chip)} for chip in CHIPS]
    return costs(rows, labels)


def energy(priced: dict, labels: dict[str, str] | None = None) -> dict:
    """Energy per phase of one priced ledger (see `chips.cost`), arithmetic against memory.

    >>> from explainers.chips import cost
    >>> from explainers.ledger import teaching
    >>> spec = energy(cost(teaching(144, 16, 10, "fp32"), "training"))
    >>> [v["phase"] for v in spec["data"]["values"]][:2]
    ['forward', 'forward']
    """
    phases = priced.get("phases", {})
    values = [{"phase": translate(labels, phase), "kind": translate(labels, kind),
               "energy_pj": phases[phase][f"{kind}_pj"]}
              for phase in PHASES if phase in phases for kind in ("arithmetic", "memory")]
    return {
        "$schema": SCHEMA,
        "title": translate(labels, "chart.energy"),
        "data": {"values": values},
        "mark": "bar",
        "encoding": {
            "x": {"field": "phase", "type": "nominal", "title": translate(labels, "phase"),
                  "sort": [translate(labels, p) for p in PHASES]},
            "y": {"field": "energy_pj", "type": "quantitative", "stack": "zero",
                  "title": translate(labels, "energy_pj")},
            "color": {"field": "kind", "type": "nominal", "title": translate(labels, "kind")},
            "tooltip": [{"field": "phase"}, {"field": "kind"},
                        {"field": "energy_pj", "format": ",.0f"}],
        },
        "width": 360,
        "height": 200,
    }

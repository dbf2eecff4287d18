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
        "width": 260,
        "height": 120,
    }


def costs(rows: list[dict], labels: dict[str, str] | None = None) -> dict:
    """Time and energy of each task on each chip that can do it, one panel each, on log scales.

    The chips differ in time (a matrix unit does many multiply-adds a cycle) while this model
    prices each operation's energy the same on every chip: two panels show both, honestly.
    `rows` are dicts with "task", "format", "chip", "supported", "seconds" and "energy_pj".

    >>> spec = costs([{"task": "teach", "format": "fp32", "chip": "training", "supported": True,
    ...                "seconds": 2e-3, "energy_pj": 5e6}])
    >>> [(v["measure"], v["value"]) for v in spec["data"]["values"]]
    [('time_us', 2000.0), ('energy_uj', 5.0)]
    """
    measures = (("time_us", "seconds", 1e6), ("energy_uj", "energy_pj", 1e-6))
    values = [{"chip": translate(labels, r["chip"]),
               "task": f'{translate(labels, r["task"])} ({r["format"]})',
               "measure": translate(labels, name), "value": r[field] * scale}
              for r in rows if r["supported"] for name, field, scale in measures]
    task_title = translate(labels, "task")
    return {
        "$schema": SCHEMA,
        "title": translate(labels, "chart.cost"),
        "data": {"values": values},
        # points, not bars: a bar on a log scale would have to start at zero
        "mark": {"type": "point", "filled": True, "size": 90},
        "encoding": {
            "x": {"field": "chip", "type": "nominal", "title": translate(labels, "chip"),
                  "axis": {"labelAngle": 0}},
            "y": {"field": "value", "type": "quantitative", "scale": {"type": "log"},
                  "title": None},
            "row": {"field": "measure", "type": "nominal", "title": None,
                    "sort": [translate(labels, name) for name, _, _ in measures]},
            # the legend below the panels, so that the chart stays narrow enough for a phone
            "shape": {"field": "task", "type": "nominal", "title": task_title,
                      "legend": {"orient": "bottom", "direction": "vertical"}},
            "color": {"field": "task", "type": "nominal", "title": task_title},
            "tooltip": [{"field": "chip"}, {"field": "task"}, {"field": "measure"},
                        {"field": "value", "format": ",.4~g"}],
        },
        "resolve": {"scale": {"y": "independent"}},
        "width": 220,
        "height": 130,
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
    """Energy per phase of one priced ledger (see `chips.cost`) in µJ, arithmetic against memory.

    >>> from explainers.chips import cost
    >>> from explainers.ledger import teaching
    >>> spec = energy(cost(teaching(144, 16, 10, "fp32"), "training"))
    >>> [v["phase"] for v in spec["data"]["values"]][:2]
    ['forward', 'forward']
    """
    phases = priced.get("phases", {})
    values = [{"phase": translate(labels, phase), "kind": translate(labels, kind),
               "energy_uj": phases[phase][f"{kind}_pj"] / 1e6}
              for phase in PHASES if phase in phases for kind in ("arithmetic", "memory")]
    return {
        "$schema": SCHEMA,
        "title": translate(labels, "chart.energy"),
        "data": {"values": values},
        "mark": "bar",
        "encoding": {
            "x": {"field": "phase", "type": "nominal", "title": translate(labels, "phase"),
                  "sort": [translate(labels, p) for p in PHASES]},
            "y": {"field": "energy_uj", "type": "quantitative", "stack": "zero",
                  "title": translate(labels, "energy_uj")},
            "color": {"field": "kind", "type": "nominal", "title": translate(labels, "kind")},
            "tooltip": [{"field": "phase"}, {"field": "kind"},
                        {"field": "energy_uj", "format": ",.3~g"}],
        },
        "width": 360,
        "height": 200,
    }

"""The bridge: the one entry the browser's worker calls. JSON in, JSON out, progress on the way.

Request (every key optional; DEFAULTS fills the rest):
    chip        "training" | "inference" | "scalar"     the chip the teacher works on
    format      "fp32" | "fp16" | "bf16" | "int8" | "int32"   the teacher's and student's
                format (int8 and int32 teach in fixed point: integer-only training)
    hidden      int 1..256      hidden units
    noise       0..0.5          share of pixels flipped on every page
    difficulty  0..1            shifts and stroke changes
    epochs      int 1..100      most passes over the lessons
    seed        int 0..2**31-1  the same seed gives the same numbers everywhere
    lessons     int 10..5000    training pages
    pages       int 1..5000     new pages the student reads
    rate        0.0001..1       learning rate (default: the optimizer's usual rate)
    target      0..1            epoch accuracy at which teaching stops early
    batch_size  int 1..5000     pages per update (the gradient is averaged over them)
    optimizer   "sgd" | "momentum" | "adam"    (integer formats: sgd or momentum)
    precision   "mixed" | "pure"    fp16 and bf16 only: "mixed" keeps an fp32 master copy of
                the weights and the optimizer's state (and scales the loss in fp16)
    labels      {key: text}     the reader's words for chart titles, axes and legends

Response: {"ok": true, "request", "alphabet", "history", "teacher", "student", "readers",
"costs", "memory", "charts"} (see `lesson.give`), or {"ok": false, "error": {"code", "key", "expected", "got",
"message"}} with code one of bad_json, not_an_object, unknown_key, bad_value, unsupported,
stopped (which also carries the "history" so far). Numbers that are not finite become null.
"""

import json
import math

from explainers.board import plain
from explainers.chips import CHIPS
from explainers.defaults import DEFAULTS
from explainers.lesson import give
from explainers.optimizers import FIXED, OPTIMIZERS
from explainers.precision import FORMATS, PRECISIONS, Fixed
from explainers.teacher import Stopped

__all__ = ["CHIP_FORMATS", "DEFAULTS", "RULES", "BadRequest", "parse", "run"]

RULES = {
    "chip": tuple(CHIPS), "format": tuple(FORMATS),
    "hidden": (int, 1, 256), "noise": (float, 0.0, 0.5), "difficulty": (float, 0.0, 1.0),
    "epochs": (int, 1, 100), "seed": (int, 0, 2**31 - 1), "lessons": (int, 10, 5000),
    "pages": (int, 1, 5000), "rate": (float, 0.0001, 1.0), "target": (float, 0.0, 1.0),
    "batch_size": (int, 1, 5000), "optimizer": tuple(OPTIMIZERS), "precision": PRECISIONS,
    "labels": dict,
}

#: The formats each chip computes in, as `parse` checks them; the page greys out the rest.
CHIP_FORMATS = {name: tuple(f for f in FORMATS if chip.can(f)) for name, chip in CHIPS.items()}


class BadRequest(Exception):
    """A request the bridge refuses; `error` is the JSON error object."""

    def __init__(self, code: str, key: str | None, expected, got, message: str):
        super().__init__(message)
        self.error = {"code": code, "key": key, "expected": expected, "got": got,
                      "message": message}


def _expected(rule) -> str:
    if rule is dict:
        return "an object whose values are strings"
    if isinstance(rule[0], str):
        return "one of " + ", ".join(repr(c) for c in rule)
    kind = "an integer" if rule[0] is int else "a number"
    return f"{kind} from {rule[1]:g} to {rule[2]:g}"


def _fits(rule, value) -> bool:
    if rule is dict:
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    if isinstance(rule[0], str):
        return value in rule
    kinds = (int,) if rule[0] is int else (int, float)
    return (isinstance(value, kinds) and not isinstance(value, bool)
            and math.isfinite(value) and rule[1] <= value <= rule[2])


def parse(request_json: str) -> dict:
    """The full request: DEFAULTS overlaid with the caller's keys, each checked.

    >>> parse('{"hidden": 8}')["hidden"], parse("{}") == DEFAULTS
    (8, True)
    >>> parse('{"hidden": 0}')
    Traceback (most recent call last):
    explainers.bridge.BadRequest: hidden: expected an integer from 1 to 256, got 0
    """
    try:
        given = json.loads(request_json)
    except (TypeError, ValueError) as e:
        raise BadRequest("bad_json", None, "a JSON object", str(request_json)[:80],
                         f"the request is not JSON: {e}") from None
    if not isinstance(given, dict):
        raise BadRequest("not_an_object", None, "a JSON object", given,
                         "the request must be a JSON object")
    for key, value in given.items():
        if key not in RULES:
            expected = "one of " + ", ".join(repr(k) for k in RULES)
            raise BadRequest("unknown_key", key, expected, value,
                             f"unknown key {key!r}: expected {expected}")
        if not _fits(RULES[key], value):
            expected = _expected(RULES[key])
            raise BadRequest("bad_value", key, expected, value,
                             f"{key}: expected {expected}, got {json.dumps(value)}")
    request = {**DEFAULTS, **given}
    chip, fmt = CHIPS[request["chip"]], request["format"]
    if not chip.can(fmt):
        expected = _expected(chip.formats)
        raise BadRequest("unsupported", "format", expected, fmt,
                         f"format: the {chip.name} chip cannot compute in {fmt}; "
                         f"expected {expected}")
    if isinstance(FORMATS[fmt], Fixed) and request["optimizer"] not in FIXED:
        expected = _expected(tuple(FIXED))
        raise BadRequest("unsupported", "optimizer", expected, request["optimizer"],
                         f"optimizer: {request['optimizer']} needs floating point, and {fmt} "
                         f"training is integer-only; expected {expected}")
    return request


def _dumps(value) -> str:
    return json.dumps(plain(value), ensure_ascii=False, allow_nan=False)


def run(request_json: str, progress=None, should_stop=None) -> str:
    """Teach, read and price as the request says; return the result (or an error) as JSON.

    `progress(event)` gets a dict after each epoch; `should_stop()` is asked every few pages.

    >>> result = json.loads(run('{"lessons": 40, "epochs": 1, "pages": 10, "hidden": 4}'))
    >>> result["ok"], len(result["history"]), sorted(result["charts"])
    (True, 1, ['cost', 'energy', 'learning'])
    >>> json.loads(run('{"format": "fp32", "chip": "inference"}'))["error"]["code"]
    'unsupported'
    """
    try:
        request = parse(request_json)
    except BadRequest as bad:
        return _dumps({"ok": False, "error": bad.error})
    history: list[dict] = []
    tell = None if progress is None else (lambda event: progress(plain(event)))
    try:
        return _dumps({"ok": True, **give(request, tell, should_stop, history)})
    except Stopped as stop:
        error = {"code": "stopped", "key": None, "expected": None, "got": None,
                 "message": str(stop)}
        return _dumps({"ok": False, "error": error, "history": history})

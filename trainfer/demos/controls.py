"""The demo's controls, derived from the example code and the simulator's own rules.

A control edits one `name=literal` argument in the code. Its choices or range come from
`explainers.bridge.RULES` and its starting value from the example, so nothing is stated twice.
"""

from __future__ import annotations

import ast
import re

#: (argument in the example code, key in explainers.bridge.RULES)
CONTROLS = [("chip", "chip"), ("fmt", "format"), ("hidden", "hidden"), ("noise", "noise"),
            ("epochs", "epochs"), ("batch_size", "batch_size"), ("optimizer", "optimizer"),
            ("precision", "precision")]


def argument(code: str, name: str):
    """The literal value of the first `name=<literal>` in `code`, or None."""
    match = re.search(rf"\b{name}\s*=\s*(\"[^\"\n]*\"|'[^'\n]*'|-?[\d.]+(?:e-?\d+)?)", code)
    return ast.literal_eval(match[1]) if match else None


def controls(code: str, rules: dict, chip_formats: dict | None = None) -> list[dict]:
    """One control per argument present in the example: select for choices, number for ranges.

    The chip's options carry `chip_formats` (chip -> formats it computes in), so the page can
    offer only what the chosen chip can do.
    """
    found = []
    for name, key in CONTROLS:
        value = argument(code, name)
        rule = rules.get(key)
        if value is None or rule is None:
            continue
        if isinstance(rule, tuple) and rule and isinstance(rule[0], str):
            found.append({"name": name, "kind": "select", "options": list(rule), "value": value})
            if key == "chip" and chip_formats:
                found[-1]["formats"] = {chip: list(chip_formats[chip]) for chip in rule}
        elif isinstance(rule, tuple) and len(rule) == 3:
            kind, low, high = rule
            step = 1 if kind is int else 0.01
            found.append({"name": name, "kind": "number", "min": low, "max": high,
                          "step": step, "integer": kind is int, "value": value})
    return found

"""One cell of a data row: its kind's Python type, its allowed values, an as-of date not yet come."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Any

from trainfer.tables.errors import brief, cut

if TYPE_CHECKING:
    from trainfer.tables.schema import ColumnSpec

UNITS = frozenset({
    "TFLOPS", "TOPS", "PFLOPS", "POPS", "GB", "GB/s", "W", "s", "min", "months", "pfs-days",
    "pJ", "×", "×/year", "TOPS/W", "TFLOPS/W", "%", "count", "rank", "score", "CNY bn", "bit",
    "accelerator-s", "GMAC", "MACs", "parameters", "images", "epochs",
})
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
URL = re.compile(r"^https?://\S+$")
LIST_SEP = ";"  # separates list items in a CSV cell (the site's CSV download uses it too)
# The date where it is latest (UTC+14, Kiribati): a date checked today anywhere on Earth, e.g.
# in Beijing while the build runs in UTC, is never yet in the future.
LATEST_ZONE = dt.timezone(dt.timedelta(hours=14))


def latest_today() -> dt.date:
    """Today's date in the time zone where it is latest."""
    return dt.datetime.now(LATEST_ZONE).date()


def starts_after(value: str, day: dt.date) -> bool:
    """Whether a checked date (YYYY, YYYY-MM or YYYY-MM-DD) begins after `day`.

    >>> starts_after("2026-12", dt.date(2026, 11, 30)), starts_after("2026", dt.date(2026, 11, 30))
    (True, False)
    """
    return dt.date(*(int(p) if p else 1 for p in DATE.match(value).groups())) > day


def check_cell(col: ColumnSpec, value: Any, from_csv: bool,
               units: tuple[str, ...] | list[str] = ()) -> tuple[Any, str | None]:
    """The cell's value as stored in `Table.rows` (None if blank), and an error message or None."""
    value = value.strip() if isinstance(value, str) else value
    if value is None or (isinstance(value, (str, list)) and not value):
        return None, ("is required" if col.required else None)
    value, problem = _coerce(col.kind, value, from_csv)
    problem = problem or _allowed(col, value, units)
    return (None, problem) if problem else (value, None)


def _coerce(kind: str, value: Any, from_csv: bool) -> tuple[Any, str | None]:
    """The value as its kind's Python type; in a CSV every cell arrives as text."""
    if kind == "number":
        if from_csv and isinstance(value, str):
            try:
                value = float(value) if any(c in value for c in ".eEn") else int(value)
            except ValueError:
                pass
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            return value, None
        return None, f"expected a number, got {brief(value)}"
    if kind == "date":
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            return str(value), None  # a bare year, unquoted in YAML
        match = DATE.match(value) if isinstance(value, str) else None
        if match is None:
            return None, f"expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got {brief(value)}"
        try:
            dt.date(*(int(p) if p else 1 for p in match.groups()))
        except ValueError:
            return None, f"not a calendar date: {brief(value)}"
        return value, None
    if kind == "list":
        if from_csv and isinstance(value, str):
            value = value.split(LIST_SEP)
        if not isinstance(value, list):
            return None, f"expected a list, got {type(value).__name__} {brief(value)}"
        if not all(isinstance(v, str) and v.strip() for v in value):
            return None, f"list items must be non-empty text, got {brief(value)}"
        return [v.strip() for v in value], None
    if not isinstance(value, str):
        return None, f"expected text, got {type(value).__name__} {brief(value)} (quote it in YAML)"
    if kind == "url" and not URL.match(value):
        return None, f"expected an http(s) URL, got {brief(value)}"
    return value, None


def _allowed(col: ColumnSpec, value: Any, units=()) -> str | None:
    if col.kind == "number":
        low = 0 if col.min is None else col.min
        if value < low:
            return f"must be >= {low:g}, got {brief(value)}"
        if col.max is not None and value > col.max:
            return f"must be <= {col.max:g}, got {brief(value)}"
    items = value if isinstance(value, list) else [value]
    if col.values is not None and any(v not in col.values for v in items):
        return f"must be one of {cut(', '.join(col.values), 160)}; got {brief(value)}"
    known = UNITS | set(units)  # the table's own `units` add to the standard list
    if col.is_unit and any(v not in known for v in items):
        return f"unknown unit {brief(value)}; known units: {', '.join(sorted(known))}"
    return None

"""The board: what a lesson shows besides printed text (progress, charts, tables).

Whoever runs the code may `listen`: the browser's worker draws each event on the page. With
no listener (a notebook, a terminal), `show` prints a short text version instead, and progress
events are dropped. Payloads are plain JSON-ready data; numbers that are not finite become None.

>>> seen = []
>>> stop = listen(lambda kind, payload: seen.append((kind, payload)))
>>> emit("progress", {"epoch": 1, "loss": float("inf")})
>>> seen
[('progress', {'epoch': 1, 'loss': None})]
>>> stop()
"""

import math

_listeners: list = []


def plain(value):
    """`value` as JSON-ready data: tuples become lists, non-finite floats None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def listen(listener):
    """Send every event to `listener(kind, payload)`; returns a function that stops it."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)


def listening() -> bool:
    """Whether anyone draws the board (in a terminal nobody does)."""
    return bool(_listeners)


def emit(kind: str, payload) -> None:
    """Send one event to every listener."""
    data = plain(payload)
    for listener in list(_listeners):
        listener(kind, data)


def show(thing, caption: str = "") -> None:
    """Put a chart (a Vega-Lite dict) or a ledger on the board, or print it when nobody draws."""
    if isinstance(thing, dict) and "$schema" in thing:
        if listening():
            emit("chart", thing)
        else:
            title = thing.get("title")
            print(f"[chart: {title.get('text') if isinstance(title, dict) else title}]")
        return
    if hasattr(thing, "to_list"):  # a Ledger
        rows = thing.to_list()
        columns = list(rows[0]) if rows else []
        if listening():
            emit("table", {"caption": caption, "columns": columns,
                           "rows": [[row[c] for c in columns] for row in rows]})
        else:
            print((caption + "\n" if caption else "") + thing.table())
        return
    raise TypeError(f"show() takes a chart dict or a ledger, not {type(thing).__name__}")

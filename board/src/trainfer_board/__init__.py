"""The board: what a demo shows besides printed text (progress, charts, tables).

The drawing protocol of Trainfer's demos, standard library only, so the same code runs in a
notebook, a terminal, at build time and in the browser (Pyodide). Whoever runs the code may
`listen`; the browser's worker does, and draws each event:

- ``print(...)`` goes to the demo's Output log (plain text; no event);
- ``emit("progress", {...})`` updates the progress bar (keys ``epoch``/``epochs`` or
  ``done``/``total``; the rest is shown as text);
- ``show(spec)`` with a Vega-Lite dict (it has ``"$schema"``) draws a chart;
- ``show(rows, caption)`` with a list of dicts, or an object with ``to_list()`` returning one,
  draws a table: event ``table`` with ``{"caption", "columns", "rows"}``.

With no listener (a notebook, a terminal) ``show`` prints a short text version and progress
is dropped. Payloads are plain JSON-ready data; numbers that are not finite become None.
`WORDS` holds the reader's words for chart labels; the page fills it in its language.

>>> seen = []
>>> stop = listen(lambda kind, payload: seen.append((kind, payload)))
>>> emit("progress", {"epoch": 1, "loss": float("inf")})
>>> show([{"chip": "a", "ops": 3}], "Cost")
>>> seen[1]
('table', {'caption': 'Cost', 'columns': ['chip', 'ops'], 'rows': [['a', 3]]})
>>> stop()
>>> show([{"chip": "a", "ops": 3}])
chip  ops
a     3
"""

import math
import sys
import traceback

__version__ = "0.1.0"
__all__ = ["WORDS", "emit", "listen", "listening", "plain", "run", "show"]

#: the reader's words for chart labels (key -> word); the page fills it in its language
WORDS: dict[str, str] = {}
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


def _text_table(rows: list[dict]) -> str:
    columns = list(rows[0]) if rows else []
    cells = [columns] + [[str(row.get(c, "")) for c in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    return "\n".join("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip()
                     for line in cells)


def show(thing, caption: str = "") -> None:
    """Put a chart (a Vega-Lite dict) or a table (rows as dicts) on the board, or print it."""
    if isinstance(thing, dict) and "$schema" in thing:
        if listening():
            emit("chart", thing)
        else:
            title = thing.get("title")
            print(f"[chart: {title.get('text') if isinstance(title, dict) else title}]")
        return
    rows = thing.to_list() if hasattr(thing, "to_list") else thing
    if not (isinstance(rows, list) and all(isinstance(r, dict) for r in rows)):
        raise TypeError(f"show() takes a chart dict, rows (a list of dicts) or an object with "
                        f"to_list(), not {type(thing).__name__}")
    if listening():
        columns = list(rows[0]) if rows else []
        emit("table", {"caption": caption, "columns": columns,
                       "rows": [[row.get(c) for c in columns] for row in rows]})
    else:  # an object that formats itself (a ledger) keeps its own text
        text = thing.table() if hasattr(thing, "table") else _text_table(rows)
        print((caption + "\n" if caption else "") + text)


def run(code: str, filename: str = "<your code>") -> bool:
    """Run a reader's code as __main__; print its traceback from the reader's own frame."""
    try:
        exec(compile(code, filename, "exec"), {"__name__": "__main__"})
    except SystemExit:
        pass
    except BaseException:
        kind, value, tb = sys.exc_info()
        traceback.print_exception(kind, value, tb.tb_next)
        return False
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return True

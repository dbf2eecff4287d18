"""How the data layer reports a problem: the file, the row (number and id), the field, a message."""

from __future__ import annotations

import reprlib
from pathlib import Path

BRIEF = 80  # characters: a value in a message is a hint, never the value itself

# reprlib stops at a few items and levels, so even an alias-shared structure that would expand to
# millions of nodes is described without being walked.
_REPR = reprlib.Repr(maxlevel=2, maxtuple=4, maxlist=4, maxarray=4, maxdict=4, maxset=4,
                     maxfrozenset=4, maxdeque=4, maxstring=BRIEF, maxlong=40, maxother=BRIEF)


def brief(value: object, limit: int = BRIEF) -> str:
    """A repr of `value` cut to `limit` characters.

    >>> brief(list(range(10**6))), len(brief("x" * 10**6))
    ('[0, 1, 2, 3, ...]', 80)
    """
    return cut(_REPR.repr(value), limit)


def cut(text: str, limit: int = BRIEF) -> str:
    """`text` cut to `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(path: Path) -> str:
    """How a file is named in messages: relative to its folder's parent, e.g. data/chips.yaml."""
    return (Path(path.parent.name) / path.name).as_posix()


class DataError(Exception):
    """One problem, naming the file and, when known, the row (number and id) and the field."""

    def __init__(self, file: str, message: str, *, row: int | None = None,
                 row_id: str | None = None, field: str | None = None) -> None:
        self.file, self.message, self.row, self.row_id, self.field = (
            file, message, row, row_id, field)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row is not None else ""
        if self.row_id:  # an id or a field comes from the file: it may be of any length
            row_id = cut(self.row_id)
            where = f"{where} (id {row_id})" if where else f"id {row_id}"
        parts = [p for p in (where, self.field and f"field '{cut(self.field)}'") if p]
        return f"{self.file}: {', '.join(parts) + ': ' if parts else ''}{self.message}"


class DataErrors(Exception):
    """All problems found; str() lists each DataError on its own line."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)

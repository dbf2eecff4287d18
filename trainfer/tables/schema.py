"""What a data file declares (title, description, sources, columns) and how a row is checked."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from trainfer.tables.cells import UNITS, check_cell, starts_after
from trainfer.tables.derived import missing_inputs
from trainfer.tables.errors import brief, cut

Problem = tuple[str | None, str]  # (field, message)

ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
TABLE_REF = re.compile(r"^([a-z][a-z0-9_]*):(.+)$")
NOTEBOOK_REF = re.compile(r"^notebooks/([a-z0-9][a-z0-9-]*)/$")


class ColumnSpec(BaseModel):
    """One column as declared in a file: key, label, kind, unit and the checks on its cells."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    kind: Literal["text", "number", "date", "url", "list"]
    unit: str | None = None
    unit_column: str | None = None  # a number whose unit is given per row, in that column
    description: str | None = None
    derived: bool = False  # computed by trainfer.tables.derived, never filled in the file
    required: bool = False
    source: bool = False  # holds the row's sources: every row needs one such cell filled
    refs: bool = False  # list of `<table>:<row id>` or `notebooks/<stem>/`
    is_unit: bool = False  # each value must be one of UNITS
    values: list[str] | None = None  # the allowed values
    min: float | None = None  # numbers default to min 0: no negative figure unless declared
    max: float | None = None

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str | None, info: ValidationInfo) -> str | None:
        known = UNITS | set((info.context or {}).get("units", ()))  # plus the table's `units`
        if unit is not None and unit not in known:
            raise ValueError(f"unknown unit {brief(unit)}; known units: {', '.join(sorted(known))}")
        return unit

    @model_validator(mode="after")
    def _consistent(self) -> ColumnSpec:
        if self.kind == "number" and not (self.unit or self.unit_column):
            raise ValueError("a number column needs a unit (or a unit_column)")
        if self.kind != "number" and (self.unit or self.unit_column):
            raise ValueError(f"only number columns carry a unit, not {self.kind!r} columns")
        if self.refs and self.kind != "list":
            raise ValueError("a refs column must be of kind 'list'")
        if self.source and self.kind not in ("list", "text", "url"):
            raise ValueError("a source column must be of kind 'list', 'text' or 'url'")
        return self


class TableSpec(BaseModel):
    """A table's metadata: what it is, where its figures come from, its columns."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    columns: list[ColumnSpec] = Field(min_length=1)
    #: units this table uses besides the standard list (cells.UNITS), e.g. [millions]
    units: list[str] = []

    @model_validator(mode="after")
    def _columns(self) -> TableSpec:
        keys = [c.key for c in self.columns]
        dup = sorted({k for k in keys if keys.count(k) > 1})
        if dup:
            raise ValueError(f"duplicate column keys: {', '.join(dup)}")
        by_key = {c.key: c for c in self.columns}
        if "id" not in by_key or by_key["id"].kind != "text":
            raise ValueError("a table needs an 'id' column of kind 'text'")
        if "as_of" not in by_key or by_key["as_of"].kind != "date":
            raise ValueError("a table needs an 'as_of' column of kind 'date'")
        if not any(c.source for c in self.columns):
            raise ValueError("a table needs at least one column marked 'source: true'")
        for c in self.columns:
            if c.unit_column and not (c.unit_column in by_key and by_key[c.unit_column].is_unit):
                raise ValueError(f"column {brief(c.key)}: unit_column {brief(c.unit_column)} must name a "
                                 "column marked 'is_unit: true'")
        return self


def parse_spec(meta: dict) -> tuple[TableSpec | None, list[Problem]]:
    """The table's metadata as a TableSpec, or None and every problem, each naming its field."""
    try:
        units = meta.get("units") if isinstance(meta, dict) else None
        context = {"units": [u for u in units if isinstance(u, str)] if isinstance(units, list) else []}
        spec = TableSpec.model_validate(meta, context=context)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = list(err["loc"])
            if loc[:1] == ["columns"] and len(loc) > 1 and isinstance(loc[1], int):
                raw = (meta.get("columns") or [])[loc[1]]  # name the column by its key
                key = raw.get("key") if isinstance(raw, dict) else None
                loc[1] = cut(key) if isinstance(key, str) else loc[1]
            msg = err["msg"].removeprefix("Value error, ")
            problems.append((".".join(str(p) for p in loc) or None, msg))
        return None, problems
    data = {c.key for c in spec.columns if not c.derived}
    problems = []
    for c in (c for c in spec.columns if c.derived):
        lacking = missing_inputs(c.key, data)
        if lacking is None or lacking:
            msg = f"derived column needs {', '.join(lacking)}" if lacking else "no formula for it"
            problems.append((f"columns.{c.key}", msg))
    return (None if problems else spec), problems


def check_row(spec: TableSpec, item: dict, from_csv: bool, stems: set[str] | None,
              today: dt.date | None = None) -> tuple[dict, list[Problem]]:
    """A row's values keyed by data column (None if blank) and its problems, field by field."""
    columns = {c.key: c for c in spec.columns}
    problems: list[Problem] = []
    for key in item:
        if key not in columns or columns[key].derived:
            what = "derived column: computed, not filled in" if key in columns else "unknown column"
            problems.append((str(key), what))
    row = {}
    for c in (c for c in spec.columns if not c.derived):
        row[c.key], problem = check_cell(c, item.get(c.key), from_csv, spec.units)
        if problem:
            problems.append((c.key, problem))
    if row["id"] is not None and not ID.match(row["id"]):
        problems.append(("id", "an id is lower-case letters, digits, '.', '_' or '-'"))
    if row["as_of"] is not None and today is not None and starts_after(row["as_of"], today):
        problems.append(("as_of", f"{row['as_of']} is in the future (it is at most {today} "
                         "anywhere on Earth): an as-of date says when the figure was last checked"))
    reported = {field for field, _ in problems}
    for key, what in (("id", "an id"), ("as_of", "an as-of date")):
        if row[key] is None and key not in reported:
            problems.append((key, f"every row needs {what}"))
    sources = [c.key for c in spec.columns if c.source]
    if all(row[k] is None for k in sources) and not reported.intersection(sources):
        problems.append((sources[0], "every row needs a source"))
    for c in (c for c in spec.columns if c.refs):
        for ref in row[c.key] or []:
            notebook = NOTEBOOK_REF.match(ref)
            if notebook and stems is not None and notebook[1] not in stems:
                problems.append((c.key, f"no notebook {brief(notebook[1])} "
                                 f"(known: {', '.join(sorted(stems))})"))
            elif not notebook and not TABLE_REF.match(ref):
                problems.append((c.key, "expected '<table>:<row id>' or 'notebooks/<stem>/', "
                                 f"got {brief(ref)}"))
    return row, problems

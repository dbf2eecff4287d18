"""Read data/ (YAML tables, or CSV tables with a `<stem>.schema.yaml` sidecar) and validate it."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from trainfer.tables import schema

SIDECAR = ".schema.yaml"


class DataError(Exception):
    """One problem, naming the file and, when known, the row (number and id) and the field."""

    def __init__(self, file: str, message: str, *, row: int | None = None,
                 row_id: str | None = None, field: str | None = None) -> None:
        self.file, self.message, self.row, self.row_id, self.field = (
            file, message, row, row_id, field)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row is not None else ""
        if self.row_id:
            where = f"{where} (id {self.row_id})" if where else f"id {self.row_id}"
        parts = [p for p in (where, self.field and f"field '{self.field}'") if p]
        return f"{self.file}: {', '.join(parts) + ': ' if parts else ''}{self.message}"


class DataErrors(Exception):
    """All problems found; str() lists each DataError on its own line."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


@dataclass(frozen=True)
class Column:
    """One column of a table: key, label, unit, kind, and whether it is derived."""

    key: str
    label: str
    unit: str | None
    kind: str  # one of "text", "number", "date", "url", "list"
    derived: bool = False


@dataclass(frozen=True)
class Table:
    """A validated table: its description, columns, rows (as in the file) and sources."""

    name: str
    title: str
    description: str
    file: Path  # relative to the data folder's parent (the repo root): data/<name>.<ext>
    columns: list[Column]
    rows: list[dict]
    sources: list[str]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: 10x faster
    """A safe loader that refuses a repeated key (YAML keeps the last) and leaves dates as text."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def shown(path: Path) -> str:
    """How a file is named in messages: relative to its folder's parent, e.g. data/chips.yaml."""
    return (Path(path.parent.name) / path.name).as_posix()


def load_table(path: Path, *, notebook_stems: set[str] | None = None) -> Table:
    """Read and validate one table file; raises DataErrors listing every problem in it."""
    errors: list[DataError] = []
    found = _read(Path(path), notebook_stems, errors)
    if errors or found is None:
        raise DataErrors(errors)
    return found[0]


def load_all(data_dir: Path, *, notebook_stems: set[str] | None = None) -> dict[str, Table]:
    """Validate every table in `data_dir` and the references between them; all errors at once."""
    data_dir, errors, found = Path(data_dir), [], {}
    for path in sorted(data_dir.iterdir()):
        if path.name.endswith(SIDECAR):
            if not path.with_name(path.name[: -len(SIDECAR)] + ".csv").exists():
                errors.append(DataError(shown(path), "schema sidecar without a CSV file"))
        elif path.suffix in (".yaml", ".yml", ".csv"):
            pair = _read(path, notebook_stems, errors)
            if pair is not None and pair[0].name in found:
                errors.append(DataError(shown(path), f"a second table named {pair[0].name!r}"))
            elif pair is not None:
                found[pair[0].name] = pair
    errors += _dangling(found, {p.stem for p in data_dir.iterdir()})
    if errors:
        raise DataErrors(errors)
    return {name: table for name, (table, _) in found.items()}


def _yaml(path: Path, errors: list[DataError]) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        errors.append(DataError(shown(path), f"malformed YAML{where}: {problem}"))
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(DataError(shown(path), f"cannot read: {exc}"))
    return None


def _read(path: Path, stems, errors: list[DataError]) -> tuple[Table, schema.TableSpec] | None:
    before = len(errors)
    if path.suffix == ".csv":
        sidecar = path.with_name(path.stem + SIDECAR)
        if not sidecar.exists():
            errors.append(DataError(shown(path), f"no schema sidecar {sidecar.name}"))
            return None
        meta, (header, raw), meta_file = _yaml(sidecar, errors), _csv(path, errors), sidecar
    else:
        meta, meta_file, header, raw = _yaml(path, errors), path, None, None
        if isinstance(meta, dict):
            raw = meta.pop("rows", None)
            if not isinstance(raw, list):
                errors.append(DataError(shown(path), "expected a list of rows", field="rows"))
    if not isinstance(meta, dict):
        if len(errors) == before:
            errors.append(DataError(shown(meta_file), "expected a mapping with title, "
                                    "description, sources and columns"))
        return None
    spec, problems = schema.parse_spec(meta)
    errors += [DataError(shown(meta_file), msg, field=field) for field, msg in problems]
    if spec is None or raw is None:
        return None
    rows = _rows(spec, raw, header, path, stems, errors)
    columns = [Column(c.key, c.label, c.unit, c.kind, c.derived)  # data first, then derived
               for c in sorted(spec.columns, key=lambda c: c.derived)]
    table = Table(name=path.stem, title=spec.title.strip(), description=spec.description.strip(),
                  file=Path(shown(path)), columns=columns, rows=rows, sources=spec.sources)
    return table, spec


def _csv(path: Path, errors: list[DataError]) -> tuple[list | None, list | None]:
    """The header and the rows as dicts keyed by it (None for a row with the wrong cell count)."""
    rows: list = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if not header:
                errors.append(DataError(shown(path), "empty CSV file: no header row"))
                return None, None
            for cells in filter(None, reader):  # a blank line is no row
                if len(cells) == len(header):
                    rows.append(dict(zip(header, cells, strict=True)))
                    continue
                row_id = cells[header.index("id")] if "id" in header[: len(cells)] else None
                errors.append(DataError(
                    shown(path), f"malformed CSV at line {reader.line_num}: expected "
                    f"{len(header)} cells, got {len(cells)}", row=len(rows) + 1, row_id=row_id))
                rows.append(None)
    except csv.Error as exc:
        errors.append(DataError(shown(path), f"malformed CSV at line {reader.line_num}: {exc}",
                                row=len(rows) + 1))
        return None, None
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(DataError(shown(path), f"cannot read: {exc}"))
        return None, None
    for number, key in enumerate(header, start=1):
        if not key.strip() or key in header[: number - 1]:
            errors.append(DataError(shown(path), f"header cell {number} is empty or repeated",
                                    field=key or None))
    return header, rows


def _rows(spec, raw: list, header, path: Path, stems, errors: list[DataError]) -> list[dict]:
    """Check every row; report each problem with the row's number, id and field."""
    file, rows, seen, from_csv = shown(path), [], {}, header is not None
    known = {c.key for c in spec.columns if not c.derived}
    if from_csv:  # the header is checked once, not on every row
        for key in (k for k in header if k not in known):
            derived = any(c.key == key for c in spec.columns)
            what = "derived column: computed, not filled in" if derived else "unknown column"
            errors.append(DataError(file, what, field=key))
        for key in (k for k in known if k not in header):
            errors.append(DataError(file, "declared column missing from the header", field=key))
        raw = [item and {k: v for k, v in item.items() if k in known} for item in raw]
    for number, item in enumerate(raw, start=1):
        if from_csv and item is None:  # already reported as malformed
            continue
        if not isinstance(item, dict):
            errors.append(DataError(file, f"expected a mapping, got {item!r}", row=number))
            continue
        row, problems = schema.check_row(spec, item, from_csv, stems)
        row_id = item.get("id") if isinstance(item.get("id"), str) else None
        if row["id"] in seen:
            problems.append(("id", f"duplicate id (first used in row {seen[row['id']]})"))
        elif row["id"] is not None:
            seen[row["id"]] = number
        errors += [DataError(file, msg, row=number, row_id=row_id, field=field)
                   for field, msg in problems]
        rows.append(row)
    return rows


def _dangling(found: dict[str, tuple[Table, schema.TableSpec]], stems: set[str]) -> list[DataError]:
    """References `<table>:<row id>` that name no table or no row (of a table that loaded)."""
    ids = {name: {row["id"] for row in table.rows} for name, (table, _) in found.items()}
    errors = []
    for table, spec in found.values():
        for number, row in enumerate(table.rows, start=1):
            for key in (c.key for c in spec.columns if c.refs):
                for match in filter(None, map(schema.TABLE_REF.match, row.get(key) or [])):
                    if match[1] in stems - ids.keys():
                        continue  # that table failed to load: its own errors are reported
                    if match[2] not in ids.get(match[1], ()):
                        what = "row" if match[1] in ids else "table"
                        errors.append(DataError(
                            table.file.as_posix(), f"dangling reference {match[0]!r}: no such "
                            f"{what}", row=number, row_id=row.get("id"), field=key))
    return errors

"""Read data/ (YAML tables, or CSV tables with a `<stem>.schema.yaml` sidecar) and validate it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trainfer.tables import schema, yamlsafe
from trainfer.tables.cells import latest_today
from trainfer.tables.csvfile import csv_rows
from trainfer.tables.errors import DataError, DataErrors, brief, shown
from trainfer.tables.limits import DEFAULTS, OPTION, Limits, read_text

SIDECAR = ".schema.yaml"


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


@dataclass(frozen=True)
class Context:
    """What a file is checked against: notebook stems (None: any), size limits, today's date."""

    stems: set[str] | None
    limits: Limits
    today: dt.date


def load_table(path: Path, *, notebook_stems: set[str] | None = None, limits: Limits = DEFAULTS,
               today: dt.date | None = None) -> Table:
    """Read and validate one table file; raises DataErrors listing every problem in it."""
    errors: list[DataError] = []
    found = _read(Path(path), Context(notebook_stems, limits, today or latest_today()),
                  errors)
    if errors or found is None:
        raise DataErrors(errors)
    return found[0]


def load_all(data_dir: Path, *, notebook_stems: set[str] | None = None, limits: Limits = DEFAULTS,
             today: dt.date | None = None) -> dict[str, Table]:
    """Validate every table in `data_dir` and the references between them; all errors at once."""
    data_dir, errors, found = Path(data_dir), [], {}
    context = Context(notebook_stems, limits, today or latest_today())
    for path in sorted(data_dir.iterdir()):
        if path.name.endswith(SIDECAR):
            if not path.with_name(path.name[: -len(SIDECAR)] + ".csv").exists():
                errors.append(DataError(shown(path), "schema sidecar without a CSV file"))
        elif path.suffix in (".yaml", ".yml", ".csv"):
            pair = _read(path, context, errors)
            if pair is not None and pair[0].name in found:
                errors.append(DataError(shown(path), f"a second table named {brief(pair[0].name)}"))
            elif pair is not None:
                found[pair[0].name] = pair
    errors += _dangling(found, {p.stem for p in data_dir.iterdir()})
    if errors:
        raise DataErrors(errors)
    return {name: table for name, (table, _) in found.items()}


def _yaml(path: Path, limits: Limits, errors: list[DataError]) -> Any:
    try:
        return yamlsafe.load(read_text(path, limits), limits.max_yaml_nodes)
    except DataError as exc:
        errors.append(exc)
    except yamlsafe.YamlRefused as exc:
        errors.append(DataError(shown(path), str(exc)))
    return None


def _read(path: Path, context: Context,
          errors: list[DataError]) -> tuple[Table, schema.TableSpec] | None:
    before, limits = len(errors), context.limits
    if path.suffix == ".csv":
        sidecar = path.with_name(path.stem + SIDECAR)
        if not sidecar.exists():
            errors.append(DataError(shown(path), f"no schema sidecar {sidecar.name}"))
            return None
        meta, meta_file = _yaml(sidecar, limits, errors), sidecar
        header, raw = _csv(path, limits, errors)
    else:
        meta, meta_file, header, raw = _yaml(path, limits, errors), path, None, None
        if isinstance(meta, dict):
            raw = meta.pop("rows", None)
            if not isinstance(raw, list):
                errors.append(DataError(shown(path), "expected a list of rows", field="rows"))
            elif len(raw) > limits.max_rows:
                errors.append(DataError(shown(path), f"more than {limits.max_rows:,} rows "
                                        f"({OPTION.format('max_rows')})", field="rows"))
                raw = None
    if not isinstance(meta, dict):
        if len(errors) == before:
            errors.append(DataError(shown(meta_file), "expected a mapping with title, "
                                    "description, sources and columns"))
        return None
    spec, problems = schema.parse_spec(meta)
    errors += [DataError(shown(meta_file), msg, field=field) for field, msg in problems]
    if spec is None or raw is None:
        return None
    rows = _rows(spec, raw, header, path, context, errors)
    columns = [Column(c.key, c.label, c.unit, c.kind, c.derived)  # data first, then derived
               for c in sorted(spec.columns, key=lambda c: c.derived)]
    table = Table(name=path.stem, title=spec.title.strip(), description=spec.description.strip(),
                  file=Path(shown(path)), columns=columns, rows=rows, sources=spec.sources)
    return table, spec


def _csv(path: Path, limits: Limits, errors: list[DataError]) -> tuple[list | None, list | None]:
    try:
        text = read_text(path, limits)
    except DataError as exc:
        errors.append(exc)
        return None, None
    return csv_rows(shown(path), text, limits.max_rows, errors)


def _rows(spec, raw: list, header, path: Path, context: Context,
          errors: list[DataError]) -> list[dict]:
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
            errors.append(DataError(file, f"expected a mapping, got {brief(item)}", row=number))
            continue
        row, problems = schema.check_row(spec, item, from_csv, context.stems, context.today)
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
                            table.file.as_posix(), f"dangling reference {brief(match[0])}: no such "
                            f"{what}", row=number, row_id=row.get("id"), field=key))
    return errors

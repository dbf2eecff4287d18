"""A CSV data file's header and rows, each problem named by line; at most `max_rows` rows."""

from __future__ import annotations

import csv
import io

from trainfer.tables.errors import DataError
from trainfer.tables.limits import OPTION


def csv_rows(file: str, text: str, max_rows: int,
             errors: list[DataError]) -> tuple[list | None, list | None]:
    """The header and the rows as dicts keyed by it (None for a row with the wrong cell count)."""
    rows: list = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header:
            errors.append(DataError(file, "empty CSV file: no header row"))
            return None, None
        for cells in filter(None, reader):  # a blank line is no row
            if len(rows) == max_rows:
                errors.append(DataError(file, f"more than {max_rows:,} rows "
                                        f"({OPTION.format('max_rows')})"))
                return None, None
            if len(cells) == len(header):
                rows.append(dict(zip(header, cells, strict=True)))
                continue
            row_id = cells[header.index("id")] if "id" in header[: len(cells)] else None
            errors.append(DataError(
                file, f"malformed CSV at line {reader.line_num}: expected "
                f"{len(header)} cells, got {len(cells)}", row=len(rows) + 1, row_id=row_id))
            rows.append(None)
    except csv.Error as exc:
        errors.append(DataError(file, f"malformed CSV at line {reader.line_num}: {exc}",
                                row=len(rows) + 1))
        return None, None
    for number, key in enumerate(header, start=1):
        if not key.strip() or key in header[: number - 1]:
            errors.append(DataError(file, f"header cell {number} is empty or repeated",
                                    field=key or None))
    return header, rows

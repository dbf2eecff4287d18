"""A data table's words in another language: its title, description, column labels and the
prose fields of its rows (notes, findings), as units in i18n/<language>/data/<table>.yaml.
Values, figures and sources are never translated: they are the data."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from trainfer.i18n.units import resolve_all
from trainfer.text import i18n_dir

ROW_FIELDS = ("note", "finding")


def table_units(table, row_fields=ROW_FIELDS) -> dict[str, str]:
    """Every translatable English text of a table, by unit key."""
    units = {"title": table.title, "description": table.description}
    for column in table.columns:
        units[f"columns.{column.key}.label"] = column.label
    for row in table.rows:
        for field in row_fields:
            if isinstance(row.get(field), str) and row[field].strip() and "id" in row:
                units[f"rows.{row['id']}.{field}"] = row[field]
    return units


def unit_path(root: Path, language: str, table) -> Path:
    """Where a table's units live for `language`."""
    return i18n_dir(root) / language / "data" / f"{table.name}.yaml"


def translate_table(table, path: Path, row_fields=ROW_FIELDS):
    """(a copy of the table with its fresh units put in, the units that stay English)."""
    shown, gaps = resolve_all(table_units(table, row_fields), path)
    columns = [dataclasses.replace(c, label=shown.get(f"columns.{c.key}.label", c.label))
               for c in table.columns]
    rows = []
    for row in table.rows:
        fresh = {f: shown[f"rows.{row.get('id')}.{f}"] for f in row_fields
                 if f"rows.{row.get('id')}.{f}" in shown}
        rows.append({**row, **fresh} if fresh else row)
    copy = dataclasses.replace(table, title=shown.get("title", table.title),
                               description=shown.get("description", table.description),
                               columns=columns, rows=rows)
    return copy, gaps

"""/benchmarks/measured/: the simulator measured on the build machine, and in the reader's browser.

The counts (operations, bytes, energy) are the same everywhere; the seconds belong to a machine.
The build measures once per change of the simulator, Python or CPU (cached), and the page's
button runs the very same `explainers.measure.measure_all` in the reader's browser.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
from datetime import date
from html import escape
from pathlib import Path

from trainfer.heal import drop

MARKER = "<!-- trainfer:measured -->"


def cpu_model() -> str:
    """The CPU's model name (Linux), else what platform says."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict:
    """What the build machine is: CPU model, cores, Python, date."""
    return {"cpu": cpu_model(), "cores": os.cpu_count(),
            "python": f"CPython {platform.python_version()}", "date": date.today().isoformat()}


def measurement(cache_dir: Path, source_digest: str) -> dict:
    """This machine's measurement, from the cache when nothing it depends on has changed."""
    from explainers.measure import measure_all

    here = machine()
    key = hashlib.sha256(json.dumps([source_digest, sys.version, here["cpu"]]).encode())
    entry = cache_dir / f"measured-{key.hexdigest()[:20]}.json"
    if entry.exists():
        try:
            data = json.loads(entry.read_text())
            problem = measured_problem(data)
        except (OSError, ValueError) as exc:
            problem = f"not readable JSON: {exc}"
        if problem is None:
            return data
        drop(entry, problem)
    data = {"machine": here, "rows": measure_all()}
    cache_dir.mkdir(parents=True, exist_ok=True)
    entry.write_text(json.dumps(data))
    return data


NUMBERS = ("taught_pages", "read_pages", "teach_energy_pj", "accuracy", "teach_seconds",
           "read_seconds")
OPS = {"teach_ops": ("macs", "ops", "bytes_read", "bytes_written"), "read_ops_per_page": ("macs",)}


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def measured_problem(data) -> str | None:
    """Why a cached measurement cannot be shown (the shape the two tables read), or None."""
    if not isinstance(data, dict) or not isinstance(data.get("machine"), dict):
        return "no 'machine' object"
    if any(not isinstance(data["machine"].get(k), (str, int)) for k in ("cpu", "cores", "python",
                                                                       "date")):
        return "'machine' lacks cpu, cores, python or date"
    rows = data.get("rows")
    if not isinstance(rows, list) or not rows:
        return "no 'rows' list"
    for number, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not isinstance(row.get("format"), str):
            return f"row {number} has no 'format'"
        if not all(_is_number(row.get(k)) for k in NUMBERS):
            return f"row {number} lacks a number among {', '.join(NUMBERS)}"
        if row["teach_seconds"] <= 0 or row["read_seconds"] <= 0:
            return f"row {number} has a time that is not positive"
        for key, fields in OPS.items():
            ops = row.get(key)
            if not isinstance(ops, dict) or not all(_is_number(ops.get(f)) for f in fields):
                return f"row {number}: '{key}' lacks {', '.join(fields)}"
    return None


def _num(value, digits: int = 0) -> str:
    return f'<td class="tf-num">{value:,.{digits}f}</td>'


def counts_table(rows: list[dict], t: dict, label: str) -> str:
    """The counts by number format, the same on every machine."""
    keys = ["format", "teach_macs", "teach_ops", "teach_read", "teach_written", "teach_energy",
            "read_macs", "accuracy"]
    head = "<tr>" + "".join(f"<th>{escape(t[k])}</th>" for k in keys) + "</tr>"
    body = "".join(
        f"<tr><td>{escape(r['format'])}</td>{_num(r['teach_ops']['macs'])}"
        f"{_num(r['teach_ops']['ops'])}{_num(r['teach_ops']['bytes_read'])}"
        f"{_num(r['teach_ops']['bytes_written'])}{_num(r['teach_energy_pj'] / 1e6, 1)}"
        f"{_num(r['read_ops_per_page']['macs'])}<td class=\"tf-num\">{r['accuracy']:.1%}</td></tr>"
        for r in rows)
    return (f'<div class="tf-table-wrap" tabindex="0" role="region" aria-label="{escape(label)}">'
            f'<table class="tf-table">{head}{body}</table></div>')


def timing_table(data: dict, t: dict, label: str) -> str:
    """One row per machine: the build machine now, the reader's browser when they ask."""
    formats = [r["format"] for r in data["rows"]]
    head = (f"<tr><th>{escape(t['where'])}</th>"
            + "".join(f"<th>{escape(t['teach_rate'].format(format=f))}</th>" for f in formats)
            + f"<th>{escape(t['read_rate'])}</th></tr>")
    where = t["build_machine"].format(**data["machine"])
    cells = "".join(_num(r["taught_pages"] / r["teach_seconds"]) for r in data["rows"])
    reads = sum(r["read_pages"] for r in data["rows"]) / sum(r["read_seconds"] for r in data["rows"])
    return (f'<div class="tf-table-wrap" tabindex="0" role="region" aria-label="{escape(label)}">'
            f'<table class="tf-table tf-timing">'
            f"<thead>{head}</thead><tbody><tr><td>{escape(where)}</td>{cells}{_num(reads)}</tr>"
            f"</tbody></table></div>")


def measured_html(data: dict, widget: dict, t: dict) -> str:
    """The two tables and the button that measures again in the reader's browser."""
    w = {k: escape(v) for k, v in widget.items() if isinstance(v, str)}
    return (
        f"<h2 id=\"counts\">{w['measure_counts']}</h2>"
        f"{counts_table(data['rows'], t, widget['measure_counts'])}"
        f"<h2 id=\"speed\">{w['measure_speed']}</h2>"
        f"{timing_table(data, t, widget['measure_speed'])}"
        f'<p class="tf-measure"><button type="button" class="md-button md-button--primary" '
        f'data-action="measure">{w["measure_run"]}</button> '
        f'<span class="tf-status" role="status" aria-live="polite"></span></p>'
    )

"""What a notebook must be before it becomes a page: a name that is safe in a URL, a bounded size,
no build markers in its prose, and outputs of a bounded size whose data is what its type says.

Each problem is a line naming the notebook and the cell, so that one build reports them all.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import stat
from pathlib import Path

# RFC 3986's unreserved characters less '~': such a name needs no escaping in a URL, a Markdown
# link or a shell, and has one byte form on every file system (non-ASCII names do not: macOS
# stores them decomposed, so the same name would make two cache keys and two translations)
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
RESERVED = {"index", "report"}  # the section's own generated pages: notebooks/index.md, report.md
# the build's own placeholders: slots (trainfer/slots.py) and trainfer:* markers (demos, tables)
MARKER = re.compile(r"<!--\s*(?:tf-slot\b|trainfer:).*?(?:-->|$)", re.DOTALL)
VEGALITE = re.compile(r"application/vnd\.vegalite\.v\d+[+.]json")
PNG = b"\x89PNG\r\n\x1a\n"
OPTION = "option {} of the trainfer/notebooks plugin"


def name_problem(rel: Path) -> str | None:
    """Why a notebook's file name cannot become a page's URL, if it cannot."""
    stem = rel.name[: -len(".ipynb")] if rel.name.endswith(".ipynb") else rel.stem
    if stem in RESERVED:
        return (f"{rel}: the name '{stem}' is taken by the notebooks section's own page "
                f"notebooks/{stem}.md; rename the notebook")
    if NAME.fullmatch(stem):
        return None
    odd = sorted({ch for ch in stem if not NAME.fullmatch("a" + ch)})
    shown = " ".join(repr(ch) for ch in odd) or f"a leading {stem[:1]!r}"
    return (f"{rel}: the file name would break the page's URL ({shown}); use ASCII letters, "
            "digits, '-', '_' and '.', starting with a letter or digit")


def size_problem(rel: Path, path: Path, limit: int) -> str | None:
    """Why a notebook file is not one to read, if it is not: too large, or not a regular file (a
    FIFO or /dev/zero reports no size and never ends). Checked before parsing it."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        return f"{rel}: not a regular file; a notebook is a .ipynb file in the notebooks folder"
    size = info.st_size
    if size <= limit:
        return None
    return (f"{rel}: {size:,} bytes, over the limit of {limit:,} bytes per notebook file "
            f"({OPTION.format('max_notebook_bytes')}); notebooks are stored without outputs")


def cell_name(nb, index: int) -> str:
    """'code cell N (`head`)' or 'Markdown cell N (`head`)', counted per kind as Jupyter shows."""
    kind = nb.cells[index].cell_type
    number = sum(1 for cell in nb.cells[: index + 1] if cell.cell_type == kind)
    lines = str(nb.cells[index].get("source", "")).strip().splitlines()
    label = "Markdown" if kind == "markdown" else kind
    return f"{label} cell {number} (`{lines[0][:80] if lines else ''}`)"


def _marker(text: str) -> str | None:
    found = MARKER.search(text or "")
    return None if found is None else found[0][:60]


def marker_problems(where: str, nb, title: str = "", summary: str = "") -> list[str]:
    """Build markers in a notebook's prose (its Markdown cells, title and summary)."""
    why = "a marker the build itself puts in pages (tf-slot and trainfer: comments are reserved)"
    problems = []
    for key, text in (("metadata.trainfer.title", title), ("metadata.trainfer.summary", summary)):
        if found := _marker(text):
            problems.append(f"{where}: {key} holds `{found}`, {why}")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and (found := _marker(str(cell.get("source", "")))):
            problems.append(f"{where}: {cell_name(nb, index)} holds `{found}`, {why}")
    return problems


def _is_text(value) -> bool:
    return isinstance(value, str) or (isinstance(value, list)
                                      and all(isinstance(v, str) for v in value))


def data_problem(mime: str, value) -> str | None:
    """What is wrong with one value of a display bundle, as its MIME type reads it."""
    if VEGALITE.fullmatch(mime):
        return None if isinstance(value, dict) else "is not a JSON object (a Vega-Lite spec)"
    if mime == "application/json" or mime.endswith("+json"):
        return None
    if not _is_text(value):
        return f"is a {type(value).__name__}, not text"
    if mime.startswith("image/") and mime != "image/svg+xml":
        data = "".join(value).replace("\n", "")
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError) as exc:
            return f"is not valid base64 ({exc})"
        if mime == "image/png" and not raw.startswith(PNG):
            return "is not a PNG image (no PNG signature)"
    return None


def output_problem(output) -> str | None:
    """What is wrong with one output of a code cell, if anything."""
    if not isinstance(output, dict):
        return f"an output is a {type(output).__name__}, not an object"
    kind = output.get("output_type")
    if kind == "stream" and not _is_text(output.get("text", "")):
        return "a stream output's text is not text"
    if kind in ("display_data", "execute_result"):
        data = output.get("data", {})
        if not isinstance(data, dict):
            return f"a {kind} output's data is not an object"
        for mime, value in data.items():
            if problem := data_problem(str(mime), value):
                return f"its {str(mime)[:60]} output {problem}"
    return None


def output_problems(where: str, nb, max_bytes: int) -> list[str]:
    """Code cells whose outputs are malformed, or larger together than `max_bytes`."""
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        size = len(json.dumps(outputs, ensure_ascii=False).encode()) if outputs else 0
        if size > max_bytes:
            problems.append(f"{where}: {cell_name(nb, index)} made {size:,} bytes of output, over "
                            f"the limit of {max_bytes:,} bytes per cell "
                            f"({OPTION.format('max_output_bytes')})")
            continue
        for output in outputs:
            if problem := output_problem(output):
                problems.append(f"{where}: {cell_name(nb, index)}: {problem}")
                break
    return problems


def unindexed(slots, limit: int) -> None:
    """Keep every slot's HTML larger than `limit` out of the search index.

    Material's search plugin skips an element with `data-search-exclude` and all it holds; the
    page still shows it.
    """
    slots.items = [html if len(html.encode()) <= limit else f"<div data-search-exclude>{html}</div>"
                   for html in slots.items]

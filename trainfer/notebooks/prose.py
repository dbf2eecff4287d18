"""Figures typed by hand: a number in a notebook's prose that no output and no declared data shows.

Every figure on the site comes from a data row or from a computation, so a number in a Markdown
cell (or in the metadata's title and summary) must appear in the executed notebook's outputs
(text/plain, streams, text/markdown, the text of HTML tables, the values of chart specs) or in
the text of the data files its `trainfer` metadata declares. The rules:

- **What counts as a number.** A run of digits, with thousands commas and a decimal part
  (`1,234.5`), a leading sign, a trailing `%` or `x`/`×`, or an exponent (`1.5e9`, `10^15`).
- **What is not a figure.** Years (1900-2099 alone, and dates such as 2021-07 or 2021-07-01);
  single digits without a decimal part, `%` or `×` (counts such as "2 cores", "step 1");
  numbers with a leading zero (`02`, as in "notebook 02"); list numbering at the start of a
  line (`1.`); powers of ten (`10^15`, a unit such as peta); names with a number glued to
  letters (fp16, int8, bf16, A100, v1.0, 3D, 1st) or joined by a hyphen to a word (ResNet-50,
  GPT-3); version numbers with two dots (1.2.3); and everything in code spans, code blocks,
  URLs and HTML tags.
- **How a figure matches.** By value, not by spelling: `1,234` matches `1234`, `3.30` matches
  `3.3`, `+40 %` matches `40%`. A figure with *d* decimals matches any shown value that rounds
  to it at *d* decimals (prose may round an output: "3.7 months" for a printed 3.72); a
  percentage also matches the fraction it stands for (40% and a data file's 0.4).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from trainfer.notebooks.cache import sidecars

NUMBER = re.compile(
    r"(?P<pre>[^\W\d]|[.\-])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<exp>[eE][+-]?\d+|\^\d+)?(?P<post>\s?%|\s?[x×](?![A-Za-z])|[A-Za-z]+|\.\d)?"
)
DATE = re.compile(r"\b(?:19|20)\d\d-\d\d(?:-\d\d)?\b")
DROP = re.compile(r"```.*?```|~~~.*?~~~|`[^`]*`|<[^>]+>|\]\([^)]*\)|https?://\S+", re.DOTALL)
LIST_ITEM = re.compile(r"^\s*\d+[.)]\s", re.MULTILINE)


def _value(num: str, exp: str | None) -> Decimal:
    value = Decimal(num.replace(",", ""))
    if exp and exp.startswith("^"):
        return value ** int(exp[1:])  # 10^15
    if exp:
        return value.scaleb(int(exp[1:]))  # 1.5e9
    return value


def figures(text: str) -> list[tuple[str, Decimal, int, bool]]:
    """The figures in prose: (as written, value, decimals, is a percentage), by the rules above."""
    text = LIST_ITEM.sub(" ", DATE.sub(" ", DROP.sub(" ", text)))
    found = []
    for m in NUMBER.finditer(text):
        pre, num, exp, post = m["pre"] or "", m["num"], m["exp"], (m["post"] or "").strip()
        if exp and exp.startswith("^") and num == "10":
            continue  # 10^15: a unit (peta), not a figure
        if pre.isalnum() or pre == "_" or pre == "." or (pre == "-" and _after_word(text, m)):
            continue  # glued to a name (fp16, v1.0) or hyphenated to one (ResNet-50)
        if (post.isalpha() and post not in ("x",)) or post.startswith("."):
            continue  # 1st, 3D, 45nm-like names; 1.2.3 versions
        digits = num.replace(",", "")
        if len(digits) > 1 and digits[0] == "0" and "." not in digits:
            continue  # 02: an identifier, not a quantity
        if "." not in num and not exp and not post:
            if len(digits) == 1 or (len(digits) == 4 and 1900 <= int(digits) <= 2099):
                continue  # a count or a year
        decimals = len(num.split(".")[1]) if "." in num and not exp else 0
        found.append((m.group(0)[len(pre):].strip(), _value(num, exp), decimals, post == "%"))
    return found


def _after_word(text: str, m: re.Match) -> bool:
    start = m.start("pre")
    return start > 0 and text[start - 1].isalpha()


def shown_values(text: str) -> set[Decimal]:
    """Every number a piece of output or data text shows, however it is written."""
    return {_value(m["num"], m["exp"]) for m in NUMBER.finditer(text)}


def _strings(value) -> list[str]:
    """Every string and number inside a JSON value (a chart spec's data), as text."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [] if isinstance(value, bool) or value is None else [str(value)]


def output_text(nb) -> str:
    """The text of every output of the executed notebook: streams, plain text, HTML, charts."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            if out.get("output_type") == "stream":
                parts.append(_join(out.get("text", "")))
            for mime, data in (out.get("data") or {}).items():
                if mime.endswith("json"):
                    parts += _strings(data if not isinstance(data, str) else json.loads(data))
                elif mime.startswith("text/"):
                    parts.append(re.sub(r"<[^>]+>", " ", _join(data)))
    return "\n".join(parts)


def _join(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def matches(value: Decimal, decimals: int, percent: bool, shown: set[Decimal]) -> bool:
    """Whether a prose figure is one of the shown values, rounded to the prose's decimals."""
    half = Decimal(5).scaleb(-decimals - 1)
    wanted = [(value, half)] + ([(value / 100, half / 100)] if percent else [])
    return any(abs(s - w) <= tolerance for w, tolerance in wanted for s in shown)


def prose_cells(nb, meta: dict):
    """(where, first line, text) for the metadata's title and summary and every Markdown cell."""
    for key in ("title", "summary"):
        if isinstance(meta.get(key), str):
            yield f"metadata.trainfer.{key}", meta[key], meta[key]
    count = 0
    for cell in nb.cells:
        if cell.get("cell_type") == "markdown":
            count += 1
            first = next((line for line in cell.source.splitlines() if line.strip()), "")
            yield f"markdown cell {count}", first, cell.source


def prose_problems(path, nb, data_files: list[str], root: Path) -> list[str]:
    """One line per figure in the prose that no output and no declared data file shows."""
    shown = shown_values(output_text(nb))
    for rel in sorted(set(data_files) | sidecars(Path(root), data_files)):
        file = Path(root) / rel
        if file.is_file():
            shown |= shown_values(file.read_text(encoding="utf-8", errors="replace"))
    problems = []
    for where, first, text in prose_cells(nb, nb.metadata.get("trainfer") or {}):
        for written, value, decimals, percent in figures(text):
            if not matches(value, decimals, percent, shown):
                line = first if len(first) <= 60 else first[:57] + "..."
                problems.append(
                    f"{path}: {where} ({line!r}) types the figure {written}, which no output "
                    "and no declared data file shows: print it from the code (format a "
                    "computed value) or drop it from the prose"
                )
    return problems

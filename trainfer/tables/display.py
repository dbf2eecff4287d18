"""How a table is shown: which column names a row, which figure a citation points at, which
columns sit in the row's detail (long text, sources, bookkeeping), and units stated once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from html import escape

# Units that name what is counted rather than measure it: "Accelerators (count)", "Rank (rank)"
# and "IO500 score (score)" say nothing the label does not already say.
COUNTING_UNITS = frozenset({"count", "rank", "score"})
LONG_TEXT = 24  # a text column whose values average more characters reads as prose: detail
LONGEST_TEXT = 60  # ... as does one with any value longer than this
SPARSE = 10  # a column filled in fewer than 1 row in 10 is detail
BOOKKEEPING = ("id", "as_of")
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"']+")
LONG_WORD = re.compile(r"[^\s<>]{14,}")  # a word this long may break after _ . / -
BREAK_AFTER = re.compile(r"([_./-])(?=\w)")


@dataclass(frozen=True)
class Display:
    """A table's reading aids: the row header column, the columns that name a row in a
    citation, the columns whose first filled value is the figure a citation points at."""

    header: str
    name: tuple[str, ...]
    figures: tuple[str, ...] = ()
    figure_unit: str | None = None  # the column holding the figure's unit, where it varies
    figure_label: bool = True  # False where the row's name already says what the figure is
    detail: tuple[str, ...] = ()  # columns in the detail besides those the rules put there


DISPLAYS = {
    # the figures a reader compares across chips fit 1280 px without the memory type and node
    "chips": Display("chip", ("chip",), ("fp16_tflops", "int8_tops", "fp32_tflops"),
                     detail=("memory_type", "node")),
    "centres": Display("name", ("name", "phase"), ("compute_pflops", "int8_pops")),
    "compute_trend": Display("label", ("label",), ("pfs_days", "doubling_months",
                                                   "growth_per_year")),
    "energy_per_op": Display("operation", ("operation",), ("energy_pj",), figure_label=False),
    "figures": Display("quantity", ("quantity",), ("value",), figure_unit="unit",
                       figure_label=False),
    "mlperf_resnet50": Display("system", ("round", "submitter", "accelerator"),
                               ("time_to_train_s",)),
    "rankings": Display("list", ("ranking", "list", "category"), ("rank",)),
}
HEADER_KEYS = ("name", "label", "title")  # a table not listed above: its name column, if any


def display_of(table) -> Display:
    """The table's reading aids; for a table not listed, its first text column after the id."""
    if table.name in DISPLAYS:
        return DISPLAYS[table.name]
    keys = [c.key for c in table.columns]
    texts = [c.key for c in table.columns if c.kind == "text" and c.key != "id"]
    header = next((k for k in HEADER_KEYS if k in keys), texts[0] if texts else keys[0])
    numbers = tuple(c.key for c in table.columns if c.kind == "number" and not c.derived)
    return Display(header, (header,), numbers[:1])


def shown_unit(label: str, unit: str | None) -> str | None:
    """The unit to print beside a label, or None when it would only repeat the label.

    >>> shown_unit("Rank", "rank"), shown_unit("Accelerators", "count"), shown_unit("Power", "W")
    (None, None, 'W')
    >>> shown_unit("Growth in ×/year", "×/year"), shown_unit("Energy", "pJ")
    (None, 'pJ')
    """
    if not unit or unit in COUNTING_UNITS:
        return None
    said = re.search(rf"(?<!\w){re.escape(unit)}(?!\w)", label, re.IGNORECASE)
    return None if said else unit


def with_unit(label: str, unit: str | None) -> str:
    """A label with its unit in brackets, stated once (plain text)."""
    shown = shown_unit(label, unit)
    return f"{label} ({shown})" if shown else label


def detail_keys(table, derived: list[dict] | None = None) -> set[str]:
    """The columns shown in a row's detail rather than in the table: the id and as-of date,
    sources and links, long prose, and columns almost never filled."""
    show = display_of(table)
    header, rows = show.header, table.rows
    out = set(show.detail)
    for column in table.columns:
        if column.key == header:
            continue
        values = [row.get(column.key) for row in rows]
        if derived is not None and column.derived:
            values = [extra.get(column.key) for extra in derived]
        filled = [v for v in values if v not in (None, "", [])]
        lengths = [len(str(v)) for v in filled]
        if (column.key in BOOKKEEPING or column.kind in ("list", "url")
                or (column.kind == "text" and lengths
                    and (sum(lengths) / len(lengths) > LONG_TEXT or max(lengths) > LONGEST_TEXT))
                or (len(rows) >= SPARSE and len(filled) * SPARSE < len(rows))):
            out.add(column.key)
    return out


def number_text(value) -> str:
    """A number as the tables show it: the file's precision, thousands grouped.

    >>> number_text(1979), number_text(0.00002), number_text(15.7)
    ('1,979', '2e-05', '15.7')
    """
    return f"{value:,.4g}" if isinstance(value, float) and abs(value) < 1e-3 else f"{value:,}"


def sort_key(value) -> str:
    """A number as tablesort reads it: plain digits, never an exponent (it drops letters).

    >>> sort_key(2.7e-05), sort_key(1e21), sort_key(12)
    ('0.000027', '1000000000000000000000', '12')
    """
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def breakable(html: str) -> str:
    """Escaped text where long words (file names, system ids) may wrap after _ . / or -.

    >>> breakable("dgx1_multi_ngc18.11_mxnet on 8 nodes")
    'dgx1_<wbr>multi_<wbr>ngc18.<wbr>11_<wbr>mxnet on 8 nodes'
    """
    return LONG_WORD.sub(lambda m: BREAK_AFTER.sub(r"\1<wbr>", m[0]), html)


def linked(text: str) -> str:
    """Text as HTML, escaped, with every http(s) URL in it a link that opens nothing else.

    >>> linked('Paper, https://x.test/a?b=1&c=2.')
    'Paper, <a href="https://x.test/a?b=1&amp;c=2" rel="noopener noreferrer">https://x.test/a?b=1&amp;c=2</a>.'
    """
    out, last = [], 0
    for match in URL_IN_TEXT.finditer(text):
        url = match[0].rstrip(".,;:")  # sentence punctuation after a URL is not part of it
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1].rstrip(".,;:")
        out.append(breakable(escape(text[last:match.start()])))
        out.append(f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>')
        last = match.start() + len(url)
    out.append(breakable(escape(text[last:])))
    return "".join(out)

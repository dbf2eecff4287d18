"""How big a data file may be, and the one place its bytes are read and checked.

The defaults leave ample room: in 2026-11 the largest file is 21 KB (claims.yaml), the longest
table has 25 rows and the largest YAML file builds 886 nodes. A data file is a cited table typed
by hand, and every row becomes a line of a page that readers load, so a file 50 times larger
than today's largest is a mistake or an attack, not a table.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from trainfer.tables.errors import DataError, shown

OPTION = "option {} of the trainfer/tables plugin"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # all but tab, line feed, return


@dataclass(frozen=True)
class Limits:
    """Per data file: bytes on disk, table rows, YAML nodes with every alias expanded."""

    max_file_bytes: int = 1_048_576  # 1 MiB: 50x today's largest; checked before any parsing
    max_rows: int = 2_000  # 80x today's longest table; each row is a line of a page
    max_yaml_nodes: int = 100_000  # 110x today's largest; about what 1 MiB of such YAML builds


DEFAULTS = Limits()


def read_text(path: Path, limits: Limits) -> str:
    """The file's text, or a DataError naming its size over the limit, a BOM or a non-UTF-8 byte."""
    name = shown(path)
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
                raise DataError(name, "not a regular file")
            if info.st_size > limits.max_file_bytes:
                raise DataError(name, too_big(info.st_size, limits.max_file_bytes))
            data = handle.read(limits.max_file_bytes + 1)  # the file may have grown since
    except OSError as exc:
        raise DataError(name, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limits.max_file_bytes:
        raise DataError(name, too_big(len(data), limits.max_file_bytes))
    if data.startswith(codecs.BOM_UTF8):
        raise DataError(name, "starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 "
                        "without BOM")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DataError(name, "starts with a UTF-16 byte-order mark: save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(name, not_utf8(data, exc.start, exc.reason)) from None
    if control := CONTROL.search(text):  # invisible in an editor, and carried into the pages
        line, column = position(text, control.start())
        raise DataError(name, f"control character U+{ord(control[0]):04X} at line {line}, "
                        f"column {column}: not allowed in a data file")
    return text


def too_big(size: int, limit: int) -> str:
    """The message for a file over the size limit."""
    return (f"{size:,} bytes, over the limit of {limit:,} bytes per data file "
            f"({OPTION.format('max_file_bytes')})")


def not_utf8(data: bytes, offset: int, reason: str) -> str:
    """Where the first byte that is not UTF-8 sits (line and column) and its value."""
    line, column = position(data, offset)
    return (f"not UTF-8 at line {line}, column {column}: byte 0x{data[offset]:02X} ({reason}); "
            "save the file as UTF-8")


def position(data: bytes | str, offset: int) -> tuple[int, int]:
    r"""Line and column (in characters, 1-based) of an offset into UTF-8 bytes or into text.

    >>> position("ab\ncd".encode(), 4), position("人\n人x".encode(), 7)
    ((2, 2), (2, 2))
    """
    newline = b"\n" if isinstance(data, bytes) else "\n"
    start = data.rfind(newline, 0, offset) + 1
    before = data[start:offset]  # whole characters: it ends where the problem starts
    width = len(before.decode("utf-8", "replace") if isinstance(before, bytes) else before)
    return data.count(newline, 0, offset) + 1, width + 1

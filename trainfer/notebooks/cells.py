"""What Markdown and raw cells carry besides their text: attachments, their own title, and the
format of a raw cell."""

from __future__ import annotations

import base64
import binascii
import re
from html import escape
from urllib.parse import unquote

ATTACHMENT = re.compile(r"attachment:([^\s)\"'>]+)")
ATTACHED_IMAGES = ("image/png", "image/jpeg", "image/gif")  # never SVG: it can carry script
# the first line an ATX `# Title` (not `##`), or a setext title underlined with `===`
OWN_TITLE = re.compile(r"\A(?:[ \t]*\n)*[ ]{0,3}"
                       r"(?:#[ \t]+[^\n]*|#[ \t]*|[^\s][^\n]*\n[ ]{0,3}=+[ \t]*)(?:\n|\Z)")


def _image(attachments: dict, name: str) -> tuple[str, str] | None:
    """(mime, base64) of an attached image the site may show, else None."""
    bundle = attachments.get(unquote(name)) or attachments.get(name) or {}
    for mime in ATTACHED_IMAGES:
        if isinstance(bundle.get(mime), (str, list)):
            data = "".join(bundle[mime]).replace("\n", "")
            try:
                base64.b64decode(data, validate=True)
            except (binascii.Error, ValueError):
                return None
            return mime, data
    return None


def attachment_problems(path, nb) -> list[str]:
    """One line per `attachment:name` that names no attached PNG/JPEG/GIF, naming the cell."""
    problems, number = [], 0
    for cell in nb.cells:
        if cell.get("cell_type") != "markdown":
            continue
        number += 1
        attachments = cell.get("attachments") or {}
        for name in dict.fromkeys(ATTACHMENT.findall(cell.get("source", ""))):
            if _image(attachments, name) is None:
                has = ", ".join(sorted(attachments)) or "none"
                problems.append(
                    f"{path}: markdown cell {number} shows attachment:{name}, which is not an "
                    f"attached PNG, JPEG or GIF image (attached: {has})")
    return problems


def with_attachments(cell) -> str:
    """A Markdown cell's source with each `attachment:name` as the image's data: URI."""
    attachments = cell.get("attachments") or {}

    def inline(match: re.Match) -> str:
        found = _image(attachments, match[1])
        return match[0] if found is None else f"data:{found[0]};base64,{found[1]}"

    return ATTACHMENT.sub(inline, cell.source) if attachments else cell.source


def without_own_title(source: str) -> str:
    """A first cell's source without its leading `# Title`: the page's title (from the
    notebook's metadata) stands in its place, so the page does not get two.

    >>> without_own_title("# Floating point\\n\\nWhy it matters.")
    'Why it matters.'
    >>> without_own_title("## A section\\ntext")
    '## A section\\ntext'
    """
    match = OWN_TITLE.match(source)
    return source[match.end():].lstrip("\n") if match else source


def raw_format(cell) -> str:
    """A raw cell's format: metadata.raw_mimetype (Jupyter's), else metadata.format."""
    meta = cell.get("metadata") or {}
    return str(meta.get("raw_mimetype") or meta.get("format") or "").lower()


def raw_text(source: str) -> str:
    """A raw cell shown as Jupyter shows it: its text as typed."""
    return f'<pre class="tf-raw" tabindex="0">{escape(source)}</pre>' if source.strip() else ""

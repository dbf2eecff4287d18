"""What a notebook would load from another host: a build error naming the notebook and the cell.

The site loads nothing from outside its origin, so an image from elsewhere (a Markdown image, an
<img> in HTML, an SVG that references another host) is refused, with the fix: keep the file
beside the notebook and link it by a relative path.
"""

from __future__ import annotations

from pathlib import Path

import markdown

from trainfer.security.urls import outside_loads

HTML_MIMES = ("text/html", "image/svg+xml")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")  # never SVG: it can carry script


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def output_markup(cell) -> str:
    """The HTML and SVG a code cell's outputs carry."""
    return "".join(_text(out.get("data", {}).get(mime, "")) for out in cell.get("outputs", [])
                   for mime in HTML_MIMES)


def beside_images(folder: Path) -> list[Path]:
    """The images kept beside the notebooks, which their pages may show by a relative link."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)


def outside_load_problems(path, nb) -> list[str]:
    """One line per cell that would load something from another host, naming notebook and cell."""
    problems = []
    counts = {"markdown": 0, "code": 0}
    for cell in nb.cells:
        kind = cell.get("cell_type")
        if kind not in counts:
            continue
        counts[kind] += 1
        if kind == "markdown":
            html = markdown.markdown(cell.source, extensions=["attr_list", "md_in_html"])
            where = f"markdown cell {counts[kind]}"
        else:
            html, where = output_markup(cell), f"code cell {counts[kind]}'s output"
        for url in dict.fromkeys(outside_loads(html)):
            problems.append(
                f"{path}: {where} loads {url} from another host. The site loads nothing from "
                "outside its own origin: put the image beside the notebook (notebooks/) and "
                "link it by a relative path"
            )
    return problems

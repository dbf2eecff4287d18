"""`python -m trainfer.notebooks.scaffold "Title"`: a new notebook from the template.

It is numbered after the last one, named from the title, and carries the required metadata.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import nbformat

TEMPLATE = Path("notebooks/templates/template.ipynb")


def slug(title: str) -> str:
    """Lower-case ASCII words joined by hyphens.

    >>> slug("What 100 PFLOPS buys (Wuhan & Xi'an)")
    'what-100-pflops-buys-wuhan-xi-an'
    """
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def next_number(folder: Path) -> int:
    """The number after the highest `NN-` prefix in the folder."""
    numbers = [int(m[1]) for p in folder.glob("*.ipynb") if (m := re.match(r"(\d+)-", p.name))]
    return max(numbers, default=0) + 1


def scaffold(title: str, root: Path) -> Path:
    """Write notebooks/NN-<slug>.ipynb from the template; refuse to overwrite."""
    if not title.strip() or not slug(title):
        raise ValueError("give a title with some letters or digits, e.g. \"What 100 PFLOPS buys\"")
    folder = root / "notebooks"
    path = folder / f"{next_number(folder):02d}-{slug(title)}.ipynb"
    if path.exists():
        raise FileExistsError(f"{path} exists already")
    nb = nbformat.read(root / TEMPLATE, as_version=4)
    nb.metadata["trainfer"]["title"] = title.strip()
    nbformat.write(nb, path)
    return path


def main(argv: list[str]) -> int:
    """The command line: one title in, one notebook written."""
    if len(argv) != 1:
        print('usage: nox -s new-notebook -- "Title of the notebook"', file=sys.stderr)
        return 2
    try:
        path = scaffold(argv[0], Path.cwd())
    except (ValueError, FileExistsError) as exc:
        print(f"new-notebook: {exc}", file=sys.stderr)
        return 2
    print(f"Wrote {path.relative_to(Path.cwd())}: fill in its metadata (title, summary, authors,")
    print("sources, data, budget_seconds), then run `python3 -m nox -s check-notebooks`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

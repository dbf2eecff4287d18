"""The `trainfer` block a notebook's metadata carries, and its validation.

A site may allow plain notebooks (option `require_metadata: false` of trainfer/notebooks): one
without the block gets its title from its first `# Heading` (else its file name), no byline or
sources, the configured time budget, and every file of the data folder as its data (so a change
to any of them runs it again).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REQUIRED = {
    "title": str,
    "summary": str,
    "authors": list,
    "sources": list,
    "data": list,
    "budget_seconds": (int, float),
}


@dataclass(frozen=True)
class NotebookMeta:
    """A notebook's validated `trainfer` metadata block."""

    title: str
    summary: str
    authors: list[str]
    sources: list[str]
    data: list[str]
    budget_seconds: float


def plain_meta(path: Path, nb, data_dir: Path, root: Path, budget: float) -> NotebookMeta:
    """The metadata of a notebook without a `trainfer` block."""
    title = path.stem
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            first = cell.source.strip().splitlines()[:1]
            if first and first[0].startswith("# "):
                title = first[0][2:].strip()
            break
    data = sorted(p.relative_to(root).as_posix() for p in data_dir.glob("*") if p.is_file())
    return NotebookMeta(title, "", [], [], data, budget)


def read_meta(path: Path, metadata: dict, root: Path,
              plain: NotebookMeta | None = None) -> tuple[NotebookMeta | None, list[str]]:
    """The notebook's metadata and a list of problems, each naming the notebook and the key.

    `plain` is what a notebook without the block gets when the site allows that.
    """
    block = metadata.get("trainfer")
    if block is None and plain is not None:
        return plain, []
    if not isinstance(block, dict):
        return None, [f"{path}: metadata has no 'trainfer' block (see CONTRIBUTING.md)"]
    problems = []
    for key, kind in REQUIRED.items():
        value = block.get(key)
        if value is None:
            problems.append(f"{path}: metadata.trainfer.{key} is missing")
        elif not isinstance(value, kind) or isinstance(value, bool):
            expected = kind.__name__ if isinstance(kind, type) else "a number"
            problems.append(
                f"{path}: metadata.trainfer.{key} should be {expected}, not {type(value).__name__}"
            )
    for key in ("authors", "sources", "data"):
        value = block.get(key)
        if isinstance(value, list) and not all(isinstance(v, str) and v for v in value):
            problems.append(f"{path}: metadata.trainfer.{key} should list non-empty strings")
    for key in ("title", "summary"):
        if isinstance(block.get(key), str) and not block[key].strip():
            problems.append(f"{path}: metadata.trainfer.{key} is empty")
    if isinstance(block.get("authors"), list) and not block["authors"]:
        problems.append(f"{path}: metadata.trainfer.authors is empty")
    if isinstance(block.get("sources"), list) and not block["sources"]:
        problems.append(f"{path}: metadata.trainfer.sources is empty")
    budget = block.get("budget_seconds")
    if isinstance(budget, (int, float)) and not isinstance(budget, bool) and budget <= 0:
        problems.append(f"{path}: metadata.trainfer.budget_seconds should be > 0, not {budget}")
    for rel in block.get("data") or []:
        if isinstance(rel, str) and not (root / rel).is_file():
            problems.append(f"{path}: metadata.trainfer.data names {rel}, which does not exist")
    if problems:
        return None, problems
    return NotebookMeta(**{key: block[key] for key in REQUIRED}), []


def run_problems(path: Path, meta: NotebookMeta, seconds: float, reads: list[str]) -> list[str]:
    """What a finished run breaks: its time budget, or reading data it did not declare."""
    problems = []
    if seconds > meta.budget_seconds:
        problems.append(f"{path}: took {seconds:.1f} s, over its budget of "
                        f"{meta.budget_seconds:g} s (metadata.trainfer.budget_seconds)")
    for rel in sorted(set(reads) - set(meta.data)):
        problems.append(f"{path}: reads {rel} but metadata.trainfer.data does not declare it "
                        "(the cache would miss a change to it)")
    return problems

"""The `trainfer` block every notebook's metadata must carry, and its validation."""

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


def read_meta(path: Path, metadata: dict, root: Path) -> tuple[NotebookMeta | None, list[str]]:
    """The notebook's metadata and a list of problems, each naming the notebook and the key."""
    block = metadata.get("trainfer")
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

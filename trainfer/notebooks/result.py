"""What happened to one notebook, as a plain object (no Jupyter imports needed to hold one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ExecResult:
    """What happened to one notebook: ok or not, how long, from cache or run, and the error."""

    path: Path
    ok: bool
    seconds: float = 0.0
    cached: bool = False
    notebook: object | None = None
    error: str | None = None
    reads: list[str] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)  # module files it loaded (cache.py)

    @property
    def stem(self) -> str:
        return self.path.stem

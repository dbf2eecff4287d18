"""A notebook run's clock: the per-cell limit, the whole run's budget, and which cell runs."""

from __future__ import annotations

import math
import time


class RunClock:
    """Which cell runs, and the time it may take: the per-cell limit or what is left of the budget."""

    def __init__(self, cell_timeout: float | None, budget) -> None:
        usable = isinstance(budget, (int, float)) and not isinstance(budget, bool) and budget > 0
        self.cell_limit, self.budget = cell_timeout or None, budget if usable else None
        self.started = self.finished = None
        self.cell_index: int | None = None
        self.budget_bound = False  # whether the running cell's limit is the rest of the budget

    def start(self, **_) -> None:
        self.started = time.monotonic()

    def cell_started(self, cell, cell_index: int, **_) -> None:
        self.cell_index = cell_index

    def cell_done(self, **_) -> None:
        self.finished = time.monotonic()

    def seconds(self) -> float:
        """From the kernel being ready to the end of the last cell (not the kernel's shutdown)."""
        return (self.finished or time.monotonic()) - self.started if self.started else 0.0

    def limit(self, cell) -> float | None:
        if self.started is None:  # nbclient calls on_notebook_start first; be sure anyway
            self.start()
        left = self.budget - (time.monotonic() - self.started) if self.budget else math.inf
        self.budget_bound = left < (self.cell_limit or math.inf)
        limit = min(left, self.cell_limit or math.inf)
        return None if limit == math.inf else max(limit, 0.1)  # 0 would mean "no limit"

"""Notebook runs started early (from on_pre_build) and collected later (in on_files).

The kernels are other processes: while they run, the build goes on reading and rendering its
other files (the tables, the cached notebooks' pages) on the other core, instead of waiting.
Nothing is skipped: on_files still waits for every run and fails the build on any failure.
"""

from __future__ import annotations

from trainfer.background import Background
from trainfer.notebooks.manager import stop_all


class PendingRuns:
    """One background call of `run()` (which executes the notebooks and returns their results)."""

    def __init__(self, run) -> None:
        self._call = Background(run, "trainfer-notebooks")

    def results(self) -> list:
        """Wait for the runs; an interrupt (Ctrl-C) while waiting kills every kernel first."""
        try:
            return self._call.result()
        except BaseException:
            stop_all()
            self._call.wait()
            raise

    def cancel(self) -> None:
        """The build failed elsewhere: end the kernels now and let the runs finish at once."""
        stop_all()
        self._call.wait()

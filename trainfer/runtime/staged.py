"""The demo wheels, the site lock and the Pyodide snapshot, made in a background thread from the
start of the build (on_pre_build) into a private folder, and copied into the site at its end.

Making them needs only the packages' source and node_modules, nothing the other plugins write,
so Node's snapshot (seconds, when the wheels changed) runs while the notebooks' kernels do. An
error in the thread is raised where the result is taken, so the build fails as it did before.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from trainfer.background import Background


@dataclass(frozen=True)
class Staged:
    """What the runtime ships besides the vendored files: wheels, lock, snapshot (or None)."""

    wheels: list[Path]
    lock: Path
    snapshot: Path | None


class Staging:
    """One background call of `make(folder)`, which writes into `folder` and returns a Staged."""

    def __init__(self, make: Callable[[Path], Staged]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="trainfer-runtime-"))
        self._call = Background(lambda: make(self.folder), "trainfer-runtime")

    def result(self) -> Staged:
        """Wait for it; the thread's exception, if any, is raised here."""
        return self._call.result()

    def discard(self) -> None:
        """Wait for the thread (its subprocesses have time limits) and remove the folder."""
        self._call.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

"""Where a kernel runs: under bubblewrap when it can run here, else with the socket guard only.

Under bubblewrap the kernel (and anything it starts) sees the whole file system read-only, has no
network, works in its notebook's folder and can write only to its run folder (scratch HOME and
TMPDIR, the IPC sockets, the read log). bwrap is probed once per process, by running `true` in
the very sandbox the kernels get; TRAINFER_BWRAP names another bwrap (or a missing one, to test
the fallback). Free of Jupyter imports.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Each flag keeps a promise: nothing written outside the bound folders, no network, no way back
# to privileges (the build may run as root), and no kernel left behind when the build dies.
BASE = [
    "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/dev/shm",
    "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
    "--die-with-parent", "--new-session", "--cap-drop", "ALL",
]


@dataclass(frozen=True)
class Isolation:
    """The isolation in force: bwrap's path when the sandbox works, else why it does not."""

    bwrap: str | None
    reason: str = ""

    def describe(self) -> str:
        """What the build log says, e.g. 'bubblewrap' or 'socket guard only (...)'."""
        if self.bwrap:
            return "bubblewrap (read-only file system, no network, scratch HOME)"
        return f"socket guard only (bwrap unavailable: {self.reason})"

    def wrap(self, argv: list[str], *, cwd: Path, writable: list[Path]) -> list[str]:
        """The kernel's command line, run inside the sandbox when there is one."""
        if not self.bwrap:
            return list(argv)
        binds = [arg for folder in writable for arg in ("--bind", str(folder), str(folder))]
        # ipykernel exits when its parent looks like init, which bwrap's pid 1 is; parent 1
        # tells it not to watch (--die-with-parent does that job here).
        return [self.bwrap, *BASE, *binds, "--chdir", str(cwd),
                "--setenv", "JPY_PARENT_PID", "1", "--", *argv]


@functools.cache
def isolation() -> Isolation:
    """Probe bwrap once: run `true` in the kernels' sandbox; say why not when it fails."""
    name = os.environ.get("TRAINFER_BWRAP", "bwrap")
    exe = shutil.which(name)
    if exe is None:
        return Isolation(None, f"{name} not found; install Debian's bubblewrap")
    try:
        done = subprocess.run([exe, *BASE, "--", "true"], capture_output=True, text=True,
                              timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Isolation(None, f"{exe}: {exc}")
    if done.returncode != 0:
        return Isolation(None, done.stderr.strip() or f"{exe} exited with {done.returncode}")
    return Isolation(exe)

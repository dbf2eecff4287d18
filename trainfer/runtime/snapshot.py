"""The site's Pyodide memory snapshot: made at build time by Node (snapshot.mjs), cached, shipped
gzip-compressed beside the runtime, so a reader's worker skips CPython's start.

The bytes are compressed here, not by the host: a static host may or may not gzip an unknown
type, and the worker decompresses with `DecompressionStream` either way. Node runs inside the
notebooks' sandbox (bubblewrap: read-only file system, no network) when it can run here, since
it imports the demo packages. A machine without Node builds a site without a snapshot (the
worker then starts Python plainly) and the log says so.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

from trainfer.digest import files_digest
from trainfer.heal import drop
from trainfer.notebooks.sandbox import isolation

log = logging.getLogger("mkdocs.plugins.trainfer.runtime")

#: the file's name in the site's pyodide folder (the worker asks for it by this name)
SNAPSHOT = "trainfer-snapshot.bin"
MAKER = Path(__file__).with_name("snapshot.mjs")
#: the heap's encoding, shared by the maker and the reader's worker
DELTA = Path(__file__).parent.parent / "assets" / "heapdelta.js"
#: what the snapshot is made from, besides the lock and the wheels
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
TIMEOUT_SECONDS = 300
GZIP_MAGIC = b"\x1f\x8b"
#: gzip level 7: 0.65 s for 4.79 MB here; level 9 saves 38 KB (15 ms at 20 Mbit/s) for 3.0 s
#: more on every remake (each edit of a demo package)
LEVEL = 7


def pure(wheel: Path) -> bool:
    """A wheel of pure Python (the snapshot can hold only those: it is made without loadPackage)."""
    return wheel.name.endswith("-none-any.whl")


def snapshot_key(pyodide_dir: Path, lock: Path, wheels: list[Path]) -> str:
    """sha256 of everything the snapshot's bytes depend on."""
    return files_digest([MAKER, DELTA, lock, *(pyodide_dir / n for n in PYODIDE_FILES), *wheels])


def _make(node: str, pyodide_dir: Path, lock: Path, wheels: list[Path], out: Path) -> None:
    """Run the maker; a PluginError carries Node's own message."""
    lock_digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    argv = [node, str(MAKER), f"{pyodide_dir}/", str(out), lock_digest, *map(str, wheels)]
    command = isolation().wrap(argv, cwd=out.parent, writable=[out.parent])
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as exc:
        raise PluginError(f"The Pyodide snapshot ({MAKER.name}) did not finish within "
                          f"{TIMEOUT_SECONDS} s") from exc
    if done.returncode != 0 or not out.is_file():
        tail = (done.stderr or done.stdout).strip()[-2000:]
        raise PluginError(f"Could not make the Pyodide snapshot ({MAKER.name}, exit "
                          f"{done.returncode}):\n{tail}")


def cached_snapshot(pyodide_dir: Path, lock: Path, wheels: list[Path], cache_dir: Path) -> Path | None:
    """The compressed snapshot for these files, made only when no good one is cached; None (and
    a log line saying why) where Node cannot be found."""
    node = shutil.which("node")
    if node is None:
        log.info("runtime: no Pyodide snapshot (no `node` on PATH): readers' Python starts plainly")
        return None
    held = [w for w in wheels if pure(w)]
    entry = cache_dir / f"{snapshot_key(pyodide_dir, lock, held)[:24]}.bin"
    if entry.is_file():
        with entry.open("rb") as kept:  # 6 MB: its first two bytes say whether it is gzip
            if kept.read(2) == GZIP_MAGIC:
                return entry
        drop(entry, "not gzip data")
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
        raw = Path(tmp) / "snapshot.raw"
        _make(node, pyodide_dir, lock, held, raw)
        packed = Path(tmp) / "snapshot.gz"
        packed.write_bytes(gzip.compress(raw.read_bytes(), compresslevel=LEVEL, mtime=0))
        packed.replace(entry)
    return entry

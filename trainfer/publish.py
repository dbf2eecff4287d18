"""The plugins' own browser files (JS, CSS, the widget), shipped inside the trainfer package.

Every site that uses the plugins gets them from the installed package; a file that is missing
(a broken install, a stray override folder) is a build error that names it, never a chart or a
widget that silently does not draw.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

ASSETS = Path(__file__).with_name("assets")
#: every file a page may reference under the site's assets folder (see the plugins' renderers)
FILES = ("trainfer.css", "charts.js", "tables.js", "measured.js", "board.js", "classroom.js",
         "editor.js", "link.js", "output.js", "spawn.js", "text.js", "worker.js",
         "marks.js", "snapshot.js", "heapdelta.js", "stdlib.js", "hook.js", "wasm.js",
         "offline.js", "prefetch.js")
# sw.js, the service worker's template, is not copied: the demos plugin writes it at the site's
# root with the build's digests (see trainfer.demos.offline)
STYLESHEET = "trainfer.css"


def source_of(name: str, override: Path | None = None) -> Path:
    """Where asset `name` comes from: the override folder when it has it, else the package."""
    if override is not None and (override / name).is_file():
        return override / name
    path = ASSETS / name
    if not path.is_file():
        raise PluginError(f"Missing asset {path}: the trainfer package is incomplete "
                          "(reinstall it; from a source checkout, restore the file with git)")
    return path


def publish(dest: Path, override: Path | None = None) -> list[Path]:
    """Copy every asset into `dest` (the site's assets folder); return the written paths."""
    sources = [source_of(name, override) for name in FILES]  # all checked before one is written
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for src in sources:
        shutil.copyfile(src, dest / src.name)
        written.append(dest / src.name)
    return written

"""Which files of node_modules the site serves, and copying them with a clear error if one is missing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from trainfer.runtime.esm import classic_script

#: site path (under the vendor folder) -> path under node_modules
VENDOR_FILES: dict[str, str] = {
    "pyodide/pyodide.mjs": "pyodide/pyodide.mjs",
    "pyodide/pyodide.asm.mjs": "pyodide/pyodide.asm.mjs",
    "pyodide/pyodide.asm.wasm": "pyodide/pyodide.asm.wasm",
    "pyodide/python_stdlib.zip": "pyodide/python_stdlib.zip",
    "vega/vega.min.js": "vega/build/vega.min.js",
    "vega/vega-lite.min.js": "vega-lite/build/vega-lite.min.js",
    "vega/vega-embed.min.js": "vega-embed/build/vega-embed.min.js",
    "tablesort/tablesort.min.js": "tablesort/dist/tablesort.min.js",
    "tablesort/tablesort.number.min.js": "tablesort/dist/sorts/tablesort.number.min.js",
}
#: ES modules served as classic scripts: site path -> (path under node_modules, the global it
#: sets, the globals its imports come from). vega-interpreter lets charts run with no `eval`.
WRAPPED_FILES: dict[str, tuple[str, str, dict[str, str]]] = {
    "vega/vega-interpreter.js": ("vega-interpreter/build/vega-interpreter.js", "vegaInterpreter",
                                 {"vega-util": "vega"}),
}
PYODIDE_LOCK = "pyodide/pyodide-lock.json"


def missing_hint(path: Path) -> str:
    """The error text for a vendored file that is not there."""
    return f"Missing vendored file {path}: run `npm ci` in the project folder (nox does it for you)."


def shipped_sources() -> list[str]:
    """Every file under node_modules the site is made from (each is in the vendored manifest)."""
    return [*VENDOR_FILES.values(), *(w[0] for w in WRAPPED_FILES.values()), PYODIDE_LOCK]


def check_node_modules(node_modules: Path) -> None:
    """Fail with the first missing file, naming it, before anything is written."""
    for rel in shipped_sources():
        if not (node_modules / rel).is_file():
            raise PluginError(missing_hint(node_modules / rel))


def package_version(node_modules: Path, package: str) -> str:
    """The installed version of an npm package, from its package.json."""
    return json.loads((node_modules / package / "package.json").read_text())["version"]


def copy_vendor(node_modules: Path, dest: Path) -> list[Path]:
    """Copy every vendored file under `dest`; return the written paths."""
    check_node_modules(node_modules)
    written = []
    for site_rel, src_rel in VENDOR_FILES.items():
        target = dest / site_rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(node_modules / src_rel, target)
        written.append(target)
    for site_rel, (src_rel, global_name, imports_from) in WRAPPED_FILES.items():
        target = dest / site_rel
        package = src_rel.split("/", 1)[0]
        note = (f"{package} {package_version(node_modules, package)} from node_modules/{src_rel}, "
                f"as a classic script that sets self.{global_name} (trainfer/runtime/esm.py)")
        try:
            text = classic_script((node_modules / src_rel).read_text(encoding="utf-8"),
                                  imports_from, global_name, note)
        except ValueError as exc:
            raise PluginError(f"node_modules/{src_rel}: cannot serve it as a script: {exc}") from exc
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written

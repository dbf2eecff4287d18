"""trainfer's PEP 517 backend: flit_core's, plus what a wheel must carry for a site without Node.

`build_wheel` first copies the pinned browser runtime (the files listed in
trainfer/runtime/vendored.json, each npm package's package.json and the npm lockfile) from
node_modules into trainfer/runtime/bundle/, and builds the drawing protocol's own wheel
(board/, trainfer-board) there; then flit_core builds the wheel, and the bundle is removed, so a
source checkout keeps reading node_modules. SOURCE_DATE_EPOCH is fixed unless set: same source,
same bytes. A missing file stops the build and is named.
"""

import json
import os
import shutil
from pathlib import Path

from flit_core import buildapi
from flit_core.buildapi import (  # noqa: F401 (the other hooks are flit_core's own)
    build_editable,
    build_sdist,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    get_requires_for_build_wheel,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "trainfer" / "runtime" / "bundle"
EPOCH = "315532800"  # 1980-01-01, the earliest time a zip holds


def _copy(src: Path, dest: Path) -> None:
    if not src.is_file():
        raise FileNotFoundError(f"{src} is missing: run `npm ci` in {ROOT} before building the wheel")
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)


def bundle() -> None:
    """Fill trainfer/runtime/bundle/ with the runtime files and the board's wheel."""
    shutil.rmtree(BUNDLE, ignore_errors=True)
    manifest = json.loads((ROOT / "trainfer/runtime/vendored.json").read_text(encoding="utf-8"))
    node_modules = ROOT / "node_modules"
    for rel, entry in manifest["files"].items():
        _copy(node_modules / rel, BUNDLE / "node_modules" / rel)
        package = f"{entry['package']}/package.json"  # versions are checked against the lockfile
        _copy(node_modules / package, BUNDLE / "node_modules" / package)
    _copy(ROOT / "package-lock.json", BUNDLE / "package-lock.json")
    (BUNDLE / "wheels").mkdir(parents=True)
    here = Path.cwd()
    os.chdir(ROOT / "board")  # flit_core builds the project in the working folder
    try:
        buildapi.build_wheel(str(BUNDLE / "wheels"))
    finally:
        os.chdir(here)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    """flit_core's wheel, with the bundle inside."""
    if not os.environ.get("SOURCE_DATE_EPOCH"):  # unset or empty: a fixed time, not the clock
        os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        bundle()
        return buildapi.build_wheel(wheel_directory, config_settings, metadata_directory)
    finally:
        shutil.rmtree(BUNDLE, ignore_errors=True)

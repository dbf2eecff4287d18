"""What a built trainfer wheel carries besides code: the pinned browser runtime (copied from
node_modules when the wheel is built, see `build_backend/`) and the drawing protocol's wheel.

From a source checkout neither is bundled: the runtime comes from node_modules and the board's
wheel is built from `board/`.
"""

from __future__ import annotations

from pathlib import Path

BUNDLE = Path(__file__).with_name("bundle")
NODE_MODULES = BUNDLE / "node_modules"
WHEELS = BUNDLE / "wheels"
#: trainfer's source checkout (when it runs from one): its board/ and its node_modules
CHECKOUT = Path(__file__).resolve().parents[2]
BOARD_PROJECT = CHECKOUT / "board"


def node_modules_for(root: Path, configured: str | None) -> Path:
    """The node_modules to vendor from: the configured one, the site's own, the bundle, else
    that of the trainfer checkout this runs from (an editable install)."""
    if configured:
        return root / configured
    for folder in (root / "node_modules", NODE_MODULES, CHECKOUT / "node_modules"):
        if folder.is_dir():
            return folder
    return root / "node_modules"  # the error names the site's own


def board_source() -> Path:
    """The board as a project folder (source checkout) or its bundled wheel (installed)."""
    if (BOARD_PROJECT / "pyproject.toml").is_file():
        return BOARD_PROJECT
    wheels = sorted(WHEELS.glob("trainfer_board-*.whl"))
    if not wheels:
        raise FileNotFoundError(f"Missing {WHEELS}/trainfer_board-*.whl: the trainfer package is "
                                "incomplete (reinstall it)")
    return wheels[-1]


def ensure_board() -> None:
    """Make `trainfer_board` importable at build time: installed, or from the bundled wheel."""
    import importlib.util
    import sys

    if importlib.util.find_spec("trainfer_board") is None:
        source = board_source()
        sys.path.append(str(source if source.suffix == ".whl" else source / "src"))

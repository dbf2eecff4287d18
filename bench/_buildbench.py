"""Helpers for build_times.py: throwaway project copies, their mkdocs.yml, edits, timed builds."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import nbformat
import yaml

from trainfer.tables.measured import cpu_model

ROOT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".git", "site", ".nox", ".trainfer-cache", "node_modules",
                                "__pycache__", ".cache", ".pytest_cache", ".ruff_cache")
RAN = re.compile(r"notebooks: \[\d+/\d+\] (\S+) ran in ([\d.]+) s")
I18N_PLUGIN = "trainfer/i18n"
NOTEBOOKS_PLUGIN = "trainfer/notebooks"
PEER_PLUGIN = {"mkdocs-jupyter": {"execute": True, "include": ["*.ipynb"]}}
TOUCH = "\n\ndef _bench_touch():\n    return 1\n"


class BuildFailed(RuntimeError):
    """`mkdocs build` exited non-zero; the message carries the tail of its log."""


def copy_project(dest: Path, drop: list[str], source: Path = ROOT) -> Path:
    """A copy of `source` at `dest` (node_modules symlinked), without the notebooks in `drop`."""
    shutil.copytree(source, dest, ignore=IGNORE, symlinks=True)
    if (ROOT / "node_modules").exists() and not (dest / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    for stem in drop:
        (dest / "notebooks" / f"{stem}.ipynb").unlink(missing_ok=True)
    return dest


def edit_config(root: Path, change) -> None:
    """Load the copy's mkdocs.yml, let `change(config)` edit it in place, and write it back."""
    path = root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(config)
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def make_baseline(root: Path) -> Path:
    """The Trainfer site without its notebooks plugin (notebooks/ stays, for the tables' refs)."""
    edit_config(root, lambda c: c.update(plugins=[p for p in c["plugins"] if p != NOTEBOOKS_PLUGIN]))
    # the nav and the home page link the index the plugin would generate: a stub keeps strict happy
    (root / "docs" / "notebooks").mkdir(exist_ok=True)
    (root / "docs" / "notebooks" / "index.md").write_text("# Notebooks\n", encoding="utf-8")
    for nb in sorted((root / "notebooks").glob("*.ipynb")):  # pages link notebooks by name
        (root / "docs" / "notebooks" / f"{nb.stem}.md").write_text(f"# {nb.stem}\n", encoding="utf-8")
    return root


def make_english_only(root: Path) -> Path:
    """The Trainfer site with one edition: the trainfer/i18n plugin removed from mkdocs.yml."""
    def one_edition(config):
        config["plugins"] = [p for p in config["plugins"]
                             if not (isinstance(p, dict) and I18N_PLUGIN in p) and p != I18N_PLUGIN]
    edit_config(root, one_edition)
    return root


def make_peer(root: Path) -> Path:
    """The same docs and theme with mkdocs-jupyter rendering the notebooks copied into docs/."""
    def change(config):
        config.update(plugins=["search", PEER_PLUGIN], strict=False)  # trainfer markup unresolved
        for key in ("nav", "not_in_nav"):  # let MkDocs list the notebooks itself
            config.pop(key, None)
    edit_config(root, change)
    docs = root / "docs" / "notebooks"
    docs.mkdir(exist_ok=True)
    for nb in sorted((root / "notebooks").glob("*.ipynb")):
        shutil.copyfile(nb, docs / nb.name)
    return root


def notebook_path(root: Path, stem: str) -> Path:
    """Where a copy renders notebook `stem` from: docs/notebooks/ for the peer, else notebooks/."""
    peer = root / "docs" / "notebooks" / f"{stem}.ipynb"
    return peer if peer.is_file() else root / "notebooks" / f"{stem}.ipynb"


def edit_notebook(path: Path) -> None:
    """Append a harmless code cell (`x = 1`) to the notebook."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("x = 1"))
    nbformat.write(nb, path)


def edit_explainers(root: Path) -> Path:
    """Append a harmless function to one module of the copy's explainers; return the module."""
    package = root / "explainers" / "src" / "explainers"
    module = next(p for p in sorted(package.glob("*.py")) if p.name != "__init__.py")
    with module.open("a", encoding="utf-8") as f:
        f.write(TOUCH)
    return module


def build_env(root: Path) -> dict:
    """The environment for a build: ours, without a forced re-execution; the build and its
    kernels import the copy's explainers (not the one installed from the work tree), so an
    edit to the copy is what they run."""
    env = {k: v for k, v in os.environ.items() if k != "TRAINFER_FORCE"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root / "explainers" / "src"),
                                                      env.get("PYTHONPATH")]))
    return env


def build(root: Path, *prefix: str) -> tuple[float, str]:
    """(wall seconds, log) of `python -m mkdocs build` in `root`; BuildFailed if it fails."""
    cmd = [sys.executable, *prefix, "-m", "mkdocs", "build", "--site-dir", str(root / "site")]
    started = time.perf_counter()
    out = subprocess.run(cmd, cwd=root, env=build_env(root), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    log = out.stdout + out.stderr
    if out.returncode != 0:
        raise BuildFailed(f"mkdocs build failed in {root}:\n{log[-3000:]}")
    return seconds, log


def ran_times(log: str) -> dict[str, float]:
    """Each executed notebook's own time, from the `notebooks: [i/N] <stem> ran in X s` lines."""
    return {stem: float(s) for stem, s in RAN.findall(log)}


def failing_stems(message: str, stems: list[str]) -> list[str]:
    """The notebooks a failed build names as failing (`notebooks/<stem>.ipynb: ...`)."""
    return [s for s in stems if f"notebooks/{s}.ipynb:" in message]


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine_facts() -> list[str]:
    """CPU, cores, Python, the tools' versions and the date, one fact a line."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    tools = ", ".join(f"{d} {version(d)}" for d in ("mkdocs", "mkdocs-material", "nbclient",
                                                    "mkdocs-jupyter"))
    return [
        f"CPU: {cpu_model()} ({cores} cores usable, {os.cpu_count()} online)",
        f"Python: {platform.python_version()} ({sys.executable})",
        f"Tools: {tools}",
        f"Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
    ]


PROFILED = r"trainfer/|mkdocs/commands/build|material/plugins/search/plugin|nbformat/__init__|yaml/__init__"


def profile_top(root: Path, out: Path, limit: int = 25) -> str:
    """cProfile one more no-change build of `root`; its top build/plugin/import costs, cumulative."""
    import pstats
    from io import StringIO

    build(root, "-m", "cProfile", "-o", str(out))
    text = StringIO()
    pstats.Stats(str(out), stream=text).sort_stats("cumulative").print_stats(PROFILED, limit)
    return text.getvalue()

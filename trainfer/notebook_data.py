"""How notebooks read data: by table name, resolved from the repository root, and recorded.

Notebooks never open `../data` by a relative path: `read_table("chips")` finds `chips.*` in the
data folder (the build sets TRAINFER_DATA from its `data_dir` option and TRAINFER_ROOT;
otherwise data/ in the folder holding mkdocs.yml above the working directory), validates it
like the build does, and appends the file it read to TRAINFER_READ_LOG when that is set, so
the build can check reads against the declared `data`.
(The kernel's startup file also records every file opened under data/ by any other path.)
"""

from __future__ import annotations

import os
from pathlib import Path

from trainfer.tables.load import Table, load_table

DATA_SUFFIXES = (".yaml", ".yml", ".csv")


def repo_root() -> Path:
    """The repository root: TRAINFER_ROOT, else the nearest folder upwards with a mkdocs.yml."""
    if env := os.environ.get("TRAINFER_ROOT"):
        return Path(env)
    here = Path.cwd().resolve()
    for folder in [here, *here.parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise FileNotFoundError(f"no mkdocs.yml in {here} or above; set TRAINFER_ROOT")


def data_folder() -> Path:
    """The data folder: TRAINFER_DATA (the build's `data_dir` option), else data/ at the root."""
    return Path(os.environ.get("TRAINFER_DATA") or repo_root() / "data")


def data_file(name: str) -> Path:
    """The data file of table `name` (e.g. 'chips' -> data/chips.yaml)."""
    folder = data_folder()
    for suffix in DATA_SUFFIXES:
        if (path := folder / f"{name}{suffix}").is_file():
            return path
    known = sorted(p.stem for p in folder.glob("*") if p.suffix in DATA_SUFFIXES
                   and not p.name.endswith(".schema.yaml"))
    raise FileNotFoundError(f"no table '{name}' in {folder}; tables: {', '.join(known)}")


def record_read(path: Path) -> None:
    """Append a data file's path to TRAINFER_READ_LOG, when the build asked for a log."""
    if log := os.environ.get("TRAINFER_READ_LOG"):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(path.relative_to(repo_root()).as_posix() + "\n")


def read_table(name: str) -> Table:
    """The validated table `name`; its `.rows` are dicts keyed by column."""
    path = data_file(name)
    table = load_table(path)
    record_read(path)
    return table


def rows(name: str) -> list[dict]:
    """Just the rows of table `name`."""
    return read_table(name).rows

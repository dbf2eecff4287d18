"""The package imports each public name from its module on first use: a notebook that needs one
name loads only the modules behind it (the build's cache keys on the modules a run imported)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import explainers


def loaded_after(code: str) -> set[str]:
    """The explainers modules a fresh interpreter has loaded after running `code`."""
    probe = (f"{code}\nimport json, sys\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith('explainers'))))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_every_public_name_is_there_and_from_its_module():
    from explainers.teacher import Teacher

    assert explainers.Teacher is Teacher
    for name in explainers.__all__:
        value = getattr(explainers, name)
        module = sys.modules[f"explainers.{explainers._HOME[name]}"]
        assert getattr(module, name) is value
    assert set(explainers.__all__) <= set(dir(explainers))


def test_star_import_gives_every_public_name():
    names: dict = {}
    exec("from explainers import *", names)
    assert set(explainers.__all__) <= set(names)
    assert names["Student"] is explainers.Student


def test_an_unknown_name_is_an_attribute_error_and_a_submodule_still_imports():
    with pytest.raises(AttributeError, match="no_such_name"):
        explainers.no_such_name  # noqa: B018
    assert loaded_after("from explainers import board, charts") >= {
        "explainers.board", "explainers.charts"}


def test_a_name_loads_only_the_modules_behind_it():
    assert loaded_after("import explainers") == {"explainers"}
    assert loaded_after("from explainers import DEFAULTS") == {"explainers", "explainers.defaults"}
    chips = loaded_after("from explainers import cost, FORMATS")
    assert "explainers.chips" in chips and "explainers.precision" in chips
    assert not chips & {"explainers.batch", "explainers.net", "explainers.teacher"}
    assert "explainers.batch" in loaded_after("from explainers import Teacher")

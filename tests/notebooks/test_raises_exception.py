"""A cell may fail on purpose when tagged `raises-exception` (nbclient honours the tag while
allow_errors stays False); an untagged failure stops the run and its message names the tag."""

from __future__ import annotations

import os

import nbformat
from notebooks_support import write_notebook

from trainfer.notebooks.execute import execute_notebook


def test_tagged_failures_go_on_and_an_untagged_one_suggests_the_tag(tmp_path):
    path = write_notebook(tmp_path / "notebooks" / "fails.ipynb",
                          ["1 / 0", "print('after the tagged cell')", "{}['missing']", "print('never')"])
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].metadata["tags"] = ["raises-exception"]
    nbformat.write(nb, path)
    result = execute_notebook(path, timeout=60, kernel="python3",
                              env={**os.environ, "TRAINFER_ROOT": str(tmp_path)})
    assert not result.ok
    assert "code cell 3 (`{}['missing']`) failed:" in result.error and "KeyError" in result.error
    assert "tag it `raises-exception`" in result.error
    outputs = [cell.get("outputs", []) for cell in result.notebook.cells[1:]]
    assert outputs[0][0]["ename"] == "ZeroDivisionError"
    assert outputs[1][0]["text"] == "after the tagged cell\n" and outputs[3] == []

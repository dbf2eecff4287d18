"""A notebook's name, prose and outputs are checked before they become a page (no build needed)."""

from __future__ import annotations

import base64
import json
import logging
import os
import re
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from trainfer.notebooks.cache import cache_key, cleared
from trainfer.notebooks.origin import NotebookOrigin
from trainfer.notebooks.shapes import (
    data_problem,
    marker_problems,
    name_problem,
    output_problems,
    size_problem,
    unindexed,
)
from trainfer.notebooks.streams import coalesce
from trainfer.slots import Slots

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 16).decode()


@pytest.mark.parametrize("stem", ["01-teacher-and-student", "a.b_c", "X9"])
def test_url_safe_names_pass(stem):
    assert name_problem(Path(f"notebooks/{stem}.ipynb")) is None


@pytest.mark.parametrize(("stem", "shown"), [
    ("a#b", "('#')"), ("why?", "('?')"), ("50%", "('%')"), ("two words", "(' ')"),
    ("训练", "('练' '训')"), ("-lead", "(a leading '-')"), ("a&b", "('&')")])
def test_names_that_break_urls_are_refused_by_name(stem, shown):
    problem = name_problem(Path(f"notebooks/{stem}.ipynb"))
    assert problem.startswith(f"notebooks/{stem}.ipynb: the file name would break the page's URL {shown}")


@pytest.mark.parametrize("stem", ["index", "report"])
def test_the_sections_own_pages_are_reserved(stem):
    assert f"the name '{stem}' is taken" in name_problem(Path(f"notebooks/{stem}.ipynb"))


def test_a_notebook_that_is_no_regular_file_or_too_large_is_refused(tmp_path):
    fifo = tmp_path / "pipe.ipynb"
    os.mkfifo(fifo)
    (tmp_path / "zero.ipynb").symlink_to("/dev/zero")
    (tmp_path / "big.ipynb").write_bytes(b"{" * 101)
    assert size_problem(Path("pipe.ipynb"), fifo, 100).startswith("pipe.ipynb: not a regular file")
    assert "not a regular file" in size_problem(Path("z"), tmp_path / "zero.ipynb", 100)
    assert size_problem(Path("b"), tmp_path / "big.ipynb", 101) is None
    assert size_problem(Path("b"), tmp_path / "big.ipynb", 100) == (
        "b: 101 bytes, over the limit of 100 bytes per notebook file (option max_notebook_bytes of "
        "the trainfer/notebooks plugin); notebooks are stored without outputs")


def notebook(*cells):
    nb = new_notebook()
    nb.cells = list(cells)
    return nb


def test_markers_in_prose_are_named_and_code_is_left_alone():
    nb = notebook(new_markdown_cell("# Title"), new_code_cell("print('<!-- tf-slot 0 -->')"),
                  new_markdown_cell("Text\n<!--trainfer:demo classroom-->"))
    problems = marker_problems("nb.ipynb", nb, title="T <!-- tf-slot 3 -->", summary="S")
    assert problems == [
        "nb.ipynb: metadata.trainfer.title holds `<!-- tf-slot 3 -->`, a marker the build itself "
        "puts in pages (tf-slot and trainfer: comments are reserved)",
        "nb.ipynb: Markdown cell 2 (`Text`) holds `<!--trainfer:demo classroom-->`, a marker the "
        "build itself puts in pages (tf-slot and trainfer: comments are reserved)"]
    assert marker_problems("nb", notebook(new_markdown_cell("<!-- a comment --> tf-slot"))) == []


@pytest.mark.parametrize(("mime", "value", "expected"), [
    ("image/png", "%%%", "is not valid base64"),
    ("image/png", base64.b64encode(b"GIF89a").decode(), "is not a PNG image"),
    ("image/png", PNG, None),
    ("image/png", [PNG[:8], "\n", PNG[8:]], None),
    ("image/jpeg", "not base64", "is not valid base64"),
    ("application/vnd.vegalite.v5+json", "{}", "is not a JSON object"),
    ("application/vnd.vegalite.v5+json", {"mark": "bar"}, None),
    ("text/plain", {"a": 1}, "is a dict, not text"),
    ("application/json", [1, 2], None),
])
def test_output_data_must_be_what_its_type_says(mime, value, expected):
    problem = data_problem(mime, value)
    assert (problem is None) if expected is None else problem.startswith(expected)


def test_an_output_problem_names_the_cell():
    bad = new_output("display_data", data={"image/png": "not base64!"})
    nb = notebook(new_markdown_cell("m"), new_code_cell("a = 1"),
                  new_code_cell("show()\nmore", outputs=[bad]))
    assert output_problems("nb", nb, 10_000) == [
        "nb: code cell 2 (`show()`): its image/png output is not valid base64 (Only base64 data "
        "is allowed)"]


def test_the_output_limit_counts_every_output_of_a_cell():
    outputs = [new_output("stream", name="stdout", text="x" * 400) for _ in range(3)]
    nb = notebook(new_code_cell("p()", outputs=outputs))
    size = len(json.dumps(outputs, ensure_ascii=False).encode())  # > 1,200: three of 400 and more
    assert output_problems("nb", nb, size) == []
    assert output_problems("nb", nb, size - 1) == [
        f"nb: code cell 1 (`p()`) made {size:,} bytes of output, over the limit of {size - 1:,} "
        "bytes per cell (option max_output_bytes of the trainfer/notebooks plugin)"]


def test_only_large_slots_leave_the_search_index():
    slots = Slots()
    small, large = slots.mark("<pre>42</pre>"), slots.mark("<pre>" + "9" * 200 + "</pre>")
    unindexed(slots, 100)
    html = slots.fill(f"{small}{large}")
    assert html.startswith("<pre>42</pre><div data-search-exclude><pre>999")


def test_stored_outputs_are_cleared_and_leave_the_key_alone(tmp_path):
    stale = [new_output("stream", name="stdout", text="STALE")]
    nb = notebook(new_code_cell("", outputs=stale, execution_count=3),
                  new_code_cell("x = 1", outputs=stale, metadata={"tags": ["skip-execution"]}))
    fresh = cleared(nb)
    assert [(c.outputs, c.execution_count) for c in fresh.cells] == [([], None), ([], None)]
    assert nb.cells[0].outputs == stale  # a copy: the notebook read is left as it was
    key = cache_key(fresh, tmp_path, [], "python3")
    assert key == cache_key(cleared(notebook(*[new_code_cell(c.source) for c in nb.cells])),
                            tmp_path, [], "python3")


# nbclient's coalescing (quadratic on long lines), as the reference on short texts
CR = re.compile(r".*\r(?=[^\n])")


def reference(text: str) -> str:
    return CR.sub("", text)


@pytest.mark.parametrize("text", ["plain\n", "10%\r50%\r100%\n", "ab\bc\n", "a\b\b\n", "\b\bx",
                                  "x\r\r\n", "a\rb\r", "one\rtwo\nthree\rfour\r\n", "\r\n\r"])
def test_streams_are_coalesced_as_nbclient_does(text):
    parts = [new_output("stream", name="stdout", text=ch) for ch in text]
    merged = coalesce([*parts, new_output("stream", name="stderr", text="e")])
    assert [o["name"] for o in merged] == ["stdout", "stderr"]
    assert merged[0]["text"] == reference(text)


def test_a_long_line_is_coalesced_in_linear_time():
    line = "x" * 5_000_000 + "\rdone"  # nbclient's regex would take hours
    merged = coalesce([new_output("stream", name="stdout", text=line)])
    assert merged[0]["text"] == "done"


def test_stderr_then_stdout_neighbours_are_put_in_program_order():
    out = coalesce([new_output("stream", name="stderr", text="warn"),
                    new_output("stream", name="stdout", text="out")])
    assert [o["name"] for o in out] == ["stdout", "stderr"]


def test_warnings_about_a_generated_page_name_the_notebook():
    origin = NotebookOrigin()
    origin.pages["zh/notebooks/x.md"] = "notebooks/x.ipynb"

    def seen(message: str, *args) -> str:
        record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0, message, args,
                                   None)
        origin.filter(record)
        return record.getMessage()

    assert seen("Doc file '%s' contains a link 'y.md'", "zh/notebooks/x.md") == (
        "notebooks/x.ipynb: Doc file 'zh/notebooks/x.md' contains a link 'y.md'")
    assert seen("Doc file 'about.md' contains a link 'y.md'") == "Doc file 'about.md' contains a link 'y.md'"

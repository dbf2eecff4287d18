"""Which tokens of a notebook's prose are figures, and how a figure matches what is shown."""

from __future__ import annotations

from pathlib import Path

import nbformat
from notebooks_support import trainfer_meta

from trainfer.notebooks.prose import figures, prose_problems


def written(text: str) -> list[str]:
    return [figure[0] for figure in figures(text)]


def test_names_years_counts_and_code_are_not_figures():
    text = ("fp16, int8 and bf16 on an A100; ResNet-50 and GPT-3 in MLPerf v1.0, on 2 cores, in "
            "notebook 02, ISSCC 2014, the 2013-10 run, Python 3.12.1, `rate = 0.05`, a 3D chart, "
            "the [link](https://example.com/7.5), 10^15 FLOP, <img width=\"300\">\n1. first")
    assert written(text) == []


def test_figures_keep_their_percent_times_and_thousands():
    assert written("+40 % and 4x, 10×, 1,234.5 and 65,504, 32-39 s, 45 nm, 139.3亿元") == [
        "40 %", "4x", "10×", "1,234.5", "65,504", "32", "39", "45", "139.3"]


def notebook(prose: str, printed: str):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("stream", text=printed)]
    nb.cells = [nbformat.v4.new_markdown_cell(prose), cell]
    nb.metadata["trainfer"] = trainfer_meta()
    return nb


def test_a_figure_matches_by_value_and_may_round_an_output():
    shown = "ratio 3.304, share 0.4, total 1234, cap 65504.0, growth 12.0%\n"
    prose = "About 3.3 (3.30), 40%, 1,234, 65,504 and 12%."
    assert prose_problems("n.ipynb", notebook(prose, shown), [], Path(".")) == []


def test_a_figure_no_output_shows_is_named_with_its_cell():
    (problem,) = prose_problems("n.ipynb", notebook("Step\n\ncosts 3.08 passes", "3.04\n"), [],
                                Path("."))
    assert problem.startswith("n.ipynb: markdown cell 1 ('Step') types the figure 3.08")


def test_declared_data_counts_as_shown(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "t.yaml").write_text("rows:\n- value: 28.3\n")
    nb = notebook("Google's 28.3 s", "nothing\n")
    assert prose_problems("n.ipynb", nb, ["data/t.yaml"], tmp_path) == []
    assert prose_problems("n.ipynb", nb, [], tmp_path) != []

"""The built site: every table page holds every data row, CSV downloads equal the data,
notebook pages hold executed output, and the runtime is in place."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT
from trainfer.tables.load import load_all

pytestmark = pytest.mark.slow


class TableRows(HTMLParser):
    """Collects the text of each <td> of each <tbody> row of the page's tf-table."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.in_body = self.in_cell = False

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.rows.append([])
        elif tag == "td" and self.in_body:
            self.in_cell = True
            self.rows[-1].append("")

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_body = False
        elif tag == "td":
            self.in_cell = False

    def handle_data(self, data):
        if self.in_cell:
            self.rows[-1][-1] += data


@pytest.fixture(scope="module")
def tables():
    stems = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    return {n: t for n, t in load_all(ROOT / "data", notebook_stems=stems).items() if n != "claims"}


def test_every_table_page_holds_every_row(built_site, tables):
    assert "mlperf_resnet50" in tables
    for name, table in tables.items():
        parser = TableRows()
        parser.feed((built_site / "benchmarks" / name / "index.html").read_text())
        assert len(parser.rows) == len(table.rows), name
        keys = [c.key for c in table.columns]
        for shown, row in zip(parser.rows, table.rows, strict=True):
            assert shown[keys.index("id")] == row["id"]


def test_mlperf_values_are_shown_as_in_the_file(built_site, tables):
    table = tables["mlperf_resnet50"]
    parser = TableRows()
    parser.feed((built_site / "benchmarks" / "mlperf_resnet50" / "index.html").read_text())
    keys = [c.key for c in table.columns]
    for shown, row in zip(parser.rows, table.rows, strict=True):
        assert float(shown[keys.index("time_to_train_s")].replace(",", "")) == row["time_to_train_s"]
        assert shown[keys.index("submitter")] == row["submitter"]


def test_each_csv_download_equals_its_data(built_site, tables):
    for name, table in tables.items():
        text = (built_site / "benchmarks" / f"{name}.csv").read_text()
        rows = list(csv.DictReader(io.StringIO(text)))
        data_keys = [c.key for c in table.columns if not c.derived]
        assert list(rows[0].keys()) == data_keys
        assert len(rows) == len(table.rows)
        for got, want in zip(rows, table.rows, strict=True):
            for key in data_keys:
                value = want.get(key)
                expected = "; ".join(map(str, value)) if isinstance(value, list) else value
                assert got[key] == ("" if expected is None else str(expected)), (name, key)


def test_notebook_pages_hold_executed_output(built_site):
    stems = [p.stem for p in (ROOT / "notebooks").glob("*.ipynb")]
    assert stems
    for stem in stems:
        html = (built_site / "notebooks" / stem / "index.html").read_text()
        assert 'class="tf-output"' in html, stem
        executed = json.loads((built_site / "notebooks" / f"{stem}.ipynb").read_text())
        code = [c for c in executed["cells"] if c["cell_type"] == "code"]
        assert all(c["execution_count"] for c in code), stem
        assert not any(o["output_type"] == "error" for c in code for o in c["outputs"])


def test_resnet_notebook_computes_from_the_data(built_site):
    html = (built_site / "notebooks" / "04-resnet50-in-28-seconds" / "index.html").read_text()
    assert "24.5 GFLOP per training image" in html
    assert "28.3 s: Google" in html
    assert 'class="tf-chart"' in html and "vega-embed.min.js" in html
    assert "<math" in html and "mathjax" not in html.lower()  # math as MathML: nothing to load


def test_runtime_files_and_the_lock(built_site):
    vendor = built_site / "assets" / "vendor"
    for rel in ["pyodide/pyodide.mjs", "pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip",
                "vega/vega-embed.min.js"]:
        assert (vendor / rel).stat().st_size > 1000, rel
    lock = json.loads((vendor / "pyodide" / "pyodide-lock.json").read_text())
    entry = lock["packages"]["explainers"]
    wheel = vendor / "pyodide" / entry["file_name"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]


def test_pages_without_a_demo_do_not_load_pyodide(built_site):
    for page in built_site.rglob("index.html"):
        html = page.read_text()
        has_demo = 'class="tf-demo"' in html
        assert ("classroom.js" in html) == has_demo, page


def test_links_are_relative(built_site):
    # 404.html is served at any depth, so MkDocs gives it root-relative links on purpose.
    for page in (p for p in built_site.rglob("*.html") if p.name != "404.html"):
        html = page.read_text()
        assert 'href="/' not in html and 'src="/' not in html, page


def test_claims_page_lists_every_claim_with_resolving_evidence(built_site):
    import re

    stems = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    claims = load_all(ROOT / "data", notebook_stems=stems)["claims"]
    html = (built_site / "claims" / "index.html").read_text()
    for row in claims.rows:
        assert f'id="{row["id"]}" data-verdict="{row["verdict"]}"' in html
    links = re.findall(r'href="\.\./benchmarks/([\w-]+)/#row-([^"]+)"', html)
    assert links
    for table, row_id in links:
        target = (built_site / "benchmarks" / table / "index.html").read_text()
        assert f'id="row-{row_id}"' in target, (table, row_id)
    for stem in re.findall(r'href="\.\./notebooks/([\w-]+)/"', html):
        assert (built_site / "notebooks" / stem / "index.html").is_file()
    home = (built_site / "index.html").read_text()
    assert 'href="claims/"' in home

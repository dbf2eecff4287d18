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
    """Each data row of the page's tf-table as {column key: text}: the cells under their
    headers' keys, and the fields of the row's detail under theirs; plus the row's id."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []
        self.rows: list[dict[str, str]] = []
        self.ids: list[str] = []
        self.key: str | None = None
        self.column = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "th" and attrs.get("data-key"):
            self.keys.append(attrs["data-key"])
        elif tag == "tr" and "tf-row" in (attrs.get("class") or "").split():
            self.rows.append({})
            self.ids.append(attrs["id"].removeprefix("row-"))
            self.column = 0
        elif tag == "td" and self.rows and self.column is not None and self.column < len(self.keys):
            self.key = self.keys[self.column]
            self.column += 1
        elif tag == "tr" and "tf-detail" in (attrs.get("class") or "").split():
            self.column = None
        elif tag == "dd" and attrs.get("data-key"):
            self.key = attrs["data-key"]
        if tag in ("td", "dd") and self.key is not None:
            self.rows[-1].setdefault(self.key, "")

    def handle_endtag(self, tag):
        if tag in ("td", "dd"):
            self.key = None
        if tag == "tr" and self.column is None:
            self.column = 0

    def handle_data(self, data):
        if self.key is not None:
            self.rows[-1][self.key] += data


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
        assert parser.ids == [row["id"] for row in table.rows], name
        for shown, row in zip(parser.rows, table.rows, strict=True):
            assert shown["id"] == row["id"]
            filled = {c.key for c in table.columns if not c.derived and row.get(c.key) not in (None, [])}
            assert filled <= {k for k, v in shown.items() if v.strip()}, (name, row["id"])


def test_mlperf_values_are_shown_as_in_the_file(built_site, tables):
    table = tables["mlperf_resnet50"]
    parser = TableRows()
    parser.feed((built_site / "benchmarks" / "mlperf_resnet50" / "index.html").read_text())
    for shown, row in zip(parser.rows, table.rows, strict=True):
        assert float(shown["time_to_train_s"].replace(",", "")) == row["time_to_train_s"]
        assert shown["submitter"] == row["submitter"]


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

"""How tables and the claims ledger read: units once, long text in a row's detail, a button per
row, evidence named by table, row and figure, sources as safe links, no notation."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
import yaml

from trainfer.tables import display, labels
from trainfer.tables.claims import claim_html, evidence_link, notebook_titles
from trainfer.tables.derived import derived_values
from trainfer.tables.display import detail_keys, display_of, shown_unit
from trainfer.tables.load import load_all
from trainfer.tables.render import header, table_html

ROOT = Path(__file__).resolve().parents[2]
TEXT = yaml.safe_load((ROOT / "trainfer/assets/i18n/en/pages.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tables():
    return load_all(ROOT / "data", notebook_stems={p.stem for p in (ROOT / "notebooks").glob("*.ipynb")})


@pytest.mark.parametrize("module", [display, labels])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


def test_a_unit_is_stated_once(tables):
    heads = {c.key: header(c) for t in tables.values() for c in t.columns}
    assert heads["rank"] == "Rank" and heads["io500_score"] == "IO500 score"
    assert heads["accelerator_count"] == "Accelerators"
    assert "(W)" in heads["power_w"] and "(pJ)" in heads["energy_pj"]
    assert shown_unit("Growth in ×/year", "×/year") is None


def test_long_text_and_bookkeeping_wait_in_the_detail(tables):
    chips = tables["chips"]
    hidden = detail_keys(chips, derived_values(chips))
    assert {"id", "as_of", "sources", "note", "power_basis"} <= hidden
    assert not hidden & {"chip", "fp16_tflops", "fp32_tflops", "int8_tops", "power_w", "matrix_to_fp32"}
    mlperf = tables["mlperf_resnet50"]
    assert {"source_repo", "source_path", "note"} <= detail_keys(mlperf, derived_values(mlperf))
    for table in tables.values():
        assert display_of(table).header not in detail_keys(table, derived_values(table))


def test_each_row_has_a_header_with_a_button_and_a_hidden_detail(tables):
    table = tables["chips"]
    html = table_html(table, derived_values(table), TEXT["tables"])
    assert html.count('class="tf-row"') == len(table.rows)
    assert html.count('aria-expanded="false"') == len(table.rows)
    assert 'aria-controls="row-ascend-910-detail"' in html and 'id="row-ascend-910-detail"' in html
    assert 'aria-label="Details of Ascend 910"' in html
    detail = re.search(r'<tr class="tf-detail" id="row-ascend-910-detail"[^>]*hidden>(.*?)</tr>', html)
    assert detail and "Linley Newsletter" in detail[1]
    row = re.search(r'<tr id="row-ascend-910" class="tf-row">(.*?)</tr>', html)[1]
    assert re.search(r'<td class="tf-num tf-cited" data-sort="256">256</td>', row)  # the cited figure
    assert "Linley" not in row  # sources are not in the compared columns


def test_evidence_is_named_by_table_row_and_figure(tables):
    t = TEXT["claims"]
    link = evidence_link("mlperf_resnet50:v0.7-tpu-v3-8192-jax", tables, t)
    assert 'href="../benchmarks/mlperf_resnet50/#row-v0.7-tpu-v3-8192-jax"' in link
    assert ">MLPerf Training, ResNet-50 records: v0.7, Google, TPU v3 — Time to train 28.3 s</a>" in link
    assert "Rank 1<" in evidence_link("rankings:aiperf500-2022", tables, t)
    assert ">Other cited figures: ResNet-50 (v1.5) parameters — 25,557,032 parameters<" in \
        evidence_link("figures:resnet50-parameters", tables, t)
    titles, gaps = notebook_titles(ROOT / "notebooks", ROOT, None)
    assert gaps == [] and titles["02-floating-point"] == "Does training need floating point?"
    link = evidence_link("notebooks/02-floating-point/", tables, t, titles)
    assert link == ('<a href="../notebooks/02-floating-point/">'
                    'Notebook: Does training need floating point?</a>')


def test_the_ledger_shows_no_notation_and_links_sources_safely(tables):
    t = TEXT["claims"]
    titles, _ = notebook_titles(ROOT / "notebooks", ROOT, None)
    html = "".join(claim_html(row, tables, t, titles=titles) for row in tables["claims"].rows)
    text = re.sub(r"<[^>]+>", " ", html)
    refs = {ref for row in tables["claims"].rows for ref in row["evidence"]}
    assert not [ref for ref in refs if ref in text]  # no `table:row id`, no `notebooks/<stem>/`
    assert '<a href="https://openai.com/index/ai-and-compute/" rel="noopener noreferrer">' in html
    row = {**tables["claims"].rows[0], "sources": ["a javascript:alert(1) b", "see https://x.test/p)."]}
    sources = re.search(r'<ul class="tf-sources">(.*?)</ul>', claim_html(row, tables, t))[1]
    assert sources == ('<li>a javascript:alert(1) b</li><li>see <a href="https://x.test/p" '
                       'rel="noopener noreferrer">https://x.test/p</a>).</li>')
    assert "`<table>" not in tables["claims"].description and "notebooks/<stem>" not in \
        tables["claims"].description

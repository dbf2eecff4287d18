"""The real data files: they validate, and hold what the site and the notebooks rely on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trainfer.tables.load import DataErrors, load_all, load_table

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
STEMS = {
    "01-teacher-and-student", "02-floating-point", "03-matrix-units",
    "04-resnet50-in-28-seconds", "05-compute-doubling", "06-computing-centres",
    "07-market-figures",
}
SEED_NAME = "000_582de9940081f916.txt"
HOROWITZ_KEYS = {
    "int32_add", "int32_mult", "fp32_add", "fp32_mult", "sram32_read",
    "int8_add", "int8_mult", "fp16_add", "fp16_mult", "dram32_read",
}


@pytest.fixture(scope="module")
def tables():
    try:
        return load_all(DATA, notebook_stems=STEMS)
    except DataErrors as exc:  # show every problem, not a bare traceback
        pytest.fail(f"data/ failed validation:\n{exc}")


def test_every_table_is_there(tables):
    expected = {"chips", "mlperf_resnet50", "centres", "compute_trend", "rankings",
                "energy_per_op", "claims"}
    assert expected <= set(tables)


@pytest.mark.parametrize("path", sorted(p for p in DATA.iterdir()
                                        if p.suffix in (".yaml", ".csv")
                                        and not p.name.endswith(".schema.yaml")),
                         ids=lambda p: p.name)
def test_each_file_validates_alone(path):
    table = load_table(path, notebook_stems=STEMS)
    assert table.rows and table.title and table.description and table.sources
    assert table.file == Path("data") / path.name


def test_every_row_has_an_id_a_source_and_a_date(tables):
    for table in tables.values():
        source_keys = [c.key for c in table.columns if c.key in ("sources", "source_repo")]
        assert source_keys, table.name
        for row in table.rows:
            assert row["id"] and row["as_of"], (table.name, row)
            assert any(row[k] for k in source_keys), (table.name, row["id"])


def test_numbers_carry_units(tables):
    for table in tables.values():
        for column in table.columns:
            if column.kind == "number" and table.name != "figures":
                assert column.unit, (table.name, column.key)


def test_chip_table_covers_the_facts(tables):
    chips = {row["chip"] for row in tables["chips"].rows}
    for name in ["Ascend 910", "Ascend 310", "P100 SXM2", "V100 SXM2", "T4", "A100 SXM 80GB",
                 "H100 SXM", "L4", "TPU v1", "TPU v2", "TPU v3", "TPU v4", "TPU v5e",
                 "Edge TPU", "MLU370-X8", "Gaudi (HL-2000)", "Gaudi2", "MI250X", "MI300X",
                 "GC200 IPU"]:
        assert name in chips
    assert any(name.startswith("MLU290") for name in chips)


def test_chip_corrections_are_applied(tables):
    """CHIPS_CHECK is the later word: doubtful figures blank, filled ones filled."""
    chips = {row["id"]: row for row in tables["chips"].rows}
    assert chips["tpu-v2"]["bandwidth_gbs"] is None  # 600 GB/s flagged as doubtful
    assert chips["ascend-910"]["fp32_tflops"] is None
    assert chips["ascend-910"]["bandwidth_gbs"] is None
    assert chips["gaudi"]["fp16_tflops"] is None and chips["gaudi"]["node"]
    assert chips["mlu290"]["bandwidth_gbs"] == 1230
    assert chips["gc200"]["power_w"] is None
    assert "2 chips" in chips["mlu370-x8"]["note"]


def test_mlperf_rows_match_the_records(tables):
    rows = tables["mlperf_resnet50"].rows
    assert len(rows) == 15
    record = next(r for r in rows if r["id"] == "v0.7-tpu-v3-8192-jax")
    assert (record["accelerator_count"], record["time_to_train_s"]) == (4096, 28.3)


def test_energy_keys_are_the_horowitz_keys(tables):
    assert {row["id"] for row in tables["energy_per_op"].rows} == HOROWITZ_KEYS


def test_energy_matches_the_simulator():
    chips = pytest.importorskip("explainers.chips")
    table = load_table(DATA / "energy_per_op.csv")
    assert {r["id"]: r["energy_pj"] for r in table.rows} == pytest.approx(
        dict(chips.HOROWITZ_45NM_PJ))


def test_claims_cover_the_article(tables):
    ids = {row["id"] for row in tables["claims"].rows}
    for required in ["compute-doubling-3-5-months", "no-floating-point-40-percent-4x",
                     "matrix-units-10x", "resnet50-in-28-seconds", "pengcheng-aiperf-first",
                     "pengcheng-io500-two-titles", "wuhan-100-pflops", "wuhan-90-percent-load",
                     "xian-300-pflops-fp16", "ccid-growth-127-percent", "ccid-market-13-93-bn",
                     "ccid-cagr-32-percent", "teacher-and-student"]:
        assert required in ids
    referenced = {m[1] for row in tables["claims"].rows for ref in row["evidence"] or []
                  if (m := re.match(r"notebooks/(.+)/$", ref))}
    assert referenced == STEMS


def test_claims_have_a_verdict_and_evidence(tables):
    for row in tables["claims"].rows:
        assert row["verdict"] in ("verified", "partly", "unverified", "contradicted")
        assert row["evidence"], row["id"]


ARTICLE = ROOT / "data" / "article.zh.txt"  # the article's text, without the page's teasers


def test_claims_quote_the_article_exactly(tables):
    text = ARTICLE.read_text(encoding="utf-8")
    for row in tables["claims"].rows:
        assert row["text_zh"] in text, row["id"]

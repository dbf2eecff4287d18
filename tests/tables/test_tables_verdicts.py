"""The claims ledger's four verdicts: `contradicted` is one, with its tally, badge and label in both
languages, and a verdict outside the four is refused with the file, the row and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from trainfer.tables.claims import VERDICTS, claim_html, claims_page
from trainfer.tables.errors import DataErrors
from trainfer.tables.load import load_all

ROOT = Path(__file__).resolve().parents[2]
LANGUAGE_FILES = {"en": ROOT / "trainfer/assets/i18n/en/pages.yaml", "zh": ROOT / "i18n/zh/pages.yaml"}
PAGES = {lang: yaml.safe_load(path.read_text(encoding="utf-8")) for lang, path in LANGUAGE_FILES.items()}
STEMS = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}


@pytest.fixture(scope="module")
def tables():
    return load_all(ROOT / "data", notebook_stems=STEMS)


def test_the_28_seconds_claim_is_contradicted(tables):
    verdicts = {row["id"]: row["verdict"] for row in tables["claims"].rows}
    assert verdicts["resnet50-in-28-seconds"] == "contradicted"
    assert {verdicts[k] for k in ("wuhan-first-in-china", "xian-first-in-the-northwest",
                                  "billions-of-parameters")} == {"partly"}


def test_a_contradicted_claim_gets_its_badge_and_is_tallied(tables):
    t = PAGES["en"]["claims"]
    row = next(r for r in tables["claims"].rows if r["id"] == "resnet50-in-28-seconds")
    assert '<span class="tf-badge tf-badge-contradicted">contradicted</span>' in \
        claim_html(row, tables, t)
    markdown, _ = claims_page(tables["claims"], tables, t)
    count = sum(r["verdict"] == "contradicted" for r in tables["claims"].rows)
    assert f"{count} contradicted" in markdown
    css = (ROOT / "trainfer" / "assets" / "trainfer.css").read_text(encoding="utf-8")
    assert all(f".tf-badge-{v} " in css for v in VERDICTS)


def test_every_verdict_has_a_label_in_both_languages():
    assert set(PAGES["en"]["claims"]["verdicts"]) == set(VERDICTS)
    assert {f"claims.verdicts.{v}" for v in VERDICTS} <= set(PAGES["zh"])


def test_a_verdict_outside_the_four_is_refused(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    claims = tmp_path / "data" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "verdict: contradicted", "verdict: false-ish", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_all(tmp_path / "data", notebook_stems=STEMS)
    (error,) = caught.value.errors
    assert (error.row_id, error.field) == ("resnet50-in-28-seconds", "verdict")
    assert "claims.yaml" in str(error)

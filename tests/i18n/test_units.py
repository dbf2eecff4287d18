"""Translation units: a digest of the English, a fallback to English when missing or stale."""

from __future__ import annotations

import pytest
import yaml
from mkdocs.exceptions import PluginError

from trainfer.i18n.text import overlay
from trainfer.i18n.units import MISSING, OK, STALE, digest, resolve


def test_the_digest_ignores_surrounding_space_but_not_words():
    assert digest(" Run\n") == digest("Run")
    assert digest("Run") != digest("Run.")


def test_resolve_returns_the_translation_only_when_made_from_the_current_english(tmp_path):
    path = tmp_path / "x.yaml"
    assert resolve("Run", {"from": digest("Run"), "text": "运行"}, path, "run") == ("运行", OK)
    assert resolve("Run!", {"from": digest("Run"), "text": "运行"}, path, "run") == ("Run!", STALE)
    assert resolve("Run", None, path, "run") == ("Run", MISSING)


def test_a_malformed_unit_names_its_file_and_key(tmp_path):
    path = tmp_path / "widget.yaml"
    with pytest.raises(PluginError, match=r"widget.yaml: run: expected"):
        resolve("Run", {"text": 3}, path, "run")


def test_overlay_keeps_the_tree_and_lists_the_gaps(tmp_path):
    english = {"run": "Run", "controls": {"chip": "Chip", "fmt": "Number format"}}
    path = tmp_path / "widget.yaml"
    path.write_text(yaml.safe_dump({
        "run": {"from": digest("Run"), "text": "运行"},
        "controls.chip": {"from": digest("Old chip"), "text": "芯片"},
    }, allow_unicode=True), encoding="utf-8")
    tree, gaps = overlay(english, path)
    assert tree == {"run": "运行", "controls": {"chip": "Chip", "fmt": "Number format"}}
    assert {(g.key, g.state) for g in gaps} == {("controls.chip", STALE), ("controls.fmt", MISSING)}
    assert english["run"] == "Run"  # the source is not changed

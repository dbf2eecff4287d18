"""The plugins' own scripts and style sheet come from the package; a missing one is named."""

from __future__ import annotations

import shutil

import pytest
from mkdocs.exceptions import PluginError

from trainfer import publish


def test_every_asset_is_published(tmp_path):
    written = publish.publish(tmp_path / "site")
    assert sorted(p.name for p in written) == sorted(publish.FILES)
    assert (tmp_path / "site" / "worker.js").read_bytes() == (publish.ASSETS / "worker.js").read_bytes()


def test_a_missing_asset_is_named_and_nothing_is_written(tmp_path, monkeypatch):
    broken = tmp_path / "assets"
    shutil.copytree(publish.ASSETS, broken)
    (broken / "charts.js").unlink()
    monkeypatch.setattr(publish, "ASSETS", broken)
    with pytest.raises(PluginError, match=r"Missing asset .*assets/charts\.js"):
        publish.publish(tmp_path / "site")
    assert not (tmp_path / "site").exists()


def test_an_override_folder_replaces_only_what_it_holds(tmp_path):
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "board.js").write_text("// mine\n")
    publish.publish(tmp_path / "site", tmp_path / "web")
    assert (tmp_path / "site" / "board.js").read_text() == "// mine\n"
    assert (tmp_path / "site" / "charts.js").read_bytes() == (publish.ASSETS / "charts.js").read_bytes()

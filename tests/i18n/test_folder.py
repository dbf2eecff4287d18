"""The i18n folder is an option; a site's own English file replaces trainfer's default."""

from __future__ import annotations

from trainfer import text


def test_the_configured_folder_is_read_and_defaults_fill_the_rest(tmp_path, monkeypatch):
    monkeypatch.setitem(text.FOLDERS, tmp_path.resolve(), "words")
    (tmp_path / "words" / "en").mkdir(parents=True)
    (tmp_path / "words" / "en" / "widget.yaml").write_text("run: Go\n", encoding="utf-8")
    assert text.i18n_dir(tmp_path) == tmp_path / "words"
    assert text.load_text(tmp_path, "en", "widget") == {"run": "Go"}  # the site's own file
    assert "options" in text.load_text(tmp_path, "en", "pages")  # trainfer's default
    assert {"widget", "pages", "glyphs"} <= set(text.source_names(tmp_path))

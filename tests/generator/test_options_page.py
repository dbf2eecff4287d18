"""The options page lists exactly the options of the plugins' config classes, with their defaults."""

from __future__ import annotations

import html
import json
import re

from trainfer.options import options, plugins

SECTION = re.compile(r"<h3[^>]*><code>(trainfer/[a-z0-9]+)</code>.*?</h3>\s*<table>(.*?)</table>", re.S)
ROW = re.compile(r"<tr>\s*<td><code>([a-z_]+)</code></td>\s*<td>[^<]*</td>\s*<td><code>(.*?)</code></td>",
                 re.S)


def test_the_options_page_matches_the_config_classes(built_site):
    for edition in ("", "zh/"):
        page = (built_site / edition / "use-trainfer" / "index.html").read_text(encoding="utf-8")
        shown = {plugin: [(name, json.loads(html.unescape(default)))
                          for name, default in ROW.findall(table)]
                 for plugin, table in SECTION.findall(page)}
        expected = {plugin: [(name, default) for name, _, default, _ in options(config)]
                    for plugin, config in plugins().items()}
        assert shown == expected, edition
        assert "trainfer/runtime" in shown and ("packages", ["explainers"]) in shown["trainfer/runtime"]

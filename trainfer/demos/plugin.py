"""Replace `<!-- trainfer:demo NAME -->` with the live widget and ship its scripts."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url

from trainfer.demos.alphabet import MARKER as ALPHABET_MARKER
from trainfer.demos.alphabet import alphabet_html
from trainfer.demos.config import DemosConfig
from trainfer.demos.controls import controls
from trainfer.demos.figure import MARKER as FIGURE_MARKER
from trainfer.demos.figure import figure_html
from trainfer.demos.offline import SERVICE_WORKER, offline_tag, with_offline, write_service_worker
from trainfer.demos.prebuilt import cached_board
from trainfer.demos.render import MARKER, demo_names, page_scripts, widget_html, with_early_start
from trainfer.digest import tree_digest
from trainfer.i18n.editions import edition_of, editions, record_gaps
from trainfer.i18n.examples import example_path, translate_example
from trainfer.publish import publish, source_of
from trainfer.runtime.plugin import RuntimePlugin
from trainfer.text import i18n_dir, load_text, text_gaps


def runtime_of(config) -> RuntimePlugin | None:
    """The site's runtime plugin, if it has one."""
    return next((p for p in config.plugins.values() if isinstance(p, RuntimePlugin)), None)


class DemosPlugin(BasePlugin[DemosConfig]):
    """Turns demo markers into live widgets and ships the worker and widget scripts."""

    serving = False

    def on_startup(self, *, command, dirty):
        # no service worker under `mkdocs serve`: the developer's pages change by the second
        self.serving = command == "serve"

    def on_config(self, config):
        self.root = Path(config.config_file_path).parent
        self.web = self.root / self.config.web_dir if self.config.web_dir else None
        self.examples = self.root / self.config.examples_dir
        runtime = runtime_of(config)
        # the examples run on the demo packages: a change to their source re-runs them
        self.sources = runtime.source_folders(config) if runtime else []
        for folder in self.sources:  # the build-time run imports the very source the site ships
            if importlib.util.find_spec(folder.name) is None:
                sys.path.append(str(folder.parent))
        self.starts: dict[str, str] = {}  # page -> its worker's URL, for the early start
        return config

    def _example(self, name: str, page_file: str, text: dict, edition, config) -> tuple:
        path = self.examples / f"{name}.py"
        if not path.is_file():
            raise PluginError(f"{page_file}: asks for demo '{name}', but {path} does not exist")
        code = path.read_text(encoding="utf-8")
        if not edition.default:
            translated = example_path(self.root, edition.language, name)
            code, gaps = translate_example(code, translated)
            record_gaps(config, page_file, gaps)
            path = translated if not gaps else path
        key = [*(tree_digest(folder) for folder in self.sources), sys.version]
        ok, output, board = cached_board(code, str(path), key, self.root / self.config.cache_dir,
                                         text.get("chart_words"))
        if not ok:
            raise PluginError(f"{path}: the example failed when run at build time:\n{output}")
        return code, output, board

    def _glyph_names(self, language: str) -> dict:
        return load_text(self.root, language, "glyphs")

    def _controls(self, code: str) -> list[dict]:
        if not self.config.controls:
            return []
        try:
            rules = importlib.import_module(self.config.controls)
        except ImportError as exc:
            raise PluginError(f"the demo controls (option `controls` of trainfer/demos) need the "
                              f"module {self.config.controls}: {exc}") from exc
        return controls(code, getattr(rules, "RULES", {}), getattr(rules, "CHIP_FORMATS", None))

    def on_page_content(self, html, *, page, config, files):
        edition = edition_of(page.file.src_uri, editions(config))
        language = edition.language
        if ALPHABET_MARKER in html:
            html = html.replace(ALPHABET_MARKER, alphabet_html(self._glyph_names(language)))
        if FIGURE_MARKER.search(html):
            html = self._figures(html, page, edition, config)
        names = demo_names(html)
        if not names:
            return html
        if not any(isinstance(p, RuntimePlugin) for p in config.plugins.values()):
            raise PluginError(
                f"{page.file.src_uri}: has a demo (<!-- trainfer:demo {names[0]} -->), but "
                f"trainfer/runtime is not among the plugins of {config.config_file_path}: the demo "
                "would have no Python to run; add `- trainfer/runtime` to plugins")
        widgets = {}
        text = load_text(self.root, language, "widget")
        record_gaps(config, page.file.src_uri, text_gaps(self.root, language, "widget"))
        worker = get_relative_url(f"{self.config.assets_dir}/worker.js", page.url)
        for name in names:
            code, output, board = self._example(name, page.file.src_uri, text, edition, config)
            widgets[name] = widget_html(name, code, output, text, self._controls(code), worker,
                                        board)
        html = MARKER.sub(lambda m: widgets[m[1]], html)
        self.starts[page.file.src_uri] = worker
        script = get_relative_url(f"{self.config.assets_dir}/classroom.js", page.url)
        return html + page_scripts(text, script)

    def _figures(self, html, page, edition, config) -> str:
        """Each figure marker as the picture of its demo's build-time run (see figure.py)."""
        text = load_text(self.root, edition.language, "widget")
        record_gaps(config, page.file.src_uri, text_gaps(self.root, edition.language, "widget"))
        link = get_relative_url(edition.src(self.config.figure_page), page.url)

        def one(match) -> str:
            _, _, board = self._example(match[1], page.file.src_uri, text, edition, config)
            return figure_html(board, text, link)
        return FIGURE_MARKER.sub(one, html)

    def _offline(self, config) -> str | None:
        """The runtime's vendor folder when the site gets a service worker (else None)."""
        runtime = runtime_of(config)
        if runtime is None or self.serving:
            return None
        return runtime.config.vendor_dir

    def on_post_page(self, output, *, page, config):
        worker = self.starts.get(page.file.src_uri)
        if worker is not None:
            output = with_early_start(output, worker)
        vendor = self._offline(config)
        if vendor is None:
            return output
        return with_offline(output, offline_tag(page.url, self.config.assets_dir, vendor))

    @event_priority(-50)  # after the other plugins wrote their files: sw.js digests them all
    def on_post_build(self, *, config):
        runtime = runtime_of(config)
        published = runtime is not None and runtime.config.assets_dir == self.config.assets_dir
        if self.web is not None or not published:  # else the runtime plugin's copy stands
            publish(Path(config.site_dir) / self.config.assets_dir, self.web)
        if vendor := self._offline(config):
            write_service_worker(Path(config.site_dir), source_of(SERVICE_WORKER, self.web), vendor,
                                 self.config.assets_dir)

    def on_serve(self, server, *, config, builder):
        # only what exists: livereload fails on a path that is not there
        watched = [self.web, self.examples, i18n_dir(self.root), *self.sources]
        for path in dict.fromkeys(p for p in watched if p is not None and p.exists()):
            server.watch(str(path))
        return server

"""Language editions: the source language at the root, each other under /<code>/, one build."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from trainfer.i18n.banner import banner_html
from trainfer.i18n.config import I18nConfig
from trainfer.i18n.editions import Edition, edition_of, source_uri
from trainfer.i18n.nav import edition_nav, title_sections
from trainfer.i18n.pages import page_path, translate_page
from trainfer.i18n.search import split_index, warm_segmenter, write_sitemaps
from trainfer.text import FOLDERS, load_text

TEMPLATES = Path(__file__).with_name("templates")
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


class I18nPlugin(BasePlugin[I18nConfig]):
    """Builds every page once per language edition, with a switch between them."""

    def on_config(self, config):
        self.root = Path(config.config_file_path).parent
        FOLDERS[self.root.resolve()] = self.config.folder
        codes = list(self.config.languages)
        if not codes:
            raise PluginError("trainfer/i18n: 'languages' is empty; name at least the source one")
        self.editions = [Edition(code, "" if i == 0 else f"{code}/", str(name))
                         for i, (code, name) in enumerate(self.config.languages.items())]
        self.gaps: dict[str, list] = {}
        self.navs: dict[str, object] = {}
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        config.extra["alternate"] = [{"name": e.name, "link": e.prefix or "./", "lang": e.language}
                                     for e in self.editions]
        return config

    def record(self, src_uri: str, gaps: list) -> None:
        """Remember the units of a page that show English (for its banner and the report)."""
        if gaps:
            self.gaps.setdefault(src_uri, []).extend(gaps)

    def on_files(self, files, *, config):
        warm_segmenter(self.config.languages)  # after on_pre_build, where notebooks start running
        self.files = files  # the other plugins add their pages to this same collection
        sources = [f for f in files.documentation_pages() if not f.generated_by]
        for edition in self.editions[1:]:
            for file in sources:
                english = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
                path = page_path(self.root, edition.language, file.src_uri)
                markdown, gaps = translate_page(english, path)
                self.record(edition.src(file.src_uri), gaps)
                files.append(File.generated(config, edition.src(file.src_uri), content=markdown))
        return files

    @event_priority(-50)  # after the plugins that add generated sections to the nav
    def on_nav(self, nav, *, config, files):
        for edition in self.editions[1:]:
            self.navs[edition.language] = edition_nav(nav, edition.prefix, files)
        return nav

    def on_page_context(self, context, *, page, config, nav):
        edition = edition_of(page.file.src_uri, self.editions)
        context["tf_language"] = edition.language
        context["tf_alternates"] = self._alternates(page, edition)
        if not edition.default:
            mirrored = self.navs[edition.language]
            title_sections(mirrored.items)
            context["nav"] = mirrored
        return context

    def _alternates(self, page, edition: Edition) -> list[dict]:
        """The same page in every edition (its home where a page has no twin), as relative links."""
        base = source_uri(page.file.src_uri, edition)
        out = []
        for other in self.editions:
            twin = self.files.get_file_from_path(other.src(base)) or \
                self.files.get_file_from_path(other.src("index.md"))
            url = twin.url if twin is not None else other.prefix
            out.append({"name": other.name, "lang": other.language, "current": other == edition,
                        "link": get_relative_url(url or ".", page.url)})
        return out

    @event_priority(-50)  # after the plugins that record gaps while they fill their pages
    def on_page_content(self, html, *, page, config, files):
        gaps = self.gaps.get(page.file.src_uri)
        if not gaps:
            return html
        edition = edition_of(page.file.src_uri, self.editions)
        words = load_text(self.root, edition.language, "pages")["i18n"]
        english = self._alternates(page, edition)[0]["link"]
        return banner_html(words, english, self.editions[0].language) + html

    def on_post_page(self, output, *, page, config):
        edition = edition_of(page.file.src_uri, self.editions)
        if edition.default:
            return output

        def rebase(match):
            data = json.loads(match[2])
            # Material resolves the index and result links against base: keep its final slash
            data["base"] = data.get("base", ".").rstrip("/") + "/" + edition.prefix
            return match[1] + json.dumps(data) + match[3]

        return CONFIG_SCRIPT.sub(rebase, output, count=1)

    @event_priority(-50)  # after the search plugin has written its index
    def on_post_build(self, *, config):
        env = config.theme.get_env()

        def search_config(language: str) -> dict:
            module = env.get_template(f"partials/languages/{language}.html").module
            out = {}
            for key in ("separator", "pipeline"):
                value = str(module.t(f"search.config.{key}")).strip()
                if value:
                    out[key] = value if key == "separator" else [
                        p.strip() for p in value.split(",") if p.strip()]
            return out

        split_index(Path(config.site_dir), self.editions, search_config)
        write_sitemaps(Path(config.site_dir), self.editions)

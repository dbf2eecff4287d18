"""Validate data/ and render each table as a page with a CSV download and a chart."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from trainfer.charts import chart_scripts, has_charts
from trainfer.demos.render import page_scripts
from trainfer.digest import tree_digest
from trainfer.i18n.data import translate_table, unit_path
from trainfer.i18n.editions import edition_of, editions, record_gaps
from trainfer.nav import expand_section
from trainfer.security.sanitize import plain_md
from trainfer.tables.charts import chart_spec
from trainfer.tables.claims import claims_page, notebook_titles
from trainfer.tables.config import TablesConfig
from trainfer.tables.derived import derived_values
from trainfer.tables.load import DataErrors, load_all
from trainfer.tables.measured import MARKER as MEASURED_MARKER
from trainfer.tables.measured import measured_html, measurement
from trainfer.tables.render import csv_text, has_tables, table_page, table_scripts
from trainfer.text import load_text

ARTICLE_LANGUAGE = "zh"  # the quotations' language: a page in it needs no rendering of them
SPECIAL = {"claims"}  # tables with a page of their own elsewhere


class TablesPlugin(BasePlugin[TablesConfig]):
    """Validates data/ and renders each table, the claims ledger and the measured page."""

    def on_config(self, config):
        self.root = Path(config.config_file_path).parent
        self.slots: dict = {}
        self.tables: dict = {}
        return config

    def on_files(self, files, *, config):
        stems = {p.stem for p in (self.root / self.config.notebooks_dir).glob("*.ipynb")}
        try:
            self.tables = load_all(self.root / self.config.data_dir, notebook_stems=stems,
                                   limits=self.config.limits())
        except DataErrors as exc:
            raise PluginError(f"Data files failed validation:\n{exc}") from exc
        self.editions = editions(config)
        for edition in self.editions:
            self._edition_files(files, config, edition)
        return files

    def _tables_in(self, config, edition) -> dict:
        """The tables with their words in the edition's language (gaps recorded for banners)."""
        if edition.default:
            return self.tables
        out = {}
        for name, table in self.tables.items():
            out[name], gaps = translate_table(table, unit_path(self.root, edition.language, table))
            pages = self.config.pages_dir
            src = edition.src("claims.md" if name == "claims" else f"{pages}/{name}.md")
            record_gaps(config, src, gaps)
        return out

    def _edition_files(self, files, config, edition) -> None:
        text = load_text(self.root, edition.language, "pages")
        tables = self._tables_in(config, edition)
        listed = []
        for name, table in sorted(tables.items()):
            if name in SPECIAL:
                continue
            csv_name = f"{name}.csv"
            content, slots = table_page(table, derived_values(table), chart_spec(table), csv_name,
                                        text["tables"])
            src = edition.src(f"{self.config.pages_dir}/{name}.md")
            self.slots[src] = slots
            files.append(File.generated(config, src, content=content))
            files.append(File.generated(config, edition.src(f"{self.config.pages_dir}/{csv_name}"),
                                        content=csv_text(self.tables[name])))
            listed.append(table)
        measured = files.get_file_from_path(f"{self.config.pages_dir}/measured.md") is not None
        files.append(File.generated(config, edition.src(f"{self.config.pages_dir}/index.md"),
                                    content=index_page(listed, text["tables"], measured=measured)))
        if "claims" in tables:
            claims = tables["claims"]
            titles, gaps = notebook_titles(self.root / self.config.notebooks_dir, self.root,
                                           None if edition.default else edition.language)
            record_gaps(config, edition.src("claims.md"), gaps)
            content, slots = claims_page(claims, tables, text["claims"],
                                         rendering=edition.language != ARTICLE_LANGUAGE,
                                         pages=self.config.pages_dir,
                                         titles=titles)
            self.slots[edition.src("claims.md")] = slots
            files.append(File.generated(config, edition.src("claims.md"), content=content))
            files.append(File.generated(config, edition.src(f"{self.config.pages_dir}/claims.csv"),
                                        content=csv_text(self.tables["claims"])))

    def on_nav(self, nav, *, config, files):
        folder = self.config.pages_dir
        pages = [src for src in self.slots if src.startswith(f"{folder}/")]  # the root's only
        measured = f"{folder}/measured.md"  # a hand-written page of the folder, when it has one
        if files.get_file_from_path(measured):
            pages.append(measured)
        return expand_section(nav, files, f"{self.config.pages_dir}/index.md", pages)

    def on_page_content(self, html, *, page, config, files):
        if MEASURED_MARKER in html:
            return self._measured(html, page)
        slots = self.slots.get(page.file.src_uri)
        if slots is None:
            return html
        html = slots.fill(html)
        if has_charts(html):
            html += chart_scripts(page.url)
        if has_tables(html):
            html += table_scripts(page.url)
        return html

    def _measured(self, html: str, page) -> str:
        language = edition_of(page.file.src_uri, self.editions).language
        widget = load_text(self.root, language, "widget")
        pages_text = load_text(self.root, language, "pages")
        data = measurement(self.root / self.config.cache_dir,
                           tree_digest(self.root / "explainers" / "src"))
        script = get_relative_url("assets/trainfer/measured.js", page.url)
        table = measured_html(data, widget, pages_text["measured"])
        return html.replace(MEASURED_MARKER, table) + page_scripts(widget, script)

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.root / self.config.data_dir))
        return server


def index_page(tables, t: dict, measured: bool) -> str:
    """The benchmarks index: every table with its row count, and the measured page."""
    lines = [f"# {t['index_title']}", "", t["index_intro"], ""]
    lines += [f"- [{plain_md(table.title)}]({table.name}.md): {t['index_item'].format(rows=len(table.rows))}"
              for table in tables]
    if measured:
        lines.append(f"- [{t['measured_item']}](measured.md)")
    return "\n".join(lines) + "\n"

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
from trainfer.nav import expand_section
from trainfer.security.sanitize import plain_md
from trainfer.tables.charts import chart_spec
from trainfer.tables.claims import claims_page
from trainfer.tables.config import TablesConfig
from trainfer.tables.derived import derived_values
from trainfer.tables.load import DataErrors, load_all
from trainfer.tables.measured import MARKER as MEASURED_MARKER
from trainfer.tables.measured import measured_html, measurement
from trainfer.tables.render import csv_text, has_tables, table_page, table_scripts
from trainfer.text import load_text

PAGES_DIR = "benchmarks"
SPECIAL = {"claims"}
MEASURED_PAGE = f"{PAGES_DIR}/measured.md"  # tables with a page of their own elsewhere


class TablesPlugin(BasePlugin[TablesConfig]):
    """Validates data/ and renders each table, the claims ledger and the measured page."""

    def on_config(self, config):
        self.root = Path(config.config_file_path).parent
        self.text = load_text(self.root, self.config.language, "pages")
        self.slots: dict = {}
        self.tables: dict = {}
        return config

    def on_files(self, files, *, config):
        stems = {p.stem for p in (self.root / self.config.notebooks_dir).glob("*.ipynb")}
        try:
            self.tables = load_all(self.root / self.config.data_dir, notebook_stems=stems)
        except DataErrors as exc:
            raise PluginError(f"Data files failed validation:\n{exc}") from exc
        listed = []
        for name, table in sorted(self.tables.items()):
            if name in SPECIAL:
                continue
            csv_name = f"{name}.csv"
            content, slots = table_page(table, derived_values(table), chart_spec(table), csv_name,
                                        self.text["tables"])
            src = f"{PAGES_DIR}/{name}.md"
            self.slots[src] = slots
            files.append(File.generated(config, src, content=content))
            files.append(File.generated(config, f"{PAGES_DIR}/{csv_name}", content=csv_text(table)))
            listed.append(table)
        files.append(File.generated(config, f"{PAGES_DIR}/index.md", content=index_page(
            listed, self.text["tables"], measured=files.get_file_from_path(MEASURED_PAGE) is not None)))
        if "claims" in self.tables:
            claims = self.tables["claims"]
            content, slots = claims_page(claims, self.tables, self.text["claims"])
            self.slots["claims.md"] = slots
            files.append(File.generated(config, "claims.md", content=content))
            files.append(File.generated(config, f"{PAGES_DIR}/claims.csv", content=csv_text(claims)))
        return files

    def on_nav(self, nav, *, config, files):
        pages = [src for src in self.slots if src.startswith(f"{PAGES_DIR}/")]
        if files.get_file_from_path(MEASURED_PAGE):
            pages.append(MEASURED_PAGE)
        return expand_section(nav, files, f"{PAGES_DIR}/index.md", pages)

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
        widget = load_text(self.root, self.config.language, "widget")
        data = measurement(self.root / self.config.cache_dir,
                           tree_digest(self.root / "explainers" / "src"))
        script = get_relative_url("assets/trainfer/measured.js", page.url)
        table = measured_html(data, widget, self.text["measured"])
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

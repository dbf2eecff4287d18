"""Execute every notebooks/*.ipynb (cached by an honest key, in parallel) and render it as a page."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from trainfer.charts import chart_scripts, has_charts
from trainfer.i18n.editions import editions, record_gaps
from trainfer.i18n.notebooks import translate_notebook, unit_path
from trainfer.nav import expand_section
from trainfer.notebooks import pages
from trainfer.notebooks.cache import NotebookCache, cache_key, cleared, module_digests, with_outputs
from trainfer.notebooks.config import NotebooksConfig
from trainfer.notebooks.links import links_for
from trainfer.notebooks.loads import beside_images
from trainfer.notebooks.meta import plain_meta, read_meta, run_problems
from trainfer.notebooks.origin import watch
from trainfer.notebooks.render import notebook_markdown
from trainfer.notebooks.result import ExecResult
from trainfer.notebooks.shapes import marker_problems, name_problem, output_problems, size_problem, unindexed
from trainfer.text import load_text

log = logging.getLogger("mkdocs.plugins.trainfer.notebooks")
REPORT = "report.md"  # in the pages folder, beside index.md


class NotebooksPlugin(BasePlugin[NotebooksConfig]):
    """Executes every notebook (cached, in parallel) and renders each as a page."""

    def on_config(self, config):
        self.root = Path(config.config_file_path).parent
        self.cache = NotebookCache(self.root / self.config.cache_dir, self.root)
        self.slots: dict = {}
        self.origin = watch()  # MkDocs' warnings about our pages name their notebooks
        self.origin.pages.clear()
        return config

    def _forced(self) -> set[str]:
        env = os.environ.get("TRAINFER_FORCE")
        return set(env.split(",")) if env else set(self.config.force)

    def _plan(self):
        """Read each notebook and its metadata; sort into cache hits, misses and problems."""
        folder = self.root / self.config.notebooks_dir
        forced = self._forced()
        plan, problems = [], []
        for path in sorted(folder.glob("*.ipynb")):
            rel = path.relative_to(self.root)
            unfit = name_problem(rel) or size_problem(rel, path, self.config.max_notebook_bytes)
            if unfit:  # refused before it is parsed
                problems.append(unfit)
                continue
            try:
                nb = cleared(nbformat.read(path, as_version=4))
            except Exception as exc:  # malformed JSON or not a notebook
                problems.append(f"{rel}: not a readable notebook: {exc}")
                continue
            plain = None if self.config.require_metadata else plain_meta(
                rel, nb, self.root / self.config.data_dir, self.root, self.config.budget_seconds)
            meta, found = read_meta(rel, nb.metadata, self.root, plain)
            problems += found
            if meta is None:
                continue
            if marked := marker_problems(str(rel), nb, meta.title, meta.summary):
                problems += marked
                continue
            key = cache_key(nb, self.root, meta.data, self.config.kernel)
            hit = None if ("*" in forced or path.stem in forced) else self.cache.get(key, nb)
            if hit is not None:
                log.info(f"notebooks: {path.stem} cached")
            plan.append((rel, nb, meta, key, hit))
        return plan, problems

    def _execute(self, misses):
        total = len(misses)
        done = []

        def report(result: ExecResult) -> None:
            done.append(result)
            state = "ran" if result.ok else "FAILED"
            log.info(f"notebooks: [{len(done)}/{total}] {result.stem} {state} in {result.seconds:.1f} s")

        def env_for(path: Path) -> dict:
            return {**os.environ, "TRAINFER_ROOT": str(self.root), "PYTHONHASHSEED": "0",
                    "TRAINFER_DATA": str(self.root / self.config.data_dir)}

        from trainfer.notebooks.execute import execute_many  # Jupyter only when something runs

        return execute_many(
            [self.root / rel for rel, *_ in misses], workers=self.config.workers, env_for=env_for,
            on_done=report, timeout=self.config.cell_timeout,
            kernel=self.config.kernel,
        )

    def on_files(self, files, *, config):
        plan, problems = self._plan()
        misses = [item for item in plan if item[4] is None]
        results = {r.path: r for r in self._execute(misses)} if misses else {}
        entries = []
        for rel, nb, meta, key, hit in plan:
            cached = ExecResult(rel, True, cached=True, notebook=hit) if hit is not None else None
            result = cached or results[self.root / rel]
            if not result.ok:
                problems.append(result.error)
                continue
            broken = [] if cached else run_problems(rel, meta, result.seconds, result.reads)
            # a cached entry too: it may have been stored under a larger limit than today's
            broken += output_problems(str(rel), result.notebook, self.config.max_output_bytes)
            if broken:
                problems += broken
                continue
            if not cached:
                self.cache.put(key, result.notebook, module_digests(result.imports, self.root))
            entries.append((rel, meta, result, nb))
        if problems:
            raise PluginError("Notebooks failed:\n\n" + "\n\n".join(problems))
        self.report = [(rel, meta, result) for rel, meta, result, _ in entries]
        self.links = links_for(config, [rel.stem for rel, *_ in entries])
        for edition in editions(config):
            self._edition_files(files, config, edition, entries)
        for edition in editions(config):  # images beside a notebook, linked relatively
            for image in beside_images(self.root / self.config.notebooks_dir):
                files.append(File.generated(config, edition.src(f"{self.config.pages_dir}/{image.name}"),
                                            abs_src_path=str(image)))
        return files

    def _edition_files(self, files, config, edition, entries) -> None:
        """Every notebook's page, the index and the report, in one edition's language."""
        text = load_text(self.root, edition.language, "pages")["notebooks"]
        report = []
        for rel, meta, result, current in entries:
            executed = with_outputs(current, result.notebook)
            if not edition.default:
                path = unit_path(self.root, edition.language, rel.stem)
                meta, executed, gaps = translate_notebook(meta, executed, path)
                where = f"{path.relative_to(self.root)} (the {edition.language} text of {rel})"
                if marked := marker_problems(where, executed, meta.title, meta.summary):
                    raise PluginError("Notebooks failed:\n\n" + "\n\n".join(marked))
                record_gaps(config, edition.src(f"{self.config.pages_dir}/{rel.stem}.md"), gaps)
            self._add_page(files, config, edition, rel, meta, executed, result, text)
            report.append((rel, meta, result))
        files.append(File.generated(config, edition.src(f"{self.config.pages_dir}/index.md"),
                                    content=pages.index(report, text)))
        files.append(File.generated(config, edition.src(f"{self.config.pages_dir}/{REPORT}"),
                                    content=pages.report(report, text)))

    def _add_page(self, files, config, edition, rel, meta, executed, result, text):
        stem = rel.stem
        folds = load_text(self.root, edition.language, "pages").get("notebook_folds", {})
        body, slots = notebook_markdown(executed, rel, self.links, folds)
        unindexed(slots, self.config.search_output_bytes)  # a long dump stays out of search
        src = edition.src(f"{self.config.pages_dir}/{stem}.md")
        self.slots[src] = slots
        self.origin.pages[src] = str(rel)
        download = f"{stem}.ipynb"
        content = pages.notebook_page(meta, body, result, download, text)
        files.append(File.generated(config, src, content=content))
        files.append(File.generated(config, edition.src(f"{self.config.pages_dir}/{download}"),
                                    content=json.dumps(executed, indent=1, ensure_ascii=False)))

    def on_nav(self, nav, *, config, files):
        folder = self.config.pages_dir
        pages_here = [src for src in self.slots if src.startswith(f"{folder}/")]  # the root's
        return expand_section(nav, files, f"{folder}/index.md", [*pages_here, f"{folder}/{REPORT}"])

    def on_page_content(self, html, *, page, config, files):
        # self.slots holds every notebook page of every edition ('zh/notebooks/...' too)
        slots = self.slots.get(page.file.src_uri)
        if slots is None:
            return html
        html = slots.fill(html)
        if has_charts(html):
            html += chart_scripts(page.url)
        return html

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.root / self.config.notebooks_dir))
        return server

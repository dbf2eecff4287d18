"""Execute every notebooks/*.ipynb (cached by an honest key, in parallel) and render it as a page."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from trainfer.charts import chart_scripts, has_charts
from trainfer.i18n.editions import editions
from trainfer.nav import expand_section
from trainfer.notebooks import pages
from trainfer.notebooks.cache import NotebookCache, cache_key, cleared, module_digests
from trainfer.notebooks.config import NotebooksConfig
from trainfer.notebooks.edition_pages import EditionPages
from trainfer.notebooks.links import links_for
from trainfer.notebooks.loads import beside_images
from trainfer.notebooks.meta import plain_meta, read_meta, run_problems
from trainfer.notebooks.origin import watch
from trainfer.notebooks.pending import PendingRuns
from trainfer.notebooks.result import ExecResult
from trainfer.notebooks.shapes import marker_problems, name_problem, output_problems, size_problem

log = logging.getLogger("mkdocs.plugins.trainfer.notebooks")
REPORT = "report.md"  # in the pages folder, beside index.md


class NotebooksPlugin(BasePlugin[NotebooksConfig]):
    """Executes every notebook (cached, in parallel) and renders each as a page."""

    #: runs started in on_pre_build, collected in on_files; None until then (and when a plugin
    #: before this one fails the build before this one's on_config has run)
    pending: PendingRuns | None = None

    def on_config(self, config):
        self.root = Path(config.config_file_path).parent
        self.cache = NotebookCache(self.root / self.config.cache_dir, self.root)
        self.slots: dict = {}
        self.pending: PendingRuns | None = None
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

    def on_pre_build(self, *, config):
        # the misses start now: their kernels run while the other plugins read their files
        self.plan, self.problems = self._plan()
        misses = [item for item in self.plan if item[4] is None]
        self.pending = PendingRuns(lambda: self._execute(misses)) if misses else None

    def on_build_error(self, *, error):
        self._stop_runs()

    def on_shutdown(self):
        self._stop_runs()  # also on Ctrl-C, which MkDocs does not report as a build error

    def _stop_runs(self) -> None:
        """End the kernels of runs nobody will collect (the build failed before on_files)."""
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None

    def on_files(self, files, *, config):
        plan, problems = self.plan, list(self.problems)
        self.links = links_for(config, [rel.stem for rel, *_ in plan])
        self.pages = EditionPages(self, config, self.links)
        if self.pending is not None:  # the cached notebooks' pages, made while the kernels run
            hits = [(rel, meta, ExecResult(rel, True, cached=True, notebook=hit), nb)
                    for rel, nb, meta, key, hit in plan if hit is not None]
            for edition in editions(config):
                self.pages.make_early(edition, hits)
        pending, self.pending = self.pending, None
        results = {r.path: r for r in pending.results()} if pending is not None else {}
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
        for edition in editions(config):
            self._edition_files(files, config, edition, entries)
        for edition in editions(config):  # images beside a notebook, linked relatively
            for image in beside_images(self.root / self.config.notebooks_dir):
                files.append(File.generated(config, edition.src(f"{self.config.pages_dir}/{image.name}"),
                                            abs_src_path=str(image)))
        return files

    def _edition_files(self, files, config, edition, entries) -> None:
        """Every notebook's page, the index and the report, in one edition's language."""
        report = []
        for rel, meta, result, current in entries:
            page_files, meta = self.pages.page(edition, (rel, meta, result, current))
            for file in page_files:
                files.append(file)
            report.append((rel, meta, result))
        text = self.pages.text(edition)["notebooks"]
        files.append(File.generated(config, edition.src(f"{self.config.pages_dir}/index.md"),
                                    content=pages.index(report, text)))
        files.append(File.generated(config, edition.src(f"{self.config.pages_dir}/{REPORT}"),
                                    content=pages.report(report, text)))

    def on_nav(self, nav, *, config, files):
        folder = self.config.pages_dir
        pages_here = [f"{folder}/{rel.stem}.md" for rel, *_ in self.report]  # in the notebooks' order
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

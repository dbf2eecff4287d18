"""Copy the pinned browser runtime into the site and register the demo wheels in its lock."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from trainfer.i18n.editions import edition_of, editions
from trainfer.options import MARKER as OPTIONS_MARKER
from trainfer.options import options_markdown
from trainfer.publish import STYLESHEET, publish
from trainfer.runtime.bundle import board_source, node_modules_for
from trainfer.runtime.config import RuntimeConfig
from trainfer.runtime.lock import write_site_lock
from trainfer.runtime.manifest import MANIFEST, manifest_problems
from trainfer.runtime.snapshot import SNAPSHOT, cached_snapshot
from trainfer.runtime.staged import Staged, Staging
from trainfer.runtime.vendor import PYODIDE_LOCK, check_node_modules, copy_vendor, shipped_sources
from trainfer.runtime.wheel import cached_wheel, compile_problems, package_dir, project_metadata
from trainfer.text import load_text


class RuntimePlugin(BasePlugin[RuntimeConfig]):
    """Vendors Pyodide and Vega into the site and registers the demo packages' wheels."""

    def _root(self, config) -> Path:
        return Path(config.config_file_path).parent

    def sources(self, config) -> list[Path]:
        """Each demo package as configured: a project folder or a wheel, then the board."""
        root = self._root(config)
        named = [self.config.explainers] if self.config.explainers else self.config.packages
        try:
            board = board_source()
        except FileNotFoundError as exc:  # a broken install: say which file, no traceback
            raise PluginError(str(exc)) from exc
        return [*(root / name for name in named), board]

    def source_folders(self, config) -> list[Path]:
        """The source folders of the demo packages that are projects (what their wheels hold)."""
        return [package_dir(p) for p in self.sources(config) if p.suffix != ".whl"]

    def on_config(self, config):
        root = self._root(config)
        sheet = f"{self.config.assets_dir}/{STYLESHEET}"
        if sheet not in [str(s) for s in config.extra_css]:  # tables, charts and widgets need it
            config.extra_css.append(sheet)
        check_node_modules(node_modules_for(root, self.config.node_modules))
        problems = self._shipped_problems(config)
        if problems:  # before anything runs or is written
            shown = "\n\n".join(p.replace(f"{root}/", "") for p in problems)
            raise PluginError(f"The browser runtime would ship broken files:\n\n{shown}")
        return config

    def on_page_markdown(self, markdown, *, page, config, files):
        if OPTIONS_MARKER not in markdown:
            return markdown
        language = edition_of(page.file.src_uri, editions(config)).language
        words = load_text(self._root(config), language, "pages")["options"]
        return markdown.replace(OPTIONS_MARKER, options_markdown(words))

    def _shipped_problems(self, config) -> list[str]:
        """What is wrong with what the site would ship: vendored files, the packages' source."""
        root = self._root(config)
        manifest = root / self.config.manifest if self.config.manifest else MANIFEST
        name = self.config.manifest or "trainfer/runtime/vendored.json"
        node_modules = node_modules_for(root, self.config.node_modules)
        lockfile = root / self.config.lockfile if self.config.lockfile else (
            node_modules.parent / "package-lock.json")
        problems = manifest_problems(node_modules, lockfile, shipped_sources(), manifest, name)
        for source in self.sources(config):
            if source.suffix == ".whl":
                if not source.is_file():
                    problems.append(f"{source}: no such wheel (option `packages` of trainfer/runtime)")
                continue
            try:
                project_metadata(source)
                folder = package_dir(source)
            except ValueError as exc:
                problems.append(str(exc))
                folder = source / "src"  # still say which modules would not compile
            problems += compile_problems(folder)
        return problems

    def _wheels(self, config) -> list[Path]:
        cache = self._root(config) / self.config.cache_dir
        try:
            return [s if s.suffix == ".whl" else cached_wheel(s, cache) for s in self.sources(config)]
        except (OSError, KeyError, ValueError) as exc:
            raise PluginError(f"Could not build a demo package's wheel: {exc}") from exc

    staging: Staging | None = None

    def on_pre_build(self, *, config):
        # wheels, lock and snapshot in the background: Node's snapshot overlaps the kernels
        self.discard()
        self.staging = Staging(lambda folder: self._stage(config, folder))

    def _stage(self, config, folder: Path) -> Staged:
        node_modules = node_modules_for(self._root(config), self.config.node_modules)
        shipped = []
        for wheel in self._wheels(config):
            shipped.append(folder / wheel.name)
            shutil.copyfile(wheel, shipped[-1])
        lock = folder / "pyodide-lock.json"
        try:
            write_site_lock(node_modules / PYODIDE_LOCK, shipped, lock,
                            cache=self._root(config) / self.config.cache_dir)
        except ValueError as exc:
            raise PluginError(str(exc)) from exc
        snapshot = None
        if self.config.snapshot:
            snapshot = cached_snapshot(node_modules / "pyodide", lock, shipped,
                                       self._root(config) / self.config.snapshot_cache_dir)
        return Staged(shipped, lock, snapshot)

    def on_post_build(self, *, config):
        node_modules = node_modules_for(self._root(config), self.config.node_modules)
        dest = Path(config.site_dir) / self.config.vendor_dir
        copy_vendor(node_modules, dest)
        publish(Path(config.site_dir) / self.config.assets_dir)
        if self.staging is None:  # a build that skipped on_pre_build
            self.on_pre_build(config=config)
        try:
            staged = self.staging.result()
            for made in [*staged.wheels, staged.lock]:
                shutil.copyfile(made, dest / "pyodide" / made.name)
            if staged.snapshot:
                shutil.copyfile(staged.snapshot, dest / "pyodide" / SNAPSHOT)
        finally:
            self.discard()

    def on_build_error(self, *, error):
        self.discard()

    def discard(self) -> None:
        """Drop the staging folder (and wait for its thread, if still going)."""
        if self.staging is not None:
            self.staging.discard()
            self.staging = None

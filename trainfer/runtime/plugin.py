"""Copy the pinned browser runtime into the site and register the `explainers` wheel in its lock."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from trainfer.runtime.config import RuntimeConfig
from trainfer.runtime.lock import write_site_lock
from trainfer.runtime.manifest import MANIFEST, manifest_problems
from trainfer.runtime.vendor import PYODIDE_LOCK, check_node_modules, copy_vendor, shipped_sources
from trainfer.runtime.wheel import cached_wheel, compile_problems, project_metadata


class RuntimePlugin(BasePlugin[RuntimeConfig]):
    """Vendors Pyodide and Vega into the site and registers the explainers wheel."""

    def _root(self, config) -> Path:
        return Path(config.config_file_path).parent

    def on_config(self, config):
        root = self._root(config)
        check_node_modules(root / self.config.node_modules)
        problems = self._shipped_problems(root)
        if problems:  # before anything runs or is written
            shown = "\n\n".join(p.replace(f"{root}/", "") for p in problems)
            raise PluginError(f"The browser runtime would ship broken files:\n\n{shown}")
        return config

    def _shipped_problems(self, root: Path) -> list[str]:
        """What is wrong with what the site would ship: vendored files, the explainers source."""
        manifest = root / self.config.manifest if self.config.manifest else MANIFEST
        name = self.config.manifest or "trainfer/runtime/vendored.json"
        node_modules = root / self.config.node_modules
        lockfile = root / self.config.lockfile if self.config.lockfile else (
            node_modules.parent / "package-lock.json")
        problems = manifest_problems(node_modules, lockfile, shipped_sources(), manifest, name)
        project = root / self.config.explainers
        try:
            project_metadata(project)
        except ValueError as exc:
            problems.append(str(exc))
        return problems + compile_problems(project / "src")

    def on_post_build(self, *, config):
        root = self._root(config)
        node_modules = root / self.config.node_modules
        dest = Path(config.site_dir) / self.config.vendor_dir
        copy_vendor(node_modules, dest)
        try:
            wheel = cached_wheel(root / self.config.explainers, root / self.config.cache_dir)
        except (OSError, KeyError, ValueError) as exc:
            raise PluginError(f"Could not build the explainers wheel: {exc}") from exc
        shutil.copyfile(wheel, dest / "pyodide" / wheel.name)
        write_site_lock(node_modules / PYODIDE_LOCK, [wheel], dest / "pyodide" / "pyodide-lock.json")

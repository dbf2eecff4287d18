"""`mkdocs build` writes to a scratch folder; only a build that succeeded replaces site/."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from trainfer.atomic.config import AtomicConfig
from trainfer.atomic.swap import discard, leftovers, scratch_dir, swap_into_place

log = logging.getLogger("mkdocs.plugins.trainfer.atomic")


class AtomicPlugin(BasePlugin[AtomicConfig]):
    """Builds into a scratch folder and swaps it into site_dir only when the build succeeded."""

    def __init__(self) -> None:
        self.command: str | None = None
        self.target: Path | None = None
        self.scratch: Path | None = None
        self.failed = False
        self.finished = False

    def on_startup(self, *, command, dirty):
        self.command = command

    @event_priority(100)  # first, so every other plugin sees the scratch folder
    def on_config(self, config):
        if not self.config.enabled or self.command not in ("build", "gh-deploy"):
            return config
        self.target = Path(config.site_dir)
        for stale in leftovers(self.target):
            log.info(f"atomic: removing {stale}, left by a build that was killed")
            discard(stale)
        self.scratch = scratch_dir(self.target)
        discard(self.scratch)
        config.site_dir = str(self.scratch)
        return config

    @event_priority(-100)
    def on_post_build(self, *, config):
        self.finished = True

    def on_build_error(self, *, error):
        self.failed = True

    def on_shutdown(self):
        # MkDocs may still abort after on_post_build (warnings in strict mode), so decide here.
        if self.scratch is None:
            return
        if self.finished and not self.failed:
            swap_into_place(self.scratch, self.target)
        else:
            discard(self.scratch)


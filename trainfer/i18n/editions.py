"""Which language editions a build makes, and which edition a page belongs to.

Plugins that generate pages ask `editions(config)` and write one page per edition; without the
i18n plugin there is one edition, at the site's root, in the theme's language.
"""

from __future__ import annotations

from dataclasses import dataclass

PLUGIN = "trainfer/i18n"


@dataclass(frozen=True)
class Edition:
    """One language edition: its language code, its folder prefix ('' at the root), its name."""

    language: str
    prefix: str = ""
    name: str = ""

    @property
    def default(self) -> bool:
        """Whether this edition lives at the site's root (the source language)."""
        return not self.prefix

    def src(self, src_uri: str) -> str:
        """The path of a page in this edition, e.g. 'zh/' + 'claims.md'."""
        return self.prefix + src_uri


def editions(config) -> list[Edition]:
    """The editions of this build: the i18n plugin's, else one in the theme's language."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is not None and getattr(plugin, "editions", None):
        return plugin.editions
    return [Edition(config.theme.get("language") or "en")]


def edition_of(src_uri: str, all_editions: list[Edition]) -> Edition:
    """The edition a page belongs to, from its path."""
    for edition in all_editions:
        if edition.prefix and src_uri.startswith(edition.prefix):
            return edition
    return all_editions[0]


def source_uri(src_uri: str, edition: Edition) -> str:
    """The default edition's path of a page of `edition` ('zh/claims.md' -> 'claims.md')."""
    return src_uri[len(edition.prefix):] if edition.prefix else src_uri


def record_gaps(config, src_uri: str, gaps: list) -> None:
    """Tell the i18n plugin which units of a page show English (no-op without the plugin)."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is not None and gaps:
        plugin.record(src_uri, gaps)

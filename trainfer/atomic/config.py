from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class AtomicConfig(Config):
    """Options of the atomic plugin: `enabled` (default true)."""

    #: build into a fresh folder and swap it in whole: a failed build leaves the previous site as it was
    enabled = c.Type(bool, default=True)

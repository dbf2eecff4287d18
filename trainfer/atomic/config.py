from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class AtomicConfig(Config):
    """Options of the atomic plugin: `enabled` (default true)."""

    enabled = c.Type(bool, default=True)

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class DemosConfig(Config):
    """Options of the demos plugin: where the web files live, where they go."""

    web_dir = c.Type(str, default="explainers/web")
    assets_dir = c.Type(str, default="assets/trainfer")
    cache_dir = c.Type(str, default=".trainfer-cache/demos")

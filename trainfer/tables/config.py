from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TablesConfig(Config):
    """Options of the tables plugin: data and notebook folders, cache."""

    data_dir = c.Type(str, default="data")
    notebooks_dir = c.Type(str, default="notebooks")
    cache_dir = c.Type(str, default=".trainfer-cache/measured")

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class RuntimeConfig(Config):
    """Options of the runtime plugin: node_modules, the explainers project, where files go."""

    node_modules = c.Type(str, default="node_modules")
    explainers = c.Type(str, default="explainers")
    vendor_dir = c.Type(str, default="assets/vendor")
    cache_dir = c.Type(str, default=".trainfer-cache/wheels")

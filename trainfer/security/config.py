from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SecurityConfig(Config):
    """Options of the security plugin: which plugins' pages hold content to sanitize."""

    #: the plugins whose generated pages hold untrusted content, passed through the HTML allow-list
    sanitize = c.ListOfItems(c.Type(str), default=["trainfer/notebooks", "trainfer/tables"])

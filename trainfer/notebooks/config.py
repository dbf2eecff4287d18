from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class NotebooksConfig(Config):
    """Options of the notebooks plugin: folders, timeouts, workers, kernel, forced runs."""

    notebooks_dir = c.Type(str, default="notebooks")
    cache_dir = c.Type(str, default=".trainfer-cache/notebooks")
    cell_timeout = c.Type(int, default=120)
    workers = c.Type(int, default=0)  # 0: one more than the cores
    kernel = c.Type(str, default="python3")
    #: stems to re-execute even when cached; ["*"] for all (env TRAINFER_FORCE overrides)
    force = c.ListOfItems(c.Type(str), default=[])

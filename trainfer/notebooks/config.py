from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError


class Workers(c.Type):
    """How many notebooks run at once: 0 means one more than the cores; below 0 is an error."""

    def __init__(self) -> None:
        super().__init__(int, default=0)

    def run_validation(self, value):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(f"expected 0 (one more than the cores) or a number of notebooks "
                                  f"to run at once, got {str(value)[:40]}")
        return value


class NotebooksConfig(Config):
    """Options of the notebooks plugin: folders, timeouts, workers, kernel, forced runs."""

    notebooks_dir = c.Type(str, default="notebooks")
    cache_dir = c.Type(str, default=".trainfer-cache/notebooks")
    cell_timeout = c.Type(int, default=120)
    workers = Workers()
    kernel = c.Type(str, default="python3")
    #: stems to re-execute even when cached; ["*"] for all (env TRAINFER_FORCE overrides)
    force = c.ListOfItems(c.Type(str), default=[])

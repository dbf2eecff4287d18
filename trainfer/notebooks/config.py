from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

# The site's notebooks (2026-11) are 7-21 KB stored without outputs, and their largest cell
# output is 8.3 KB (a chart's spec). Every output ends up in a page that readers load.
MAX_NOTEBOOK_BYTES = 1_048_576  # 1 MiB: 50x today's largest; leaves room for attached images
MAX_OUTPUT_BYTES = 1_048_576  # 1 MiB per cell: a few large PNG figures or a chart of ~10,000 points
# ~130 lines of 80 characters: more than any printed summary worth finding, so a long dump adds
# at most that much to the search index that every page loads
SEARCH_OUTPUT_BYTES = 10_240


class Workers(c.Type):
    """How many notebooks run at once: 0 means one more than the cores; below 0 is an error."""

    def __init__(self) -> None:
        super().__init__(int, default=0)

    def run_validation(self, value):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(f"expected 0 (one more than the cores) or a number of notebooks "
                                  f"to run at once, got {str(value)[:40]}")
        return value


class Positive(c.Type):
    """A whole number above zero (a bool is no number here, though Python counts it as an int)."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"expected a whole number above 0, got {str(value)[:40]}")
        return value


class NotebooksConfig(Config):
    """Options of the notebooks plugin: folders, timeouts, workers, kernel, forced runs."""

    #: every .ipynb here becomes a page, executed at build time
    notebooks_dir = c.Type(str, default="notebooks")
    #: the folder of the notebooks' pages (PAGES_DIR/STEM/), with an index and the run report
    pages_dir = c.Type(str, default="notebooks")
    #: the data folder `trainfer.notebook_data.read_table` reads (the kernels get it as TRAINFER_DATA)
    data_dir = c.Type(str, default="data")
    #: whether every notebook must carry a `trainfer` metadata block; false: a plain notebook is
    #: allowed (title from its first heading, all data files as its data, `budget_seconds`)
    require_metadata = c.Type(bool, default=True)
    #: the time budget of a notebook without a `trainfer` block
    budget_seconds = Positive(300)
    #: executed notebooks, by a key of their code, the data they read and the locks
    cache_dir = c.Type(str, default=".trainfer-cache/notebooks")
    #: seconds one cell may run
    cell_timeout = c.Type(int, default=120)
    #: notebooks run at once; 0: one more than the cores
    workers = Workers()
    #: the Jupyter kernel that runs the notebooks
    kernel = c.Type(str, default="python3")
    #: stems to re-execute even when cached; ["*"] for all (env TRAINFER_FORCE overrides)
    force = c.ListOfItems(c.Type(str), default=[])
    #: size limits (see the constants above for the defaults and why)
    max_notebook_bytes = Positive(MAX_NOTEBOOK_BYTES)
    max_output_bytes = Positive(MAX_OUTPUT_BYTES)
    #: a cell's rendered output larger than this is shown but kept out of the search index
    search_output_bytes = Positive(SEARCH_OUTPUT_BYTES)

    def validate(self):
        """MkDocs' checks; every error and warning names the config file."""
        failed, warnings = super().validate()
        where = f" (in {self.config_file_path or 'the MkDocs config'})"
        return ([(key, ValidationError(f"{error}{where}")) for key, error in failed],
                [(key, f"{warning}{where}") for key, warning in warnings])

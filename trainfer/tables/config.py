from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from trainfer.tables.errors import brief
from trainfer.tables.limits import DEFAULTS, Limits


class Positive(c.Type):
    """A whole number above zero (a bool is no number here, though Python counts it as an int)."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(f"expected a whole number above 0, got {brief(value)}")
        return value


class TablesConfig(Config):
    """Options of the tables plugin: data and notebook folders, cache."""

    #: one table per file: name.yaml, or name.csv with name.schema.yaml (see the data schema)
    data_dir = c.Type(str, default="data")
    #: the folder of the tables' pages: one page and CSV per table, an index, and (if the docs
    #: have one) its measured.md
    pages_dir = c.Type(str, default="benchmarks")
    #: the notebooks a claim's evidence may cite as notebooks/STEM/
    notebooks_dir = c.Type(str, default="notebooks")
    #: measurements of the simulator on the build machine
    cache_dir = c.Type(str, default=".trainfer-cache/measured")
    # the limits of each data file (see trainfer/tables/limits.py for the defaults and why)
    #: the limits of one data file (see trainfer/tables/limits.py for why)
    max_file_bytes = Positive(DEFAULTS.max_file_bytes)
    max_rows = Positive(DEFAULTS.max_rows)
    max_yaml_nodes = Positive(DEFAULTS.max_yaml_nodes)

    def validate(self):
        """MkDocs' checks, then the data folder's; every error and warning names the config file."""
        failed, warnings = super().validate()
        if not failed and self.config_file_path:
            folder = Path(self.config_file_path).parent / self.data_dir
            if not folder.is_dir():
                failed.append(("data_dir", ValidationError(f"no folder {folder}")))
        where = f" (in {self.config_file_path or 'the MkDocs config'})"
        return ([(key, ValidationError(f"{error}{where}")) for key, error in failed],
                [(key, f"{warning}{where}") for key, warning in warnings])

    def limits(self) -> Limits:
        """The size limits of a data file, as configured."""
        return Limits(self.max_file_bytes, self.max_rows, self.max_yaml_nodes)

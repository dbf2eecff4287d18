from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError


class RuntimeConfig(Config):
    """Options of the runtime plugin: the demo packages, node_modules, where files go."""

    #: the pure-Python packages the demos load: project folders (with a pyproject.toml, built by
    #: their own backend) or .whl files. The drawing protocol's wheel (trainfer-board) is added
    packages = c.ListOfItems(c.Type(str), default=["explainers"])
    #: one project folder: the older spelling of `packages: [folder]`
    explainers = c.Optional(c.Type(str))
    #: unset: the site's node_modules if it has one, else the runtime files bundled in trainfer
    node_modules = c.Optional(c.Type(str))
    #: where Pyodide, Vega, tablesort, the demo wheels and the site's pyodide-lock.json go
    vendor_dir = c.Type(str, default="assets/vendor")
    #: where the plugins' own scripts and style sheet go (trainfer.css is added to extra_css)
    assets_dir = c.Type(str, default="assets/trainfer")
    #: built demo wheels, one folder per source digest
    cache_dir = c.Type(str, default=".trainfer-cache/wheels")
    #: ship a Pyodide memory snapshot made at build time (needs Node), so readers skip Python's start
    snapshot = c.Type(bool, default=True)
    #: made snapshots, one file per digest of what they are made from
    snapshot_cache_dir = c.Type(str, default=".trainfer-cache/snapshots")
    #: the npm lockfile whose versions the vendored files must have; unset: the one beside
    #: node_modules (npm installed it from there)
    lockfile = c.Optional(c.Type(str))
    #: sha256 of each vendored file; unset: the one trainfer ships (trainfer/runtime/vendored.json)
    manifest = c.Optional(c.Type(str))

    def validate(self):
        """MkDocs' checks; every error and warning names the config file."""
        failed, warnings = super().validate()
        where = f" (in {self.config_file_path or 'the MkDocs config'})"
        return ([(key, ValidationError(f"{error}{where}")) for key, error in failed],
                [(key, f"{warning}{where}") for key, warning in warnings])

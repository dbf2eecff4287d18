from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError


class RuntimeConfig(Config):
    """Options of the runtime plugin: node_modules, the explainers project, where files go."""

    node_modules = c.Type(str, default="node_modules")
    explainers = c.Type(str, default="explainers")
    vendor_dir = c.Type(str, default="assets/vendor")
    cache_dir = c.Type(str, default=".trainfer-cache/wheels")
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

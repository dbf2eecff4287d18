from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class DemosConfig(Config):
    """Options of the demos plugin: where each demo's example lives, where the widget goes."""

    #: a page's demo marker for NAME shows NAME.py of this folder, run at build time, editable
    examples_dir = c.Type(str, default="explainers/web/examples")
    #: a folder whose .js/.css files replace the widget's own (unset: the files trainfer ships)
    web_dir = c.Optional(c.Type(str))
    #: where the widget's scripts are published in the site (they load the vendored runtime beside them)
    assets_dir = c.Type(str, default="assets/trainfer")
    #: the build-time runs of the examples, keyed by their code and the demo packages' source
    cache_dir = c.Type(str, default=".trainfer-cache/demos")
    #: a module whose RULES (argument -> choices or (type, low, high)) give the demo's controls;
    #: its CHIP_FORMATS, if any, limits each chip's formats. Empty: no controls
    controls = c.Type(str, default="explainers.bridge")
    #: the demo whose run draws the home page's figure is linked to this page
    figure_page = c.Type(str, default="classroom/")

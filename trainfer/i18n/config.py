from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class I18nConfig(Config):
    """Options of the i18n plugin: the editions (first = the root's), which row fields are prose."""

    #: the translations' folder: LANGUAGE/docs/, LANGUAGE/notebooks/, ... (and en/ for the site's
    #: own English words, which replace trainfer's defaults file by file)
    folder = c.Type(str, default="i18n")
    #: language code -> the name its switch shows; the first is the source, at the site's root
    languages = c.Type(dict, default={"en": "English"})
    #: row fields of data tables that are prose and get translated (values never are)
    row_fields = c.ListOfItems(c.Type(str), default=["note", "finding"])

"""MkDocs' warnings about a generated notebook page name the notebook it was made from.

MkDocs checks a page's links after our plugin made the page, and names the generated
`notebooks/<stem>.md`, which is in no folder a contributor can open; this puts the notebook's own
path in front of every such message.
"""

from __future__ import annotations

import logging


class NotebookOrigin(logging.Filter):
    """Prefixes each message that names a generated page with the notebook it came from."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: dict[str, str] = {}  # generated src path -> the notebook's path

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.pages:
            return True
        message = record.getMessage()
        for page, notebook in self.pages.items():
            if f"'{page}'" in message and not message.startswith(notebook):
                record.msg, record.args = f"{notebook}: {message}", ()
                break
        return True


ORIGIN = NotebookOrigin()


def watch(logger_name: str = "mkdocs") -> NotebookOrigin:
    """Put the one filter on every handler of MkDocs' logger (once each) and return it.

    A handler's filter sees the records of the child loggers that pages and links use; a
    logger's filter would not.
    """
    for handler in logging.getLogger(logger_name).handlers:
        handler.addFilter(ORIGIN)  # no-op if already there (mkdocs serve rebuilds)
    return ORIGIN

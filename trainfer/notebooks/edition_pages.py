"""A notebook's page in one language edition: translated, its outputs in slots, made once.

The cached notebooks' pages can be made while the build waits for the kernels of the others
(`make_early`); an error met then is raised where the page is added, as if made in order.
"""

from __future__ import annotations

import json

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from trainfer.i18n.editions import record_gaps
from trainfer.i18n.notebooks import translate_notebook, unit_path
from trainfer.notebooks import pages
from trainfer.notebooks.cache import with_outputs
from trainfer.notebooks.render import notebook_markdown
from trainfer.notebooks.shapes import marker_problems, unindexed
from trainfer.text import load_text


class EditionPages:
    """Makes and keeps each (edition, notebook) page; records its slots and source notebook."""

    def __init__(self, plugin, config, links) -> None:
        self.plugin, self.config, self.links = plugin, config, links
        self.made: dict = {}  # (language, rel) -> (files, meta) or the PluginError met
        self.words: dict = {}  # language -> its pages.yaml words, read once

    def text(self, edition) -> dict:
        """The edition's words of pages.yaml (read once per build)."""
        if edition.language not in self.words:
            self.words[edition.language] = load_text(self.plugin.root, edition.language, "pages")
        return self.words[edition.language]

    def make_early(self, edition, entries) -> None:
        """Make the pages of `entries` now, keeping any error for `page` to raise."""
        for entry in entries:
            try:
                self.made[edition.language, entry[0]] = self._make(edition, *entry)
            except PluginError as exc:
                self.made[edition.language, entry[0]] = exc

    def page(self, edition, entry) -> tuple[list, object]:
        """(the page's files, its meta in the edition's language), made now unless made early."""
        done = self.made.get((edition.language, entry[0]))
        if done is None:
            done = self._make(edition, *entry)
        elif isinstance(done, PluginError):
            raise done
        return done

    def _make(self, edition, rel, meta, result, current):
        root, options = self.plugin.root, self.plugin.config
        executed = with_outputs(current, result.notebook)
        if not edition.default:
            path = unit_path(root, edition.language, rel.stem)
            meta, executed, gaps = translate_notebook(meta, executed, path)
            where = f"{path.relative_to(root)} (the {edition.language} text of {rel})"
            if marked := marker_problems(where, executed, meta.title, meta.summary):
                raise PluginError("Notebooks failed:\n\n" + "\n\n".join(marked))
            record_gaps(self.config, edition.src(f"{options.pages_dir}/{rel.stem}.md"), gaps)
        words = self.text(edition)
        body, slots = notebook_markdown(executed, rel, self.links, words.get("notebook_folds", {}))
        unindexed(slots, options.search_output_bytes)  # a long dump stays out of search
        src = edition.src(f"{options.pages_dir}/{rel.stem}.md")
        self.plugin.slots[src] = slots
        self.plugin.origin.pages[src] = str(rel)
        download = f"{rel.stem}.ipynb"
        content = pages.notebook_page(meta, body, result, download, words["notebooks"])
        return [File.generated(self.config, src, content=content),
                File.generated(self.config, edition.src(f"{options.pages_dir}/{download}"),
                               content=json.dumps(executed, indent=1, ensure_ascii=False))], meta

"""Sanitize the pages made from content (notebooks, data) and give every page its CSP."""

from __future__ import annotations

from html import escape, unescape

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from trainfer.demos.render import early_start
from trainfer.security.config import SecurityConfig
from trainfer.security.csp import inline_scripts, with_csp
from trainfer.security.sanitize import align_attributes, clean_page
from trainfer.security.urls import outside_loads

# Inline scripts a page's content may carry (the classroom's early start); any other inline
# script in the content gets no hash, so the browser will not run it.
TRUSTED_SCRIPTS = set(inline_scripts(early_start()))


class SecurityPlugin(BasePlugin[SecurityConfig]):
    """Cleans content pages with the allow-list and puts a Content-Security-Policy on every page."""

    live_reload = False

    def on_startup(self, *, command, dirty):
        self.live_reload = command == "serve"

    @event_priority(100)  # before any plugin expands its markers or fills its slots
    def on_page_content(self, html, *, page, config, files):
        html = align_attributes(html)
        if page.file.generated_by not in self.config.sanitize:
            return html
        outside = outside_loads(html)
        if outside:
            raise PluginError(f"{page.file.src_uri} (made by {page.file.generated_by}) loads "
                              f"{', '.join(outside)} from another host; the site loads nothing "
                              "from outside its own origin")
        return clean_page(html)

    def on_page_context(self, context, *, page, config, nav):
        # Material writes <title>{{ page.title | striptags }}</title>, and striptags unescapes:
        # a title of "&lt;/title&gt;&lt;script&gt;..." would close the element and run. A meta
        # title comes first and is written as is: give content pages one, escaped.
        if page.file.generated_by in self.config.sanitize and page.title:
            page.meta["title"] = escape(Markup(page.title).striptags())
        return context

    def on_post_page(self, output, *, page, config):
        content = (page.content or "") + unescape(page.title or "")
        untrusted = set(inline_scripts(content)) - TRUSTED_SCRIPTS
        return with_csp(output, untrusted, self.live_reload)

    def on_post_template(self, output_content, *, template_name, config):
        if not template_name.endswith(".html"):
            return output_content
        return with_csp(output_content, live_reload=self.live_reload)

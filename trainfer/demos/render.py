"""The demo widget's HTML. Labels come from the per-language text file; output stays text."""

from __future__ import annotations

import json
import re
from html import escape

MARKER = re.compile(r"<!--\s*trainfer:demo\s+([\w-]+)\s*-->")


def demo_names(html: str) -> list[str]:
    """The demos a page asks for, in order."""
    return MARKER.findall(html)


def widget_html(name: str, code: str, prebuilt: str, text: dict[str, str]) -> str:
    """The editor, the buttons, the build-time result and the Output log of one demo."""
    t = {k: escape(v) for k, v in text.items()}
    code_id = f"tf-code-{name}"
    return f"""<section class="tf-demo" data-demo="{escape(name)}" aria-label="{t['demo_label']}">
<label class="tf-code-label" for="{code_id}">{t['code_label']}</label>
<textarea id="{code_id}" class="tf-code" spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
 rows="{code.count(chr(10)) + 2}">{escape(code)}</textarea>
<template class="tf-example">{escape(code)}</template>
<div class="tf-buttons">
<button type="button" class="md-button md-button--primary" data-action="run"
 title="{t['run_hint']}">{t['run']} ▶</button>
<button type="button" class="md-button" data-action="stop" disabled>{t['stop']} ■</button>
<button type="button" class="md-button" data-action="reset">{t['reset']} ↺</button>
<span class="tf-status" role="status" aria-live="polite">{t['status_idle']}</span>
</div>
<div class="tf-prebuilt">
<p class="tf-prebuilt-heading">{t['prebuilt_heading']}. {t['prebuilt_note']}</p>
<pre>{escape(prebuilt)}</pre>
</div>
<p class="tf-output-label" id="tf-output-{name}">{t['output']}</p>
<pre class="tf-log" role="log" aria-label="{t['output']}" aria-live="polite" tabindex="0"></pre>
</section>"""


def page_scripts(text: dict[str, str], script_url: str) -> str:
    """The page's text table (JSON, safe inside a script tag) and the widget's module script."""
    data = json.dumps(text, ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<script type="application/json" id="tf-i18n">{data}</script>\n'
        f'<script type="module" src="{escape(script_url)}"></script>'
    )

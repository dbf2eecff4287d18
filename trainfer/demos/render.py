"""The demo widget's HTML. Labels come from the per-language text file; output stays text."""

from __future__ import annotations

import json
import re
from html import escape

from trainfer.demos.boardhtml import board_html

MARKER = re.compile(r"<!--\s*trainfer:demo\s+([\w-]+)\s*-->")


def demo_names(html: str) -> list[str]:
    """The demos a page asks for, in order."""
    return MARKER.findall(html)


def control_html(control: dict, text: dict, demo: str) -> str:
    """One labelled control; a select's option labels come from the text table."""
    name = control["name"]
    label = escape(text.get("controls", {}).get(name, name))
    ident = f"tf-{demo}-{name}"
    if control["kind"] == "select":
        names = text.get("options", {}).get(name, {})
        # a chip's option carries the formats the simulator lets it compute in (bridge.CHIP_FORMATS)
        formats = control.get("formats", {})
        options = "".join(
            f'<option value="{escape(o)}"{" selected" if o == control["value"] else ""}'
            f"{_formats_attr(formats.get(o))}>{escape(names.get(o, o))}</option>"
            for o in control["options"]
        )
        field = f'<select id="{ident}" data-arg="{name}">{options}</select>'
    else:
        field = (f'<input id="{ident}" type="number" data-arg="{name}" inputmode="decimal" '
                 f'min="{control["min"]}" max="{control["max"]}" step="{control["step"]}" '
                 f'value="{control["value"]}"{" data-integer" if control["integer"] else ""}>')
    return f'<div class="tf-control"><label for="{ident}">{label}</label>{field}</div>'


def _formats_attr(formats) -> str:
    return "" if formats is None else f' data-formats="{escape(" ".join(formats))}"'


def widget_html(name: str, code: str, prebuilt: str, text: dict, controls: list[dict],
                worker_url: str, board: list | None = None) -> str:
    """The controls, editor, buttons, progress, build-time result, board and Output log."""
    t = {k: escape(v) for k, v in text.items() if isinstance(v, str)}
    code_id = f"tf-code-{name}"
    fields = "".join(control_html(c, text, name) for c in controls)
    return f"""<section class="tf-demo" data-demo="{escape(name)}" data-worker="{escape(worker_url)}"
 aria-label="{t['demo_label']}">
<fieldset class="tf-controls"><legend>{t['controls_label']}</legend>{fields}</fieldset>
<p class="tf-notice" role="status" aria-live="polite" hidden></p>
<label class="tf-code-label" for="{code_id}">{t['code_label']}</label>
<textarea id="{code_id}" class="tf-code" spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
 rows="{code.count(chr(10)) + 2}">{escape(code)}</textarea>
<template class="tf-example">{escape(code)}</template>
<div class="tf-buttons">
<button type="button" class="md-button md-button--primary" data-action="run"
 title="{t['run_hint']}">{t['run']} ▶</button>
<button type="button" class="md-button" data-action="stop" disabled>{t['stop']} ■</button>
<button type="button" class="md-button" data-action="reset">{t['reset']} ↺</button>
<button type="button" class="md-button" data-action="share">{t['share']}</button>
<span class="tf-status" role="status" aria-live="polite">{t['status_idle']}</span>
</div>
<div class="tf-progress" hidden><progress max="1" value="0" aria-label="{t['progress_label']}"></progress>
<span class="tf-progress-text"></span></div>
<div class="tf-prebuilt">
<p class="tf-prebuilt-heading">{t['prebuilt_heading']}. {t['prebuilt_note']}</p>
<pre>{escape(prebuilt)}</pre>
{board_html(board or [], text.get("table_words", {}))}
</div>
<p class="tf-output-label" id="tf-output-{name}">{t['output']}</p>
<pre class="tf-log" role="log" aria-label="{t['output']}" aria-live="polite" tabindex="0"></pre>
<div class="tf-board" role="group" aria-label="{t['charts_heading']}"></div>
</section>"""


# A classic inline script at the top of <head>, before the style sheets (an inline script further
# down waits for them) and the page's other work: on a page with a demo it starts Python at once,
# and keeps the worker's first messages for the widget (bench/classroom_load.py measures it).
# It starts the worker from a blob: URL, as explainers/web/spawn.js does, so that the worker runs
# under the page's Content-Security-Policy, which allows this script by its hash (the worker's
# URL is in an attribute, so every page has the same script text and hash).
EARLY_START = """<script data-worker="{worker}">(function () {
  var url = document.currentScript && document.currentScript.dataset.worker;
  if (!url || !window.Worker) return;
  var source = "import " + JSON.stringify(new URL(url, location.href).href) + ";";
  var blobUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  var worker = new Worker(blobUrl, { type: "module" });
  worker.blobUrl = blobUrl;
  worker.early = [];
  worker.onmessage = function (event) { worker.early.push(event.data); };
  window.trainferWorker = worker;
})();</script>"""
CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)


def early_start(worker_url: str = "") -> str:
    """The inline script that starts a demo page's worker as soon as its <head> is parsed."""
    return EARLY_START.replace("{worker}", escape(worker_url))


def with_early_start(html: str, worker_url: str) -> str:
    """The page with the early start right after its <meta charset> (the CSP goes before it)."""
    anchor = CHARSET.search(html)
    at = anchor.end() if anchor else html.lower().index("<head>") + len("<head>")
    return html[:at] + early_start(worker_url) + html[at:]


def page_scripts(text: dict[str, str], script_url: str) -> str:
    """The page's text table (JSON, safe inside a script tag) and the widget's module script."""
    data = json.dumps(text, ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<script type="application/json" id="tf-i18n">{data}</script>\n'
        f'<script type="module" src="{escape(script_url)}"></script>'
    )

"""The reader's code can only print: forged control messages, a 100 MB line, the worker's own
policy, and links too long to share."""

from __future__ import annotations

import http.server
import random
import re
import threading

import pytest
from test_classroom import PYODIDE_READY_S, open_classroom, run_button, set_code
from test_classroom_live import wait_for_log, wait_until_idle

pytestmark = pytest.mark.browser
WAIT = PYODIDE_READY_S * 1000

FORGE = """import js
from pyodide.ffi import to_js

def forge(message):
    js.postMessage(to_js(message, dict_converter=js.Object.fromEntries))

forge({"type": "done", "id": 1, "ok": True, "ms": 0})
forge({"type": "stdout", "text": "FORGED OUTPUT"})
port = js.MessageChannel.new().port2
js.postMessage(to_js({"type": "channel", "port": port}, dict_converter=js.Object.fromEntries),
               to_js([port]))
js.self.dispatchEvent(js.MessageEvent.new("message", to_js(
    {"data": {"type": "run", "id": 9, "code": "print('FORGED RUN')"}},
    dict_converter=js.Object.fromEntries)))
print("forged")
import time
start = time.time()
while time.time() - start < 1.5:
    pass
print("finished")
"""


def test_forged_control_messages_change_nothing(page, site_url):
    log = open_classroom(page, site_url)
    set_code(page, FORGE)
    run_button(page).click()
    wait_for_log(page, "forged")
    page.wait_for_timeout(300)  # the forged messages have arrived by now, if they ever do
    assert run_button(page).is_disabled()  # still running: the forged "done" was not taken
    assert page.get_by_role("button", name=re.compile("^Stop")).is_enabled()
    assert page.locator(".tf-status").get_attribute("data-state") == "status_running"
    wait_for_log(page, "finished")
    wait_until_idle(page)
    assert page.locator(".tf-status").get_attribute("data-state") == "status_done"
    assert "FORGED" not in log.inner_text()
    assert page.console_errors == []


def test_a_100_mb_line_is_cut_and_the_page_answers(page, site_url):
    log = open_classroom(page, site_url)
    set_code(page, "print('x' * 100_000_000)\nprint('after the long line')")
    run_button(page).click()
    wait_for_log(page, "after the long line")
    text = log.inner_text()
    assert "output truncated" in text and "10,000 characters" in text
    assert len(text) < 20_000
    assert max(len(line) for line in text.splitlines()) <= 10_001  # the cut line ends with …
    page.get_by_role("button", name=re.compile("^Reset")).click(timeout=2000)  # still answers
    wait_until_idle(page)


def listener():
    """A server on another origin (127.0.0.1, another port) that records what reaches it."""
    heard = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            heard.append(self.path)
            self.send_response(200)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", heard


def test_the_readers_code_runs_under_the_pages_policy(page, site_url):
    other, other_url, heard = listener()  # it even allows CORS: only the policy stops the code
    log = open_classroom(page, site_url)
    set_code(page, f"""import js
for name, attempt in [
    ("eval", lambda: js.eval("1 + 1")),
    ("Function", lambda: js.Function.new("return 1")()),
]:
    try:
        attempt()
        print(name, "ran")
    except Exception as error:
        print(name, "refused:", type(error).__name__)
request = js.XMLHttpRequest.new()
request.open("GET", "{other_url}probe", False)
try:
    request.send()
    print("xhr", "reached", request.status)
except Exception as error:
    print("xhr", "refused:", type(error).__name__)
""")
    run_button(page).click()
    wait_for_log(page, "xhr")
    other.shutdown()
    text = log.inner_text()
    assert "eval refused" in text and "Function refused" in text and "xhr refused" in text
    assert heard == []


def type_code(page, code: str) -> None:
    """As pasting does: the whole text at once (Playwright's fill is slow on long text)."""
    page.locator("textarea.tf-code").evaluate(
        "(area, code) => { area.value = code; area.dispatchEvent(new Event('input')); }", code)


def test_long_code_travels_deflated_and_too_long_code_is_refused(page, site_url):
    open_classroom(page, site_url)
    long_code = "".join(f"print('line {i} of a long experiment')\n" for i in range(400))
    type_code(page, long_code)  # about 15 KB: too long for a plain link, small once deflated
    page.wait_for_function("() => location.search.startsWith('?z=v1.')")
    shared = page.evaluate("() => location.href")
    assert len(shared) < 8192
    page.goto(shared)
    page.wait_for_function("n => document.querySelector('textarea.tf-code').value.length === n",
                           arg=len(long_code))
    assert page.get_by_label(re.compile("^Code")).input_value() == long_code

    noise = random.Random(9)
    type_code(page, "".join(noise.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12_000)))
    page.get_by_role("button", name=re.compile("^Copy a link")).click()
    page.wait_for_function(
        "() => document.querySelector('.tf-status').dataset.state === 'share_too_long'")
    # Python becoming ready afterwards does not replace the answer to the reader's click
    page.locator(".tf-demo[data-python=ready]").wait_for(timeout=WAIT)
    assert "too long to share" in page.locator(".tf-status").inner_text()


@pytest.mark.parametrize("z", ["v1.@@@not-base64", "v1." + "A" * 40, "v9.abc"])
def test_an_unreadable_link_says_so_and_the_message_outlives_loading(page, site_url, z):
    page.goto(site_url + "classroom/?z=" + z)
    page.locator(".tf-demo[data-python=ready]").wait_for(timeout=WAIT)
    status = page.locator(".tf-status")
    assert status.get_attribute("data-state") == "link_unreadable"
    assert "could not be read" in status.inner_text()
    example = page.locator("template.tf-example").evaluate("t => t.content.textContent")
    assert page.get_by_label(re.compile("^Code")).input_value() == example
    assert page.console_errors == []


def test_copy_a_link_puts_the_experiment_on_the_clipboard(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_classroom(page, site_url)
    type_code(page, "print('shared experiment')\n")
    page.get_by_role("button", name=re.compile("^Copy a link")).click()
    page.wait_for_function("() => document.querySelector('.tf-status').dataset.state === 'share_done'")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.evaluate("() => location.href")
    page.locator(".tf-demo[data-python=ready]").wait_for(timeout=WAIT)
    assert page.locator(".tf-status").get_attribute("data-state") == "share_done"
    page.goto(copied)
    page.wait_for_function("() => document.querySelector('textarea.tf-code').value.includes('shared')")
    assert page.get_by_label(re.compile("^Code")).input_value() == "print('shared experiment')\n"

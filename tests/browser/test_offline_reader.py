"""The service worker: the classroom opens and runs offline after one visit, a new build replaces
it; pages without a demo fetch Python's runtime after idle (never on Save-Data), never run it."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import serve
from test_returning import READY_MS, open_ready, run_prints

pytestmark = pytest.mark.browser

CACHED = """async (name) => {
  for (const key of await caches.keys()) {
    if (!key.startsWith(name)) continue;
    return (await (await caches.open(key)).keys()).map((r) => r.url);
  }
  return [];
}"""


RUNTIME_FILES = ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs", "python_stdlib.zip",
                 "trainfer-snapshot.bin", "pyodide-lock.json", "explainers-", "trainfer_board-")


@pytest.fixture
def own_site(built_site, tmp_path):
    """A copy of the built site, served on a port that a restarted server can take again."""
    folder = shutil.copytree(built_site, tmp_path / "site")
    servers = [serve(folder)]
    yield folder, servers
    servers[-1][0].shutdown()


def forget_http_cache(context) -> None:
    """Empty the browser's HTTP cache (Cache Storage, the service worker's, stays)."""
    page = context.new_page()
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.close()


def wait_cached(page, cache: str, needle: str) -> list[str]:
    for _ in range(READY_MS // 200):
        urls = page.evaluate(CACHED, cache)
        if any(needle in url for url in urls):
            return urls
        page.wait_for_timeout(200)
    raise AssertionError(f"{needle} never reached the cache {cache}*")


def test_the_classroom_runs_offline_after_one_visit_and_a_new_build_replaces_it(browser, own_site):
    folder, servers = own_site
    url = servers[-1][1]
    context = browser.new_context()
    first = open_ready(context, url)
    run_prints(first, "online")
    # every file the worker fetches must be kept before the site goes away, not the wasm alone
    # (the rest arrive at low priority and, on a loaded machine, later)
    for name in RUNTIME_FILES:
        wait_cached(first, "trainfer-runtime-", name)
    wait_cached(first, "trainfer-site-", "/classroom/")
    first.close()

    servers[-1][0].shutdown()  # offline: nothing answers on the site's port
    servers[-1][0].server_close()
    forget_http_cache(context)  # so only the service worker's copies can answer
    offline = open_ready(context, url)
    run_prints(offline, "offline")
    offline.close()

    page = folder / "classroom" / "index.html"
    page.write_text(page.read_text().replace("</article>", "<p id='new-build'>new</p></article>", 1))
    sw = folder / "sw.js"
    old_build = re.search(r'const BUILD = "(\w+)"', sw.read_text())[1]
    sw.write_text(sw.read_text().replace(old_build, "0" * len(old_build)))
    servers.append(serve(folder, port=int(url.rsplit(":", 1)[1].strip("/"))))
    forget_http_cache(context)
    updated = context.new_page()
    updated.goto(url + "classroom/")
    assert updated.locator("#new-build").count() == 1  # the page comes from the network first
    # the new worker is in, and the old build's copies are gone
    updated.wait_for_function("""async () => {
      const sites = (await caches.keys()).filter((k) => k.startsWith("trainfer-site-"));
      return sites.length === 1 && /^trainfer-site-0+$/.test(sites[0]);
    }""", timeout=READY_MS)
    context.close()


def python_workers(page) -> list[str]:
    return [w.url for w in page.workers if w.url.startswith("blob:") or "worker.js" in w.url]


def test_a_page_without_a_demo_fetches_the_runtime_after_idle_and_never_runs_it(browser, own_site):
    _, servers = own_site
    context = browser.new_context()
    page = context.new_page()
    requested = []
    context.on("request", lambda r: requested.append(r.url))
    page.goto(servers[-1][1])
    page.wait_for_timeout(2000)  # loaded, not yet idle for 5 s
    assert not [u for u in requested if "/pyodide/" in u]
    urls = wait_cached(page, "trainfer-runtime-", ".whl")  # the wheels come after the core files
    assert {"pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs"} <= {u.rsplit("/", 1)[1] for u in urls}
    assert python_workers(page) == []
    context.close()


def test_no_prefetch_on_save_data(browser, own_site):
    _, servers = own_site
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})
    requested = []
    context.on("request", lambda r: requested.append(r.url))
    page.goto(servers[-1][1])
    assert page.evaluate("navigator.connection.saveData") is True
    page.wait_for_timeout(9000)  # load, 5 s idle and the time a prefetch would take
    assert not [u for u in requested if "/pyodide/" in u]
    assert page.evaluate(CACHED, "trainfer-runtime-") == []
    assert python_workers(page) == []
    context.close()

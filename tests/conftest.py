"""Shared fixtures: the built site, a static server on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("TRAINFER_CHROMIUM", "/usr/bin/chromium")
# Flags from DESIGN.md: no background traffic, and every host but 127.0.0.1 made unresolvable.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def mkdocs_build(config: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a user would; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d",
         str(site_dir), *extra],
        cwd=config.parent, capture_output=True, text=True, timeout=900,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The project's site, built once per test session into a temporary folder."""
    site = tmp_path_factory.mktemp("built") / "site"
    done = mkdocs_build(ROOT / "mkdocs.yml", site)
    assert done.returncode == 0, f"site build failed:\n{done.stdout}\n{done.stderr}"
    return site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass

    def copyfile(self, source, outputfile) -> None:
        try:
            super().copyfile(source, outputfile)
        except (BrokenPipeError, ConnectionResetError):  # the browser moved on; not an error
            pass


def serve(folder: Path, prefix: str = "", port: int = 0):
    """Serve `folder` at http://127.0.0.1:<port><prefix>/ in a thread; return (server, url)."""

    class Handler(QuietHandler):
        def translate_path(self, path):
            if prefix:
                if not path.startswith(prefix + "/"):
                    return str(folder / "__outside_prefix__")
                path = path[len(prefix):]
            return super().translate_path(path)

    handler = functools.partial(Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}/"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: `nox -s tests` installs Debian's chromium as root")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request and console error it sees."""
    # no service worker (tests of it make their own context): page.route must see every request
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.requests = []
    page.console_errors = []
    context.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()

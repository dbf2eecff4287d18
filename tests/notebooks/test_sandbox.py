"""Inside the sandbox nothing reaches the network: not a subprocess, not curl, not `_socket`."""

from __future__ import annotations

import http.server
import os
import shutil
import socket
import threading
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

from trainfer.notebooks.execute import execute_notebook
from trainfer.notebooks.sandbox import isolation

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def outside_address() -> str:
    """This machine's address on its network (no packet is sent), else loopback, which the
    sandbox's own network namespace does not share either."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


@pytest.fixture
def server():
    """An HTTP server on every interface, counting the requests it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("0.0.0.0", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"{outside_address()}:{httpd.server_address[1]}", hits
    httpd.shutdown()


def test_nothing_in_the_sandbox_reaches_the_network(tmp_path, server):
    found = isolation()
    if found.bwrap is None:
        if shutil.which("apt-get") and os.geteuid() == 0:
            pytest.fail(f"bwrap should be installed here (nox -s tests does it): {found.reason}")
        pytest.skip(f"bwrap cannot run here: {found.reason}")
    target, hits = server
    urllib.request.urlopen(f"http://{target}/reachable", timeout=10).close()  # it is, from here
    assert hits == ["/reachable"]
    (tmp_path / "notebooks").mkdir()
    path = Path(shutil.copy(HOSTILE / "sandbox_network.ipynb", tmp_path / "notebooks"))
    env = {**os.environ, "TRAINFER_ROOT": str(tmp_path), "TRAINFER_TEST_TARGET": target}
    result = execute_notebook(path, timeout=60, kernel="python3", env=env)
    assert result.ok, result.error
    shown = "".join(out.get("text", "") for cell in result.notebook.cells
                    for out in cell.get("outputs", []))
    assert "urllib child exit status: 1" in shown
    assert "curl exit status: 7" in shown  # curl's "failed to connect"
    raw = int(shown.split("raw socket connect_ex:")[1].split()[0])
    assert raw != 0  # an errno (ENETUNREACH): the socket guard does not see _socket
    assert hits == ["/reachable"]

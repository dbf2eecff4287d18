"""A static server for the benchmarks: gzip as a static host sends it, and optionally a shaped link.

Chromium's own throttling (CDP) may not reach a worker's fetches, so the link is shaped here, in
the server: every response waits one round trip before its first byte (a new connection waits
one more, for its handshake), and all responses share one bandwidth budget.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
import time
from pathlib import Path

# what GitHub Pages, Netlify and nginx's usual gzip_types compress (zips and wheels are already)
GZIP_TYPES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".py", ".wasm", ".xml",
              ".map", ".csv", ".yaml")
CHUNK = 16 * 1024


class Link:
    """A shared link: `rtt` seconds per round trip, `bits_per_s` for all responses together."""

    def __init__(self, bits_per_s: float | None = None, rtt: float = 0.0) -> None:
        self.rate = bits_per_s / 8 if bits_per_s else None
        self.rtt = rtt
        self.lock = threading.Lock()
        self.free_at = 0.0  # when the link has sent everything queued so far

    def send(self, size: int) -> None:
        """Wait until `size` more bytes have gone out on the shared link."""
        if not self.rate:
            return
        with self.lock:
            start = max(time.perf_counter(), self.free_at)
            self.free_at = start + size / self.rate
            until = self.free_at
        time.sleep(max(0.0, until - time.perf_counter()))

    def __str__(self) -> str:
        if not self.rate:
            return "localhost, no shaping"
        return f"{self.rate * 8 / 1e6:g} Mbit/s, {self.rtt * 1000:g} ms round trip"


_gzipped: dict[tuple[str, float], bytes] = {}


def gzipped(path: str) -> bytes:
    """The file gzipped at level 6 (nginx's usual), made once per file and modification time."""
    key = (path, os.path.getmtime(path))
    if key not in _gzipped:
        _gzipped[key] = gzip.compress(Path(path).read_bytes(), 6, mtime=0)
    return _gzipped[key]


class ShapedHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host
    link = Link()
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, *args) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        time.sleep(self.link.rtt)  # the TCP handshake

    def send_head(self):
        time.sleep(self.link.rtt)  # the request's way there and the first byte's way back
        path = self.translate_path(self.path)
        if (os.path.isfile(path) and path.endswith(GZIP_TYPES)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzipped(path)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
            self.end_headers()
            return _Bytes(body)
        return super().send_head()

    def copyfile(self, source, outputfile) -> None:
        try:
            while chunk := source.read(CHUNK):
                self.link.send(len(chunk))
                outputfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):  # the browser moved on
            pass


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def read(self, n: int) -> bytes:
        chunk = self.data[self.at:self.at + n]
        self.at += len(chunk)
        return chunk

    def close(self) -> None:
        pass


def serve_shaped(folder: Path, link: Link):
    """Serve `folder` on 127.0.0.1 through `link`, with gzip; return (server, url)."""
    for path in folder.rglob("*"):  # a static host has them ready: no compression in the timings
        if path.is_file() and path.name.endswith(GZIP_TYPES):
            gzipped(str(path))
    handler_class = type("Handler", (ShapedHandler,), {"link": link})
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"

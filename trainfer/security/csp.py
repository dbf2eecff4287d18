"""The Content-Security-Policy every built page carries, as a <meta> tag early in its <head>.

A policy set by <meta> cannot say frame-ancestors, report-uri or sandbox (browsers ignore them
there): a host that can send headers should send those itself.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Script elements that run: no type, a JavaScript MIME type, or "module". JSON data blocks
# (Material's __config, our chart specs and texts) are never run, so CSP does not cover them.
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
RUNNABLE_TYPES = {"", "module", "text/javascript", "application/javascript"}
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'

# Each source beyond 'self' is there for a reason (README: "The Content-Security-Policy").
BASE = {
    "default-src": ["'none'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script on the page that a browser would run."""
    found = []
    for match in SCRIPT.finditer(html):
        attrs, body = match[1], match[2]
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        kind = TYPE.search(attrs)
        if (kind[1].lower() if kind else "") in RUNNABLE_TYPES:
            found.append(body)
    return found


def script_hash(body: str) -> str:
    """The CSP source that allows exactly this inline script."""
    # the HTML parser turns CRLF into LF before the browser hashes the script's text
    digest = hashlib.sha256(body.replace("\r\n", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def policy(html: str, untrusted: set[str] = frozenset(), live_reload: bool = False) -> str:
    """The policy for one page: the base policy plus a hash for each inline script of its
    template (the theme's) and none for the `untrusted` ones (those in the page's content).

    `mkdocs serve` adds an inline live-reload script that changes with every response: with
    `live_reload`, inline scripts are allowed instead (on the developer's machine only).
    """
    hashes = sorted({script_hash(body) for body in inline_scripts(html) if body not in untrusted})
    extra = ["'unsafe-inline'"] if live_reload else hashes
    directives = {**BASE, "script-src": BASE["script-src"] + extra}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_csp(html: str, untrusted: set[str] = frozenset(), live_reload: bool = False) -> str:
    """The page with its CSP <meta> right after <meta charset> (or <head>), before any script."""
    tag = META.format(policy=policy(html, untrusted, live_reload))
    anchor = CHARSET.search(html) or HEAD.search(html)
    if anchor is None:
        raise ValueError("the page has no <head> to put its Content-Security-Policy in")
    return html[: anchor.end()] + tag + html[anchor.end():]

"""The site's service worker (written at its root) and the script every page registers it with."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from mkdocs.utils import get_relative_url

from trainfer.digest import files_digest

SERVICE_WORKER = "sw.js"


def offline_tag(page_url: str, assets_dir: str, vendor_dir: str) -> str:
    """The module script that registers the service worker (and prefetches on demo-less pages)."""
    script = get_relative_url(f"{assets_dir}/offline.js", page_url)
    root = get_relative_url(SERVICE_WORKER, page_url).removesuffix(SERVICE_WORKER) or "./"
    return (f'<script type="module" src="{escape(script)}" data-tf-root="{escape(root)}" '
            f'data-tf-runtime="{escape(vendor_dir.strip("/"))}/pyodide/"></script>')


def with_offline(html: str, tag: str) -> str:
    """The page with `tag` just before </body> (after the page's own scripts)."""
    at = html.lower().rfind("</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


def digest(files: list[Path], base: Path) -> str:
    """A short sha256 over the relative path and bytes of `files`."""
    return files_digest(files, base)[:16]


def write_service_worker(site: Path, template: Path, vendor_dir: str, assets_dir: str) -> Path:
    """Write `site`/sw.js from `template`, versioned by the build's and the runtime's digests;
    it keeps the widget's files (under `assets_dir`) at install."""
    runtime_dir = site / vendor_dir / "pyodide"
    every = sorted(p for p in site.rglob("*") if p.is_file() and p.name != SERVICE_WORKER
                   and runtime_dir not in p.parents)
    runtime = sorted(p for p in runtime_dir.rglob("*") if p.is_file())
    text = (template.read_text(encoding="utf-8")
            .replace("{build}", digest(every, site))
            .replace("{runtime}", digest(runtime, site))
            .replace("{runtime_path}", f"{vendor_dir.strip('/')}/pyodide/")
            .replace("{precache}", json.dumps(sorted(
                p.relative_to(site).as_posix() for p in (site / assets_dir).glob("*") if p.is_file()))))
    target = site / SERVICE_WORKER
    target.write_text(text, encoding="utf-8")
    return target

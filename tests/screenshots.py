"""Write a PNG of every page of a built site into screenshots/, so reviewers can look without
building: both editions at 1280 px, and a few pages at 375 px. Run by `nox -s screenshots`.

Usage: python tests/screenshots.py SITE_DIR OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

NARROW = ("", "classroom/", "notebooks/02-floating-point/", "benchmarks/", "claims/")
SKIP = ("404.html", "assets/", "search/")
SETTLE_MS = 1500


def pages(site: Path) -> list[str]:
    """Every page's address relative to the site root (folders end in /)."""
    found = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if not any(rel.startswith(s) or f"/{s}" in rel for s in SKIP):
            found.append(rel)
    return found


def shoot(site: Path, out: Path) -> int:
    """Screenshot every page; return how many PNGs were written."""
    from playwright.sync_api import Error, sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server, url = serve(site)
    count = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width in (1280, 375):
                page = browser.new_page(viewport={"width": width, "height": 900})
                for rel in pages(site):
                    if width == 375 and rel.removeprefix("zh/") not in NARROW:
                        continue
                    name = (rel.strip("/").replace("/", "_") or "home") + f"-{width}.png"
                    try:
                        # not "networkidle": the classroom keeps loading Python in the background
                        page.goto(url + rel, wait_until="load")
                        page.wait_for_timeout(SETTLE_MS)  # charts draw just after load
                        page.screenshot(path=str(out / name), full_page=True)
                        count += 1
                    except Error as exc:
                        print(f"{name}: not written ({str(exc).splitlines()[0]})", file=sys.stderr)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return count


if __name__ == "__main__":
    site_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    print(f"{shoot(site_dir, out_dir)} screenshots in {out_dir}/")

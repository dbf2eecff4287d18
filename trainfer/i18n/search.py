"""One search index (and sitemap) per edition. Material's search plugin writes one index for every page (with
Chinese segmented into words by jieba at build time); this splits it so that each edition
searches its own pages; another edition's index takes its language's separator and pipeline
from Material's language files, as a site built in that language would have."""

from __future__ import annotations

import json
import threading
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def split_index(site_dir: Path, editions, search_config_of) -> None:
    """Rewrite search/search_index.json per edition: <prefix>search/search_index.json."""
    path = site_dir / INDEX
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data.get("docs", [])
    prefixes = [e.prefix for e in editions if e.prefix]
    for edition in editions:
        if edition.prefix:
            mine = [{**d, "location": d["location"][len(edition.prefix):]} for d in docs
                    if d["location"].startswith(edition.prefix)]
        else:
            mine = [d for d in docs if not d["location"].startswith(tuple(prefixes))]
        own = {} if edition.default else search_config_of(edition.language)
        config = {**data.get("config", {}), **own}
        out = site_dir / edition.prefix / INDEX
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"config": config, "docs": mine}, ensure_ascii=False,
                                  separators=(",", ":")), encoding="utf-8")


def write_sitemaps(site_dir: Path, editions) -> None:
    """A sitemap.xml in each edition's folder, as Material's language switch fetches one from
    every edition it links (so that switching keeps the reader on the same page)."""
    root = site_dir / "sitemap.xml"
    if not root.is_file():
        return
    text = root.read_text(encoding="utf-8")
    for edition in editions:
        if edition.prefix:
            (site_dir / edition.prefix / "sitemap.xml").write_text(text, encoding="utf-8")


def warm_segmenter(languages) -> threading.Thread | None:
    """Load jieba's dictionary in a background thread when an edition is Chinese.

    Material's search segments every Chinese page with jieba, which loads its dictionary (about a
    second) on the first page; loaded beside the build, that second is spent while the build
    waits for its notebooks' kernels rather than after. jieba's own lock makes the first cut
    wait for a load still going.
    """
    if not any(str(code).lower().startswith("zh") for code in languages):
        return None
    try:
        import jieba
    except ImportError:  # Material then leaves Chinese unsegmented; nothing to load
        return None
    thread = threading.Thread(target=jieba.initialize, name="trainfer-jieba", daemon=True)
    thread.start()
    return thread

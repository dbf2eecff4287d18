"""The site's pyodide-lock.json is the tool's own output, kept and reused only for the same inputs."""

from __future__ import annotations

import json

from test_wheel import PYODIDE_LOCK, make_project

from trainfer.runtime.lock import write_site_lock
from trainfer.runtime.wheel import build_wheel


def test_a_kept_lock_is_reused_only_for_the_same_wheels(tmp_path):
    wheel = build_wheel(make_project(tmp_path / "p"), tmp_path / "out")
    cache, fresh, kept = tmp_path / "cache", tmp_path / "fresh.json", tmp_path / "kept.json"
    write_site_lock(PYODIDE_LOCK, [wheel], fresh)  # the tool, no cache
    write_site_lock(PYODIDE_LOCK, [wheel], tmp_path / "first.json", cache=cache)
    [entry] = cache.glob("pyodide-lock-*.json")
    entry.write_text(entry.read_text().replace(wheel.name, "marked-" + wheel.name))
    write_site_lock(PYODIDE_LOCK, [wheel], kept, cache=cache)
    assert "marked-" in kept.read_text()  # read from the cache, not from the tool
    entry.write_text(entry.read_text().replace("marked-", ""))
    write_site_lock(PYODIDE_LOCK, [wheel], kept, cache=cache)
    assert kept.read_bytes() == fresh.read_bytes()  # the same bytes as the tool writes
    changed = build_wheel(make_project(tmp_path / "q", "X = 2\n"), tmp_path / "out2")
    data = write_site_lock(PYODIDE_LOCK, [changed], tmp_path / "other.json", cache=cache)
    assert len(list(cache.glob("pyodide-lock-*.json"))) == 2  # a new wheel: the tool ran again
    assert data["packages"]["demo"]["sha256"] != json.loads(fresh.read_text())["packages"]["demo"]["sha256"]
    entry.write_text("{ torn")
    write_site_lock(PYODIDE_LOCK, [wheel], kept, cache=cache)  # a torn entry: the tool again
    assert kept.read_bytes() == fresh.read_bytes()

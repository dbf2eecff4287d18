"""Run a demo's example at build time, so its page shows a result before anyone presses Run."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import traceback
from pathlib import Path

from trainfer.heal import drop


def run_example(code: str, filename: str, words: dict | None = None) -> tuple[bool, str]:
    """Execute `code` as __main__ (chart words set as on the page); return (ok, its output)."""
    from explainers import charts

    charts.LABELS.clear()
    charts.LABELS.update(words or {})
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            exec(compile(code, filename, "exec"), {"__name__": "__main__"})
        except Exception:
            traceback.print_exc(file=out)
            return False, out.getvalue()
    return True, out.getvalue()


def cached_run(code: str, filename: str, key_parts: list[str], cache_dir: Path,
               words: dict | None = None) -> tuple[bool, str]:
    """`run_example`, remembered under a key of the code and everything else it depends on."""
    parts = [code, *key_parts, json.dumps(words or {}, sort_keys=True)]
    key = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]
    entry = cache_dir / f"{key}.json"
    if entry.exists():
        try:
            stored = json.loads(entry.read_text())
        except (OSError, ValueError) as exc:
            stored = exc
        # only a successful run is stored: {"ok": true, "output": "<text>"}
        if isinstance(stored, dict) and stored.get("ok") is True and isinstance(
                stored.get("output"), str):
            return True, stored["output"]
        drop(entry, f"not readable JSON: {stored}" if isinstance(stored, Exception)
             else "not {\"ok\": true, \"output\": text}")
    ok, output = run_example(code, filename, words)
    if ok:
        cache_dir.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps({"ok": ok, "output": output}))
    return ok, output

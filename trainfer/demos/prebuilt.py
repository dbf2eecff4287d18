"""Run a demo's example at build time, so its page shows a result before anyone presses Run."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import traceback
from pathlib import Path

from trainfer.heal import drop

BOARD_KINDS = ("chart", "table")  # what the page shows of the board (progress is for live runs)


def run_board(code: str, filename: str, words: dict | None = None) -> tuple[bool, str, list]:
    """Execute `code` as __main__ (chart words set as on the page); return (ok, output, board).

    The board is the charts and tables the code showed, as [kind, data] pairs, the same
    events the browser's worker draws, so the page can draw a real table, not a text block.
    """
    from trainfer.runtime.bundle import ensure_board

    ensure_board()
    import trainfer_board as board

    board.WORDS.clear()
    board.WORDS.update(words or {})
    out, items = io.StringIO(), []
    stop = board.listen(lambda kind, data: kind in BOARD_KINDS and items.append([kind, data]))
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            exec(compile(code, filename, "exec"), {"__name__": "__main__"})
        except Exception:
            traceback.print_exc(file=out)
            return False, out.getvalue(), items
        finally:
            stop()
    return True, out.getvalue(), items


def run_example(code: str, filename: str, words: dict | None = None) -> tuple[bool, str]:
    """`run_board` without the board: (ok, output)."""
    return run_board(code, filename, words)[:2]


def cached_board(code: str, filename: str, key_parts: list[str], cache_dir: Path,
                 words: dict | None = None) -> tuple[bool, str, list]:
    """`run_board`, remembered under a key of the code and everything else it depends on."""
    parts = [code, "board-1", *key_parts, json.dumps(words or {}, sort_keys=True)]
    key = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]
    entry = cache_dir / f"{key}.json"
    if entry.exists():
        try:
            stored = json.loads(entry.read_text())
        except (OSError, ValueError) as exc:
            stored = exc
        # only a successful run is stored: {"ok": true, "output": "<text>", "board": [...]}
        if isinstance(stored, dict) and stored.get("ok") is True and isinstance(
                stored.get("output"), str) and isinstance(stored.get("board", []), list):
            return True, stored["output"], stored.get("board", [])
        drop(entry, f"not readable JSON: {stored}" if isinstance(stored, Exception)
             else "not {\"ok\": true, \"output\": text, \"board\": list}")
    ok, output, items = run_board(code, filename, words)
    if ok:
        cache_dir.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps({"ok": ok, "output": output, "board": items}))
    return ok, output, items


def cached_run(code: str, filename: str, key_parts: list[str], cache_dir: Path,
               words: dict | None = None) -> tuple[bool, str]:
    """`cached_board` without the board: (ok, output)."""
    return cached_board(code, filename, key_parts, cache_dir, words)[:2]

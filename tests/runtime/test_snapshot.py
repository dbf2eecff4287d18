"""The build-time Pyodide snapshot: it holds the site's wheels and the lock's digest, none of the
build machine's environment; it is cached by what it is made from; a failure names the maker."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.exceptions import PluginError

from trainfer.runtime.snapshot import SNAPSHOT, cached_snapshot, snapshot_key

PYODIDE = ROOT / "node_modules" / "pyodide"
HEAPDELTA = ROOT / "trainfer" / "assets" / "heapdelta.js"
# restores a snapshot in Node, as the reader's worker does (its heap decoded by the worker's own
# module against the freshly instantiated wasm), and says what it holds
RESTORE = """
import { loadPyodide } from "%s/pyodide.mjs";
import { heapDelta } from "%s";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
const file = new Uint8Array(gunzipSync(readFileSync(process.argv[1])));
if (process.argv[2] === "other-wasm") file[8] ^= 1;  // the digest of another wasm's memory
const delta = heapDelta(file);
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const result = await instantiate.apply(this, args);
  console.error("decoded:", await delta.decode((result.instance ?? result).exports.memory));
  return result;
};
const py = await loadPyodide({ _loadSnapshot: delta.snapshot }).catch((error) => {
  console.error("refused:", error.message);  // only the message: Node's own report is a megabyte
  process.exit(1);
});
console.log(py.runPython(`
import json, os, sys, _trainfer_snapshot as s
json.dumps({"lock": s.LOCK, "wheels": list(s.WHEELS), "environ": dict(os.environ),
            "executable": sys.executable, "path": sys.path,
            "modules": sorted(m for m in sys.modules if m.split(".")[0] in s.NAMES)})`));
"""


def restore(snapshot: Path, change: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(["node", "--input-type=module", "-e", RESTORE % (PYODIDE, HEAPDELTA),
                           str(snapshot), change], capture_output=True, text=True, timeout=120)


def restored(snapshot: Path) -> dict:
    done = restore(snapshot)
    assert done.returncode == 0 and "decoded: true" in done.stderr, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def shipped(built_site: Path) -> tuple[Path, Path, list[Path]]:
    runtime = built_site / "assets" / "vendor" / "pyodide"
    return runtime / SNAPSHOT, runtime / "pyodide-lock.json", sorted(runtime.glob("*.whl"))


def test_the_shipped_snapshot_holds_the_site_wheels_and_nothing_of_the_build_machine(built_site):
    snapshot, lock, wheels = shipped(built_site)
    held = restored(snapshot)
    assert held["lock"] == hashlib.sha256(lock.read_bytes()).hexdigest()
    assert held["wheels"] == [w.name for w in wheels]  # both pure: explainers and the board
    modules = set(held["modules"])
    assert {"explainers", "explainers.teacher", "explainers.bridge", "trainfer_board"} <= modules
    # the browser's own plain-start values, never the maker's script path or working folder
    assert held["executable"] == "/home/pyodide/this.program"
    assert held["environ"]["_"] == "./this.program" and held["environ"]["HOME"] == "/home/pyodide"
    assert str(ROOT) not in json.dumps(held) and held["path"].count("") == 1


def test_the_key_follows_the_lock_and_the_wheels(built_site, tmp_path):
    _, lock, wheels = shipped(built_site)
    other = tmp_path / "pyodide-lock.json"
    other.write_text(lock.read_text() + "\n")
    key = snapshot_key(PYODIDE, lock, wheels)
    assert key == snapshot_key(PYODIDE, lock, wheels)
    assert key != snapshot_key(PYODIDE, other, wheels)
    assert key != snapshot_key(PYODIDE, lock, wheels[:1])


def test_a_cached_snapshot_is_reused_and_a_bad_one_remade(built_site, tmp_path, caplog):
    _, lock, wheels = shipped(built_site)
    cache = tmp_path / "cache"
    entry = cache / f"{snapshot_key(PYODIDE, lock, wheels)[:24]}.bin"
    cache.mkdir()
    kept = gzip.compress(b"kept")  # gzip: taken as it is, Node is never run
    entry.write_bytes(kept)
    assert cached_snapshot(PYODIDE, lock, wheels, cache) == entry and entry.read_bytes() == kept
    entry.write_bytes(b"half a file")
    with caplog.at_level(logging.INFO):
        made = cached_snapshot(PYODIDE, lock, wheels, cache)
    assert f"dropped the bad entry {entry}" in caplog.text
    assert restored(made)["lock"] == hashlib.sha256(lock.read_bytes()).hexdigest()
    assert [p.name for p in cache.iterdir()] == [entry.name]  # no temporary left behind


def test_without_node_there_is_no_snapshot_and_the_log_says_why(built_site, tmp_path, monkeypatch, caplog):
    _, lock, wheels = shipped(built_site)
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no node on it
    with caplog.at_level(logging.INFO):
        assert cached_snapshot(PYODIDE, lock, wheels, tmp_path / "cache") is None
    assert "no Pyodide snapshot (no `node` on PATH)" in caplog.text


def test_a_wheel_that_is_not_a_zip_fails_the_build_naming_the_maker(built_site, tmp_path):
    _, lock, wheels = shipped(built_site)
    broken = tmp_path / wheels[0].name
    shutil.copyfile(wheels[0], broken)
    broken.write_bytes(broken.read_bytes()[:100])  # cut short
    with pytest.raises(PluginError) as failed:
        cached_snapshot(PYODIDE, lock, [broken], tmp_path / "cache")
    assert "Could not make the Pyodide snapshot (snapshot.mjs" in str(failed.value)
    assert "BadZipFile" in str(failed.value)
    assert not any((tmp_path / "cache").glob("*.bin"))


def test_the_heap_ships_as_a_difference_from_the_wasm_memory_and_a_mismatch_is_refused(built_site):
    snapshot, _, _ = shipped(built_site)
    file = gzip.decompress(snapshot.read_bytes())
    magic, span = struct.unpack_from("<II", file)
    assert file[:4] == b"TFXD" and magic == 0x44584654
    assert file[48:52] == bytes(4)  # Pyodide's own magic stays zero until the heap is decoded
    heap = file[48 + struct.unpack_from("<I", file, 52)[0]:]
    # the wasm's static data, XOR-ed out: megabytes of it, almost all zeros now
    assert span > 1_000_000 and heap[:span].count(0) > 0.9 * span
    refused = restore(snapshot, "other-wasm")
    assert "decoded: false" in refused.stderr and refused.returncode != 0
    assert "invalid magic number" in refused.stderr

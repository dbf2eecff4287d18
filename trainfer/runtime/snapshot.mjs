// Makes the site's Pyodide memory snapshot at build time, in Node (trainfer/runtime/snapshot.py
// runs it): the interpreter started, the pure-Python demo wheels unpacked and every module of
// theirs imported, then the wasm heap written out. A reader's worker restores it instead of
// starting CPython (about 4 s on a slow machine; 0.3-0.6 s from the snapshot).
//
// Usage: node snapshot.mjs PYODIDE_DIR OUTPUT LOCK_SHA256 [WHEEL ...]
// Pyodide cannot snapshot after loadPackage, so the wheels are unpacked with zipfile instead.
// The snapshot records the site lock's digest and the wheels it holds (module
// `_trainfer_snapshot`): the worker compares the digest with the lock it was served, so a
// snapshot of other wheels is never used, and unpacks those wheels' files again after a restore
// (the modules are in the heap; their files are not, and tracebacks read them). It is written as
// a difference from the wasm's initial memory (trainfer/assets/heapdelta.js): a quarter smaller.

import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";

// Node prints an uncaught error with its source line, a megabyte of minified Pyodide: say only
// the error (for a Python one, its traceback), which the build shows
process.on("uncaughtException", (error) => {
  console.error(String(error?.message ?? error));
  process.exit(1);
});
process.on("unhandledRejection", (error) => {
  console.error(String(error?.message ?? error));
  process.exit(1);
});

const [pyodideDir, output, lockDigest, ...wheels] = process.argv.slice(2);
const indexURL = pyodideDir.endsWith("/") ? pyodideDir : `${pyodideDir}/`; // Node: a path
const { loadPyodide } = await import(pathToFileURL(`${indexURL}pyodide.mjs`).href);
const { encodeHeapDelta } = await import(new URL("../assets/heapdelta.js", import.meta.url).href);

// the wasm's memory as instantiation leaves it (its data segments), which the heap ships against
let initialMemory = null;
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const result = await instantiate.apply(this, args);
  const memory = (result.instance ?? result).exports?.memory;
  if (!initialMemory && memory) initialMemory = new Uint8Array(memory.buffer).slice();
  return result;
};
const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true, env: { HOME: "/home/pyodide" } });
WebAssembly.instantiate = instantiate;
if (!initialMemory) throw new Error("the wasm was instantiated out of sight: no initial memory to encode against");
for (const wheel of wheels) pyodide.FS.writeFile(`/tmp/${basename(wheel)}`, readFileSync(wheel));
// run in a namespace of its own: the reader's __main__ stays as a plain start leaves it
const scope = pyodide.globals.get("dict")();
scope.set("lock_digest", lockDigest);
scope.set("wheels", pyodide.toPy(wheels.map((wheel) => basename(wheel))));
pyodide.runPython(`
import gc, importlib, os, pkgutil, sys, sysconfig, types, zipfile

# what a browser's plain start has (Node's differ: its script's path, its working folder)
os.environ.update({"_": "./this.program", "LANG": "en_US.UTF-8"})
sys.executable = "/home/pyodide/this.program"
while sys.path[:1] == [""]:  # a restore puts the script folder's "" back
    del sys.path[0]

site = sysconfig.get_paths()["purelib"]
names = []
for wheel in wheels:
    with zipfile.ZipFile("/tmp/" + wheel) as archive:
        archive.extractall(site)
        names += sorted({n.split("/")[0].removesuffix(".py") for n in archive.namelist()
                         if not n.split("/")[0].endswith((".dist-info", ".data"))})
    os.remove("/tmp/" + wheel)
importlib.invalidate_caches()

def every_module(name):
    # a package and its modules, each imported once; one that fails to import here is left to
    # be imported on demand, as on a plain start
    try:
        module = importlib.import_module(name)
    except Exception:
        return
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + ".",
                                      onerror=lambda _: None):
        try:
            importlib.import_module(info.name)
        except Exception:
            pass

for name in names:
    every_module(name)
import json  # the worker's runner

marker = types.ModuleType("_trainfer_snapshot", "What the site's build-time snapshot holds.")
marker.LOCK = lock_digest
marker.WHEELS = tuple(wheels)
marker.NAMES = tuple(names)
sys.modules["_trainfer_snapshot"] = marker
gc.collect()
`, { globals: scope });
scope.destroy();
writeFileSync(output, await encodeHeapDelta(pyodide.makeMemorySnapshot(), initialMemory));

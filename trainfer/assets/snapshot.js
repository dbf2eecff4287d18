// A reader's Python starts from the site's memory snapshot, made at build time in Node
// (trainfer/runtime/snapshot.mjs): the interpreter already started and the site's pure-Python
// wheels already imported, so restoring it replaces CPython's start (seconds on a slow machine)
// with copying the heap back. It ships gzip-compressed (whatever the host does), and is asked
// for beside the wasm: Pyodide starts both downloads before it waits for the snapshot.
//
// It is used only when it holds this site's wheels: it records the digest of the site lock it was
// made with, compared here with the lock this worker was served. A site without one, a snapshot
// of another lock or one Pyodide refuses (another build of the runtime) means a plain start.

import { heapDelta, sha256 } from "./heapdelta.js";
import { mark } from "./marks.js";

export const SNAPSHOT = "trainfer-snapshot.bin";

async function hex(buffer) {
  return [...await sha256(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// The snapshot's response, or null where the site has none (revalidated, so an old copy in the
// HTTP cache is never taken unasked).
export async function snapshotResponse(indexURL) {
  if (typeof DecompressionStream === "undefined" || !crypto.subtle) return null;
  const response = await fetch(indexURL + SNAPSHOT, { cache: "no-cache" });
  return response.ok && response.body ? response : null;
}

let delta = null; // the downloaded snapshot, until the wasm's memory decodes it
let decide;
// whether the heap was decoded (so Pyodide will restore it), known at instantiation; false as soon
// as there is no snapshot to restore (stdlib.js waits on it)
export const heapDecoded = new Promise((resolve) => { decide = resolve; });

async function unpacked(response) {
  const bytes = await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  mark("snapshot-fetched");
  delta = heapDelta(new Uint8Array(bytes));
  return delta.snapshot;
}

// Called with the wasm instance before Pyodide sees it (wasm.js): the heap made whole against
// its fresh memory. Never throws: a snapshot left undecoded is one Pyodide refuses.
export async function decodeHeap(instance) {
  const held = delta;
  delta = null;
  let decoded = false;
  try {
    decoded = held ? await held.decode(instance.exports.memory) : false;
  } catch {
    decoded = false;
  }
  if (held) mark(decoded ? "snapshot-decoded" : "snapshot-mismatch");
  decide(decoded);
}

// What the snapshot holds: [lock digest, wheel file names]; null if it is not ours.
function held(pyodide) {
  try {
    const proxy = pyodide.runPython("import _trainfer_snapshot as s; (s.LOCK, list(s.WHEELS))");
    const [lock, wheels] = proxy.toJs();
    proxy.destroy();
    return { lock, wheels };
  } catch {
    return null;
  }
}

// Pyodide for the reader's worker: { pyodide, wheels, restored }, where `wheels` are the file
// names of the wheels whose modules the snapshot already holds (none on a plain start).
export async function startPython(loadPyodide, indexURL, snapshot, lockBytes) {
  const response = await snapshot.catch(() => null);
  if (!response) decide(false);
  if (response) {
    try {
      // Pyodide keeps its options for good: it gets a thenable, not the 31 MB array, and the
      // array is let go once the heap has been copied
      let bytes = unpacked(response);
      bytes.catch(() => {}); // a broken download is Pyodide's rejection below, not an unhandled one
      const later = { then: (resolve, reject) => bytes.then(resolve, reject) };
      const pyodide = await loadPyodide({ indexURL, _loadSnapshot: later }).finally(() => { bytes = null; });
      const inside = held(pyodide);
      if (inside && inside.lock === (await hex(await lockBytes))) {
        mark("snapshot-used");
        return { pyodide, wheels: inside.wheels, restored: true };
      }
      mark("snapshot-stale"); // made with other wheels: its modules are not this site's
    } catch {
      mark("snapshot-failed"); // refused (another runtime or wasm), truncated, or not gzip
    }
    delta = null;
    decide(false);
  }
  return { pyodide: await loadPyodide({ indexURL }), wheels: [], restored: false };
}

// The bytes of the site's pure-Python wheels (the ones a snapshot can hold), asked for as soon
// as the lock is in, so that a restore does not wait for them: { file name: Promise<ArrayBuffer> }.
export function pureWheels(indexURL, packages) {
  const names = packages.map(([, entry]) => entry.file_name).filter((name) => name?.endsWith("-none-any.whl"));
  return Object.fromEntries(names.map((name) => {
    const bytes = fetch(indexURL + name).then((response) => {
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status} from the site`);
      return response.arrayBuffer();
    });
    bytes.catch(() => {}); // used only after a restore; loadPackage reports its own failures
    return [name, bytes];
  }));
}

// After a restore: the held wheels' files back on disk (the heap has their modules, tracebacks
// read their source), and a fresh seed for `random` (the snapshot's would be every reader's).
export async function settle(pyodide, wheels, fetched) {
  if (!wheels.length) return;
  for (const name of wheels) {
    if (!fetched[name]) throw new Error(`${name}: in the snapshot but not in the site's lock`);
    pyodide.FS.writeFile(`/tmp/${name}`, new Uint8Array(await fetched[name]));
  }
  const scope = pyodide.globals.get("dict")();
  const names = pyodide.toPy(wheels);
  scope.set("wheels", names);
  pyodide.runPython(`
import os, random, sysconfig, zipfile
for name in wheels:
    with zipfile.ZipFile("/tmp/" + name) as archive:
        archive.extractall(sysconfig.get_paths()["purelib"])
    os.remove("/tmp/" + name)
random.seed()
`, { globals: scope });
  names.destroy();
  scope.destroy();
}

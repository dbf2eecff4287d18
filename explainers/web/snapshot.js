// A returning reader's Python starts from a memory snapshot made in their own browser on the
// first visit (Pyodide's experimental snapshot API), kept in Cache Storage: no download, and
// about a third of a cold start. The snapshot is made right after the interpreter starts and
// before any wheel loads (Pyodide cannot snapshot after loadPackage). It is keyed by Pyodide's
// version and the digest of the site's pyodide-lock.json (which lists every wheel with its
// sha256), so a new runtime or wheel drops it. If anything about it fails, Python starts as on
// a first visit, and a snapshot that would not load is deleted.

import { mark } from "./marks.js";

const CACHE = "trainfer-snapshot";

async function hex(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// The snapshot's key, a URL of the site's (Cache Storage keys are requests): null where there
// is no Cache Storage or no digest (an insecure context, a private mode that refuses it).
export async function snapshotKey(indexURL) {
  if (typeof caches === "undefined" || !crypto.subtle) return null;
  const lock = await fetch(indexURL + "pyodide-lock.json");
  if (!lock.ok) return null;
  return new URL(`trainfer-snapshot-${await hex(await lock.arrayBuffer())}`, indexURL).href;
}

// The stored snapshot for `key`; every other one is deleted (the runtime it was made by is gone).
async function stored(key) {
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
  const response = await cache.match(key);
  return response ? new Uint8Array(await response.arrayBuffer()) : null;
}

async function save(pyodide, key) {
  const bytes = pyodide.makeMemorySnapshot(); // synchronous: before anything else runs
  mark("snapshot-made");
  const cache = await caches.open(CACHE);
  await cache.put(key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
  mark("snapshot-saved");
}

// Pyodide's interpreter, from this browser's snapshot when there is a good one.
export async function startPython(loadPyodide, indexURL, keyPromise) {
  const key = await keyPromise.catch(() => null);
  const saved = key ? await stored(key).catch(() => null) : null;
  if (saved) {
    try {
      const pyodide = await loadPyodide({ indexURL, _loadSnapshot: saved });
      mark("snapshot-used");
      return pyodide;
    } catch {
      mark("snapshot-failed");
      await caches.delete(CACHE).catch(() => {});
    }
  }
  const pyodide = await loadPyodide({ indexURL, ...(key ? { _makeSnapshot: true } : {}) });
  if (key) {
    save(pyodide, key).catch(() => mark("snapshot-not-saved")); // the reader need not wait
    plainGlobals(pyodide);
  }
  return pyodide;
}

// With _makeSnapshot, Pyodide hands Python's `js` module a recording proxy of the worker's
// globals, under which some calls fail ("Illegal invocation", e.g. js.self.dispatchEvent). The
// snapshot is made by now: the reader's code gets the plain globals, as on any other start.
function plainGlobals(pyodide) {
  pyodide.registerJsModule("js", globalThis);
  pyodide.runPython("import sys\nsys.modules.pop('js', None)");
}

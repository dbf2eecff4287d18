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
  // revalidated, never taken from the HTTP cache unasked: a heuristically fresh copy of an old
  // lock would key a new runtime's start with the old snapshot
  const lock = await fetch(indexURL + "pyodide-lock.json", { cache: "no-cache" });
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

function snapshotOf(pyodide) {
  mark("snapshot-making"); // the interpreter has started
  try {
    const bytes = pyodide.makeMemorySnapshot();
    mark("snapshot-made");
    return bytes;
  } catch {
    mark("snapshot-not-made"); // the API is experimental: the first-visit start stands
    return null;
  }
}

async function save(bytes, key) {
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
  await cache.put(key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
  mark("snapshot-saved");
}

// Pyodide's interpreter, from this browser's snapshot when there is a good one.
export async function startPython(loadPyodide, indexURL, keyPromise) {
  // a first visit has no snapshot: it starts at once, not after the lock's digest (the bench
  // measured that wait at 0.3-0.5 s on a loaded machine)
  const kept = typeof caches !== "undefined" && (await caches.has(CACHE).catch(() => false));
  const key = kept ? await keyPromise.catch(() => null) : null;
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
  const making = typeof caches !== "undefined" && Boolean(crypto.subtle);
  const pyodide = await loadPyodide({ indexURL, ...(making ? { _makeSnapshot: true } : {}) });
  if (making) {
    const bytes = snapshotOf(pyodide); // before any wheel loads
    plainGlobals(pyodide);
    keyPromise.then((newKey) => newKey && bytes && save(bytes, newKey))
      .catch(() => mark("snapshot-not-saved")); // the reader need not wait
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

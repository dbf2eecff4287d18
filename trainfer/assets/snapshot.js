// A returning reader's Python starts from a memory snapshot made in their own browser after the
// first visit's first run (Pyodide's experimental snapshot API), kept in Cache Storage: no
// download, and about a third of a cold start. Making one costs a few hundred ms and needs
// `_makeSnapshot`, whose recording proxy breaks some `js` calls: so the reader's worker never
// makes it. A short-lived background worker (snapshot-maker.js) does, once the page is idle; it
// snapshots right after the interpreter starts and before any wheel loads (Pyodide cannot
// snapshot after loadPackage). The key is the digest of the site's pyodide-lock.json (which
// lists every wheel with its sha256), so a new runtime or wheel drops it. If anything about it
// fails, Python starts as on a first visit, and a snapshot that would not load is deleted.

import { mark } from "./marks.js";

const CACHE = "trainfer-snapshot";

const canKeep = () => typeof caches !== "undefined" && Boolean(crypto.subtle);

async function hex(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// The snapshot's key, a URL of the site's (Cache Storage keys are requests): null where there
// is no Cache Storage or no digest (an insecure context, a private mode that refuses it).
export async function snapshotKey(indexURL) {
  if (!canKeep()) return null;
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
    mark("snapshot-not-made"); // the API is experimental: nothing is kept
    return null;
  }
}

async function save(bytes, key) {
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
  await cache.put(key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
  mark("snapshot-saved");
}

// Pyodide's interpreter for the reader's worker, from this browser's snapshot when there is a
// good one: { pyodide, wanted }, where `wanted` says a background worker should make one.
export async function startPython(loadPyodide, indexURL, keyPromise) {
  // a first visit has no snapshot: it starts at once, not after the lock's digest (the bench
  // measured that wait at 0.3-0.5 s on a loaded machine)
  const kept = canKeep() && (await caches.has(CACHE).catch(() => false));
  const key = kept ? await keyPromise.catch(() => null) : null;
  const saved = key ? await stored(key).catch(() => null) : null;
  if (saved) {
    try {
      const pyodide = await loadPyodide({ indexURL, _loadSnapshot: saved });
      mark("snapshot-used");
      return { pyodide, wanted: false };
    } catch {
      mark("snapshot-failed"); // not remade on this visit: it may fail the same way
      await caches.delete(CACHE).catch(() => {});
      return { pyodide: await loadPyodide({ indexURL }), wanted: false };
    }
  }
  const wanted = canKeep();
  if (wanted) mark("snapshot-wanted"); // a plain start: no _makeSnapshot in the reader's worker
  return { pyodide: await loadPyodide({ indexURL }), wanted };
}

// In the background worker: make and keep the snapshot for this site's runtime, unless one is
// kept already. Returns what happened ("saved", "kept", "not-made", "unsupported").
export async function makeSnapshot(loadPyodide, indexURL) {
  const key = await snapshotKey(indexURL);
  if (!key) return "unsupported";
  if (await (await caches.open(CACHE)).match(key)) return "kept"; // another tab made it
  const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true });
  const bytes = snapshotOf(pyodide); // before any wheel loads
  if (!bytes) return "not-made";
  await save(bytes, key);
  return "saved";
}

// Fetches Python's runtime into the cache at low priority, for a page without a demo (offline.js
// decides when: after load and idle, never on Save-Data). The wheels' names come from the site's
// pyodide-lock.json. It never starts Pyodide: the files are only stored.

const CORE = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
  "trainfer-snapshot.bin"]; // a site built without Node has no snapshot: its fetch just fails

export async function prefetch(root, runtime) {
  const lockUrl = new URL("pyodide-lock.json", runtime);
  const lock = await (await fetch(lockUrl, { priority: "low" })).json();
  const wheels = Object.values(lock.packages ?? {}).map((entry) => entry.file_name).filter(Boolean);
  const urls = [...CORE, ...wheels].map((name) => new URL(name, runtime).href);
  urls.push(lockUrl.href);
  if ("serviceWorker" in navigator) {
    // the service worker keeps them in its runtime cache, which the classroom reads first; it
    // may still be installing on a first visit
    (await navigator.serviceWorker.ready).active?.postMessage({ type: "prefetch", urls });
    return;
  }
  for (const url of urls) await fetch(url, { priority: "low" }).catch(() => null); // the HTTP cache
}

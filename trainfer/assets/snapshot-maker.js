// The background worker that makes this browser's Pyodide snapshot (see snapshot.js), started
// by the classroom once its first run is done and the page is idle. It runs no reader code,
// loads no package, posts one message ({type: "snapshot", state}) and is then terminated. A Web
// Lock keeps two tabs from making it at once.

import { makeSnapshot } from "./snapshot.js";

const PYODIDE_URL = new URL("../vendor/pyodide/", import.meta.url).href;

async function make() {
  const { loadPyodide } = await import(PYODIDE_URL + "pyodide.mjs");
  return makeSnapshot(loadPyodide, PYODIDE_URL);
}

const locked = navigator.locks
  ? navigator.locks.request("trainfer-snapshot", { ifAvailable: true }, (lock) => (lock ? make() : "busy"))
  : make();

locked.then(
  (state) => self.postMessage({ type: "snapshot", state }),
  (error) => self.postMessage({ type: "snapshot", state: "failed", message: String(error?.message ?? error) }));

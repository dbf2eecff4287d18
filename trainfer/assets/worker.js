// The classroom worker: loads the vendored Pyodide and the `explainers` wheel, runs the code it
// is sent, and posts plain JSON messages back (status, stdout, stderr, board, done). It draws
// nothing. Module worker (Pyodide 314 needs one).
//
// The reader's code can reach this worker's globals through Pyodide's `js` module, so nothing
// that steers the widget travels on them: the worker's first act is to open a MessageChannel and
// hand one port to the page; runs arrive and every message leaves on the other port, which lives
// only in this module's scope. What the code posts with `js.postMessage` the page ignores.
//
// The page starts this worker from a blob: URL (see spawn.js), so the worker runs under the
// page's own Content-Security-Policy: no eval, no request to another origin, no script from
// elsewhere, whatever the reader's code tries.

import { mark } from "./marks.js";
import { makeOutput } from "./output.js";
import { decodeHeap, heapDecoded, pureWheels, settle, snapshotResponse, startPython } from "./snapshot.js";
import { deferStdlib } from "./stdlib.js";
import { compileEarly } from "./wasm.js";

mark("worker-start");

const PYODIDE_URL = new URL("../vendor/pyodide/", import.meta.url).href;

const channel = new MessageChannel();
const port = channel.port1;
self.postMessage({ type: "channel", port: channel.port2 }, [channel.port2]);

const queue = [];
let draining = false;
port.onmessage = (event) => {
  queue.push(event.data);
  drain();
};

const post = (message) => port.postMessage(message);

// Runs reader code with the drawing protocol (trainfer_board, standard library only): its
// run() prints a traceback that starts at the reader's own frame.
const RUNNER = `
import json
import trainfer_board as board

board.listen(lambda kind, payload: _tf_post(kind, json.dumps(payload, allow_nan=False)))

def run_reader_code(code, words_json):
    board.WORDS.clear()
    board.WORDS.update(json.loads(words_json))
    return board.run(code)
`;

// The site's lock, revalidated (it keys the snapshot): its every package (the site's demo
// packages and the board) loads at start.
async function siteLock() {
  const response = await fetch(PYODIDE_URL + "pyodide-lock.json", { cache: "no-cache" });
  if (!response.ok) throw new Error(`pyodide-lock.json: HTTP ${response.status} from the site`);
  return response.arrayBuffer();
}

const packagesOf = (bytes) => Object.entries(JSON.parse(new TextDecoder().decode(bytes)).packages ?? {});

let output = null; // the running run's capped output; null between runs (late output is dropped)

// Pyodide only logs a warning when its wasm cannot be fetched, and never settles: so check the
// big files answer (in parallel with loading the module), and give up after BOOT_LIMIT_MS.
const BOOT_LIMIT_MS = 120_000;
const REQUIRED = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];

async function reachable(name) {
  const response = await fetch(PYODIDE_URL + name, { method: "HEAD" });
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status} from the site`);
}

function timeLimit() {
  return new Promise((_, reject) => setTimeout(
    () => reject(new Error(`Python did not start within ${BOOT_LIMIT_MS / 1000} s`)), BOOT_LIMIT_MS));
}

async function boot() {
  const started = performance.now();
  post({ type: "status", state: "loading" });
  // checked beside the start, not before it: a missing file ends the race below at once
  const missing = Promise.all(REQUIRED.map(reachable)).then(() => new Promise(() => {}));
  missing.catch(() => {});
  const unhook = compileEarly(PYODIDE_URL + "pyodide.asm.wasm", decodeHeap);
  const stdlib = deferStdlib(PYODIDE_URL + "python_stdlib.zip", heapDecoded);
  const lock = siteLock(); // read while Python starts
  lock.catch(() => {});
  const packages = lock.then(packagesOf);
  packages.catch(() => {});
  const wheelBytes = packages.then((entries) => pureWheels(PYODIDE_URL, entries));
  wheelBytes.catch(() => {});
  const snapshot = snapshotResponse(PYODIDE_URL);
  snapshot.catch(() => {});
  let begun;
  try {
    const { loadPyodide } = await import(PYODIDE_URL + "pyodide.mjs");
    mark("pyodide-imported");
    begun = await Promise.race([startPython(loadPyodide, PYODIDE_URL, snapshot, lock), timeLimit(), missing]);
  } finally {
    stdlib.unhook(); // before any reader code runs, in the reverse order of hooking
    unhook();
  }
  const { pyodide, wheels, restored } = begun;
  mark("core-ready");
  if (restored) stdlib.land(pyodide);
  await settle(pyodide, wheels, await wheelBytes);
  const rest = (await packages).filter(([, entry]) => !wheels.includes(entry.file_name)).map(([name]) => name);
  if (rest.length) await pyodide.loadPackage(rest);
  mark("wheel-loaded");
  const write = (kind) => (bytes) => (output ? output[kind].write(bytes) : bytes.length);
  pyodide.setStdout({ write: write("stdout") });
  pyodide.setStderr({ write: write("stderr") });
  // The board's events (progress, charts, tables) travel as JSON text: plain data, no proxies,
  // and only while a run is going.
  pyodide.globals.set("_tf_post", (kind, json) => {
    if (output) post({ type: "board", kind, data: JSON.parse(json) });
  });
  pyodide.runPython(RUNNER);
  const runner = pyodide.globals.get("run_reader_code");
  mark("ready");
  post({ type: "ready", ms: Math.round(performance.now() - started) });
  return { pyodide, runner };
}

const ready = boot().catch((error) => {
  post({ type: "boot-failed", message: String(error && error.message ? error.message : error) });
  throw error;
});

async function drain() {
  if (draining) return;
  draining = true;
  try {
    while (queue.length) await handle(queue.shift());
  } finally {
    draining = false;
  }
}

async function handle(message) {
  if (message.type !== "run") return;
  let python;
  try {
    python = await ready;
  } catch {
    post({ type: "done", id: message.id, ok: false, ms: 0 });
    return;
  }
  post({ type: "status", state: "running", id: message.id });
  output = makeOutput(post);
  const started = performance.now();
  mark("run-start");
  let ok = false;
  try {
    ok = python.runner(String(message.code), JSON.stringify(message.words || {}));
  } catch (error) {
    output.line("stderr", String(error && error.message ? error.message : error));
  }
  output.flush();
  output = null;
  mark("run-done");
  post({ type: "done", id: message.id, ok, ms: Math.round(performance.now() - started) });
}

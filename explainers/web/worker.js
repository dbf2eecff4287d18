// The classroom worker: loads the vendored Pyodide and the `explainers` wheel, runs the code it
// is sent, and posts plain JSON messages back (status, stdout, stderr, done). It draws nothing.
// Module worker (Pyodide 314 needs one); onmessage is set before any await.

const PYODIDE_URL = new URL("../vendor/pyodide/", import.meta.url).href;
const MAX_LINES = 10000; // output beyond this is counted, not sent
const FLUSH_MS = 50;

const queue = [];
let draining = false;
self.onmessage = (event) => {
  queue.push(event.data);
  drain();
};

const post = (message) => self.postMessage(message);

// Runs reader code with a traceback that starts at the reader's own frame.
const RUNNER = `
import json, sys, traceback
from explainers import board, charts

board.listen(lambda kind, payload: _tf_post(kind, json.dumps(payload, allow_nan=False)))

def run_reader_code(code, words_json):
    charts.LABELS.clear()
    charts.LABELS.update(json.loads(words_json))
    try:
        exec(compile(code, "<your code>", "exec"), {"__name__": "__main__"})
    except SystemExit:
        pass
    except BaseException:
        kind, value, tb = sys.exc_info()
        traceback.print_exception(kind, value, tb.tb_next)
        return False
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return True
`;

let output = null; // the per-run output batcher

function makeOutput() {
  // Lines go out at once while they are few; a flood is batched (a message per line would
  // swamp the page). stdout and stderr have separate caps, so a traceback after a flood of
  // prints still shows.
  const counts = { stdout: 0, stderr: 0 };
  let buffer = [];
  let stream = "stdout";
  let last = performance.now();
  let windowStart = last;
  let windowLines = 0;
  const flush = () => {
    if (buffer.length) post({ type: stream, text: buffer.join("\n") + "\n" });
    buffer = [];
    last = performance.now();
  };
  const write = (kind) => (line) => {
    counts[kind] += 1;
    if (counts[kind] > MAX_LINES) return;
    if (kind !== stream) flush();
    stream = kind;
    buffer.push(line);
    const now = performance.now();
    if (now - windowStart > FLUSH_MS) {
      windowStart = now;
      windowLines = 0;
    }
    windowLines += 1;
    if (counts[kind] === MAX_LINES) {
      flush();
      post({ type: "truncated", stream: kind, lines: MAX_LINES });
    } else if (windowLines <= 20 || buffer.length >= 500 || now - last > FLUSH_MS) {
      flush();
    }
  };
  return { stdout: write("stdout"), stderr: write("stderr"), flush };
}

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
  const [{ loadPyodide }] = await Promise.all([
    import(PYODIDE_URL + "pyodide.mjs"), ...REQUIRED.map(reachable)]);
  const pyodide = await Promise.race([
    loadPyodide({ indexURL: PYODIDE_URL, packages: ["explainers"] }), timeLimit()]);
  pyodide.setStdout({ batched: (line) => output && output.stdout(line) });
  pyodide.setStderr({ batched: (line) => output && output.stderr(line) });
  // The board's events (progress, charts, tables) travel as JSON text: plain data, no proxies.
  pyodide.globals.set("_tf_post", (kind, json) => post({ type: "board", kind, data: JSON.parse(json) }));
  pyodide.runPython(RUNNER);
  const runner = pyodide.globals.get("run_reader_code");
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
  output = makeOutput();
  const started = performance.now();
  let ok = false;
  try {
    ok = python.runner(String(message.code), JSON.stringify(message.words || {}));
  } catch (error) {
    output.stderr(String(error && error.message ? error.message : error));
  }
  output.flush();
  output = null;
  post({ type: "done", id: message.id, ok, ms: Math.round(performance.now() - started) });
}

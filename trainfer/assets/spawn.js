// Starting the Python worker and hearing it, for the classroom and the measured page.
//
// A worker loaded by its own URL runs under the Content-Security-Policy of its HTTP response,
// and a static host sends none. Started from a blob: URL that only imports the worker's module,
// it inherits this page's policy instead, so the reader's code (which can reach the worker's
// globals through Pyodide's `js` module) cannot eval, fetch from another origin or load script.
// The page's early-start inline script (trainfer/demos/render.py) does the same in ES5.
//
// The worker's first message carries a MessagePort; from then on every message it means comes
// on that port, and the worker's global channel (which the reader's code can post on) is ignored.

export function spawnWorker(url) {
  const source = `import ${JSON.stringify(new URL(url, location.href).href)};`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const worker = new Worker(blobUrl, { type: "module" });
  worker.blobUrl = blobUrl;
  return worker;
}

// Hear `worker` on its private port: `onMessage` gets what it posts there. `early` holds the
// global messages an early-start script kept. Returns `send`, which queues until the port is in.
export function listen(worker, onMessage, early = []) {
  let port = null;
  let first = true;
  const waiting = [];
  const take = (data) => {
    if (!first) return; // not the worker's own: only its first message is
    first = false;
    if (data?.type !== "channel" || !(data.port instanceof MessagePort)) return;
    port = data.port;
    port.onmessage = (event) => onMessage(event.data);
    for (const message of waiting.splice(0)) port.postMessage(message);
    if (worker.blobUrl) URL.revokeObjectURL(worker.blobUrl);
  };
  for (const data of early) take(data);
  worker.onmessage = (event) => take(event.data);
  return (message) => (port ? port.postMessage(message) : waiting.push(message));
}

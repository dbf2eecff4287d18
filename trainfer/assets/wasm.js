// Pyodide's wasm compiled while it downloads, whatever Pyodide waits for first.
//
// Pyodide 314 asks for pyodide.asm.wasm as loadPyodide starts, but reads the response only when
// it instantiates, after the snapshot has arrived; an unread response stalls its own download
// (backpressure), so the wasm's download and compile waited for the snapshot. Here the worker
// compiles it from its own request at once (streaming, so the compile overlaps the download), and
// Pyodide gets that module: its request for the same URL is answered with an empty placeholder
// and its instantiateStreaming of a placeholder instantiates the compiled module. The two hooks
// are removed by the function this returns, called as soon as Python has started, before any
// reader code runs.

import { answerGets } from "./hook.js";
import { mark } from "./marks.js";

// `instantiated(instance)`, if given, is awaited before Pyodide gets the instance (the snapshot's
// heap is decoded against the fresh memory there, heapdelta.js); it must not throw.
export function compileEarly(url, instantiated = async () => {}) {
  const compiled = WebAssembly.compileStreaming(fetch(url)).then((module) => {
    mark("wasm-compiled");
    return module;
  });
  compiled.catch(() => {}); // Pyodide's own instantiation reports it (and the worker's file check)
  const placeholders = new WeakSet();
  const instantiateBefore = WebAssembly.instantiateStreaming;
  const unhookFetch = answerGets(url, () => {
    const placeholder = new Response(new Uint8Array(0), { headers: { "Content-Type": "application/wasm" } });
    placeholders.add(placeholder);
    return Promise.resolve(placeholder);
  });
  WebAssembly.instantiateStreaming = async function (source, imports) {
    const response = await source;
    const early = placeholders.has(response);
    let result;
    if (early) {
      mark("wasm-early-start");
      const module = await compiled;
      result = { module, instance: await WebAssembly.instantiate(module, imports) };
    } else {
      result = await instantiateBefore.call(this, response, imports);
    }
    await instantiated(result.instance); // either way: a snapshot waits on it
    if (early) mark("wasm-early-done");
    return result;
  };
  return () => {
    unhookFetch();
    WebAssembly.instantiateStreaming = instantiateBefore;
  };
}

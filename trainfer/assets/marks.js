// Performance marks of the Python worker's start (`tf:<step>` in the worker's own timeline), so
// that bench/classroom_load.py can say where a reader's wait goes from figures, not guesses.
// Marks cost microseconds; nothing in the page reads them.

export const mark = (step) => performance.mark(`tf:${step}`);

// Pyodide instantiates its wasm with WebAssembly.instantiateStreaming (or instantiate): mark
// when that starts and ends, without changing what it does or returns.
for (const name of ["instantiateStreaming", "instantiate"]) {
  const original = WebAssembly[name];
  if (typeof original !== "function") continue;
  WebAssembly[name] = async function (...args) {
    const big = name === "instantiateStreaming" || args[0] instanceof ArrayBuffer || ArrayBuffer.isView(args[0]);
    if (big) mark(`wasm-${name}-start`);
    try {
      return await original.apply(this, args);
    } finally {
      if (big) mark(`wasm-${name}-done`);
    }
  };
}

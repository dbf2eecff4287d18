// The snapshot's heap ships as a difference from the wasm's own initial memory, which the
// reader downloads anyway: its first megabytes are Pyodide's static data, byte for byte the wasm's
// data segments, so XOR-ing them out leaves zeros, and the gzipped file is about 1.4 MB (a
// quarter) smaller. The build (trainfer/runtime/snapshot.mjs) writes it; the worker undoes it
// the moment the wasm is instantiated, before any of its code runs, when memory holds exactly the
// data segments again.
//
// The file: a 48-byte header (magic, the length `span` of memory XOR-ed, the sha256 of that span
// of the initial memory, the Pyodide magic), then Pyodide's own snapshot with its magic zeroed
// and its heap's first `span` bytes XOR-ed. Until `decode` puts the magic back, Pyodide refuses
// the snapshot (and the worker starts Python plainly), so a heap is never restored half-made.
// Pure ES module: the worker and Node (the build's tests) use this same code.

export const MAGIC = 0x44584654; // "TFXD", little-endian
export const HEADER = 48;

export async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

const same = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i]);

// A snapshot file as downloaded: { snapshot, decode(memory) }, where `snapshot` is the view to
// hand Pyodide and `decode` makes it restorable from the instantiated wasm's memory (true when
// it did). A file without the header is passed on as it is.
export function heapDelta(file) {
  const words = new Uint32Array(file.buffer, file.byteOffset, Math.floor(file.byteLength / 4));
  if (file.byteLength < HEADER || words[0] !== MAGIC) return { snapshot: file, decode: async () => false };
  const span = words[1];
  const digest = file.slice(8, 40);
  const pyodideMagic = words[10];
  const snapshot = file.subarray(HEADER);
  let pending = true;
  return {
    snapshot,
    async decode(memory) {
      if (!pending) return false;
      pending = false;
      const initial = new Uint8Array(memory.buffer, 0, span);
      if (span % 4 || !same(await sha256(initial), digest)) return false; // another wasm
      const head = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 2);
      const heapStart = snapshot.byteOffset + head[1];
      if (heapStart % 4 || heapStart + span > file.byteOffset + file.byteLength) return false;
      const heap = new Uint32Array(snapshot.buffer, heapStart, span / 4);
      const base = new Uint32Array(memory.buffer, 0, span / 4);
      for (let i = 0; i < heap.length; i++) heap[i] ^= base[i];
      head[0] = pyodideMagic;
      return true;
    },
  };
}

// The build's side: the same file from Pyodide's own snapshot and the wasm's initial memory.
export async function encodeHeapDelta(pyodideSnapshot, initialMemory) {
  let span = initialMemory.length;
  while (span > 0 && initialMemory[span - 1] === 0) span--;
  span = Math.ceil(span / 4) * 4;
  const file = new Uint8Array(HEADER + pyodideSnapshot.length);
  file.set(pyodideSnapshot, HEADER);
  const words = new Uint32Array(file.buffer, 0, HEADER / 4);
  const snapshot = file.subarray(HEADER);
  const head = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 2);
  words[0] = MAGIC;
  words[1] = span;
  file.set(await sha256(initialMemory.subarray(0, span)), 8);
  words[10] = head[0];
  const heap = snapshot.subarray(head[1], head[1] + span);
  for (let i = 0; i < span; i++) heap[i] ^= initialMemory[i];
  head[0] = 0;
  return file;
}

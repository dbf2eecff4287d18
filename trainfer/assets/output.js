// The reader's output, capped so that no flood reaches the page: lines per stream, characters
// per line, characters in all. Python writes bytes (Pyodide's raw `write`); they are cut into
// lines here and a line keeps at most LINE_CHARS, so one printed 100 MB line costs a few KB.
// Pyodide's own `batched` mode would gather such a line byte by byte in a JavaScript array.

export const MAX_LINES = 10000; // per stream: beyond this, lines are counted, not sent
export const LINE_CHARS = 10000;
export const TOTAL_CHARS = 1_000_000;
const FLUSH_MS = 50;

// Bytes in, whole lines out; the part of a line past LINE_CHARS is dropped as it arrives.
function lineWriter(onLine) {
  const keepBytes = LINE_CHARS * 4; // UTF-8 needs at most 4 bytes a character
  let parts = [];
  let size = 0;
  let dropped = 0;
  const end = () => {
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) { bytes.set(part, at); at += part.length; }
    const text = new TextDecoder().decode(bytes);
    onLine(text.slice(0, LINE_CHARS), dropped > 0 || text.length > LINE_CHARS);
    parts = [];
    size = 0;
    dropped = 0;
  };
  return {
    write(chunk) {
      for (let start = 0; ;) {
        const newline = chunk.indexOf(10, start);
        const stop = newline < 0 ? chunk.length : newline;
        const take = Math.min(Math.max(0, keepBytes - size), stop - start);
        if (take > 0) { parts.push(chunk.slice(start, start + take)); size += take; }
        dropped += stop - start - take;
        if (newline < 0) break;
        end();
        start = newline + 1;
      }
      return chunk.length;
    },
    flush() { if (size || dropped) end(); },
  };
}

// Lines go out at once while they are few; a flood is batched (a message per line would swamp
// the page). stdout and stderr have separate line caps, so a traceback after a flood shows.
export function makeOutput(post) {
  const counts = { stdout: 0, stderr: 0 };
  const noted = new Set();
  let total = 0;
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
  const note = (reason, values) => {
    if (noted.has(reason)) return;
    noted.add(reason);
    flush();
    post({ type: "truncated", reason, ...values });
  };
  const line = (kind) => (text, cut) => {
    counts[kind] += 1;
    if (counts[kind] > MAX_LINES || total >= TOTAL_CHARS) return;
    if (kind !== stream) flush();
    stream = kind;
    total += text.length + 1;
    buffer.push(cut ? `${text}…` : text);
    if (cut) note(`line-${kind}`, { stream: kind, chars: LINE_CHARS });
    const now = performance.now();
    if (now - windowStart > FLUSH_MS) {
      windowStart = now;
      windowLines = 0;
    }
    windowLines += 1;
    if (counts[kind] === MAX_LINES) note(`lines-${kind}`, { stream: kind, lines: MAX_LINES });
    else if (total >= TOTAL_CHARS) note("chars", { chars: TOTAL_CHARS });
    else if (windowLines <= 20 || buffer.length >= 500 || now - last > FLUSH_MS) flush();
  };
  const writers = { stdout: lineWriter(line("stdout")), stderr: lineWriter(line("stderr")) };
  return {
    stdout: writers.stdout,
    stderr: writers.stderr,
    line: (kind, text) => line(kind)(text, false),
    flush() {
      writers.stdout.flush();
      writers.stderr.flush();
      flush();
    },
  };
}

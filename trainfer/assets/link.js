// A shared experiment's code in the page address. Plain (`?code=`) while the address stays
// under MAX_URL; longer code is deflated (CompressionStream 'deflate-raw') into `?z=v1.<base64url>`.
// Many servers refuse addresses over 8 KB, so the Share button says when even that is too long.

export const MAX_URL = 8192;
export const MAX_CODE = 1_000_000; // characters read from a link at most (a deflate bomb stops here)
const VERSION = "v1.";

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function deflated(code) {
  const stream = new Blob([code]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return VERSION + toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

// The code in a `z` value, or null if it is not one this version can read.
export async function inflated(value) {
  if (!value.startsWith(VERSION)) return null;
  try {
    const stream = new Blob([fromBase64Url(value.slice(VERSION.length))]).stream()
      .pipeThrough(new DecompressionStream("deflate-raw"))
      .pipeThrough(new TextDecoderStream());
    const reader = stream.getReader();
    let code = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return code;
      code += value;
      if (code.length > MAX_CODE) {
        reader.cancel();
        return code.slice(0, MAX_CODE);
      }
    }
  } catch {
    return null;
  }
}

// The site's service worker. The build writes it at the site's root (so that its scope is the
// whole site), with the two versions below filled in (trainfer/demos/offline.py). It only ever
// touches requests to the site's own origin:
// - Python's runtime (Pyodide and the wheels, under RUNTIME_PATH) is served from its cache first:
//   those files change only with the runtime, and the cache's name carries the runtime's digest;
// - everything else goes to the network first, and a copy is kept, so a page seen once (the
//   classroom with everything it loaded) opens offline; the copies' cache carries the build's
//   digest, so a new build drops them.
// A new build changes this file; the browser checks it on every navigation (updateViaCache
// "none"), installs the new one at once and drops the old caches.

const BUILD = "{build}";
const RUNTIME = "{runtime}";
const RUNTIME_PATH = "{runtime_path}"; // relative to this file
const PRECACHE = {precache}; // the widget's own scripts and styles, small: kept at install
const SITE_CACHE = `trainfer-site-${BUILD}`;
const RUNTIME_CACHE = `trainfer-runtime-${RUNTIME}`;
const OURS = /^trainfer-(site|runtime)-/;

const runtimeUrl = new URL(RUNTIME_PATH, self.location.href).href;

self.addEventListener("install", (event) => event.waitUntil((async () => {
  const cache = await caches.open(SITE_CACHE);
  await cache.addAll(PRECACHE.map((path) => new URL(path, self.location.href).href)).catch(() => {});
  await self.skipWaiting();
})()));

self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (OURS.test(name) && name !== SITE_CACHE && name !== RUNTIME_CACHE) await caches.delete(name);
  }
  await self.clients.claim();
})()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!["GET", "HEAD"].includes(request.method) || new URL(request.url).origin !== self.location.origin) return;
  if (request.headers.has("range")) return;
  const runtime = request.url.startsWith(runtimeUrl);
  event.respondWith(runtime ? cacheFirst(event) : networkFirst(event));
});

// A HEAD asks whether a file is there: answered from a kept copy's headers.
const head = (response) => new Response(null, { status: response.status, headers: response.headers });

// The copy is written beside the answer, not before it: the page streams the response (the wasm
// compiles while it downloads) while the cache takes its clone.
function keep(event, cache, key, response) {
  event.waitUntil(cache.put(key, response.clone()).catch(() => {})); // a full disk costs the copy only
}

async function cacheFirst(event) {
  const request = event.request;
  const cache = await caches.open(RUNTIME_CACHE);
  const kept = await cache.match(request.url);
  if (kept) return request.method === "HEAD" ? head(kept) : kept;
  const response = await fetch(request);
  if (request.method === "GET" && response.ok) keep(event, cache, request.url, response);
  return response;
}

async function networkFirst(event) {
  const request = event.request;
  const cache = await caches.open(SITE_CACHE);
  try {
    const response = await fetch(request);
    if (request.method === "GET" && response.ok && response.type === "basic") {
      keep(event, cache, request, response);
    }
    return response;
  } catch (error) {
    // offline: the kept copy; a page opened with settings in its address is the same page
    const kept = await cache.match(request.url, { ignoreSearch: request.mode === "navigate" });
    if (!kept) throw error;
    return request.method === "HEAD" ? head(kept) : kept;
  }
}

// A page asks to keep what it loaded before this worker controlled it ("keep": the page and its
// files, into the site's cache) and for Python's runtime ("prefetch": a page without a demo after
// load and idle, the classroom after load), fetched at low priority and stored, never run.
self.addEventListener("message", (event) => {
  const { type, urls } = event.data ?? {};
  if (!["keep", "prefetch"].includes(type) || !Array.isArray(urls)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(type === "keep" ? SITE_CACHE : RUNTIME_CACHE);
    for (const url of urls.map(String)) {
      const ours = type === "keep" ? new URL(url).origin === self.location.origin : url.startsWith(runtimeUrl);
      if (!ours || await cache.match(url)) continue;
      const response = await fetch(url, { priority: "low" }).catch(() => null);
      if (response?.ok) await cache.put(url, response).catch(() => {});
    }
    event.source?.postMessage({ type: `${type}-done` });
  })());
});

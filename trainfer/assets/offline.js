// On every page of the site: registers its service worker (sw.js at the site's root, so a page
// seen once opens offline and a new build replaces it), and once the page has loaded and then
// been left alone for IDLE_MS, fetches Python's runtime into the cache at low priority
// (prefetch.js), so that the classroom starts sooner. On a page without a demo: never on
// Save-Data, never before the page's own content; Pyodide is only fetched here, never run.

const script = document.querySelector("script[data-tf-root]");
const root = new URL(script?.dataset.tfRoot ?? "./", location.href);
const runtime = new URL(script?.dataset.tfRuntime ?? "assets/vendor/pyodide/", root);
const IDLE_MS = 5000;

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.href, updateViaCache: "none" })
    .catch(() => {}); // none (a private mode, an old browser): the site works online as before
}

const saveData = () => navigator.connection?.saveData === true;

function whenIdle(run) {
  const idle = (fn) => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 10_000 }) : fn());
  afterLoad(() => setTimeout(() => idle(run), IDLE_MS));
}

const fetchRuntime = () => import("./prefetch.js").then((m) => m.prefetch(root, runtime)).catch(() => {});

// What this page loaded before the service worker controlled it (its first visit) is kept too,
// so that it opens offline next time; the browser's cache answers most of these requests.
async function keepThisPage() {
  const registration = await navigator.serviceWorker.ready;
  const urls = [location.href.split("#")[0], ...performance.getEntriesByType("resource")
    .map((entry) => entry.name).filter((url) => new URL(url).origin === location.origin)];
  registration.active?.postMessage({ type: "keep", urls });
}

function afterLoad(run) {
  if (document.readyState === "complete") run();
  else addEventListener("load", run, { once: true });
}

if ("serviceWorker" in navigator) afterLoad(() => keepThisPage().catch(() => {}));
// on a demo page Python is loading anyway: its files are kept for offline (from the browser's
// cache) once it has had time to load; elsewhere only without Save-Data
const demo = document.querySelector(".tf-demo") !== null;
if (demo || !saveData()) whenIdle(() => (!demo && saveData()) || fetchRuntime());

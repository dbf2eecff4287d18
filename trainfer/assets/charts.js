// Draws every chart placeholder with the vendored vega-embed; the classroom's board draws with
// the same `trainferCharts.embed`. Whoever made a spec (a notebook, a data table, the reader's
// code), it is cleaned first: no `usermeta` (it can turn the actions menu back on), no URL to
// another host. Expressions run in vega-interpreter, so the page's CSP needs no 'unsafe-eval';
// vega's loader fetches only from this site; the actions menu stays off (it links out, and
// "View source" writes a new window); vega-embed and its tooltip inject no <style> (their
// rules are in trainfer.css). The placeholder's fallback stays for readers without JavaScript.
(function () {
  const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
  const normalized = (url) => String(url).replace(/[\u0000-\u0020\u007f]/g, "").replace(/\\/g, "/");

  // Relative to this site: no scheme and no //host (the build's trainfer.security.urls.is_local).
  function isLocal(url) {
    const u = normalized(url);
    return !SCHEME.test(u) && !u.startsWith("//");
  }

  function outside(value) {
    if (value && typeof value === "object" && !Array.isArray(value)) value = value.value;
    return typeof value === "string" && !isLocal(value);
  }

  // The build's trainfer.charts.clean_spec, again at embed time.
  function clean(spec) {
    if (Array.isArray(spec)) return spec.map(clean);
    if (!spec || typeof spec !== "object") return spec;
    const out = {};
    for (const [key, value] of Object.entries(spec)) {
      if (key === "usermeta" || key === "__proto__") continue;
      if ((key === "url" || key === "href") && outside(value)) continue;
      out[key] = key === "values" ? value : clean(value);
      if (key === "data" && out.data && Object.keys(out.data).length === 0) delete out.data;
    }
    return out;
  }

  // Data, images and links that come from the data itself meet the loader: only this site.
  function siteLoader() {
    const loader = vega.loader();
    const sanitize = loader.sanitize.bind(loader);
    loader.sanitize = (uri, options) => (isLocal(uri)
      ? sanitize(uri, options)
      : Promise.reject(new Error(`not loaded: ${uri} is not on this site`)));
    return loader;
  }

  // Vega labels a chart "Vega visualization" unless the spec describes itself: the chart's own
  // title (already in the page's language) says more, in the reader's words.
  function described(spec) {
    if (!spec || typeof spec !== "object" || spec.description) return spec;
    const title = typeof spec.title === "string" ? spec.title
      : (spec.title && typeof spec.title.text === "string" ? spec.title.text : null);
    return title ? { ...spec, description: title } : spec;
  }

  function embed(target, spec, options = {}) {
    const dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    return vegaEmbed(target, described(clean(spec)), {
      renderer: "svg", theme: dark ? "dark" : undefined, ...options,
      actions: false, ast: true, expr: vegaInterpreter.expressionInterpreter,
      loader: siteLoader(), defaultStyle: false,
      tooltip: { theme: dark ? "dark" : "light", disableDefaultStyle: true },
    });
  }

  function draw() {
    for (const figure of document.querySelectorAll("figure.tf-chart")) {
      if (figure.dataset.drawn) continue;
      figure.dataset.drawn = "1";
      const view = figure.querySelector(".tf-chart-view");
      const spec = JSON.parse(figure.querySelector("script.tf-chart-spec").textContent);
      const target = document.createElement("div");
      target.className = "tf-chart-target";
      view.prepend(target); // in the page before drawing, so width "container" has a width
      embed(target, spec)
        .then(() => {
          for (const child of [...view.children]) if (child !== target) child.remove();
          figure.dataset.rendered = "1";
        })
        .catch((error) => { figure.dataset.error = String(error); console.error(error); });
    }
  }

  window.trainferCharts = { clean, embed, isLocal };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();

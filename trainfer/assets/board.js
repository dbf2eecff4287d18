// The board: charts (Vega-Lite specs made by the Python side) and tables, drawn as they arrive.
// vega, vega-lite, vega-embed and the site's chart drawer (charts.js, which cleans every spec
// and embeds it with no eval, no outside URL and no actions menu) load the first time a chart
// arrives, from the site. A spec from the reader's code is as untrusted as any other.

const VEGA = ["vega.min.js", "vega-interpreter.js", "vega-lite.min.js", "vega-embed.min.js"]
  .map((name) => new URL(`../vendor/vega/${name}`, import.meta.url).href)
  .concat(new URL("./charts.js", import.meta.url).href);
let vegaLoading = null;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

function loadVega() {
  if (window.trainferCharts) return Promise.resolve();
  vegaLoading ??= VEGA.reduce((chain, src) => chain.then(() => loadScript(src)), Promise.resolve());
  return vegaLoading;
}

export async function drawChart(board, spec) {
  const figure = document.createElement("figure");
  figure.className = "tf-board-chart";
  figure.setAttribute("role", "img");
  const title = typeof spec.title === "string" ? spec.title : spec.title?.text;
  figure.setAttribute("aria-label", spec.description || title || "chart");
  board.append(figure);
  await embedInto(figure, spec);
}

// Text sizes that stay at 10 px or more on a 375 px phone, where vega's 10 px labels would be
// scaled down a little to fit; a spec's own sizes win.
const READABLE = {
  axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11, titleFontSize: 11 },
  header: { labelFontSize: 11, titleFontSize: 11 }, title: { fontSize: 13 },
};

// Vega-Lite cannot size a faceted chart to its container (it falls back to a narrow default and
// clips the legend): such a chart keeps its own width, and its figure scrolls on a phone.
const faceted = (spec) => Boolean(spec.facet || spec.encoding?.row || spec.encoding?.column);

function readable(spec) {
  const config = { ...spec.config };
  for (const [part, sizes] of Object.entries(READABLE)) config[part] = { ...sizes, ...config[part] };
  return faceted(spec) ? { ...spec, config } : { ...spec, width: "container", config };
}

// Draw `spec` in `figure` as wide as its column (the board stacks charts full-width, so at
// 375 px a chart's text keeps its size instead of shrinking with a fixed-width drawing).
export async function embedInto(figure, spec) {
  await loadVega();
  await window.trainferCharts.embed(figure, readable(spec));
  figure.dataset.rendered = "1";
}

// The build-time board's charts: each figure holds its spec in data-spec (the page's CSP
// allows no inline script).
export async function drawPrebuilt(root) {
  for (const figure of root.querySelectorAll("figure[data-spec]:not([data-rendered])")) {
    try {
      await embedInto(figure, JSON.parse(figure.dataset.spec));
    } catch {
      figure.hidden = true; // a chart that cannot be drawn leaves no empty box
    }
  }
}

export function drawTable(board, { caption, columns, rows }, words = {}) {
  const table = document.createElement("table");
  table.className = "tf-table";
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = words[column] ?? column;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const value of row) {
      const td = tr.insertCell();
      td.textContent = typeof value === "number" ? value.toLocaleString("en")
        : String(words[value] ?? value ?? "");
      if (typeof value === "number") td.className = "tf-num";
    }
  }
  const wrap = document.createElement("div");
  wrap.className = "tf-table-wrap";
  wrap.append(table);
  board.append(wrap);
}

// Tables: sort by clicking a header (or Enter/Space on it) with the vendored tablesort, blank
// cells last in both directions; open a row's detail (notes, sources) with its button; filter
// rows by typing; download what the filter shows as CSV (the full data is the page's CSV link);
// an address ending in #row-<id> opens that row and brings its cited figure into view.
(function () {
  const detailOf = (row) => document.getElementById(`${row.id}-detail`);

  function cellText(td) {
    if (td.hasAttribute("data-sort")) return td.getAttribute("data-sort");
    const items = td.querySelectorAll("li");
    return items.length ? [...items].map((li) => li.textContent.trim()).join("; ") : td.textContent.trim();
  }

  function csvField(value) {
    return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }

  function setOpen(row, open) {
    const button = row.querySelector(".tf-more");
    const detail = detailOf(row);
    if (!button || !detail) return;
    button.setAttribute("aria-expanded", String(open));
    detail.hidden = !open || row.hidden;
  }

  // Tablesort orders rows by the sorted column; then every blank cell goes last (whichever the
  // direction) and each row's detail follows its row.
  function regroup(table, sorter) {
    const body = table.tBodies[0];
    const column = sorter.current ? sorter.current.cellIndex : -1;
    const rows = [...body.rows].filter((r) => r.classList.contains("tf-row"));
    const blank = (r) => column >= 0 && r.cells[column].classList.contains("tf-blank");
    for (const row of [...rows.filter((r) => !blank(r)), ...rows.filter(blank)]) {
      body.append(row);
      const detail = detailOf(row);
      if (detail) body.append(detail);
    }
  }

  function exportFiltered(table, rows) {
    const detailHeads = JSON.parse(table.dataset.detail || "[]"); // [[key, label], ...]
    const heads = [...table.tHead.rows[0].cells].map((th) => th.textContent.trim());
    const lines = [[...heads, ...detailHeads.map((d) => d[1])].map(csvField).join(",")];
    for (const row of rows) {
      if (row.hidden) continue;
      const detail = detailOf(row);
      const extra = detailHeads.map(([key]) => {
        const dd = detail && detail.querySelector(`dd[data-key="${key}"]`);
        return dd ? cellText(dd) : "";
      });
      lines.push([...[...row.cells].map(cellText), ...extra].map(csvField).join(","));
    }
    const url = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/csv" }));
    const link = Object.assign(document.createElement("a"), {
      href: url, download: `${table.dataset.table}-filtered.csv`,
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function setUp(table) {
    const tools = table.closest(".tf-table-wrap").previousElementSibling;
    const filter = tools.querySelector(".tf-filter");
    const shown = tools.querySelector(".tf-shown");
    const exportButton = tools.querySelector(".tf-export");
    const rows = [...table.tBodies[0].rows].filter((r) => r.classList.contains("tf-row"));
    const words = JSON.parse(shown.dataset.text); // "{shown} of {total} rows", in the page's language
    const say = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);
    const sorter = new Tablesort(table);
    table.addEventListener("afterSort", () => regroup(table, sorter));
    for (const th of table.tHead.rows[0].cells) {
      th.addEventListener("keydown", (event) => { // tablesort itself answers Enter
        if (event.key === " ") {
          event.preventDefault();
          th.click();
        }
      });
    }
    for (const row of rows) {
      const button = row.querySelector(".tf-more");
      if (button) button.addEventListener("click", () => setOpen(row, button.getAttribute("aria-expanded") !== "true"));
    }
    const update = () => {
      const query = filter.value.trim().toLowerCase();
      let visible = 0;
      for (const row of rows) {
        const detail = detailOf(row);
        const text = row.textContent + (detail ? " " + detail.textContent : "");
        const match = !query || text.toLowerCase().includes(query);
        row.hidden = !match;
        setOpen(row, row.querySelector(".tf-more")?.getAttribute("aria-expanded") === "true");
        visible += match ? 1 : 0;
      }
      shown.textContent = query ? say(words.shown, { shown: visible, total: rows.length })
        : say(words.all, { total: rows.length });
      exportButton.hidden = !query;
    };
    filter.addEventListener("input", update);
    exportButton.addEventListener("click", () => exportFiltered(table, [...table.tBodies[0].rows]
      .filter((r) => r.classList.contains("tf-row"))));
    update();
  }

  // The row named by the address: open, its cited figure scrolled into view (inside the
  // table's own box too), so that a link from the claims ledger lands on the figure.
  function reveal() {
    const id = decodeURIComponent(location.hash.slice(1));
    const row = id.startsWith("row-") ? document.getElementById(id) : null;
    if (!row || !row.classList.contains("tf-row")) return false;
    setOpen(row, true);
    const figure = row.querySelector(".tf-cited") || row.cells[0];
    figure.scrollIntoView({ block: "center", inline: "center" });
    return true;
  }

  // The browser scrolls to the row itself until the page has loaded, and charts above a table
  // draw after it and push it down: while the reader has not moved, bring the cited figure
  // back into view once the page has loaded and as each chart settles.
  function keepRevealed() {
    let moved = false;
    for (const type of ["wheel", "touchstart", "keydown", "pointerdown"]) {
      addEventListener(type, () => { moved = true; }, { once: true, passive: true });
    }
    const again = () => requestAnimationFrame(() => { if (!moved) reveal(); });
    const watch = new MutationObserver(again);
    for (const figure of document.querySelectorAll("figure.tf-chart")) {
      watch.observe(figure, { attributes: true, attributeFilter: ["data-rendered"] });
    }
    if (document.readyState === "complete") again();
    else addEventListener("load", again, { once: true });
  }

  function start() {
    for (const table of document.querySelectorAll("table.tf-table[data-table]")) setUp(table);
    if (reveal()) keepRevealed();
    addEventListener("hashchange", reveal);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

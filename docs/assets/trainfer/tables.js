// Tables: sort by clicking a header (or Enter/Space on it) with the vendored tablesort; filter
// rows by typing; download what the filter shows as CSV. The full data is the page's CSV link.
(function () {
  function cellText(td) {
    return td.hasAttribute("data-sort") ? td.getAttribute("data-sort") : td.textContent.trim();
  }

  function csvField(value) {
    return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }

  function setUp(table) {
    const tools = table.closest(".tf-table-wrap").previousElementSibling;
    const filter = tools.querySelector(".tf-filter");
    const shown = tools.querySelector(".tf-shown");
    const exportButton = tools.querySelector(".tf-export");
    const rows = [...table.tBodies[0].rows];
    const words = JSON.parse(shown.dataset.text); // "{shown} of {total} rows", in the page's language
    const say = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);
    new Tablesort(table);
    for (const th of table.tHead.rows[0].cells) {
      th.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          th.click();
        }
      });
    }
    const update = () => {
      const query = filter.value.trim().toLowerCase();
      let visible = 0;
      for (const row of rows) {
        const match = !query || row.textContent.toLowerCase().includes(query);
        row.hidden = !match;
        visible += match ? 1 : 0;
      }
      shown.textContent = query ? say(words.shown, { shown: visible, total: rows.length })
        : say(words.all, { total: rows.length });
      exportButton.hidden = !query;
    };
    filter.addEventListener("input", update);
    exportButton.addEventListener("click", () => {
      const heads = [...table.tHead.rows[0].cells].map((th) => th.textContent.trim());
      const lines = [heads.map(csvField).join(",")];
      for (const row of table.tBodies[0].rows) {
        if (!row.hidden) lines.push([...row.cells].map((td) => csvField(cellText(td))).join(","));
      }
      const url = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/csv" }));
      const link = Object.assign(document.createElement("a"), {
        href: url, download: `${table.dataset.table}-filtered.csv`,
      });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    update();
  }

  function start() {
    for (const table of document.querySelectorAll("table.tf-table[data-table]")) setUp(table);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

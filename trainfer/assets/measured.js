// The measured page's button: run explainers.measure in a fresh worker, add the browser's row.
import { listen, spawnWorker } from "./spawn.js";
import { format, pageText } from "./text.js";

const WORKER_URL = new URL("./worker.js", import.meta.url);
const CODE = `
import platform
from explainers import board
from explainers.measure import measure_all
board.emit("measurement", {"python": platform.python_version(), "rows": measure_all()})
`;

const text = pageText();
const number = (value) => Math.round(value).toLocaleString("en");

for (const button of document.querySelectorAll("[data-action=measure]")) {
  const status = button.parentElement.querySelector(".tf-status");
  const table = document.querySelector("table.tf-timing");
  button.addEventListener("click", () => {
    button.disabled = true;
    status.textContent = text.measure_running;
    const worker = spawnWorker(WORKER_URL);
    const finish = (message) => {
      status.textContent = message;
      button.disabled = false;
      worker.terminate();
    };
    const send = listen(worker, (data) => {
      if (data.type === "board" && data.kind === "measurement") {
        const row = table.tBodies[0].insertRow();
        row.className = "tf-browser-row";
        const agent = navigator.userAgent.match(/(Chrome|Firefox|Safari)\/[\d.]+/)?.[0] ?? "";
        row.insertCell().textContent = format(text.measure_where, { python: data.data.python, agent });
        for (const r of data.data.rows) {
          const cell = row.insertCell();
          cell.className = "tf-num";
          cell.textContent = number(r.taught_pages / r.teach_seconds);
        }
        const pages = data.data.rows.reduce((n, r) => n + r.read_pages, 0);
        const seconds = data.data.rows.reduce((n, r) => n + r.read_seconds, 0);
        const cell = row.insertCell();
        cell.className = "tf-num";
        cell.textContent = number(pages / seconds);
      } else if (data.type === "stderr") {
        status.textContent = format(text.measure_failed, { message: data.text.trim().split("\n").pop() });
      } else if (data.type === "boot-failed") {
        finish(format(text.measure_failed, { message: data.message }));
      } else if (data.type === "done") {
        finish(data.ok ? text.measure_done : status.textContent);
      }
    });
    send({ type: "run", id: 1, code: CODE, words: {} });
  });
}

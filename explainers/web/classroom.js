// The classroom widget: an editor, Run / Stop / Reset, and an Output log. It only draws; the
// worker runs Python. Stop terminates the worker (no special headers needed) and starts a fresh
// one, so Run is usable again at once and the next run waits for the new Python.

import { attachEditor } from "./editor.js";

const WORKER_URL = new URL("./worker.js", import.meta.url);
const MAX_LOG_CHARS = 2_000_000; // the worker caps lines; this guards the page against huge lines

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

class Classroom {
  constructor(root, text) {
    this.root = root;
    this.text = text;
    this.code = root.querySelector("textarea.tf-code");
    this.example = root.querySelector("template.tf-example").content.textContent;
    this.log = root.querySelector("[role=log]");
    this.status = root.querySelector(".tf-status");
    this.buttons = {
      run: root.querySelector("[data-action=run]"),
      stop: root.querySelector("[data-action=stop]"),
      reset: root.querySelector("[data-action=reset]"),
    };
    this.worker = null;
    this.workerReady = false;
    this.runId = 0;
    this.running = false;
    this.logChars = 0;
    this.bind();
  }

  bind() {
    this.buttons.run.addEventListener("click", () => this.run());
    this.buttons.stop.addEventListener("click", () => this.stop());
    this.buttons.reset.addEventListener("click", () => this.reset());
    this.editor = attachEditor(this.code, { onRun: () => this.run() });
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        this.startWorker();
      }
    });
    observer.observe(this.root);
  }

  setStatus(key, values = {}) {
    this.status.textContent = format(this.text[key] ?? key, values);
    this.status.dataset.state = key;
  }

  startWorker() {
    if (this.worker) return;
    this.workerReady = false;
    this.worker = new Worker(WORKER_URL, { type: "module" });
    this.worker.onmessage = (event) => this.onMessage(event.data);
    this.worker.onerror = (event) => {
      this.setStatus("status_boot_failed", { message: event.message || "worker error" });
      this.finish();
    };
    if (!this.running) this.setStatus("status_loading");
  }

  onMessage(message) {
    switch (message.type) {
      case "ready":
        this.workerReady = true;
        if (!this.running) this.setStatus("status_ready", { seconds: (message.ms / 1000).toFixed(1) });
        break;
      case "status":
        if (message.state === "running") this.setStatus("status_running");
        break;
      case "stdout":
      case "stderr":
        this.append(message.text, message.type);
        break;
      case "truncated":
        this.append(format(this.text.log_truncated, { lines: message.lines }) + "\n", "note");
        break;
      case "boot-failed":
        this.setStatus("status_boot_failed", { message: message.message });
        this.finish();
        break;
      case "done":
        if (message.id !== this.runId) return;
        this.setStatus(message.ok ? "status_done" : "status_failed", {
          seconds: (message.ms / 1000).toFixed(2),
        });
        this.finish();
        break;
    }
  }

  append(text, kind) {
    if (this.logChars > MAX_LOG_CHARS) return;
    this.logChars += text.length;
    const span = document.createElement("span");
    span.className = `tf-${kind}`;
    span.textContent = text; // text, never HTML
    this.log.append(span);
    this.log.scrollTop = this.log.scrollHeight;
  }

  run() {
    if (this.running) return;
    this.startWorker();
    this.running = true;
    this.runId += 1;
    this.log.replaceChildren();
    this.logChars = 0;
    this.buttons.run.disabled = true;
    this.buttons.stop.disabled = false;
    this.setStatus(this.workerReady ? "status_running" : "status_waiting");
    this.worker.postMessage({ type: "run", id: this.runId, code: this.code.value });
  }

  stop() {
    if (!this.running) return;
    this.worker.terminate();
    this.worker = null;
    this.append(this.text.log_stopped + "\n", "note");
    this.finish();
    this.startWorker();
    this.setStatus("status_stopped");
  }

  finish() {
    this.running = false;
    this.buttons.run.disabled = false;
    this.buttons.stop.disabled = true;
  }

  reset() {
    this.code.value = this.example;
    this.editor.refresh();
    this.code.focus();
  }
}

const text = JSON.parse(document.getElementById("tf-i18n").textContent);
for (const root of document.querySelectorAll(".tf-demo")) new Classroom(root, text);

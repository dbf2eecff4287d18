// The classroom widget: settings, an editor, Run / Stop / Reset, progress, an Output log and a
// board for charts and tables. It only draws; the worker runs Python. Stop terminates the
// worker (no special headers needed) and starts a fresh one, so Run is usable again at once and
// the next run waits for the new Python. The experiment (settings or code) lives in the URL.
// The worker's messages come on its private port (spawn.js): the reader's code can only print
// and draw, never say that a run is done.

import { attachEditor } from "./editor.js";
import { drawChart, drawPrebuilt, drawTable } from "./board.js";
import { MAX_URL, deflated, inflated } from "./link.js";
import { listen, spawnWorker } from "./spawn.js";
import { format, pageText } from "./text.js";

const WORKER_URL = new URL("./worker.js", import.meta.url);
const MAX_LOG_CHARS = 2_000_000; // the worker caps lines and characters; this guards the page too
const TRUNCATED = { lines: "log_truncated", line: "log_line_cut", chars: "log_chars_cut" };
// what the status line says while Python starts; "ready" replaces only these
const BOOTING = new Set(["", "status_loading", "status_stopped"]);

const literal = (value) => (typeof value === "string" ? JSON.stringify(value) : String(value));
const argPattern = (name) =>
  new RegExp(`\\b${name}\\s*=\\s*("[^"\\n]*"|'[^'\\n]*'|-?[\\d.]+(?:e-?\\d+)?)`);

class Classroom {
  constructor(root, text) {
    this.root = root;
    this.text = text;
    this.code = root.querySelector("textarea.tf-code");
    this.example = root.querySelector("template.tf-example").content.textContent;
    this.log = root.querySelector("[role=log]");
    this.status = root.querySelector(".tf-status");
    this.board = root.querySelector(".tf-board");
    this.progress = root.querySelector(".tf-progress");
    this.prebuilt = root.querySelector(".tf-prebuilt");
    this.notice = root.querySelector(".tf-notice");
    this.chip = root.querySelector("select[data-arg=chip]");
    this.format = root.querySelector("select[data-arg=fmt]");
    this.controls = [...root.querySelectorAll("[data-arg]")];
    this.buttons = Object.fromEntries(
      [...root.querySelectorAll("[data-action]")].map((b) => [b.dataset.action, b]));
    this.worker = null;
    this.send = null;
    this.workerReady = false;
    this.runId = 0;
    this.running = false;
    this.logChars = 0;
    this.editor = attachEditor(this.code, { onRun: () => this.run() });
    this.restoreFromUrl(); // a link's deflated code fills the editor a moment later
    this.bind();
    if (window.trainferWorker) this.startWorker();
  }

  bind() {
    this.buttons.run.addEventListener("click", () => this.run());
    this.buttons.stop.addEventListener("click", () => this.stop());
    this.buttons.reset.addEventListener("click", () => this.reset());
    this.buttons.share.addEventListener("click", () => this.share());
    for (const control of this.controls) {
      control.addEventListener("change", () => {
        if (this.notice) this.notice.hidden = true;
        this.applyControl(control);
        if (control === this.chip) this.fitFormat(true);
      });
    }
    this.code.addEventListener("input", () => { this.syncControls(); this.saveToUrl(); });
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        this.startWorker();
      }
    });
    observer.observe(this.root);
    // the build-time charts draw as they come near (a viewport away): until then their drawer
    // (vega, about 250 KB gzipped) leaves the link to Python's runtime
    if (this.prebuilt) {
      const charts = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          charts.disconnect();
          drawPrebuilt(this.prebuilt);
        }
      }, { rootMargin: "100% 0px" });
      charts.observe(this.prebuilt);
    }
  }

  // --- settings and the URL -------------------------------------------------------------

  controlValue(control) {
    if (control.tagName === "SELECT") return control.value;
    let value = Number(control.value);
    if (!Number.isFinite(value)) value = Number(control.defaultValue);
    value = Math.min(Number(control.max), Math.max(Number(control.min), value));
    if ("integer" in control.dataset) value = Math.round(value);
    control.value = String(value);
    return value;
  }

  applyControl(control, save = true) {
    const pattern = argPattern(control.dataset.arg);
    if (!pattern.test(this.code.value)) {
      this.setStatus("control_missing", { name: control.dataset.arg });
      return;
    }
    const value = this.controlValue(control);
    this.code.value = this.code.value.replace(pattern, `${control.dataset.arg}=${literal(value)}`);
    this.editor.refresh();
    if (save) this.saveToUrl();
  }

  syncControls() {
    for (const control of this.controls) {
      const match = this.code.value.match(argPattern(control.dataset.arg));
      control.disabled = !match;
      if (match) control.value = match[1].replace(/^["']|["']$/g, "");
    }
    this.fitFormat(false);
  }

  // The format menu offers only what the chosen chip computes in: the chip's option lists
  // them (data-formats, from the simulator's own rules, put there at build time). If the
  // format in use is not among them, switch to the first that is, and say why.
  fitFormat(change) {
    const chosen = this.chip?.selectedOptions[0];
    if (!this.format || !chosen?.dataset.formats || this.chip.disabled) return;
    const allowed = chosen.dataset.formats.split(" ");
    for (const option of this.format.options) option.disabled = !allowed.includes(option.value);
    // code the reader typed is theirs to run (the simulator's refusal is in the Output then)
    if (!change || this.format.disabled || allowed.includes(this.format.value)) return;
    const before = this.format.selectedOptions[0]?.textContent ?? this.format.value;
    const next = [...this.format.options].find((option) => !option.disabled);
    if (!next) return;
    this.format.value = next.value;
    this.applyControl(this.format);
    // said beside the settings, where it stays while Python loads and the status line changes
    if (!this.notice) return;
    this.notice.textContent = format(this.text.format_switched ?? "", {
      chip: chosen.textContent, from: before, to: next.textContent,
    });
    this.notice.dataset.state = "format_switched";
    this.notice.hidden = false;
  }

  // The address for the experiment: settings, or the code (deflated when plain is too long).
  // Returns the address once it is in the address bar.
  async saveToUrl() {
    const code = this.code.value;
    const params = new URLSearchParams();
    const fromExample = this.withSettings(this.example, this.settings());
    if (fromExample === code) {
      for (const [name, value] of Object.entries(this.settings())) params.set(name, value);
    } else {
      params.set("code", code);
    }
    const address = (search) => `${location.pathname}?${search}${location.hash}`;
    let url = address(params);
    if (params.has("code") && new URL(url, location.href).href.length > MAX_URL) {
      const z = await deflated(code);
      if (code !== this.code.value) return null; // edited meanwhile: a newer call saves it
      url = address(new URLSearchParams({ z }));
    }
    history.replaceState(null, "", url);
    return location.href;
  }

  settings() {
    const out = {};
    for (const control of this.controls) if (!control.disabled) out[control.dataset.arg] = control.value;
    return out;
  }

  withSettings(code, settings) {
    for (const control of this.controls) {
      const name = control.dataset.arg;
      if (!(name in settings)) continue;
      const value = control.tagName === "SELECT" ? settings[name] : Number(settings[name]);
      code = code.replace(argPattern(name), `${name}=${literal(value)}`);
    }
    return code;
  }

  async restoreFromUrl() {
    const params = new URLSearchParams(location.search);
    if (params.has("z")) {
      const code = await inflated(params.get("z"));
      if (code === null) this.setStatus("link_unreadable");
      else this.code.value = code;
    } else if (params.has("code")) {
      this.code.value = params.get("code");
    } else {
      for (const control of this.controls) {
        const name = control.dataset.arg;
        if (!params.has(name)) continue;
        const wanted = params.get(name);
        if (control.tagName === "SELECT" && ![...control.options].some((o) => o.value === wanted)) continue;
        control.value = wanted;
        this.applyControl(control, false);
      }
    }
    this.editor.refresh();
    this.syncControls();
    if (!params.has("z") && !params.has("code")) this.fitFormat(true);
  }

  async share() {
    const url = await this.saveToUrl();
    if (url === null) return;
    if (url.length > MAX_URL) {
      this.setStatus("share_too_long", { kb: Math.ceil(url.length / 1024), max: MAX_URL / 1024 });
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      this.setStatus("share_done");
    } catch {
      this.setStatus("share_failed", { url });
    }
  }

  // --- the worker -------------------------------------------------------------------------

  setStatus(key, values = {}) {
    this.status.textContent = format(this.text[key] ?? key, values);
    this.status.dataset.state = key;
  }

  startWorker() {
    if (this.worker) return;
    this.workerReady = false;
    const early = window.trainferWorker; // started by the page's inline script, if in view
    window.trainferWorker = undefined;
    this.worker = early ?? spawnWorker(WORKER_URL);
    this.send = listen(this.worker, (message) => this.onMessage(message), early?.early ?? []);
    this.worker.onerror = (event) => {
      this.setStatus("status_boot_failed", { message: event.message || "worker error" });
      this.dropWorker();
      this.finish();
    };
    if (!this.running) this.setStatus("status_loading");
  }

  onMessage(message) {
    switch (message.type) {
      case "ready":
        this.workerReady = true;
        this.root.dataset.python = "ready";
        if (this.progress.dataset.loading) this.hideProgress();
        // only in place of the loading line: an answer to the reader (a link, a share) stays
        if (!this.running && BOOTING.has(this.status.dataset.state ?? "")) {
          this.setStatus("status_ready", { seconds: (message.ms / 1000).toFixed(1) });
        }
        break;
      case "status":
        if (message.state === "running") this.setStatus("status_running");
        break;
      case "stdout":
      case "stderr":
        this.append(message.text, message.type);
        break;
      case "truncated":
        this.append(format(this.text[TRUNCATED[message.reason?.split("-")[0]]] ?? "", {
          lines: message.lines, chars: Number(message.chars).toLocaleString("en"),
        }) + "\n", "note");
        break;
      case "board":
        if (this.running) this.onBoard(message.kind, message.data);
        break;
      case "boot-failed":
        this.setStatus("status_boot_failed", { message: message.message });
        this.dropWorker(); // the next Run starts a fresh one
        this.finish();
        break;
      case "done":
        if (message.id !== this.runId || !this.running) return;
        this.setStatus(message.ok ? "status_done" : "status_failed", {
          seconds: (message.ms / 1000).toFixed(2),
        });
        this.finish();
        break;
    }
  }

  showLoading() {
    // an indeterminate bar while Python loads: the wait has no steps we can count
    const bar = this.progress.querySelector("progress");
    bar.removeAttribute("value");
    this.progress.querySelector(".tf-progress-text").textContent = this.text.status_loading;
    this.progress.dataset.loading = "1";
    this.progress.hidden = false;
  }

  hideProgress() {
    delete this.progress.dataset.loading;
    this.progress.hidden = true;
  }

  onBoard(kind, data) {
    if (kind === "progress") {
      delete this.progress.dataset.loading;
      this.progress.hidden = false;
      this.progress.querySelector("progress").value = data.epoch / data.epochs;
      this.progress.querySelector(".tf-progress-text").textContent = format(this.text.progress_epoch, {
        epoch: data.epoch, epochs: data.epochs, loss: Number(data.loss).toFixed(3),
        accuracy: `${(100 * data.accuracy).toFixed(1)}%`,
      });
    } else {
      // after the next frame, in arrival order: the printed result paints before charts draw
      const run = this.runId;
      requestAnimationFrame(() => setTimeout(() => {
        if (run !== this.runId) return;
        if (kind === "chart") drawChart(this.board, data);
        else if (kind === "table") drawTable(this.board, data, this.text.table_words);
      }));
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
    this.board.replaceChildren();
    // the build-time result is the default experiment's: once a live run starts, this one's
    // result is the page's only one
    if (this.prebuilt) this.prebuilt.hidden = true;
    this.hideProgress();
    this.logChars = 0;
    this.buttons.run.disabled = true;
    this.buttons.stop.disabled = false;
    this.setStatus(this.workerReady ? "status_running" : "status_waiting");
    if (!this.workerReady) this.showLoading();
    this.send({ type: "run", id: this.runId, code: this.code.value, words: this.text.chart_words });
  }

  dropWorker() {
    this.worker?.terminate();
    this.worker = null;
    this.send = null;
    this.workerReady = false;
    delete this.root.dataset.python;
  }

  stop() {
    if (!this.running) return;
    this.dropWorker();
    this.append(this.text.log_stopped + "\n", "note");
    this.finish();
    this.hideProgress();
    this.buttons.run.focus({ preventScroll: true }); // Stop is disabled now; keep the focus near
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
    this.syncControls();
    this.saveToUrl();
    this.code.focus();
  }
}

const text = pageText();
for (const root of document.querySelectorAll(".tf-demo")) new Classroom(root, text);

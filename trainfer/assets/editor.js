// A small code editor: a textarea over a highlighted copy of its text, with line numbers.
// Tab / Shift+Tab indent and dedent; Escape then Tab leaves the editor (no keyboard trap);
// Ctrl/Cmd+Enter runs. The textarea stays the real input, so screen readers and forms work.

const KEYWORDS = new Set(("False None True and as assert async await break class continue def " +
  "del elif else except finally for from global if import in is lambda nonlocal not or pass " +
  "raise return try while with yield match case").split(" "));
const BUILTINS = new Set(("print range len int float str list dict set tuple sum min max abs " +
  "round enumerate zip sorted map filter open isinstance type super any all repr").split(" "));
const TOKEN = new RegExp([
  /(#[^\n]*)/.source,                                             // 1 comment
  /([rRbBfFuU]{0,2}(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?))/.source, // 2 string
  /(\b\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?j?\b)/.source,           // 3 number
  /([A-Za-z_][A-Za-z0-9_]*)/.source,                              // 4 name
].join("|"), "g");

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

export function highlight(code) {
  let html = "";
  let last = 0;
  let previous = "";
  for (const match of code.matchAll(TOKEN)) {
    html += escapeHtml(code.slice(last, match.index));
    const [text, comment, string, number, name] = match;
    let cls = null;
    if (comment) cls = "c";
    else if (string) cls = "s";
    else if (number) cls = "m";
    else if (name && KEYWORDS.has(name)) cls = "k";
    else if (name && (previous === "def" || previous === "class")) cls = "nf";
    else if (name && BUILTINS.has(name)) cls = "nb";
    html += cls ? `<span class="tf-${cls}">${escapeHtml(text)}</span>` : escapeHtml(text);
    if (name) previous = name;
    last = match.index + text.length;
  }
  return html + escapeHtml(code.slice(last)) + "\n";
}

export function attachEditor(textarea, { onRun }) {
  const wrapper = document.createElement("div");
  wrapper.className = "tf-editor";
  const gutter = document.createElement("pre");
  gutter.className = "tf-gutter";
  gutter.setAttribute("aria-hidden", "true");
  const body = document.createElement("div");
  body.className = "tf-editor-body";
  const shade = document.createElement("pre");
  shade.className = "tf-highlight";
  shade.setAttribute("aria-hidden", "true");
  textarea.replaceWith(wrapper);
  body.append(shade, textarea);
  wrapper.append(gutter, body);

  let escaped = false;
  const refresh = () => {
    shade.innerHTML = highlight(textarea.value);
    const lines = textarea.value.split("\n").length;
    gutter.textContent = Array.from({ length: lines }, (_, i) => i + 1).join("\n");
    textarea.rows = Math.max(lines + 1, 4);
    shade.scrollLeft = textarea.scrollLeft;
  };
  textarea.addEventListener("input", refresh);
  textarea.addEventListener("scroll", () => { shade.scrollLeft = textarea.scrollLeft; });
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { escaped = true; return; }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onRun();
    } else if (event.key === "Tab" && !escaped && !event.altKey && !event.ctrlKey) {
      event.preventDefault();
      indent(textarea, event.shiftKey);
      refresh();
    }
    escaped = false;
  });
  refresh();
  return { refresh };
}

function indent(textarea, dedent) {
  const { value, selectionStart: start, selectionEnd: end } = textarea;
  if (!dedent && start === end) {
    textarea.setRangeText("    ", start, end, "end");
    return;
  }
  const lineStart = value.lastIndexOf("\n", start - 1) + 1;
  const block = value.slice(lineStart, end);
  const changed = block.split("\n").map((line) =>
    dedent ? line.replace(/^ {1,4}/, "") : "    " + line).join("\n");
  textarea.setRangeText(changed, lineStart, end, "preserve");
  textarea.selectionStart = lineStart;
  textarea.selectionEnd = lineStart + changed.length;
}

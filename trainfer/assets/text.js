// The page's words (the JSON the build embeds from i18n/<language>/widget.json), and filling
// in their {placeholders}. Shared by the classroom and the measured page.
export const pageText = () => JSON.parse(document.getElementById("tf-i18n").textContent);

export function format(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

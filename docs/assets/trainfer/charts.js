// Draws every chart placeholder with the vendored vega-embed (no actions menu: it links out).
// The placeholder's fallback (a table or text) stays for readers without JavaScript.
(function () {
  function draw() {
    for (const figure of document.querySelectorAll("figure.tf-chart")) {
      if (figure.dataset.drawn) continue;
      figure.dataset.drawn = "1";
      const view = figure.querySelector(".tf-chart-view");
      const spec = JSON.parse(figure.querySelector("script.tf-chart-spec").textContent);
      const dark = document.body.getAttribute("data-md-color-scheme") === "slate";
      const target = document.createElement("div");
      target.className = "tf-chart-target";
      view.prepend(target); // in the page before drawing, so width "container" has a width
      vegaEmbed(target, spec, { actions: false, renderer: "svg", theme: dark ? "dark" : undefined })
        .then(() => {
          for (const child of [...view.children]) if (child !== target) child.remove();
          figure.dataset.rendered = "1";
        })
        .catch((error) => { figure.dataset.error = String(error); console.error(error); });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();

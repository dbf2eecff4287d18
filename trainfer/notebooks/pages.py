"""The Markdown around rendered notebooks: each page's header and sources, the index, the report.

Every word comes from the `notebooks` section of i18n/<language>/pages.yaml. A notebook's title
and summary are plain text (escaped, never read as Markdown or HTML); its sources are Markdown,
which the page's sanitizer (trainfer.security) cleans like the notebook's own Markdown cells.
"""

from __future__ import annotations

from html import escape

from trainfer.security.sanitize import plain_md


def notebook_page(meta, body: str, result, download: str, t: dict) -> str:
    """One notebook's page: title, summary, how it ran, the notebook itself, its sources."""
    how = t["cached"] if result.cached else t["ran"].format(seconds=f"{result.seconds:.1f}")
    # a plain notebook (no trainfer block) has no authors or sources: no byline, no section
    byline = t["byline"].format(authors=", ".join(meta.authors)) + " " if meta.authors else ""
    sources = "\n".join(f"- {s}" for s in meta.sources)
    return (
        f"# {plain_md(meta.title)}\n\n"
        f"{plain_md(meta.summary)}\n\n"
        f'<p class="tf-nb-meta">{escape(byline)}{escape(how)} '
        f'<a href="../{download}" download>{escape(t["download"])}</a>.</p>\n\n'
        f"{body}\n"
        + (f"## {t['sources']}\n\n{sources}\n" if sources else "")
    )


def index(report, t: dict) -> str:
    """The notebooks' index page: each notebook with its summary, and the execution report."""
    lines = [f"# {t['index_title']}", "", t["index_intro"], ""]
    lines += [f"- [{plain_md(meta.title)}]({rel.stem}.md): {plain_md(meta.summary)}"
              for rel, meta, _ in report]
    lines += ["", f"[{t['report_link']}](report.md)"]
    return "\n".join(lines) + "\n"


def report(entries, t: dict) -> str:
    """The execution report: every notebook with how this build got its outputs."""
    columns = t["report_columns"]
    lines = [f"# {t['report_title']}", "", t["report_intro"], "",
             "| " + " | ".join(columns) + " |", "| --- | --- | ---: | --- | ---: |"]
    for rel, meta, result in entries:
        how = t["report_hit"] if result.cached else t["report_miss"]
        seconds = "" if result.cached else f"{result.seconds:.1f}"
        lines.append(f"| [{plain_md(meta.title)}]({rel.stem}.md) | {t['report_ok']} | {seconds} | {how} | "
                     f"{meta.budget_seconds:g} |")
    return "\n".join(lines) + "\n"

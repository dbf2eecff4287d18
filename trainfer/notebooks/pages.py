"""The Markdown around rendered notebooks: each page's header and sources, and the index."""

from __future__ import annotations


def notebook_page(meta, body: str, result, download: str) -> str:
    """One notebook's page: title, summary, how it ran, the notebook itself, its sources."""
    how = "from the build cache" if result.cached else f"in {result.seconds:.1f} s"
    authors = ", ".join(meta.authors)
    sources = "\n".join(f"- {s}" for s in meta.sources)
    return (
        f"# {meta.title}\n\n"
        f"{meta.summary}\n\n"
        f'<p class="tf-nb-meta">By {authors}. Executed when this site was built ({how}). '
        f'<a href="../{download}" download>Download the executed notebook</a>.</p>\n\n'
        f"{body}\n"
        f"## Sources\n\n{sources}\n"
    )


def index(report) -> str:
    """The notebooks' index page: each notebook with its summary."""
    lines = [
        "# Notebooks",
        "",
        "Each notebook tests one of the article's claims with arithmetic and cited data. "
        "They are executed every time the site is built; a failing cell fails the build.",
        "",
    ]
    for rel, meta, _result in report:
        lines.append(f"- [{meta.title}]({rel.stem}.md): {meta.summary}")
    return "\n".join(lines) + "\n"


def report(entries) -> str:
    """The execution report: every notebook with how this build got its outputs."""
    lines = [
        "# Notebook execution report",
        "",
        "How this build of the site got each notebook's outputs: executed now, or taken from the "
        "build cache because nothing it depends on (its code cells, the simulator's source, the "
        "data files it declares, the lockfiles, the kernel) had changed.",
        "",
        "| Notebook | Status | Time (s) | Cache | Budget (s) |",
        "| --- | --- | ---: | --- | ---: |",
    ]
    for rel, meta, result in entries:
        how = "hit" if result.cached else "miss (executed)"
        seconds = "" if result.cached else f"{result.seconds:.1f}"
        lines.append(f"| [{meta.title}]({rel.stem}.md) | ok | {seconds} | {how} | "
                     f"{meta.budget_seconds:g} |")
    return "\n".join(lines) + "\n"

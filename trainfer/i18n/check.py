"""`python -m trainfer.i18n.check`: every translation unit that is missing or stale.

Lists, per language other than the source, the units of hand-written pages, notebooks (title,
summary, Markdown cells), data tables (title, description, column labels, prose row fields) and
the words of the widget and generated pages. It exits non-zero only with --strict, and then on
any missing or stale unit. `--todo FILE` writes the English of every unit to translate, with its digest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from trainfer.i18n.gaps import all_gaps


def main(argv: list[str] | None = None) -> int:
    """Print the gaps of every edition; non-zero when the translation is not as asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--strict", action="store_true", help="missing units fail too")
    parser.add_argument("--todo", type=Path, help="write the units to translate as YAML")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    unrun: list[str] = []
    gaps = all_gaps(root, unrun)
    stale = [g for g in gaps if g.state == "stale"]
    missing = [g for g in gaps if g.state == "missing"]
    for gap in gaps:
        print(f"{gap.state:8} {Path(gap.file).relative_to(root)}: {gap.key}")
    if args.todo:
        todo: dict = {}
        for gap in gaps:
            todo.setdefault(str(Path(gap.file).relative_to(root)), {})[gap.key] = {
                "from": gap.digest, "en": gap.english}
        args.todo.write_text(yaml.safe_dump(todo, allow_unicode=True, sort_keys=False, width=100),
                             encoding="utf-8")
    if unrun:
        print(f"not built yet, so their outputs' units are not listed: {', '.join(unrun)} "
              "(build the site first: nox -s build)")
    print(f"{len(missing)} missing, {len(stale)} stale")
    return 1 if args.strict and (missing or stale or unrun) else 0


if __name__ == "__main__":
    sys.exit(main())

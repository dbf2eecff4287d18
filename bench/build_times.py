"""Wall time of `mkdocs build`: Trainfer's notebooks plugin against mkdocs-jupyter and no notebooks.

Four scenarios, each in a throwaway copy of the project (never /work/main/site or its cache):
cold (no build cache), no-change rebuild, rebuild after appending `x = 1` to one notebook, and
rebuild after appending a function to a module of explainers/src/explainers. Three sites:
  trainfer        the project as it is;
  mkdocs-jupyter  the same docs, theme and notebooks (copied into docs/) with
                  plugins [search, mkdocs-jupyter {execute: true, include: ["*.ipynb"]}];
  baseline        the project with the trainfer/notebooks plugin removed from mkdocs.yml;
  english-only    the project with the trainfer/i18n plugin removed (one edition, no /zh/).
Every copy comes from one snapshot of the work tree taken at the start; `python -m mkdocs` runs
in the copy, so the copy's own trainfer plugins are the ones timed.
Usage: python bench/build_times.py [--runs N] [--skip-peer] [--sites a,b] [--notebook STEM] [--profile]
Prints a table (median of N runs) and ratios against the issue's goals; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
from pathlib import Path

from _buildbench import (
    BuildFailed,
    build,
    copy_project,
    edit_explainers,
    edit_notebook,
    failing_stems,
    machine_facts,
    make_baseline,
    make_english_only,
    make_peer,
    notebook_path,
    profile_top,
    ran_times,
)

SCENARIOS = ("cold", "no change", "edit one notebook", "edit explainers")
SITES = ("trainfer", "mkdocs-jupyter", "baseline", "english-only")
MAKERS = {"trainfer": lambda root: root, "mkdocs-jupyter": make_peer, "baseline": make_baseline,
          "english-only": make_english_only}


def run_site(site: str, folder: Path, stem: str, drop: list[str], snapshot: Path):
    """One site through the four scenarios: (seconds by scenario, the edited notebook's run time)."""
    root = MAKERS[site](copy_project(folder / site, drop, snapshot))
    times, own, runs = {}, None, {}
    for scenario in SCENARIOS:
        if scenario == "edit one notebook":
            edit_notebook(notebook_path(root, stem))
        elif scenario == "edit explainers":
            edit_explainers(root)
        seconds, log = build(root)
        times[scenario] = seconds
        if scenario == "edit one notebook":
            own = ran_times(log).get(stem)
        runs[scenario] = ran_times(log)
        reran = ", ".join(sorted(runs[scenario])) or "none"
        print(f"  {site:<15} {scenario:<18} {seconds:7.2f} s  (notebooks run: {reran})",
              file=sys.stderr, flush=True)
    return times, own, runs


def run_all(folder: Path, sites, stem: str, drop: list[str], snapshot: Path) -> dict:
    """Every site through the scenarios: {site: (seconds by scenario, edited notebook's time,
    each scenario's notebook runs)}."""
    return {site: run_site(site, folder, stem, drop, snapshot) for site in sites}


def newly_failing(exc: BuildFailed, stems: list[str], drop: list[str]) -> list[str]:
    """Notebooks a failed Trainfer build names that are not dropped yet (none: a real failure)."""
    failing = [s for s in failing_stems(str(exc), stems) if s not in drop]
    if failing:
        print(f"dropping notebook(s) that fail the build now, in the copies only: "
              f"{', '.join(failing)}", file=sys.stderr)
    return failing


def fmt(value: float | None, unit: str = "s") -> str:
    return "-" if value is None else f"{value:.2f}{' s' if unit == 's' else 'x'}"


def report(medians: dict, own: float | None, stem: str, sites: tuple[str, ...],
           runs: dict | None = None) -> None:
    """The scenario x site table, then the three ratios against the issue's goals."""
    width = 20
    print(f"\n{'scenario':<{width}}" + "".join(f"{s:>16}" for s in SITES))
    for scenario in SCENARIOS:
        cells = [fmt(medians[s][scenario]) if s in sites else "skipped" for s in SITES]
        print(f"{scenario:<{width}}" + "".join(f"{c:>16}" for c in cells))
    tf, base = medians["trainfer"], medians["baseline"]
    print(f"\n(edited notebook: {stem}; its own execution in the trainfer build: {fmt(own)})")
    if "mkdocs-jupyter" in sites:
        print("(mkdocs-jupyter's cache keys on the notebook file only: an explainers edit "
              "re-executes nothing there, so its row shows a stale-but-fast rebuild)")
    print(f"\ntrainfer no-change / baseline no-change:  {fmt(tf['no change'] / base['no change'], 'x')}"
          "  (goal <= 1.5x; mkdocs-jupyter was measured at 2.5x its plain build)")
    edit = tf["edit explainers"] / base["edit explainers"]
    print(f"trainfer edit explainers / baseline:      {fmt(edit, 'x')}"
          "  (issue 18 measured 12.0 s against 4.5 s before the cache keyed on imported modules)")
    extra = None if own is None else tf["edit one notebook"] - own
    print(f"trainfer one-notebook edit - its run:     {fmt(extra)}  (goal <= 1.5 s)")
    marginal = None if own is None else extra - tf["no change"]
    print(f"  of which beyond a no-change build:      {fmt(marginal)}  (the kernel's start, "
          "the page, the cache entry)")
    for scenario, ran in (runs or {}).items():  # the last run's notebook times, by scenario
        if ran and scenario != "cold":
            longest = max(ran, key=ran.get)
            print(f"  {scenario}: {len(ran)} notebook(s) ran, the longest {longest} "
                  f"{ran[longest]:.1f} s ({', '.join(f'{s} {t:.1f}' for s, t in sorted(ran.items()))})")
    if "english-only" in sites:
        ratio = tf["cold"] / medians["english-only"]["cold"]
        print(f"both editions cold / English-only cold: {fmt(ratio, 'x')}  (goal <= 1.6x)")
    if "mkdocs-jupyter" in sites:
        ratio = tf["cold"] / medians["mkdocs-jupyter"]["cold"]
        print(f"trainfer cold / mkdocs-jupyter cold:     {fmt(ratio, 'x')}  (goal <= 0.5x)")
    else:
        print("trainfer cold / mkdocs-jupyter cold:     - (peer skipped)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per cell; the median is shown")
    parser.add_argument("--skip-peer", action="store_true", help="skip mkdocs-jupyter")
    parser.add_argument("--notebook", help="stem of the notebook to edit (default: the first)")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile one no-change trainfer build and print its top costs")
    parser.add_argument("--sites", help=f"comma-separated subset of {','.join(SITES)}")
    args = parser.parse_args()

    sites = SITES
    if not args.skip_peer and importlib.util.find_spec("mkdocs_jupyter") is None:
        print("mkdocs-jupyter is not installed here, so its columns are skipped. `nox -s bench` "
              "installs it; or `pip install mkdocs-jupyter` (0.27 needs Python >= 3.12).")
        args.skip_peer = True
    if args.skip_peer:
        sites = ("trainfer", "baseline", "english-only")
    if args.sites:  # the ratios need trainfer and baseline
        sites = tuple(s for s in SITES if s in {*args.sites.split(","), "trainfer", "baseline"})

    # one snapshot of the work tree, so every run builds the same files while others edit theirs
    snapshot_dir = tempfile.TemporaryDirectory(prefix="tf-snapshot-")
    snapshot = copy_project(Path(snapshot_dir.name) / "project", [])
    stems = sorted(p.stem for p in (snapshot / "notebooks").glob("*.ipynb"))
    drop: list[str] = []
    samples = {s: {sc: [] for sc in SCENARIOS} for s in sites}
    owns, run, top = [], 0, ""
    while run < args.runs:
        stem = args.notebook or next(s for s in stems if s not in drop)
        print(f"run {run + 1}/{args.runs}", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="tf-bench-") as tmp:
            try:
                results = run_all(Path(tmp), sites, stem, drop, snapshot)
            except BuildFailed as exc:
                failing = newly_failing(exc, stems, drop)
                if not failing:
                    raise
                drop += failing
                continue
            if args.profile and run == args.runs - 1:
                top = profile_top(Path(tmp) / "trainfer", Path(tmp) / "build.prof")
        for site, (times, own, _) in results.items():
            for scenario, seconds in times.items():
                samples[site][scenario].append(seconds)
            if site == "trainfer" and own is not None:
                owns.append(own)
        run += 1
    snapshot_dir.cleanup()
    kept = [s for s in stems if s not in drop]
    medians = {s: {sc: statistics.median(v) for sc, v in samples[s].items()} for s in sites}

    print("\n".join(machine_facts()))
    print(f"Notebooks: {len(kept)} built ({', '.join(kept)}); runs: {args.runs} (median shown)")
    if drop:
        print(f"Dropped from the copies because they fail the build now: {', '.join(drop)}")
    report(medians, statistics.median(owns) if owns else None, stem, sites, results["trainfer"][2])
    if args.profile:
        print("\ncProfile of one more no-change trainfer build (top by cumulative time):\n" + top)


if __name__ == "__main__":
    main()

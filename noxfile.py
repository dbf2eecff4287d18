"""Trainfer's sessions: `nox -s serve` builds and serves the site, `nox -s tests` runs every test.

nox itself may run under an older Python; the sessions need Python >= 3.12, which this file looks
for (on the PATH, then in pyenv's versions folder) and hands to nox as an absolute path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
MIN_PYTHON = (3, 12)
CHROMIUM = os.environ.get("TRAINFER_CHROMIUM", "/usr/bin/chromium")  # the tests read it too

nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["build"]


def _version_of(executable: str) -> tuple[int, int] | None:
    """Return (major, minor) if `executable --version` runs and succeeds, else None."""
    try:
        out = subprocess.run(
            [executable, "--version"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r"Python (\d+)\.(\d+)", out.stdout + out.stderr)
    if out.returncode != 0 or not match:
        return None
    return int(match[1]), int(match[2])


def _pyenv_root() -> Path | None:
    if env := os.environ.get("PYENV_ROOT"):
        return Path(env)
    if exe := shutil.which("pyenv"):
        out = subprocess.run([exe, "root"], capture_output=True, text=True, check=False)
        if out.returncode == 0 and out.stdout.strip():
            return Path(out.stdout.strip())
    home = Path.home() / ".pyenv"
    return home if home.is_dir() else None


def candidate_pythons() -> list[str]:
    """Interpreters to try, best first: the PATH, then pyenv's versions folder."""
    names = [f"python3.{minor}" for minor in range(20, MIN_PYTHON[1] - 1, -1)] + ["python3"]
    found = [path for name in names if (path := shutil.which(name))]
    if root := _pyenv_root():
        versions = sorted(
            (root / "versions").glob("3.*/bin/python3"),
            key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.parent.name)[:3]],
            reverse=True,
        )
        found += [str(p) for p in versions]
    return found


def find_python() -> str | None:
    """The first candidate that runs and is at least MIN_PYTHON, as an absolute path."""
    if sys.version_info[:2] >= MIN_PYTHON:
        return sys.executable
    for candidate in candidate_pythons():
        version = _version_of(candidate)
        if version and version >= MIN_PYTHON:
            return str(Path(candidate).resolve())
    return None


PYTHON = find_python()
if PYTHON is None:
    sys.stderr.write(
        "nox: no Python >= 3.12 found. Looked for python3.12+ and python3 on the PATH and in "
        "pyenv's versions folder (each must run with --version). Install one, e.g. "
        "`pyenv install 3.12` or your system's python3.12 package, then run nox again.\n"
    )
    PYTHON = "3.12"  # nox reports it missing and, with error_on_missing_interpreters, fails


#: the hashed lock of each set of dependency groups (written by `nox -s lock`), by its groups
LOCKS = ROOT / "requirements"
LOCKED = {("build",): "build", ("test", "lint"): "test", ("build", "lint"): "check",
          ("lint",): "lint", ("test", "bench"): "bench"}


def install(session: nox.Session, *groups: str) -> None:
    """Install the locked dependencies, the three local packages, and the npm runtime pins."""
    lock = LOCKS / f"{LOCKED.get(groups, '')}.txt"
    if groups in LOCKED and lock.is_file():  # every version and hash pinned
        session.install("--require-hashes", "--no-deps", "-r", str(lock))
    else:  # a combination without a lock: the ranges of pyproject.toml
        if groups != ("lint",):
            session.install(*PYPROJECT["project"]["dependencies"])
        for group in groups:
            session.install(*nox.project.dependency_groups(PYPROJECT, group))
    if groups != ("lint",):
        # board: the demos' drawing protocol, which explainers imports (and the notebooks too)
        session.install("--no-deps", "-e", ".", "-e", "./board", "-e", "./explainers")
        npm_ci(session)


def npm_ci(session: nox.Session) -> None:
    """`npm ci` when node_modules is missing or older than the lockfile."""
    stamp = ROOT / "node_modules" / ".package-lock.json"
    lock = ROOT / "package-lock.json"
    if stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime:
        return
    if not shutil.which("npm"):
        session.error("npm not found: install Node.js >= 20 (it brings npm), then run nox again.")
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True)


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Build the site into site/ (a failed build leaves the previous site/ as it was)."""
    install(session, "build")
    ensure_bubblewrap(session)
    session.run("mkdocs", "build", "--strict", *session.posargs)


@nox.session(python=PYTHON)
def serve(session: nox.Session) -> None:
    """Build and serve the site at http://127.0.0.1:8000 with live reload."""
    install(session, "build")
    ensure_bubblewrap(session)
    session.run("mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *session.posargs)


def ensure_chromium(session: nox.Session) -> None:
    """Install Debian's chromium (and a CJK font) with apt-get when running as root and missing."""
    if Path(CHROMIUM).exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        session.error(
            f"{CHROMIUM} not found. Install Debian's chromium (`sudo apt-get install chromium`); "
            "the browser tests never download a browser of their own."
        )
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    session.run("apt-get", "update", "-qq", external=True, env=env)
    session.run(
        "apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-cjk", external=True, env=env
    )


def ensure_bubblewrap(session: nox.Session) -> None:
    """Install Debian's bubblewrap (the notebooks' sandbox) with apt-get when root and missing.

    Without it the build still runs, with the kernels' socket guard as the only isolation (the
    build log says so).
    """
    if shutil.which("bwrap"):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        session.warn("bwrap not found: notebooks run with the socket guard only "
                     "(`sudo apt-get install bubblewrap` gives them a sandbox)")
        return
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    session.run("apt-get", "update", "-qq", external=True, env=env)
    session.run("apt-get", "install", "-y", "-qq", "bubblewrap", external=True, env=env)


WHEELHOUSE = ROOT / ".nox" / "wheelhouse"


def fill_wheelhouse(session: nox.Session) -> None:
    """Wheels of every locked runtime dependency, so that a test installs trainfer's own wheel
    into a fresh venv with no registry (tests/generator); refilled when the lock changes."""
    stamp, lock = WHEELHOUSE / ".filled", LOCKS / "build.txt"
    if stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime:
        return
    # an install step: it runs under `--install-only` too, so the stamp never outlives the wheels
    session.run_install("python", "-m", "pip", "wheel", "--quiet", "--require-hashes", "-r", str(lock),
                        "-w", str(WHEELHOUSE))
    stamp.touch()


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run every test: unit, site build, notebooks, Pyodide in Node, Chromium, notebook checks,
    and the Chinese edition's translation check (--strict: nothing missing or stale)."""
    install(session, "test", "lint")
    ensure_chromium(session)
    ensure_bubblewrap(session)
    fill_wheelhouse(session)
    session.run("pytest", *session.posargs)
    if not session.posargs:  # a filtered run (nox -s tests -- -k x) skips the whole-site checks
        session.run("python", "-m", "trainfer.notebooks.check")
        # after pytest's site build, so the notebooks' outputs (and their units) are known
        session.run("python", "-m", "trainfer.i18n.check", "--strict")


@nox.session(name="check-notebooks", python=PYTHON)
def check_notebooks(session: nox.Session) -> None:
    """Check contributed notebooks: metadata, stripped outputs, ruff, budget, reads, determinism."""
    install(session, "build", "lint")
    ensure_bubblewrap(session)
    session.run("python", "-m", "trainfer.notebooks.check", *session.posargs)


@nox.session(name="check-translations", python=PYTHON)
def check_translations(session: nox.Session) -> None:
    """List every missing or stale translation unit (`-- --strict` fails on any; `-- --todo F`)."""
    install(session, "build")
    session.run("python", "-m", "trainfer.i18n.check", *session.posargs)


@nox.session(name="new-notebook", python=PYTHON)
def new_notebook(session: nox.Session) -> None:
    """Scaffold a notebook: nox -s new-notebook -- "Title"."""
    install(session, "build")
    session.run("python", "-m", "trainfer.notebooks.scaffold", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks (they print figures, assert nothing): builds vs mkdocs-jupyter, the classroom."""
    install(session, "test", "bench")
    ensure_chromium(session)
    args = list(session.posargs)
    only = None  # `-- --only classroom` (or build, simulator): one script, the other args to it
    if "--only" in args:
        at = args.index("--only")
        only, args[at:at + 2] = args[at + 1], []
    session.run("mkdocs", "build", "--strict")
    if only in (None, "build"):
        session.run("python", "bench/build_times.py", *args)
    if only in (None, "simulator"):
        session.run("python", "bench/simulator_speed.py", *(args if only else []))
    if only in (None, "classroom"):
        session.run("python", "bench/classroom_load.py", *(args if only else []))


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff over the Python code."""
    install(session, "lint")
    session.run("ruff", "check", ".")


@nox.session(name="vendor-manifest", python=PYTHON)
def vendor_manifest(session: nox.Session) -> None:
    """Rewrite trainfer/runtime/vendored.json (sha256 of each vendored file) after the npm pins change.

    `npm ci` first, always: it reinstalls node_modules from the lockfile, checking each tarball's
    integrity, so the manifest records the pinned files, never a damaged copy.
    """
    install(session, "build")
    session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
    session.run("python", "-m", "trainfer.runtime.manifest", str(ROOT))


@nox.session(python=PYTHON)
def screenshots(session: nox.Session) -> None:
    """Build the site and write a PNG of every page (both editions) into screenshots/."""
    install(session, "test", "lint")
    ensure_chromium(session)
    ensure_bubblewrap(session)
    session.run("mkdocs", "build", "--strict", "-d", "site")
    session.run("python", "tests/screenshots.py", "site", "screenshots")


@nox.session(python=PYTHON)
def lock(session: nox.Session) -> None:
    """Re-pin every build and test dependency with hashes (requirements/*.txt), with uv.

    The locks are universal (any platform, Python >= 3.12); nox installs from them with
    `--require-hashes`. Run it after changing a range in pyproject.toml.
    """
    session.install("uv>=0.9,<1")
    LOCKS.mkdir(exist_ok=True)
    for groups, name in LOCKED.items():
        args = [f"--group=pyproject.toml:{g}" for g in groups if g != "build"]
        # the project's own dependencies come with pyproject.toml, except for ruff alone
        sources = [] if groups == ("lint",) else ["pyproject.toml"]
        session.run("uv", "pip", "compile", *sources, *args, "--universal", "--python-version",
                    ".".join(map(str, MIN_PYTHON)), "--generate-hashes", "--quiet",
                    "--custom-compile-command", "python3 -m nox -s lock",
                    "-o", str(LOCKS / f"{name}.txt"))

"""A demo package's wheel, built by the package's own PEP 517 backend (flit_core here).

`SOURCE_DATE_EPOCH` is fixed, so the same source gives the same bytes, with full metadata
(Requires-Dist included, which the site lock records as the package's `depends`). The backend
runs in the build's own environment (no isolation, no network): it must be installed there.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

from pyproject_hooks import BackendUnavailable, BuildBackendHookCaller, HookMissing

from trainfer.digest import source_files, tree_digest
from trainfer.heal import drop

#: 1980-01-01, the earliest time a zip can hold: a wheel's bytes never depend on a clock
SOURCE_DATE_EPOCH = "315532800"
def project_metadata(project_dir: Path) -> tuple[str, str]:
    """(name, version) from the project's pyproject.toml; a ValueError names the file."""
    path = project_dir / "pyproject.toml"
    try:
        project = tomllib.loads(path.read_text(encoding="utf-8")).get("project")
    except OSError as exc:
        raise ValueError(f"{path}: cannot be read ({exc.strerror})") from exc
    except ValueError as exc:  # TOMLDecodeError, or bytes that are not UTF-8
        raise ValueError(f"{path}: not valid TOML: {exc}") from exc
    project = project if isinstance(project, dict) else {}
    name, version = project.get("name"), project.get("version")
    if not (isinstance(name, str) and name and isinstance(version, str) and version):
        raise ValueError(f"{path}: its [project] table needs a name and a version (strings)")
    return name, version


def compile_problems(src_dir: Path) -> list[str]:
    """'file:line: error' for every module under `src_dir` that Python cannot compile.

    Each module is compiled, not imported, so one that the build never imports is checked too.
    """
    problems = []
    for path in source_files(src_dir):
        if path.suffix != ".py":
            continue
        try:
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except SyntaxError as exc:  # also a bad encoding, a null byte, bad indentation
            problems.append(f"{path}:{exc.lineno or 1}: {exc.msg}")
        except ValueError as exc:
            problems.append(f"{path}: {exc}")
    return problems


def _pyproject(project_dir: Path) -> dict:
    path = project_dir / "pyproject.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: cannot be read ({exc.strerror})") from exc
    except ValueError as exc:
        raise ValueError(f"{path}: not valid TOML: {exc}") from exc


def import_name(project_dir: Path) -> str:
    """The package's import name: flit's module name, else the distribution's, normalised."""
    data = _pyproject(project_dir)
    module = data.get("tool", {}).get("flit", {}).get("module", {}).get("name")
    return module or project_metadata(project_dir)[0].replace("-", "_").replace(".", "_")


def package_dir(project_dir: Path) -> Path:
    """The package's source folder (src layout or flat)."""
    name = import_name(project_dir)
    src = project_dir / "src" / name
    return src if src.is_dir() else project_dir / name


def source_digest(project_dir: Path, package: Path) -> str:
    """sha256 over the pyproject and every packaged file (path and bytes)."""
    h = hashlib.sha256((project_dir / "pyproject.toml").read_bytes())
    h.update(tree_digest(package).encode())
    return h.hexdigest()


def _backend(project_dir: Path) -> BuildBackendHookCaller:
    system = _pyproject(project_dir).get("build-system")
    if not isinstance(system, dict) or not isinstance(system.get("build-backend"), str):
        raise ValueError(f"{project_dir / 'pyproject.toml'}: needs a [build-system] table with a "
                         'build-backend (e.g. requires = ["flit_core>=3.9,<4"], '
                         'build-backend = "flit_core.buildapi")')

    def runner(cmd, cwd=None, extra_environ=None):
        env = {**os.environ, **(extra_environ or {}), "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
        done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines()  # the backend's own error last
            raise ValueError(f"{project_dir}: its build backend failed: {' '.join(lines[-1:])}")

    return BuildBackendHookCaller(str(project_dir), system["build-backend"],
                                  system.get("backend-path"), runner=runner,
                                  python_executable=sys.executable)


def build_wheel(project_dir: Path, out_dir: Path) -> Path:
    """Build the project's wheel into `out_dir` with its own backend and return its path."""
    project_metadata(project_dir)
    package = package_dir(project_dir)
    if not (package / "__init__.py").is_file():
        raise FileNotFoundError(f"{package / '__init__.py'} not found: no package to wheel")
    if problems := compile_problems(package):  # a wheel of what Python cannot run: never
        raise ValueError("modules that do not compile:\n" + "\n".join(problems))
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
        try:
            name = _backend(project_dir).build_wheel(tmp)
        except (BackendUnavailable, HookMissing) as exc:
            raise ValueError(f"{project_dir}: its build backend is not installed in this "
                             f"environment ({exc}); install it (e.g. `pip install flit_core`)") from exc
        path = out_dir / name
        (Path(tmp) / name).replace(path)
    return path


def wheel_problem(path: Path, package: Path) -> str | None:
    """Why a cached wheel does not hold exactly the package's files, byte for byte."""
    expected = {f"{package.name}/{p.relative_to(package).as_posix()}": p for p in source_files(package)}
    try:
        with zipfile.ZipFile(path) as zf:
            inside = {n for n in zf.namelist() if n.startswith(f"{package.name}/")}
            if inside != set(expected):
                return "its files are not the package's"
            for arcname, source in expected.items():
                if zf.read(arcname) != source.read_bytes():
                    return f"{arcname} differs from the source"
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        return f"not a readable wheel: {exc}"
    return None


def cached_wheel(project_dir: Path, cache_dir: Path) -> Path:
    """The wheel for the current source, built only if no good wheel for this source exists."""
    package = package_dir(project_dir)
    folder = cache_dir / source_digest(project_dir, package)[:16]
    if folder.exists() and not folder.is_dir():  # something else in the way of the folder
        drop(folder, "a file where a folder belongs")
    wheels = sorted(folder.glob("*.whl")) if folder.is_dir() else []
    for odd in [w for w in wheels if not w.is_file()]:
        drop(odd, "a folder, not a wheel")
    for path in [w for w in wheels if w.is_file()]:
        problem = wheel_problem(path, package)
        if problem is None:
            return path
        drop(path, problem)
    return build_wheel(project_dir, folder)

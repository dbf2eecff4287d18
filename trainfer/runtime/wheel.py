"""A reproducible pure-Python wheel of `explainers`, written directly (no build backend, no network).

Same source, same bytes: entries are sorted, timestamps fixed, permissions normalised.
"""

from __future__ import annotations

import base64
import hashlib
import tomllib
import zipfile
from pathlib import Path

from trainfer.digest import source_files, tree_digest
from trainfer.heal import drop

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


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


def source_digest(project_dir: Path, package_dir: Path) -> str:
    """sha256 over the pyproject and every packaged file (path and bytes)."""
    h = hashlib.sha256((project_dir / "pyproject.toml").read_bytes())
    h.update(tree_digest(package_dir).encode())
    return h.hexdigest()


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def _entries(name: str, version: str, package_dir: Path) -> list[tuple[str, bytes]]:
    entries = [
        (f"{name}/{p.relative_to(package_dir).as_posix()}", p.read_bytes())
        for p in source_files(package_dir)
    ]
    info = f"{name}-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()
    wheel = b"Wheel-Version: 1.0\nGenerator: trainfer\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    entries += [(f"{info}/METADATA", metadata), (f"{info}/WHEEL", wheel)]
    record = "\n".join([*(_record_line(a, d) for a, d in entries), f"{info}/RECORD,,"]) + "\n"
    return [*entries, (f"{info}/RECORD", record.encode())]


def build_wheel(project_dir: Path, out_dir: Path) -> Path:
    """Write `<name>-<version>-py3-none-any.whl` into `out_dir` and return its path."""
    name, version = project_metadata(project_dir)
    package_dir = project_dir / "src" / name
    if not (package_dir / "__init__.py").is_file():
        raise FileNotFoundError(f"{package_dir / '__init__.py'} not found: no package to wheel")
    if problems := compile_problems(package_dir):  # a wheel of what Python cannot run: never
        raise ValueError("modules that do not compile:\n" + "\n".join(problems))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}-{version}-py3-none-any.whl"
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for arcname, data in _entries(name, version, package_dir):
            info = zipfile.ZipInfo(arcname, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data, compresslevel=9)
    tmp.replace(path)
    return path


def wheel_problem(path: Path, entries: list[tuple[str, bytes]]) -> str | None:
    """Why a cached wheel is not exactly the wheel of `entries` (its files and their bytes)."""
    try:
        with zipfile.ZipFile(path) as zf:
            if sorted(zf.namelist()) != sorted(arcname for arcname, _ in entries):
                return "its files are not the package's"
            for arcname, data in entries:
                if zf.read(arcname) != data:
                    return f"{arcname} differs from the source"
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        return f"not a readable wheel: {exc}"
    return None


def cached_wheel(project_dir: Path, cache_dir: Path) -> Path:
    """The wheel for the current source, built only if no good wheel for this source exists."""
    name, version = project_metadata(project_dir)
    digest = source_digest(project_dir, project_dir / "src" / name)
    folder = cache_dir / digest[:16]
    path = folder / f"{name}-{version}-py3-none-any.whl"
    for odd in (folder, path):  # something else in the way of the folder or the wheel
        if odd.exists() and odd.is_dir() != (odd == folder):
            drop(odd, "a file where a folder belongs" if odd == folder else "a folder, not a wheel")
    if path.is_file():
        problem = wheel_problem(path, _entries(name, version, project_dir / "src" / name))
        if problem is None:
            return path
        drop(path, problem)
    return build_wheel(project_dir, folder)

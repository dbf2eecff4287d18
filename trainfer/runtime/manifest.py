"""The committed manifest of the vendored runtime files: each file's npm package, version and sha256.

`npm ci` checks the tarballs it unpacks, not what is in node_modules later: a truncated or swapped
file there would be copied into the site as it is. The build checks every file it ships against
this manifest and against the lockfile's versions. After a change of the pins,
`python3 -m nox -s vendor-manifest` reinstalls node_modules from the lockfile and rewrites it
(`python -m trainfer.runtime.manifest [ROOT]` is the step that writes).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

MANIFEST = Path(__file__).with_name("vendored.json")
REGENERATE = "python3 -m nox -s vendor-manifest"


def package_of(rel: str) -> str:
    """The npm package a path under node_modules belongs to (scoped ones have two parts)."""
    parts = rel.split("/")
    return "/".join(parts[:2]) if parts[0].startswith("@") else parts[0]


def locked_versions(lockfile: Path) -> dict[str, str]:
    """Version of each top-level package the npm lockfile pins."""
    packages = json.loads(lockfile.read_text(encoding="utf-8")).get("packages", {})
    prefix = "node_modules/"
    return {name[len(prefix):]: entry.get("version", "") for name, entry in packages.items()
            if name.startswith(prefix) and "/node_modules/" not in name}


def installed_version(node_modules: Path, package: str) -> str:
    """The version in node_modules/<package>/package.json ('' if there is none)."""
    try:
        return json.loads((node_modules / package / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return ""


def sha256_of(path: Path) -> str:
    """The file's sha256, read in blocks."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def make_manifest(node_modules: Path, lockfile: Path, rels: list[str]) -> dict:
    """The manifest of the files `rels` (paths under node_modules) as they are now."""
    locked = locked_versions(lockfile)
    files = {}
    for rel in sorted(rels):
        package = package_of(rel)
        files[rel] = {"package": package, "version": locked.get(package, ""),
                      "bytes": (node_modules / rel).stat().st_size,
                      "sha256": sha256_of(node_modules / rel)}
    return {"about": f"the runtime files the site ships; regenerate: {REGENERATE}", "files": files}


def file_problem(node_modules: Path, rel: str, entry: dict | None, locked: dict,
                 manifest_name: str, lockfile_name: str = "package-lock.json") -> str | None:
    """Why one vendored file is not the one the manifest and the lockfile stand for."""
    package, path = package_of(rel), node_modules / rel
    if entry is None:
        return (f"{path}: the site ships it but {manifest_name} has no entry for it; "
                f"regenerate the manifest: {REGENERATE}")
    pinned, installed = locked.get(package), installed_version(node_modules, package)
    if pinned is None:
        return f"{lockfile_name} pins no {package}, which {path} comes from"
    if entry["version"] != pinned:
        return (f"{manifest_name} was made for {package} {entry['version']}, but {lockfile_name} "
                f"pins {pinned}; regenerate the manifest: {REGENERATE}")
    if installed != pinned:
        return (f"{node_modules / package} is {installed or 'not installed'}, but {lockfile_name} "
                f"pins {pinned}; run `npm ci`")
    found = sha256_of(path)
    if found == entry["sha256"]:
        return None
    return (f"{path}: sha256 {found} ({path.stat().st_size:,} bytes), expected "
            f"{entry['sha256']} ({entry['bytes']:,} bytes) for {package} {pinned} by "
            f"{manifest_name}: the file is damaged or not the pinned one; `npm ci` restores it "
            f"(after changing the pins, regenerate the manifest: {REGENERATE})")


def manifest_problems(node_modules: Path, lockfile: Path, rels: list[str],
                      manifest: Path = MANIFEST, manifest_name: str | None = None) -> list[str]:
    """Every vendored file that does not match its manifest entry and the lockfile, by name."""
    name = manifest_name or str(manifest)
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError) as exc:
        return [f"{name}: not a readable manifest ({exc}); regenerate it: {REGENERATE}"]
    try:
        locked = locked_versions(lockfile)
    except (OSError, ValueError) as exc:
        return [f"{lockfile}: not a readable npm lockfile ({exc})"]
    problems = [file_problem(node_modules, rel, entries.get(rel), locked, name, str(lockfile))
                for rel in rels]
    return list(dict.fromkeys(p for p in problems if p))  # one line per package out of date


def main(argv: list[str]) -> int:
    """Write the manifest from ROOT's node_modules and package-lock.json (ROOT: the cwd)."""
    from trainfer.runtime.vendor import shipped_sources

    root = Path(argv[0]) if argv else Path.cwd()
    node_modules, lockfile, rels = root / "node_modules", root / "package-lock.json", shipped_sources()
    locked = locked_versions(lockfile)
    for package in sorted({package_of(rel) for rel in rels}):
        if installed_version(node_modules, package) != locked.get(package):
            print(f"node_modules/{package} is not the version package-lock.json pins "
                  f"({locked.get(package)}): run `npm ci` first", file=sys.stderr)
            return 1
    data = make_manifest(node_modules, lockfile, rels)
    MANIFEST.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {MANIFEST}: {len(data['files'])} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

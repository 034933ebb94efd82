"""The committed record of releases, in releases/.

releases/<version>/ holds what a release fixed for good: `release.json` (archive name, size, SHA-256 and the
commit it was built from), `SHA256SUMS` (every file in the archive), `ids.json` (every primary key of every
table, see stable_ids.py) and a snapshot of the released package (`datapackage.json`, `data/*.csv`) that
`make diff` compares against. releases/renames.yaml lists released IDs renamed, retired or redefined.
"""
from __future__ import annotations

import re
from pathlib import Path

from newsevents.core.project import Project

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def version_key(version: str) -> tuple[int, int, int]:
    """A semantic version as a sortable tuple; ValueError when it is not MAJOR.MINOR.PATCH."""
    match = SEMVER.match(str(version))
    if not match:
        raise ValueError(f"'{version}' is not a semantic version (MAJOR.MINOR.PATCH)")
    return tuple(int(part) for part in match.groups())


def folder(project: Project) -> Path:
    return project.root / "releases"


def release_dir(project: Project, version: str) -> Path:
    return folder(project) / version


def renames_file(project: Project) -> Path:
    return folder(project) / "renames.yaml"


def identity_file(project: Project) -> Path:
    return folder(project) / "identity.yaml"


def released_versions(project: Project) -> list[str]:
    """Versions with a release record, oldest first."""
    found = [path.parent.name for path in folder(project).glob("*/release.json") if SEMVER.match(path.parent.name)]
    return sorted(found, key=version_key)


def previous_release(project: Project, version: str) -> str | None:
    """The newest released version older than `version`, if any."""
    older = [v for v in released_versions(project) if version_key(v) < version_key(version)]
    return older[-1] if older else None

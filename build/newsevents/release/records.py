"""The committed record of releases, in releases/.

releases/<version>/ holds what a release fixed for good: `release.json` (archive name, size, SHA-256 and the
commit it was built from), `SHA256SUMS` (every file in the archive), `ids.json` (every primary key of every
table, see release/ids.py) and a snapshot of the released package (`datapackage.json`, `data/*.csv`) that
`make diff` compares against. releases/renames.yaml lists released IDs renamed, retired or redefined.
"""
from __future__ import annotations

from newsevents.core.project import Project
from newsevents.core.versions import SEMVER, version_key


def released_versions(project: Project) -> list[str]:
    """Versions with a release record, oldest first."""
    found = [path.parent.name for path in project.releases.glob("*/release.json") if SEMVER.match(path.parent.name)]
    return sorted(found, key=version_key)


def previous_release(project: Project, version: str) -> str | None:
    """The newest released version older than `version`, if any."""
    older = [v for v in released_versions(project) if version_key(v) < version_key(version)]
    return older[-1] if older else None

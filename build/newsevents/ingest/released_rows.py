"""Released rows as the build's input: the tables of each release's committed snapshot (releases/<version>/data/),
read as the CSV text users downloaded, each file checked against the hash its snapshot's datapackage.json
records. The build derives every row's added_in_version and changed_in_version from them.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import pandas as pd

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import Table
from newsevents.core.versions import SEMVER, version_key


@dataclass(frozen=True)
class ReleasedSnapshot:
    """One release's tables as CSV text (every cell a string, "" for null), by table name."""
    version: str
    tables: dict[str, pd.DataFrame]


def _snapshot_versions(project: Project, up_to: str) -> list[str]:
    found = [p.parent.name for p in project.releases.glob("*/datapackage.json") if SEMVER.match(p.parent.name)]
    return sorted((v for v in found if version_key(v) <= version_key(up_to)), key=version_key)


def _descriptor(project: Project, version: str) -> dict:
    return json.loads((project.release_dir(version) / "datapackage.json").read_text(encoding="utf-8"))


def _carries_versions(descriptor: dict, columns: set[str]) -> bool:
    """Whether every table of a snapshot was published with the row-version columns."""
    tables = [r for r in descriptor["resources"] if r.get("format", "csv") == "csv"]
    return all(columns <= {f["name"] for f in r["schema"]["fields"]} for r in tables)


def _read(project: Project, version: str, descriptor: dict, names: set[str], problems: Collector) -> ReleasedSnapshot:
    folder, tables = project.release_dir(version), {}
    for resource in descriptor["resources"]:
        if resource["name"] not in names or resource.get("format", "csv") != "csv":
            continue
        path = folder / resource["path"]
        data = path.read_bytes() if path.exists() else None
        if data is None or "sha256:" + hashlib.sha256(data).hexdigest() != resource.get("hash"):
            problems.add(project.rel(path), "missing, or differs from the released file its snapshot's "
                         "datapackage.json records", f"restore it: git checkout -- releases/{version}")
            continue
        tables[resource["name"]] = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False,
                                               encoding="utf-8")
    return ReleasedSnapshot(version, tables)


def load_released_rows(project: Project, tables: dict[str, Table], up_to: str, problems: Collector
                       ) -> list[ReleasedSnapshot]:
    """The released snapshots not newer than `up_to`, oldest first. Snapshots older than the latest one
    published with the row-version columns are not read: its columns already say what they would."""
    columns = {f.name for t in tables.values() for f in t.fields if f.row_version}
    versions = _snapshot_versions(project, up_to)
    descriptors = {v: _descriptor(project, v) for v in versions}
    carrying = [v for v in versions if _carries_versions(descriptors[v], columns)]
    start = versions.index(carrying[-1]) if carrying else 0
    return [_read(project, v, descriptors[v], set(tables), problems) for v in versions[start:]]

"""The published package as the docs read it: tables, their definitions, and the files with their checksums."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from newsevents.core.csvformat import read_table
from newsevents.core.project import Project
from newsevents.core.schemas import (
    Table,
    Vocabulary,
    dataset_metadata,
    load_tables,
    load_vocabularies,
)


class PackageMissing(Exception):
    """The published package is absent or incomplete; the docs cannot be generated from it."""


@dataclass(frozen=True)
class FileInfo:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Published:
    project: Project
    descriptor: dict
    metadata: dict
    tables: dict[str, Table]
    vocabularies: dict[str, Vocabulary]
    frames: dict[str, pd.DataFrame]

    def table_files(self) -> list[FileInfo]:
        """datapackage.json and every table's CSV, measured from their bytes."""
        paths = [self.project.datapackage] + [self.project.root / r["path"] for r in self.descriptor["resources"]]
        return [file_info(self.project, path) for path in paths]

    def databases(self) -> list[FileInfo]:
        """SQLite databases built next to the package (git-ignored *.db at the root), if any."""
        return [file_info(self.project, path) for path in sorted(self.project.root.glob("*.db"))]


def file_info(project: Project, path: Path) -> FileInfo:
    data = path.read_bytes()
    return FileInfo(project.rel(path), len(data), hashlib.sha256(data).hexdigest())


def load_published(project: Project) -> Published:
    """Read datapackage.json, the schemas and every published table; raise PackageMissing when absent."""
    if not project.datapackage.exists():
        raise PackageMissing(f"{project.rel(project.datapackage)} is missing: run `make data` first")
    descriptor = json.loads(project.datapackage.read_text(encoding="utf-8"))
    tables = load_tables(project.root)
    frames = {}
    for resource in descriptor["resources"]:
        path = project.root / resource["path"]
        if not path.exists():
            raise PackageMissing(f"{resource['path']} is listed in datapackage.json but missing: run `make data`")
        if resource["name"] in tables:
            frames[resource["name"]] = read_table(path, tables[resource["name"]])
    return Published(project=project, descriptor=descriptor, metadata=dataset_metadata(project.root),
                     tables=tables, vocabularies=load_vocabularies(project.root), frames=frames)


def records(frame: pd.DataFrame) -> list[SimpleNamespace]:
    """A table's rows as plain objects (attribute per column, None when missing): fast to loop over."""
    columns = list(frame.columns)
    values = zip(*([None if pd.isna(v) else v for v in frame[c].tolist()] for c in columns))
    return [SimpleNamespace(**dict(zip(columns, row))) for row in values]


def hash_mismatches(published: Published) -> list[str]:
    """Tables whose bytes differ from the hash datapackage.json records (a stale or half-copied package)."""
    stale = []
    for resource in published.descriptor["resources"]:
        info = file_info(published.project, published.project.root / resource["path"])
        if resource.get("hash") != f"sha256:{info.sha256}":
            stale.append(resource["path"])
    return stale

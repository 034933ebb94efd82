"""The published package as the docs read it: tables, their definitions, and the files with their checksums."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from newsevents.core.project import Project
from newsevents.core.schemas import (
    Table,
    Vocabulary,
    dataset_metadata,
    load_tables,
    load_vocabularies,
)
from newsevents.publish.reader import open_package


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
    """The published package through its hash-verified reader, with the schemas; raises BuildFailed when a file
    is missing or differs from its recorded hash."""
    tables = load_tables(project.root)
    package = open_package(project, tables=tables)
    frames = {name: package.frame(tables[name]) for name in package.resources if name in tables}
    return Published(project=project, descriptor=package.descriptor, metadata=dataset_metadata(project.root),
                     tables=tables, vocabularies=load_vocabularies(project.root), frames=frames)


def records(frame: pd.DataFrame) -> list[SimpleNamespace]:
    """A table's rows as plain objects (attribute per column, None when missing): fast to loop over."""
    columns = list(frame.columns)
    values = zip(*(frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in columns))
    return [SimpleNamespace(**dict(zip(columns, row))) for row in values]

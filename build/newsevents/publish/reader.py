"""The one reader of a published package (data/*.csv, data/*.parquet, datapackage.json; or a release's snapshot).

Every reader downstream (the database, the docs site, the diff, the citation files) opens the package here,
and nothing is read before every file has been checked against the hash datapackage.json records for it: a
missing, half-copied or hand-edited file is refused, with every such file named.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsevents.core.csvformat import read_table
from newsevents.core.errors import Collector
from newsevents.core.files import sha256_file
from newsevents.core.project import Project
from newsevents.core.schemas import Table
from newsevents.publish.descriptor import table_resources


@dataclass(frozen=True)
class PublishedPackage:
    """A verified package: its descriptor, and its tables read as typed frames or as the CSV text."""
    folder: Path
    descriptor: dict

    @property
    def resources(self) -> dict[str, dict]:
        """The CSV resource of every table, by table name (the Parquet copies are in `parquet`)."""
        return {r["name"]: r for r in table_resources(self.descriptor)}

    def path(self, name: str) -> Path:
        return self.folder / self.resources[name]["path"]

    def frame(self, table: Table) -> pd.DataFrame:
        """A table with the dtypes its schema declares."""
        return read_table(self.path(table.name), table)

    def text_rows(self, name: str) -> tuple[list[str], list[dict[str, str]]]:
        """A table's columns and rows exactly as the CSV text gives them (empty string = null)."""
        with self.path(name).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            return list(reader.fieldnames or []), rows


def open_package(project: Project, folder: Path | None = None, *, tables: dict[str, Table] | None = None
                 ) -> PublishedPackage:
    """The package in `folder` (the project root by default), once every file matches its recorded hash; with
    `tables`, each of them must be in it. Raises BuildFailed naming every missing or changed file."""
    folder = folder or project.root
    problems = Collector()
    descriptor_path = folder / "datapackage.json"
    shown = project.rel(descriptor_path)
    if not descriptor_path.exists():
        problems.add(shown, "the published package is missing", "run `make data` first")
        problems.raise_if_any()
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in table_resources(descriptor)}
    for name in tables or {}:
        if name not in resources:
            problems.add(shown, f"table '{name}' is not in the published package", "run `make data`")
    for resource in descriptor["resources"]:
        path = folder / resource["path"]
        if not path.exists():
            problems.add(project.rel(path), "published table is missing", "run `make data`")
        elif "sha256:" + sha256_file(path) != resource.get("hash"):
            problems.add(project.rel(path), "differs from the validated version recorded in datapackage.json",
                         "never edit data/*.csv by hand; run `make data` to rebuild and validate it")
    problems.raise_if_any()
    return PublishedPackage(folder, descriptor)

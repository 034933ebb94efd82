"""The package written in full to .staging/ (CSVs, their Parquet copies and datapackage.json), for validation
before it is published."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd

from newsevents.core.csvformat import read_table, to_csv_text
from newsevents.core.errors import BuildFailed, Problem
from newsevents.core.project import Project
from newsevents.core.schemas import Table
from newsevents.ingest.articles import Article
from newsevents.publish.descriptor import datapackage
from newsevents.publish.parquet import parquet_bytes


def write_durably(path: Path, data: str | bytes) -> None:
    """Write a file in full (text as UTF-8) and flush it to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        handle.flush()
        os.fsync(handle.fileno())


def _read_back(path: Path, table: Table) -> pd.DataFrame:
    """A staged CSV read with its column types; a value that is not of its type stops the build, named."""
    try:
        return read_table(path, table)
    except (ValueError, TypeError, pd.errors.ParserError) as error:
        raise BuildFailed([Problem(f"data/{table.name}.csv", f"the staged table cannot be read with its column "
                                   f"types: {error}", "the build writes this file: rebuild; if it persists, report "
                                   "a bug")]) from None


def stage(project: Project, frames: dict[str, pd.DataFrame], tables: dict[str, Table],
          articles: list[Article]) -> dict[str, pd.DataFrame]:
    """Write every output to the staging folder; returns the tables as read back from the staged CSVs."""
    shutil.rmtree(project.staging, ignore_errors=True)
    csv = {name: to_csv_text(frames[name], table).encode("utf-8") for name, table in tables.items()}
    staged, parquet = {}, {}
    for name, table in tables.items():
        path = project.staging / "data" / f"{name}.csv"
        write_durably(path, csv[name])
        staged[name] = _read_back(path, table)
        parquet[name] = parquet_bytes(staged[name], table)
        write_durably(path.with_suffix(".parquet"), parquet[name])
    descriptor = datapackage(project, tables, csv, parquet, articles)
    write_durably(project.staging / "datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return staged

"""The package written in full to .staging/ (CSVs and datapackage.json), for validation before it is published."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd

from newsevents.core.csvformat import to_csv_text
from newsevents.core.project import Project
from newsevents.core.schemas import Table
from newsevents.ingest.articles import Article
from newsevents.publish.descriptor import datapackage


def write_durably(path: Path, text: str) -> None:
    """Write a file in full and flush it to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def stage(project: Project, frames: dict[str, pd.DataFrame], tables: dict[str, Table],
          articles: list[Article]) -> dict[str, bytes]:
    """Write every output to the staging folder; returns the CSV bytes by table."""
    shutil.rmtree(project.staging, ignore_errors=True)
    staged = {name: to_csv_text(frames[name], table).encode("utf-8") for name, table in tables.items()}
    for name, data in staged.items():
        write_durably(project.staging / "data" / f"{name}.csv", data.decode("utf-8"))
    descriptor = datapackage(project, tables, staged, articles)
    write_durably(project.staging / "datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return staged

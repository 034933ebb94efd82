"""Staged output: CSVs and datapackage.json written to .staging/, validated, then moved into place.

A failed or killed build never leaves the published files half-written: every file is written in full to
the staging folder first; only when all validation passes is a journal written, and the files are moved
into place with atomic renames. A build killed during the moves finishes them on its next start.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd

from newsevents.core.csvformat import to_csv_text
from newsevents.core.project import Project
from newsevents.core.schemas import Table, dataset_metadata, frictionless_schema
from newsevents.ingest.captures import Article

JOURNAL = ".publish-journal.json"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def datapackage(project: Project, tables: dict[str, Table], staged: dict[str, bytes],
                articles: list[Article]) -> dict:
    meta = dataset_metadata(project.root)
    sources = [{"title": f"{a.outlet}: {a.story.headline}", "path": a.url or a.capture_file,
                **({"version": str(a.published_date)} if a.published_date else {})} for a in articles]
    sources += [{"title": s["title"], "path": s["path"]} for s in meta["reference_sources"]]
    resources = []
    for name, table in tables.items():
        data = staged[name]
        resources.append({
            "name": name, "type": "table", "path": f"data/{name}.csv", "scheme": "file", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": table.title, "description": table.description,
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data),
            "schema": frictionless_schema(table),
        })
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": meta["name"], "title": meta["title"], "description": meta["description"],
        "version": meta["version"], "created": f"{meta['released']}T00:00:00Z",
        "keywords": meta["keywords"],
        "licenses": [{k: v for k, v in lic.items() if k != "scope"} | {"title": f"{lic['title']} ({lic['scope']})"}
                     for lic in meta["licenses"]],
        "contributors": [{"title": c["title"], "roles": [c["role"]]} for c in meta["contributors"]],
        "sources": sources, "resources": resources,
    }


def stage(project: Project, frames: dict[str, pd.DataFrame], tables: dict[str, Table],
          articles: list[Article]) -> dict[str, bytes]:
    """Write every output to the staging folder; returns the CSV bytes by table."""
    shutil.rmtree(project.staging, ignore_errors=True)
    staged = {name: to_csv_text(frames[name], table).encode("utf-8") for name, table in tables.items()}
    for name, data in staged.items():
        _write(project.staging / "data" / f"{name}.csv", data.decode("utf-8"))
    descriptor = datapackage(project, tables, staged, articles)
    _write(project.staging / "datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return staged


def _moves(project: Project, tables: dict[str, Table]) -> list[tuple[str, str]]:
    moves = [(f".staging/data/{name}.csv", f"data/{name}.csv") for name in tables]
    return moves + [(".staging/datapackage.json", "datapackage.json")]


def finish_interrupted(project: Project) -> None:
    """Complete a publication a killed build left half-done, or discard an unfinished staging folder."""
    journal = project.root / JOURNAL
    if journal.exists():
        for staged, final in json.loads(journal.read_text(encoding="utf-8")):
            if (project.root / staged).exists():
                os.replace(project.root / staged, project.root / final)
        journal.unlink()
    shutil.rmtree(project.staging, ignore_errors=True)


def publish(project: Project, tables: dict[str, Table]) -> None:
    """Move the validated staged files into place (journaled, atomic per file); drop stale tables."""
    moves = _moves(project, tables)
    journal = project.root / JOURNAL
    _write(journal.with_suffix(".tmp"), json.dumps(moves))
    os.replace(journal.with_suffix(".tmp"), journal)
    project.data.mkdir(exist_ok=True)
    for staged, final in moves:
        os.replace(project.root / staged, project.root / final)
    published = {Path(final).name for _, final in moves}
    for stale in project.data.glob("*.csv"):
        if stale.name not in published:
            stale.unlink()
    journal.unlink()
    shutil.rmtree(project.staging, ignore_errors=True)

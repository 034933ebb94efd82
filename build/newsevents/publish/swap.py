"""The validated staged package moved into place: journaled, atomic per file, finished after a crash.

A failed or killed build never leaves the published files half-written: every file is written in full to
the staging folder first; only when all validation passes is a journal written, and the files are moved
into place with atomic renames. A build killed during the moves finishes them on its next start.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from newsevents.core.project import Project
from newsevents.core.schemas import Table
from newsevents.publish.staging import write_durably

JOURNAL = ".publish-journal.json"
TABLE_FILES = (".csv", ".parquet")  # each table's published files


def _moves(tables: dict[str, Table]) -> list[tuple[str, str]]:
    moves = [(f".staging/data/{name}{suffix}", f"data/{name}{suffix}") for name in tables for suffix in TABLE_FILES]
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
    moves = _moves(tables)
    journal = project.root / JOURNAL
    write_durably(journal.with_suffix(".tmp"), json.dumps(moves))
    os.replace(journal.with_suffix(".tmp"), journal)
    project.data.mkdir(exist_ok=True)
    for staged, final in moves:
        os.replace(project.root / staged, project.root / final)
    published = {Path(final).name for _, final in moves}
    for stale in (path for suffix in TABLE_FILES for path in project.data.glob("*" + suffix)):
        if stale.name not in published:
            stale.unlink()
    journal.unlink()
    shutil.rmtree(project.staging, ignore_errors=True)

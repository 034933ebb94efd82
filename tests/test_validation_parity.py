"""The build's own gate refuses every kind of table defect `frictionless validate` refuses.

A copy of the real package, staged as a build stages it, is corrupted once per kind of defect (its hash and
size recorded again, unless the defect is a changed file). frictionless must refuse it (the defect is real),
and so must the own gate (the package's files, pandera, the checks across tables), in words that name what is
wrong. This is what lets the build gate on its own validation and leave frictionless to `make release`.
"""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from frictionless import Package, system

from conftest import record_in_package
from newsevents.core.errors import BuildFailed, Collector
from newsevents.core.project import REPO_ROOT, Project
from newsevents.core.schemas import load_tables
from newsevents.publish.staging import _read_back
from newsevents.validate.cross_table import validate_across
from newsevents.validate.package_files import read_package
from newsevents.validate.report import Origins, TableReport
from newsevents.validate.table_schemas import check_schemas

TABLES = load_tables(REPO_ROOT)


def _cell(table: str, column: str, value: str, row: int = 0):
    """An edit that sets one cell of the table's CSV (as text)."""
    def edit(rows: list[list[str]]) -> None:
        rows[row + 1][rows[0].index(column)] = value if value != "DUPLICATE" else rows[row + 2][rows[0].index(column)]
    return table, edit


def _rows(table: str, change):
    return table, change


KINDS = {
    "type: integer": (_cell("casualty_claims", "count_low", "many"), "count_low"),
    "type: number": (_cell("places", "latitude", "north"), "latitude"),
    "type: date": (_cell("events", "date_start", "22/01/2024"), "date_start"),
    "no such date": (_cell("events", "date_end", "2025-02-30"), "date_end"),
    "required": (_cell("events", "summary", ""), "summary"),
    "enum": (_cell("events", "status", "happened"), "status"),
    "pattern": (_cell("actors", "actor_id", "Not An Id"), "actor_id"),
    "minimum": (_cell("casualty_claims", "count_low", "-1"), "count_low"),
    "maxLength": (_cell("event_sources", "quote", "x" * 401), "quote"),
    "primary key": (_cell("actors", "actor_id", "DUPLICATE"), "actor_id"),
    "composite primary key": (_rows("event_sources", lambda rows: rows.insert(2, list(rows[1]))), "unique"),
    "foreign key": (_cell("events", "place_id", "atlantis"), "'atlantis' has no row in places"),
    "missing cell": (_rows("events", lambda rows: rows[1].pop()), "row has"),
    "extra cell": (_rows("events", lambda rows: rows[1].append("x")), "row has"),
    "blank row": (_rows("events", lambda rows: rows.insert(2, [])), "blank row"),
    "header": (_rows("events", lambda rows: rows[0].__setitem__(1, "kind")), "header"),
    "missing column": (_rows("events", lambda rows: [row.pop(1) for row in rows]), "header"),
}


def _staged(target: Path) -> Project:
    """The published package of the repository, copied as a build stages it."""
    (target / "data").mkdir(parents=True)
    shutil.copy2(REPO_ROOT / "datapackage.json", target / "datapackage.json")
    for name in TABLES:
        for suffix in (".csv", ".parquet"):
            shutil.copy2(REPO_ROOT / "data" / f"{name}{suffix}", target / "data" / f"{name}{suffix}")
    return Project(target)


def _rewrite(project: Project, table: str, edit) -> None:
    path = project.data / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def frictionless_errors(project: Project, table: str) -> list[str]:
    with system.use_context(trusted=True):
        report = Package(str(project.datapackage)).get_resource(table).validate()
    return [error.message for task in report.tasks for error in task.errors] + [e.message for e in report.errors]


def own_problems(project: Project) -> list[str]:
    """The build's gate on a package: files, then pandera and the cross-table checks on well-read tables."""
    problems = Collector()
    frames = read_package(project.root, TABLES, problems)
    if not problems.problems:
        check_schemas(frames, TABLES, TableReport(problems, Origins()))
    if not problems.problems:
        texts = {path: (REPO_ROOT / path).read_bytes().decode("utf-8")
                 for path in set(frames["articles"]["capture_file"])}
        validate_across(frames, TABLES, texts, Origins(), problems)
    return [str(problem) for problem in problems.problems]


def test_the_untouched_package_passes_both(tmp_path):
    project = _staged(tmp_path)
    assert own_problems(project) == []
    assert frictionless_errors(project, "events") == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_defect_frictionless_refuses_the_own_gate_refuses(tmp_path, kind):
    (table, edit), words = KINDS[kind]
    project = _staged(tmp_path)
    _rewrite(project, table, edit)
    record_in_package(project, table)
    assert frictionless_errors(project, table), f"not a defect frictionless refuses: {kind}"
    found = own_problems(project)
    assert any(words in problem and f"{table}.csv" in problem for problem in found), (kind, found)


def test_a_file_changed_after_staging_is_refused_by_both(tmp_path):
    project = _staged(tmp_path)
    path = project.data / "events.csv"
    path.write_bytes(path.read_bytes().replace(b",occurred,", b",planned,", 1))
    assert frictionless_errors(project, "events")
    assert any("data/events.csv" in p and "SHA-256" in p for p in own_problems(project))


def test_bytes_that_are_not_utf8_are_refused_by_both(tmp_path):
    project = _staged(tmp_path)
    path = project.data / "events.csv"
    path.write_bytes(path.read_bytes().replace(b"Afghanistan", b"Afgh\xe4nistan", 1))
    record_in_package(project, "events")
    assert frictionless_errors(project, "events")
    assert any("data/events.csv" in p and "UTF-8" in p for p in own_problems(project))


def test_the_build_stops_on_a_staged_value_not_of_its_type(tmp_path):
    """In a build the staged tables are read back typed (publish/staging.py): a wrong type stops it, named."""
    project = _staged(tmp_path)
    table, edit = KINDS["type: integer"][0]
    _rewrite(project, table, edit)
    with pytest.raises(BuildFailed) as failed:
        _read_back(project.data / f"{table}.csv", TABLES[table])
    (problem,) = failed.value.problems
    assert problem.file == "data/casualty_claims.csv" and "'many'" in problem.message

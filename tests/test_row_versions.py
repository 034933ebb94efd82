"""Each row's added_in_version and changed_in_version, derived from the released snapshots by primary key."""
from __future__ import annotations

import csv
import json

import pandas as pd
import pytest

from conftest import run_cli
from newsevents.assemble.row_versions import row_versions
from newsevents.core.csvformat import read_table
from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import load_tables
from newsevents.ingest.released_rows import ReleasedSnapshot, load_released_rows

REPO = Project()
EVENTS = load_tables(REPO.root)["events"]
VERSIONS = ["added_in_version", "changed_in_version"]


@pytest.fixture
def current() -> pd.DataFrame:
    return read_table(REPO.data / "events.csv", EVENTS).drop(columns=VERSIONS)


def released(frame: pd.DataFrame, version: str, **columns) -> ReleasedSnapshot:
    """A snapshot of the events table as its CSV text, optionally with the row-version columns given."""
    text = frame.astype("string").fillna("").astype(str)
    return ReleasedSnapshot(version, {"events": text.assign(**columns)})


def test_without_releases_every_row_is_of_the_version_in_progress(current):
    added, changed = row_versions(current, EVENTS, [], "2.0.0")
    assert set(added) == set(changed) == {"2.0.0"}


def test_unchanged_changed_and_new_rows_against_a_release(current):
    snapshot = released(current.iloc[1:], "1.0.0")  # the first row is new since
    edited = current.copy()
    edited.loc[2, "summary"] = "A corrected summary."
    added, changed = row_versions(edited, EVENTS, [snapshot], "2.0.0")
    assert (added[0], changed[0]) == ("2.0.0", "2.0.0")
    assert (added[2], changed[2]) == ("1.0.0", "2.0.0")
    assert {(a, c) for i, (a, c) in enumerate(zip(added, changed)) if i not in (0, 2)} == {("1.0.0", "1.0.0")}


def test_a_change_between_two_releases_is_dated_to_the_later_one(current):
    before = current.copy()
    before.loc[3, "notes"] = "An older note."
    snapshots = [released(before, "1.0.0"), released(current, "1.1.0")]
    added, changed = row_versions(current, EVENTS, snapshots, "2.0.0")
    assert (added[3], changed[3]) == ("1.0.0", "1.1.0")
    assert (added[4], changed[4]) == ("1.0.0", "1.0.0")


def test_a_release_published_with_the_columns_stands_as_published(current):
    snapshot = released(current, "1.5.0", added_in_version="1.2.0", changed_in_version="1.4.0")
    added, changed = row_versions(current, EVENTS, [snapshot], "2.0.0")
    assert set(zip(added, changed)) == {("1.2.0", "1.4.0")}


def test_a_column_added_since_a_release_changes_no_row(current):
    snapshot = released(current.drop(columns=["date_article_id"]), "1.0.0")
    added, changed = row_versions(current, EVENTS, [snapshot], "2.0.0")
    assert set(zip(added, changed)) == {("1.0.0", "1.0.0")}


def test_the_committed_releases_are_read_and_checked(project):
    problems = Collector()
    tables = load_tables(project.root)
    snapshots = load_released_rows(project, tables, "1.0.0", problems)
    assert not problems.problems and [s.version for s in snapshots] == ["1.0.0"]
    released = json.loads((project.releases / "1.0.0" / "datapackage.json").read_text(encoding="utf-8"))
    assert set(snapshots[0].tables) == {r["name"] for r in released["resources"]} < set(tables)
    latest = load_released_rows(project, tables, "2.0.0", problems)
    assert [s.version for s in latest] == ["2.0.0"], "2.0.0 carries the row versions: 1.0.0 need not be read"
    with (project.releases / "1.0.0" / "data" / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    load_released_rows(project, tables, "1.0.0", problems)
    assert [p.file for p in problems.problems] == ["releases/1.0.0/data/events.csv"]
    assert "git checkout -- releases/1.0.0" in problems.problems[0].fix


def _events_versions(project) -> dict[str, tuple[str, str]]:
    with (project.data / "events.csv").open(encoding="utf-8", newline="") as handle:
        return {r["event_id"]: (r["added_in_version"], r["changed_in_version"]) for r in csv.DictReader(handle)}


def _events_changed(project) -> int:
    diff = run_cli(project, "diff", "1.0.0")
    line = next(line for line in diff.stdout.splitlines() if line.strip().startswith("events "))
    return int(line.split()[4])


@pytest.mark.slow
def test_a_coding_change_dates_the_row_to_the_version_in_progress(project):
    edited = "kabul-explosions-2025-10-09"
    before, changed_before = _events_versions(project), _events_changed(project)
    assert before[edited] == ("1.0.0", "1.0.0"), "the test edits a row unchanged since 1.0.0"
    coding = project.stories_coding / "arabnews-2025-12-14-pakistan-joins-tehran-afghanistan-talks.yaml"
    old = "summary: Explosions hit Kabul on 9 October 2025; Afghan authorities blamed Pakistan."
    text = coding.read_text(encoding="utf-8")
    assert old in text
    coding.write_text(text.replace(old, old.replace("hit", "shook")), encoding="utf-8")
    assert run_cli(project, "data").returncode == 0
    after = _events_versions(project)
    assert after[edited] == ("1.0.0", "2.0.0")
    assert {k: v for k, v in after.items() if k != edited} == {k: v for k, v in before.items() if k != edited}
    assert _events_changed(project) == changed_before + 1, "the derived version columns are no change of their own"

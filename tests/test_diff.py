"""The row-level diff: a released snapshot against the current tables, by primary key."""
from __future__ import annotations

import csv
import io

from conftest import record_in_package, run_cli
from newsevents.core.project import REPO_ROOT, Project
from newsevents.release.cut import write_snapshot
from newsevents.release.diff import (
    TableRows,
    diff_packages,
    read_package,
    summary_markdown,
    text_report,
)


def _rewrite(path, edit) -> None:
    """Read a published CSV, let `edit` change its rows, write it back in the published format, and record the
    new bytes in datapackage.json (as a build that published them would)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns, rows = reader.fieldnames, list(reader)
    rows = edit(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    record_in_package(Project(path.parents[1]), path.stem)


def test_diff_reports_one_row_added_one_removed_one_changed(project):
    write_snapshot(project, project.root / "releases" / "0.9.0", "0.9.0")
    events = project.data / "events.csv"
    with events.open(encoding="utf-8", newline="") as handle:
        original = list(csv.DictReader(handle))
    assert len(original) >= 3
    removed, changed, template = original[0], original[1], original[2]
    added_id = template["event_id"] + "-copy"

    def edit(rows):
        rows = [r for r in rows if r["event_id"] != removed["event_id"]]
        for r in rows:
            if r["event_id"] == changed["event_id"]:
                r["summary"] = "A corrected summary."
        return sorted(rows + [template | {"event_id": added_id}], key=lambda r: r["event_id"])

    _rewrite(events, edit)
    result = run_cli(project, "diff", "0.9.0")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    summary_line = next(line for line in out.splitlines() if line.strip().startswith("events "))
    assert summary_line.split()[:5] == ["events", str(len(original)), "1", "1", "1"]
    assert summary_line.split()[5] == "summary"
    assert f"  + {added_id}" in out
    assert f"  - {removed['event_id']}" in out
    assert f"  ~ {changed['event_id']}" in out
    assert "      summary: '" in out and "→ 'A corrected summary.'" in out
    other = next(line for line in out.splitlines() if line.strip().startswith("actors "))
    assert other.split()[2:5] == ["0", "0", "0"]


def test_diff_refuses_a_table_edited_by_hand(project):
    """The diff reads the package through its hash-verified reader, as the database and the docs do."""
    write_snapshot(project, project.root / "releases" / "0.9.0", "0.9.0")
    events = project.data / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("\n", "\r\n"), encoding="utf-8")
    result = run_cli(project, "diff", "0.9.0")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data/events.csv: differs from the validated version recorded in datapackage.json" in result.stderr


def test_diff_against_an_unknown_version_says_which_exist(project):
    result = run_cli(project, "diff", "9.9.9")
    assert result.returncode == 1
    assert "no released version '9.9.9'" in result.stderr and "Traceback" not in result.stderr
    missing = run_cli(project, "diff")
    assert missing.returncode == 1 and "make diff FROM=<version>" in missing.stderr


def _table(name, key, columns, rows):
    return TableRows(name, key, columns, {tuple(r[k] for k in key): r for r in rows})


def test_column_changes_tables_added_and_dropped_and_composite_keys():
    old = {
        "links": _table("links", ["a", "b"], ["a", "b", "note"],
                        [{"a": "x", "b": "1", "note": "n"}, {"a": "x", "b": "2", "note": "m"}]),
        "gone": _table("gone", ["id"], ["id"], [{"id": "g"}]),
    }
    new = {
        "links": _table("links", ["a", "b"], ["a", "b", "note", "extra"],
                        [{"a": "x", "b": "1", "note": "n2", "extra": ""},
                         {"a": "y", "b": "1", "note": "", "extra": ""}]),
        "fresh": _table("fresh", ["id"], ["id"], [{"id": "f"}]),
    }
    diffs = {d.name: d for d in diff_packages(old, new)}
    links = diffs["links"]
    assert links.added == [("y", "1")] and links.removed == [("x", "2")]
    assert links.changed == [(("x", "1"), [("note", "n", "n2")])]
    assert links.columns_added == ["extra"] and links.columns_removed == []
    assert diffs["gone"].status == "removed" and diffs["fresh"].status == "added"
    report = text_report(list(diffs.values()), "1.0.0", "now")
    assert "+ a=y, b=1" in report and "- a=x, b=2" in report and "note: 'n' → 'n2'" in report
    markdown = summary_markdown(list(diffs.values()))
    assert "| `links` | 2 | 1 | 1 | 1 | `note`; column added: `extra` |" in markdown
    assert "new table" in markdown and "table dropped" in markdown


def test_identical_packages_have_no_differences():
    package = read_package(Project(REPO_ROOT))
    diffs = diff_packages(package, package)
    assert all(d.is_empty for d in diffs)
    assert text_report(diffs, "a", "b").endswith("no differences")

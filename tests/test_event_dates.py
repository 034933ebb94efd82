"""Event dates as the build resolves them from coding files (a real build in a temporary project)."""
from __future__ import annotations

import csv

from conftest import run_cli

TEHRAN = "arabnews-2025-12-14-pakistan-joins-tehran-afghanistan-talks.yaml"
TALKS = "regional-talks-on-afghanistan-in-iran-2025-12-14"


def events(project) -> dict[str, dict]:
    with (project.data / "events.csv").open(encoding="utf-8", newline="") as handle:
        return {row["event_id"]: row for row in csv.DictReader(handle)}


def test_inferred_override_keeps_an_outside_basis_visible(project):
    coding = project.stories_coding / TEHRAN
    text = coding.read_text(encoding="utf-8")
    assert "    date: {expression: on Sunday}\n" in text
    coding.write_text(text.replace("    date: {expression: on Sunday}\n",
                                   "    date: {expression: on Sunday, basis: inferred}\n", 1), encoding="utf-8")
    result = run_cli(project, "data")
    assert result.returncode == 0, result.stderr
    talks = events(project)[TALKS]
    assert (talks["date_start"], talks["date_basis"]) == ("2025-12-14", "external")


def test_story_without_a_publication_date_leaves_relative_dates_empty(project):
    manifest = project.manifest.read_text(encoding="utf-8")
    for key in ("published_date_earliest: 2025-12-14\n", "published_date_latest: 2025-12-15\n",
                "published_date_basis: external\n"):
        assert key in manifest
        manifest = manifest.replace("        " + key, "", 1)
    project.manifest.write_text(manifest, encoding="utf-8")
    result = run_cli(project, "data")
    assert result.returncode == 0, result.stderr
    talks = events(project)[TALKS]
    dates = (talks["date_start"], talks["date_end"], talks["date_precision"], talks["date_basis"])
    assert dates == ("", "", "unknown", "unknown")
    assert talks["date_expression"] == "on Sunday"

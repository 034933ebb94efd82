"""The whole build, run for real: reproducible, validated, atomic, and equal to what main publishes."""
from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

from conftest import copy_project, run_cli, snapshot
from newsevents.core.project import Project
from newsevents.core.schemas import load_tables

REPO = Project()
EVIDENCE_TABLES = [name for name, table in load_tables(REPO.root).items() if table.evidence_for]


def rows(project: Project, table: str) -> list[dict]:
    with (project.data / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def capture_text(project: Project, relative: str) -> str:
    return open(project.root / relative, encoding="utf-8", newline="").read()


def test_committed_outputs_equal_a_fresh_build(project):
    before = snapshot(project)
    result = run_cli(project, "data")
    assert result.returncode == 0, result.stderr
    after = snapshot(project)
    stale = [path for path in after if before.get(path) != after[path]]
    assert not stale, f"committed outputs differ from a fresh build (run `make data` and commit): {stale}"
    assert set(before) == set(after)


def test_two_builds_are_byte_identical(tmp_path):
    first, second = copy_project(tmp_path / "a"), copy_project(tmp_path / "b")
    for project in (first, second):
        for published in [*project.data.glob("*.csv"), *project.data.glob("*.parquet"), project.datapackage]:
            published.unlink()
        assert run_cli(project, "data").returncode == 0
    assert snapshot(first) == snapshot(second)


def test_build_prints_a_summary(project):
    result = run_cli(project, "data")
    assert "rows per table:" in result.stdout
    assert "events by type:" in result.stdout and "air_strike" in result.stdout
    assert "casualty claims by claimant:" in result.stdout


def test_frictionless_validate_passes_on_the_published_package():
    frictionless = Path(sys.executable).with_name("frictionless")
    result = subprocess.run([str(frictionless), "validate", "--json", "datapackage.json"], cwd=REPO.root,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    report = json.loads(result.stdout)
    assert report["valid"] and all(task["valid"] for task in report["tasks"])
    package = json.loads(REPO.datapackage.read_text(encoding="utf-8"))
    assert [task["name"] for task in report["tasks"]] == [r["name"] for r in package["resources"]]
    parquet = [r for r in package["resources"] if r["format"] == "parquet"]
    assert len(parquet) == len(load_tables(REPO.root)), "every table has its Parquet copy, validated too"


def test_every_quote_is_verbatim_at_its_offsets_for_anyone_who_opens_the_capture():
    articles = {row["article_id"]: row for row in rows(REPO, "articles")}
    checked = 0
    for table in EVIDENCE_TABLES:
        for row in rows(REPO, table):
            article = articles[row["article_id"]]
            text = capture_text(REPO, article["capture_file"])
            start, end = int(row["char_start"]), int(row["char_end"])
            assert text[start:end] == row["quote"], (table, row)
            assert int(article["char_start"]) <= start < end <= int(article["char_end"])
            assert len(row["quote"]) <= 400
            checked += 1
    assert checked >= 20


def test_articles_record_their_captures_checksums_and_extents():
    for article in rows(REPO, "articles"):
        data = (REPO.root / article["capture_file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == article["capture_sha256"]
        text = data.decode("utf-8")
        story = text[int(article["char_start"]) : int(article["char_end"])]
        assert story.startswith(article["headline"])


def test_actor_mentions_are_alias_matches_at_their_offsets():
    aliases = {(row["actor_id"], row["alias"]) for row in rows(REPO, "actor_aliases")}
    articles = {row["article_id"]: row for row in rows(REPO, "articles")}
    mentions = rows(REPO, "actor_mentions")
    assert mentions
    for mention in mentions:
        text = capture_text(REPO, articles[mention["article_id"]]["capture_file"])
        assert text[int(mention["char_start"]) : int(mention["char_end"])] == mention["surface_text"]
        assert (mention["actor_id"], mention["surface_text"]) in aliases


def test_a_broken_coding_file_leaves_every_published_file_untouched(project):
    before = snapshot(project)
    coding = project.stories_coding / "reuters-2024-01-22-iran-fm-to-visit-pakistan.yaml"
    coding.write_text(coding.read_text(encoding="utf-8").replace("killed nine people", "killed ten people", 1),
                      encoding="utf-8")
    result = run_cli(project, "data")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "reuters-2024-01-22-iran-fm-to-visit-pakistan.yaml:" in result.stderr
    assert "not in the story verbatim" in result.stderr and "closest passage" in result.stderr
    assert snapshot(project) == before
    assert not project.staging.exists()


def test_datapackage_describes_every_resource_with_hash_and_schema():
    package = json.loads(REPO.datapackage.read_text(encoding="utf-8"))
    for key in ("name", "title", "description", "version", "licenses", "sources", "contributors", "created"):
        assert package[key], key
    assert {lic["name"] for lic in package["licenses"]} == {"CC-BY-4.0", "MIT"}
    for resource in package["resources"]:
        data = (REPO.root / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        if resource["format"] == "csv":  # frictionless cannot count a Parquet file's bytes (publish/descriptor.py)
            assert resource["bytes"] == len(data)
        assert resource["schema"]["primaryKey"]
        assert all(field["description"] for field in resource["schema"]["fields"])

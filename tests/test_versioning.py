"""One version string: every citation surface agrees with schemas/dataset.yaml, and CITATION.cff is valid CFF."""
from __future__ import annotations

import csv
import datetime
import json
import re
import shutil

import jsonschema
import pytest
import yaml

from conftest import record_in_package, run_cli, snapshot
from newsevents.core.project import REPO_ROOT, Project
from newsevents.core.schemas import dataset_metadata
from newsevents.release.changelog import BEGIN, END, top_entry, with_rows
from newsevents.release.citation_files import (
    citation_text,
    stale_citation_files,
    zenodo_text,
)
from newsevents.release.cut import write_snapshot
from newsevents.release.diff import TableDiff
from newsevents.release.versions import (
    bump_level,
    required_level,
    statements,
    version_problems,
)

ROOT = Project()
META = dataset_metadata(REPO_ROOT)
CFF_SCHEMA = REPO_ROOT / "schemas" / "vendor" / "citation-file-format-1.2.0.schema.json"
SURFACES = ["CITATION.cff", ".zenodo.json", "CHANGELOG.md", "pyproject.toml"]


def _cff() -> dict:
    data = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    # the schema's own note: YAML dates are cast to strings before validation
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else v))


def _articles() -> list[dict[str, str]]:
    with (REPO_ROOT / "data" / "articles.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_surface_states_the_version_of_dataset_yaml():
    found = {s.surface for s in statements(ROOT)}
    assert {"datapackage.json", "CITATION.cff", ".zenodo.json", "pyproject.toml", "CHANGELOG.md (top entry)"} <= found
    assert version_problems(ROOT) == []


def test_citation_files_are_the_generated_ones():
    assert stale_citation_files(ROOT) == [], "run `make prepare-release`"


def test_citation_cff_is_valid_citation_file_format_1_2_0():
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    cff = _cff()
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(cff)
    assert cff["cff-version"] == "1.2.0"
    assert cff["title"] == META["title"] and cff["version"] == META["version"]
    assert cff["date-released"] == str(META["released"])
    assert cff["abstract"] == META["description"] and cff["keywords"] == META["keywords"]
    assert cff["license"] == next(lic["name"] for lic in META["licenses"] if lic["scope"] == "data")
    assert [a["name"] for a in cff["authors"]] == [c["title"] for c in META["contributors"] if "creator" in c["roles"]]
    articles = _articles()
    assert len(cff["references"]) == len(articles)
    for reference, article in zip(cff["references"], articles):
        assert reference["type"] == "newspaper-article"
        assert reference["title"] == article["headline"] and reference["journal"] == article["outlet"]
        assert article["article_id"] in reference["notes"] and article["capture_sha256"] in reference["notes"]


def test_the_schema_rejects_a_broken_citation():
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    broken = _cff() | {"date-released": "23 November 2026"}
    del broken["authors"]
    errors = list(jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(broken))
    assert {e.validator for e in errors} >= {"required", "pattern"}


def test_zenodo_metadata_states_the_same_facts_as_the_citation():
    zenodo = json.loads((REPO_ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    cff = _cff()
    assert zenodo["upload_type"] == "dataset" and zenodo["access_right"] == "open"
    assert (zenodo["title"], zenodo["version"], zenodo["publication_date"]) == (
        cff["title"], cff["version"], cff["date-released"])
    assert zenodo["license"] == cff["license"].lower()
    assert zenodo["creators"] == cff["authors"] and zenodo["keywords"] == cff["keywords"]
    assert len(zenodo["references"]) == len(cff["references"])
    assert all(a["headline"] in ref for a, ref in zip(_articles(), zenodo["references"]))


@pytest.fixture
def surfaces(project):
    for name in SURFACES:
        shutil.copy2(REPO_ROOT / name, project.root / name)
    return project


def test_each_disagreeing_surface_is_named(surfaces):
    root = surfaces.root
    assert version_problems(surfaces) == []
    edits = {
        "pyproject.toml": lambda t: t.replace(f'version = "{META["version"]}"', 'version = "9.9.9"'),
        "CITATION.cff": lambda t: t.replace(f"version: {META['version']}", "version: 9.9.9"),
        ".zenodo.json": lambda t: t.replace(f'"publication_date": "{META["released"]}"',
                                            '"publication_date": "2001-01-01"'),
        "CHANGELOG.md": lambda t: t.replace(f"## [{META['version']}]", "## [9.9.9]", 1),
        "datapackage.json": lambda t: t.replace(f'"version": "{META["version"]}"', '"version": "9.9.9"', 1),
    }
    for name, edit in edits.items():
        text = (root / name).read_text(encoding="utf-8")
        (root / name).write_text(edit(text), encoding="utf-8")
        problems = version_problems(surfaces)
        assert [p.file.split(" ")[0] for p in problems] == [name], name
        assert str(META["version"]) in problems[0].message
        (root / name).write_text(text, encoding="utf-8")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<p>Dataset <b>version 0.1.0</b></p>", encoding="utf-8")
    assert [p.file for p in version_problems(surfaces)] == ["site/index.html (docs home page)"]
    (root / "site" / "index.html").write_text(f"<p>Version&nbsp;{META['version']}</p>", encoding="utf-8")
    assert version_problems(surfaces) == []


def test_the_generated_files_follow_dataset_yaml(surfaces):
    """Change the one version string: the generated files change with it, nothing is typed twice."""
    path = surfaces.schemas / "dataset.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"version: {META['version']}", "version: 1.2.3"),
                    encoding="utf-8")
    assert yaml.safe_load(citation_text(surfaces))["version"] == "1.2.3"
    assert json.loads(zenodo_text(surfaces))["version"] == "1.2.3"
    assert {p.file for p in stale_citation_files(surfaces)} == {"CITATION.cff", ".zenodo.json"}


def test_a_new_changelog_entry_goes_on_top_and_its_rows_block_is_replaced_in_place():
    text = "# Changelog\n\n## [Unreleased]\n\n- pending\n\n## [1.0.0] - 2026-11-23\n\n### Added\n- first\n"
    block = f"### Rows\n\n{BEGIN}\nrows v1\n{END}"
    once = with_rows(text, "1.1.0", "2026-12-01", block)
    assert top_entry(once) == ("1.1.0", "2026-12-01")
    assert once.index("[Unreleased]") < once.index("[1.1.0]") < once.index("[1.0.0]")
    assert with_rows(once, "1.1.0", "2026-12-01", block) == once
    twice = with_rows(once, "1.1.0", "2026-12-02", block.replace("rows v1", "rows v2"))
    assert "rows v2" in twice and "rows v1" not in twice and twice.count(BEGIN) == 1
    assert top_entry(twice) == ("1.1.0", "2026-12-02") and "- first" in twice and "- pending" in twice


def _diff(name, key=("id",), **kwargs) -> TableDiff:
    return TableDiff(name, list(key), **kwargs)


def test_the_versioning_policy_names_the_bump_the_changes_call_for():
    assert bump_level("1.0.0", "2.0.0") == "major" and bump_level("1.0.0", "1.1.0") == "minor"
    assert bump_level("1.0.0", "1.0.1") == "patch" and bump_level("1.0.0", "1.0.0") is None
    assert required_level([_diff("events", changed=[(("e",), [("notes", "a", "b")])])], []) == ("patch", [])
    assert required_level([_diff("events", added=[("e2",)])], [])[0] == "minor"
    assert required_level([_diff("events", columns_added=["x"])], [])[0] == "minor"
    assert required_level([_diff("events", removed=[("e",)])], [])[0] == "major"
    assert required_level([_diff("event_sources", key=("a", "b"), removed=[("e", "1")])], [])[0] == "patch"
    assert required_level([_diff("events", columns_removed=["notes"])], [])[0] == "major"


# --- stable IDs ---------------------------------------------------------------------------------------------

def _released(project) -> None:
    """Record the copy's current tables as its only release, 1.0.0 (ids.json and snapshot; no archive, so no
    SHA256SUMS), with no rename recorded since: the project's own releases and renames refer to its real data."""
    for recorded in (project.root / "releases").glob("*/release.json"):
        shutil.rmtree(recorded.parent)
    folder = project.root / "releases" / "1.0.0"
    write_snapshot(project, folder, "1.0.0")
    (folder / "SHA256SUMS").unlink(missing_ok=True)
    renames = project.root / "releases" / "renames.yaml"
    renames.write_text(re.sub(r"(?ms)^renames:.*\Z", "renames: []\n", renames.read_text(encoding="utf-8")),
                       encoding="utf-8")


def _rename_everywhere(project, old: str, new: str) -> int:
    """Rename an ID in every coding file, as a coder renaming it consistently would; returns files changed."""
    pattern = re.compile(rf"(?<![A-Za-z0-9_-]){re.escape(old)}(?![A-Za-z0-9_-])")
    changed = 0
    for path in project.coding.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if pattern.search(text):
            path.write_text(pattern.sub(new, text), encoding="utf-8")
            changed += 1
    return changed


def _add_rename(project, entry: str) -> None:
    path = project.root / "releases" / "renames.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("renames: []", "renames:\n" + entry), encoding="utf-8")


def test_a_released_id_that_disappears_fails_the_build_until_it_is_recorded(project):
    _released(project)
    with (project.data / "places.csv").open(encoding="utf-8", newline="") as handle:
        places = {row["place_id"] for row in csv.DictReader(handle)}
    with (project.data / "actors.csv").open(encoding="utf-8", newline="") as handle:
        actor = next(row["actor_id"] for row in csv.DictReader(handle) if row["actor_id"] not in places)
    assert _rename_everywhere(project, actor, f"{actor}-x") >= 1
    before = snapshot(project)
    failed = run_cli(project, "data")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "\nbuild failed: 1 problem;" in "\n" + failed.stderr, failed.stderr
    assert f"data/actors.csv [{actor}]: actors ID '{actor}' was released in 1.0.0 and is missing" in failed.stderr
    assert "releases/renames.yaml" in failed.stderr
    assert snapshot(project) == before, "a failed build must publish nothing"

    _add_rename(project, f"  - {{table: actors, id: {actor}, action: renamed, new_id: {actor}-x, version: 2.0.0,\n"
                         "     reason: The registry's slug for this actor changed.}\n")
    passed = run_cli(project, "data")
    assert passed.returncode == 0, passed.stderr


def test_a_released_id_that_changes_meaning_fails_the_build(project):
    """The record says what the ID named at release; the current build says otherwise."""
    _released(project)
    ids = project.root / "releases" / "1.0.0" / "ids.json"
    record = json.loads(ids.read_text(encoding="utf-8"))
    event_id, event_type = record["tables"]["events"]["rows"][0]
    other = "war" if event_type != "war" else "statement"
    text = ids.read_text(encoding="utf-8")
    ids.write_text(text.replace(json.dumps([event_id, event_type]), json.dumps([event_id, other]), 1),
                   encoding="utf-8")
    failed = run_cli(project, "data")
    assert failed.returncode == 1
    assert (f"events ID '{event_id}' changed meaning since 1.0.0: event_type was '{other}', now '{event_type}'"
            in failed.stderr)

    _add_rename(project, f"  - {{table: events, id: {event_id}, action: redefined, version: 2.0.0,\n"
                         "     reason: The event type was coded wrongly in 1.0.0.}\n"
                         "  - {table: nosuch, id: x, action: retired, version: 2.0.0, reason: A misspelt table.}\n"
                         "  - {table: events, id: never-released, action: retired, version: 2.0.0,\n"
                         "     reason: Not an ID of any release.}\n")
    failed = run_cli(project, "data")
    assert failed.returncode == 1 and "changed meaning" not in failed.stderr
    lines = (project.root / "releases" / "renames.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "table: nosuch" in text)
    assert f"releases/renames.yaml:{line} [x]: table 'nosuch' is not a table of the dataset" in failed.stderr
    assert "events ID 'never-released' was never released" in failed.stderr


def test_prepare_release_regenerates_the_files_and_refuses_a_step_too_small(surfaces):
    root = surfaces.root
    (root / "CITATION.cff").unlink()
    (root / ".zenodo.json").write_text("{}\n", encoding="utf-8")
    done = run_cli(surfaces, "prepare-release")
    assert done.returncode == 0, done.stderr
    for name in ["CITATION.cff", ".zenodo.json", "CHANGELOG.md"]:
        assert (root / name).read_bytes() == (REPO_ROOT / name).read_bytes(), name

    _released(surfaces)
    (root / "releases" / "1.0.0" / "release.json").write_text("{}\n", encoding="utf-8")
    events = surfaces.data / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    events.write_text("".join(lines[:1] + lines[2:]), encoding="utf-8")
    record_in_package(surfaces, "events")
    path = surfaces.schemas / "dataset.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"version: {META['version']}", "version: 1.0.1"),
                    encoding="utf-8")
    refused = run_cli(surfaces, "prepare-release")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert ("1.0.0 → 1.0.1 is a patch step, but the changes call for a major version: 1 IDs gone from events"
            in refused.stderr)
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert top_entry(changelog)[0] == "1.0.1" and "Compared with 1.0.0" in changelog
    row = next(line for line in changelog.splitlines() if line.startswith("| `events` |"))
    assert row.split(" | ")[1:5] == [str(len(lines) - 2), "0", "1", "0"]

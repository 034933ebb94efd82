"""The table definitions held to rules, and every constraint they declare shown to reject a bad value."""
from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest
from frictionless import Package, system

from newsevents.core.csvformat import read_table, to_csv_text
from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import load_tables, load_vocabularies
from newsevents.publish.descriptor import frictionless_schema
from newsevents.validate.cross_table import check_foreign_keys
from newsevents.validate.report import Origins, TableReport
from newsevents.validate.table_schemas import check_schemas

PROJECT = Project()
TABLES = load_tables(PROJECT.root)
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def test_every_table_and_column_is_named_and_described():
    for table in TABLES.values():
        assert SNAKE.match(table.name) and table.title and len(table.description) > 20
        for field in table.fields:
            assert SNAKE.match(field.name), f"{table.name}.{field.name}"
            assert len(field.description) > 10, f"{table.name}.{field.name} needs a description"
            assert field.type in ("string", "integer", "number", "date")


def test_every_vocabulary_value_is_explained():
    for vocabulary in load_vocabularies(PROJECT.root).values():
        assert vocabulary.description
        assert vocabulary.values, vocabulary.name
        for value, meaning in vocabulary.values.items():
            assert meaning and len(meaning) > 3, f"{vocabulary.name}.{value}"


def test_keys_name_existing_columns_and_tables():
    for table in TABLES.values():
        assert set(table.primary_key) <= set(table.columns)
        for fk in table.foreign_keys:
            assert set(fk.fields) <= set(table.columns)
            assert set(fk.reference) <= set(TABLES[fk.resource].columns)


def test_codebook_contract_columns_are_all_present():
    """The binding columns of the codebook contract (shared/spec/CODEBOOK.md) keep their names."""
    contract = {
        "articles": "article_id capture_file outlet headline byline dateline published_date published_date_basis "
                    "date_note url capture_sha256 char_start char_end word_count",
        "actors": "actor_id name actor_type country_iso3 role_title affiliation_actor_id cameo_actor_code wikidata_id",
        "actor_mentions": "actor_id article_id char_start char_end surface_text",
        "places": "place_id name place_type country_iso3 latitude longitude geo_precision geonames_id",
        "events": "event_id event_type cameo_code plover_type summary date_start date_end date_precision date_basis "
                  "date_expression status place_id salience notes",
        "event_actors": "event_id actor_id role",
        "event_sources": "event_id article_id quote char_start char_end",
        "casualty_claims": "claim_id event_id claimant_actor_id outcome victim_group count_low count_high count_text "
                           "part_of_claim_id notes",
        "claim_sources": "claim_id article_id quote char_start char_end",
        "meetings": "event_id meeting_type level host_actor_id title outcome",
        "meeting_participants": "event_id actor_id participation note",
    }
    for name, columns in contract.items():
        assert set(columns.split()) <= set(TABLES[name].columns), name
    assert set("air_strike armed_clash explosion diplomatic_downgrade diplomatic_restoration meeting statement "
               "ceasefire seizure_of_power troop_withdrawal war".split()) <= set(TABLES["events"].field("event_type").enum)


def _bad_values(table, field):
    """(constraint, bad value) pairs that each break exactly one declared constraint of the field."""
    if field.required:
        yield "required", None
    if field.enum:
        yield "enum", "not_a_listed_value"
    if field.pattern:
        yield "pattern", "Not A Valid Value!"
    if field.minimum is not None:
        yield "minimum", field.minimum - 1
    if field.maximum is not None:
        yield "maximum", field.maximum + 1
    if field.max_length:
        yield "maxLength", "x" * (field.max_length + 1)
    if field.type == "date":
        yield "date format", "22/01/2024"


CASES = [(t.name, f.name, kind, value) for t in TABLES.values() for f in t.fields for kind, value in _bad_values(t, f)]


def _published(name):
    return read_table(PROJECT.data / f"{name}.csv", TABLES[name])


@pytest.mark.parametrize("table_name, column, kind, value", CASES,
                         ids=[f"{t}.{c}-{k}" for t, c, k, _ in CASES])
def test_pandera_rejects_each_constraint_violation(table_name, column, kind, value):
    frame = _published(table_name)
    assert len(frame), f"{table_name} has no rows to test with"
    frame[column] = frame[column].astype("object")
    frame.loc[0, column] = value
    frame = frame.astype(_published(table_name).dtypes.to_dict()) if kind not in ("date format",) else frame
    problems = Collector()
    check_schemas({table_name: frame}, TABLES, TableReport(problems, Origins()))
    assert problems.problems, f"{kind} on {table_name}.{column} not caught"
    assert any(column in p.message for p in problems.problems)


def test_pandera_rejects_duplicate_primary_keys_and_unknown_columns():
    frame = _published("events")
    problems = Collector()
    check_schemas({"events": pd.concat([frame, frame.iloc[:1]], ignore_index=True)}, TABLES, TableReport(problems, Origins()))
    assert any("event_id" in p.message for p in problems.problems)
    problems = Collector()
    check_schemas({"events": frame.assign(extra="x")}, TABLES, TableReport(problems, Origins()))
    assert problems.problems


def test_foreign_keys_are_checked_across_tables():
    frames = {name: _published(name) for name in TABLES}
    frames["events"].loc[0, "place_id"] = "atlantis"
    frames["event_sources"].loc[0, "article_id"] = "no-such-story"
    problems = Collector()
    check_foreign_keys(frames, TABLES, TableReport(problems, Origins()))
    messages = " ".join(p.message for p in problems.problems)
    assert "'atlantis' has no row in places" in messages
    assert "'no-such-story' has no row in articles" in messages


FRICTIONLESS_CASES = {
    "required": ("events", "summary", ""),
    "enum": ("events", "status", "happened"),
    "pattern": ("events", "event_id", "Bad Id"),
    "minimum": ("casualty_claims", "count_low", -1),
    "maxLength": ("event_sources", "quote", "x" * 401),
    "date format": ("events", "date_start", "22/01/2024"),
    "primary key": ("actors", "actor_id", "DUPLICATE"),
    "foreign key": ("events", "place_id", "atlantis"),
}


@pytest.mark.parametrize("kind", FRICTIONLESS_CASES)
def test_frictionless_rejects_the_same_kinds_of_defect(tmp_path, kind):
    table_name, column, value = FRICTIONLESS_CASES[kind]
    shutil.copytree(PROJECT.data, tmp_path / "data", ignore=shutil.ignore_patterns("raw", "coding", "reference"))
    shutil.copy(PROJECT.datapackage, tmp_path / "datapackage.json")
    frame = _published(table_name).astype("object")
    frame.loc[0, column] = frame.loc[1, column] if value == "DUPLICATE" else value
    (tmp_path / "data" / f"{table_name}.csv").write_text(to_csv_text(frame, TABLES[table_name]), encoding="utf-8")
    package = Package(str(tmp_path / "datapackage.json"))
    for resource in package.resources:  # the hash no longer matches the edited file: check content, not bytes
        resource.hash = None
        resource.bytes = None
    with system.use_context(trusted=True):
        report = package.validate()
    assert not report.valid
    errors = [e for task in report.tasks for e in task.errors if task.name == table_name]
    assert errors, f"frictionless missed the {kind} defect"


def test_frictionless_schema_mirrors_the_definition():
    schema = frictionless_schema(TABLES["events"])
    fields = {f["name"]: f for f in schema["fields"]}
    assert fields["status"]["constraints"]["enum"] == TABLES["events"].field("status").enum
    assert fields["date_start"]["format"] == "%Y-%m-%d"
    assert schema["primaryKey"] == ["event_id"]
    assert {"fields": ["place_id"], "reference": {"resource": "places", "fields": ["place_id"]}} in schema["foreignKeys"]

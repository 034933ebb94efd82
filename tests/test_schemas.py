"""The table definitions held to rules, and every constraint they declare shown to reject a bad value."""
from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest
import yaml
from frictionless import Package, system

from newsevents.core.csvformat import read_table, to_csv_text
from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import (
    all_tables,
    load_fields,
    load_reading_tables,
    load_tables,
    load_types,
    load_vocabularies,
)
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


def _table_specs() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((PROJECT.schemas / "tables").glob("*.yaml"))}


def test_every_display_setting_names_a_column_of_its_table():
    """Labels, facets, search columns and sort orders (rules as in PUDL's metadata tests)."""
    for table in all_tables(PROJECT.root).values():
        named = [table.show.label, table.show.sort_desc, *table.show.facets, *table.show.search]
        assert set(filter(None, named)) <= set(table.columns), table.name


def test_reading_tables_take_descriptions_from_real_tables():
    """From tables of schemas/tables/ or reading tables defined before them. (Their own columns exist only once
    the database is built: tests/test_database.py checks those.)"""
    known = set(all_tables(PROJECT.root))
    for view in load_reading_tables(PROJECT.root):
        assert view.describe_from and set(view.describe_from) <= known, view.name
        known.add(view.name)


def test_evidence_tables_point_at_a_table_and_carry_its_whole_key():
    evidence = {name: table for name, table in TABLES.items() if table.evidence_for}
    assert evidence, "no evidence tables defined"
    for name, table in evidence.items():
        target = TABLES[table.evidence_for]
        assert set(target.primary_key) <= set(table.columns), name
        assert any(f.evidence for f in table.fields), f"{name} holds no quote column"


def test_shared_fields_are_used_and_agree_wherever_they_appear():
    """Every shared definition (schemas/fields.yaml) is used by at least two tables; a table overrides it only
    to say something else (never its type or constraints), and never copies it."""
    shared = load_fields(PROJECT.root)
    uses: dict[str, list[str]] = {name: [] for name in shared}
    for name, spec in _table_specs().items():
        for entry in spec["fields"]:
            entry = {"name": entry} if isinstance(entry, str) else entry
            if entry["name"] not in shared:
                continue
            uses[entry["name"]].append(name)
            overridden = {key: value for key, value in entry.items() if key != "name"}
            assert set(overridden) <= {"description", "required", "slug"}, (name, entry["name"], overridden)
            assert all(shared[entry["name"]].get(k) != v for k, v in overridden.items()), (name, entry["name"])
    listed = {k: v for k, v in uses.items() if not shared[k].get("row_version")}
    assert all(len(tables) >= 2 for tables in listed.values()), {k: v for k, v in listed.items() if len(v) < 2}


def test_row_version_columns_end_every_table_of_the_package_and_no_other():
    """The row-version columns are defined once (schemas/fields.yaml, `row_version`) and never listed by a table:
    the loader adds them, last, to every table of the package."""
    shared = load_fields(PROJECT.root)
    versions = [name for name, spec in shared.items() if spec.get("row_version")]
    assert sorted(shared[name]["row_version"] for name in versions) == ["added", "changed"]
    for name, spec in _table_specs().items():
        assert not {(e if isinstance(e, str) else e["name"]) for e in spec["fields"]} & set(versions), name
    for table in all_tables(PROJECT.root).values():
        assert table.columns[-2:] == versions if table.in_package else not set(versions) & set(table.columns)


def test_keys_and_quotes_that_recur_are_defined_once():
    """A key column (…_id), quote or offset that appears in several tables is a shared field."""
    shared = load_fields(PROJECT.root)
    seen: dict[str, list[str]] = {}
    for table in all_tables(PROJECT.root).values():
        for column in table.columns:
            seen.setdefault(column, []).append(table.name)
    recurring = {c for c, tables in seen.items() if len(tables) > 1}
    keys = {c for c in recurring if c.endswith("_id") or c in ("quote", "char_start", "char_end", "country_iso3")}
    assert keys <= set(shared), keys - set(shared)


def test_foreign_keys_join_columns_of_the_same_type_and_publication_follows_them():
    order = list(TABLES)
    for table in TABLES.values():
        for fk in table.foreign_keys:
            target = TABLES[fk.resource]
            for column, referenced in zip(fk.fields, fk.reference, strict=True):
                assert table.field(column).type == target.field(referenced).type, (table.name, column)
            if fk.resource != table.name:
                assert order.index(fk.resource) < order.index(table.name), (table.name, fk.resource)


def test_every_column_type_is_mapped_for_every_format():
    types = load_types(PROJECT.root)
    for table in all_tables(PROJECT.root).values():
        for field in table.fields:
            assert field.type in types and field.column_type is types[field.type], (table.name, field.name)
    assert all(t.pandas and t.sql and t.note for t in types.values())


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
    binding = ("air_strike armed_clash explosion diplomatic_downgrade diplomatic_restoration meeting statement "
               "ceasefire seizure_of_power troop_withdrawal war").split()
    assert set(binding) <= set(TABLES["events"].field("event_type").enum)


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
    if field.min_length:
        yield "minLength", "x" * (field.min_length - 1)
    if field.max_length:
        yield "maxLength", "x" * (field.max_length + 1)
    if field.type == "date":
        yield "date format", "22/01/2024"
        yield "no such date", "2025-02-30"


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
    if kind not in ("date format", "no such date"):
        frame = frame.astype(_published(table_name).dtypes.to_dict())
    problems = Collector()
    check_schemas({table_name: frame}, TABLES, TableReport(problems, Origins()))
    assert problems.problems, f"{kind} on {table_name}.{column} not caught"
    assert any(column in p.message for p in problems.problems)


def test_pandera_rejects_duplicate_primary_keys_and_unknown_columns():
    frame = _published("events")
    problems = Collector()
    doubled = pd.concat([frame, frame.iloc[:1]], ignore_index=True)
    check_schemas({"events": doubled}, TABLES, TableReport(problems, Origins()))
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
    place = {"fields": ["place_id"], "reference": {"resource": "places", "fields": ["place_id"]}}
    assert place in schema["foreignKeys"]

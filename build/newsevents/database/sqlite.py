"""The SQLite database: the published package (data/*.csv + schemas/) as typed, keyed, searchable tables.

Built only from the validated published files: every CSV must match the hash datapackage.json records for
it. Column types, primary and foreign keys come from schemas/tables/; reading views come from
datasette/views.yaml. The same package always gives the same bytes (rows sorted by primary key, no
timestamps, written with VACUUM INTO).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from newsevents.core.csvformat import read_table
from newsevents.core.errors import Collector
from newsevents.core.project import REPO_ROOT, Project
from newsevents.core.schemas import (
    Field,
    ForeignKey,
    Table,
    dataset_metadata,
    load_tables,
    load_vocabularies,
)

DATASETTE_DIR = REPO_ROOT / "datasette"
SQL_TYPES = {"string": "TEXT", "date": "TEXT", "integer": "INTEGER", "number": "REAL"}

# Full-text search (FTS5) over these columns; every evidence quote is searchable as well.
FULL_TEXT = {
    "articles": ["headline"],
    "actors": ["name", "role_title"],
    "actor_aliases": ["alias"],
    "events": ["summary", "notes"],
    "meetings": ["title", "outcome"],
}

# Facets Datasette shows by default on a table's or view's page; the tables get an index on each.
# Columns of the reading tables (datasette/views.yaml) that pages sort, filter or look rows up by.
READING_KEYS = ["event_id", "date_start", "actor_id", "article_id", "evidence_for"]
FACETS = {
    "events": ["event_type", "status", "salience"],
    "events_overview": ["event_type", "status", "salience"],
    "casualty_claims": ["claimant_actor_id", "outcome", "victim_group"],
    "meetings": ["meeting_type", "level"],
    "meetings_overview": ["meeting_type", "level"],
    "meeting_participants": ["participation"],
    "event_actors": ["role"],
    "actors": ["actor_type", "country_iso3"],
    "places": ["place_type", "geo_precision"],
    "articles": ["outlet"],
    "vocabularies": ["vocabulary"],
}

VOCABULARIES = Table(
    name="vocabularies", title="Vocabularies",
    description="Every value of every controlled vocabulary with its meaning (from schemas/vocabularies.yaml), "
                "in the order the codebook lists them.",
    fields=[
        Field("vocabulary", "string", "Name of the vocabulary (the columns that use it name it in their description)."),
        Field("value", "string", "A value the vocabulary allows."),
        Field("position", "integer", "Position of the value in the codebook's list (1 = first)."),
        Field("meaning", "string", "What the value means."),
        Field("vocabulary_description", "string", "What the vocabulary as a whole describes."),
    ],
    primary_key=["vocabulary", "value"],
)


@dataclass(frozen=True)
class View:
    """A reading view: SQL over the tables, described for Datasette."""
    name: str
    title: str
    description: str
    sql: str
    describe_from: list[str]
    columns: dict[str, str]
    key: list[str]


def load_views() -> list[View]:
    spec = yaml.safe_load((DATASETTE_DIR / "views.yaml").read_text(encoding="utf-8"))
    return [View(name=v["name"], title=v["title"], description=v["description"], sql=v["sql"].strip(),
                 describe_from=v.get("describe_from", []), columns=v.get("columns", {}),
                 key=v.get("key", [])) for v in spec]


def database_path(project: Project) -> Path:
    """The database file, named after the dataset (its name is also Datasette's database name)."""
    return project.root / f"{dataset_metadata(project.root)['name']}.db"


def database_tables(root: Path) -> dict[str, Table]:
    """Every table the database holds: the published tables, then the vocabularies."""
    return load_tables(root) | {VOCABULARIES.name: VOCABULARIES}


def full_text_columns(table: Table) -> list[str]:
    return FULL_TEXT.get(table.name, []) + [f.name for f in table.fields if f.evidence]


def link_keys(table: Table, tables: dict[str, Table]) -> list[ForeignKey]:
    """The schema's foreign keys, plus the single-column links a composite key implies.

    event_actor_sources (event_id, actor_id, role) → event_actors also means event_id → events and
    actor_id → actors; Datasette links single-column keys only, so those are declared too.
    """
    keys = list(table.foreign_keys)
    for fk in table.foreign_keys:
        if len(fk.fields) < 2:
            continue
        for column, referenced in zip(fk.fields, fk.reference):
            for further in tables[fk.resource].foreign_keys:
                if further.fields == [referenced]:
                    keys.append(ForeignKey(fields=[column], resource=further.resource, reference=further.reference))
    return keys


def index_columns(table: Table, tables: dict[str, Table]) -> list[list[str]]:
    """Foreign keys, facets, vocabulary columns and dates, unless the primary key index already leads with them."""
    wanted = [fk.fields for fk in link_keys(table, tables)] + [[c] for c in FACETS.get(table.name, [])]
    wanted += [[f.name] for f in table.fields if f.vocabulary or f.type == "date"]
    result: list[list[str]] = []
    for columns in wanted:
        if columns != table.primary_key[:len(columns)] and columns not in result:
            result.append(columns)
    return result


def _quote(name: str) -> str:
    return f"[{name}]"


def create_table_sql(table: Table, tables: dict[str, Table]) -> str:
    lines = [f"  {_quote(f.name)} {SQL_TYPES[f.type]}{' NOT NULL' if f.required else ''}" for f in table.fields]
    lines.append(f"  PRIMARY KEY ({', '.join(map(_quote, table.primary_key))})")
    for fk in link_keys(table, tables):
        lines.append(f"  FOREIGN KEY ({', '.join(map(_quote, fk.fields))}) "
                     f"REFERENCES {_quote(fk.resource)} ({', '.join(map(_quote, fk.reference))})")
    return f"CREATE TABLE {_quote(table.name)} (\n" + ",\n".join(lines) + "\n)"


def _python(value, kind: str):
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    return str(value)


def _rows(frame: pd.DataFrame, table: Table) -> list[tuple]:
    frame = frame.sort_values(table.primary_key, kind="stable")
    columns = [[_python(v, f.type) for v in frame[f.name].astype(object)] for f in table.fields]
    return list(zip(*columns))


def published_frames(project: Project, tables: dict[str, Table]) -> dict[str, pd.DataFrame]:
    """Every published table, read only after its bytes are checked against datapackage.json."""
    problems = Collector()
    package_file = project.rel(project.datapackage)
    if not project.datapackage.exists():
        problems.add(package_file, "the published package is missing", "run `make data` first")
        problems.raise_if_any()
    resources = {r["name"]: r for r in json.loads(project.datapackage.read_text(encoding="utf-8"))["resources"]}
    for name in tables:
        path = project.root / f"data/{name}.csv"
        resource = resources.get(name)
        if resource is None:
            problems.add(package_file, f"table '{name}' is not in the published package", "run `make data`")
        elif not path.exists():
            problems.add(project.rel(path), "published table is missing", "run `make data`")
        elif "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest() != resource["hash"]:
            problems.add(project.rel(path), "differs from the validated version recorded in datapackage.json",
                         "never edit data/*.csv by hand; run `make data` to rebuild and validate it")
    problems.raise_if_any()
    return {name: read_table(project.root / f"data/{name}.csv", table) for name, table in tables.items()}


def vocabulary_rows(root: Path) -> list[tuple]:
    return sorted((vocabulary.name, value, position, meaning, vocabulary.description)
                  for vocabulary in load_vocabularies(root).values()
                  for position, (value, meaning) in enumerate(vocabulary.values.items(), start=1))


def _fill(connection: sqlite3.Connection, project: Project) -> None:
    published = load_tables(project.root)
    tables = database_tables(project.root)
    frames = published_frames(project, published)
    for name, table in tables.items():
        connection.execute(create_table_sql(table, tables))
        rows = _rows(frames[name], table) if name in frames else vocabulary_rows(project.root)
        marks = ", ".join("?" * len(table.fields))
        connection.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})", rows)
        for columns in index_columns(table, tables):
            connection.execute(f"CREATE INDEX {_quote('idx_' + name + '_' + '_'.join(columns))} "
                               f"ON {_quote(name)} ({', '.join(map(_quote, columns))})")
        searchable = full_text_columns(table)
        if searchable:
            fts = _quote(f"{name}_fts")
            connection.execute(f"CREATE VIRTUAL TABLE {fts} USING FTS5 "
                               f"({', '.join(map(_quote, searchable))}, content={_quote(name)})")
            connection.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
            connection.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")
    connection.execute("ANALYZE")  # statistics for the query planner: without them it picks poor indexes
    for view in load_views():  # precomputed once: the database is read-only, and a view is recomputed per page
        connection.execute(f"CREATE TEMP VIEW {_quote(view.name)} AS\n{view.sql}")
        declared = connection.execute(f"PRAGMA temp.table_info({_quote(view.name)})").fetchall()
        columns = [row[1] for row in declared]
        key = f", PRIMARY KEY ({', '.join(map(_quote, view.key))})" if view.key else ""
        definitions = ", ".join(f"{_quote(row[1])} {row[2]}".strip() for row in declared)
        connection.execute(f"DROP VIEW temp.{_quote(view.name)}")
        connection.execute(f"CREATE TABLE main.{_quote(view.name)} ({definitions}{key})")
        connection.execute(f"INSERT INTO main.{_quote(view.name)}\n{view.sql}")
        for column in dict.fromkeys(FACETS.get(view.name, []) + [c for c in READING_KEYS if c in columns]):
            connection.execute(f"CREATE INDEX {_quote('idx_' + view.name + '_' + column)} "
                               f"ON {_quote(view.name)} ({_quote(column)})")
    connection.execute("ANALYZE")  # again, for the reading tables
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        problems = Collector()
        for table, rowid, parent, _ in broken:
            problems.add(f"data/{table}.csv", f"row {rowid} points at a missing {parent} row",
                         "run `make data`: the published package should never hold a dangling reference")
        problems.raise_if_any()


def build_database(project: Project) -> Path:
    """Write the database next to datapackage.json, replacing any older one only once complete."""
    target = database_path(project)
    partial = target.with_name(target.stem + ".partial.db")
    partial.unlink(missing_ok=True)
    connection = sqlite3.connect(":memory:")
    try:
        with connection:
            _fill(connection, project)
        connection.execute("VACUUM INTO ?", (str(partial),))
    finally:
        connection.close()
    os.replace(partial, target)
    return target

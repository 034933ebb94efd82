"""The SQLite database: the published package (data/*.csv + schemas/) as typed, keyed, searchable tables.

Built only from the published package, opened through its hash-verified reader. Column types, keys, indexes,
full-text columns and the reading tables all come from schemas/. The same package always gives the same
bytes (rows sorted by primary key, no timestamps, written with VACUUM INTO).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pandas as pd

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import ForeignKey, Table, all_tables, load_reading_tables, load_vocabularies
from newsevents.publish.reader import open_package


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
    wanted = [fk.fields for fk in link_keys(table, tables)] + [[c] for c in table.show.facets]
    wanted += [[f.name] for f in table.fields if f.vocabulary or f.type == "date"]
    result: list[list[str]] = []
    for columns in wanted:
        if columns != table.primary_key[:len(columns)] and columns not in result:
            result.append(columns)
    return result


def _quote(name: str) -> str:
    return f"[{name}]"


def create_table_sql(table: Table, tables: dict[str, Table]) -> str:
    lines = [f"  {_quote(f.name)} {f.column_type.sql}{' NOT NULL' if f.required else ''}" for f in table.fields]
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


def vocabulary_rows(root: Path) -> list[tuple]:
    return sorted((vocabulary.name, value, position, meaning, vocabulary.description)
                  for vocabulary in load_vocabularies(root).values()
                  for position, (value, meaning) in enumerate(vocabulary.values.items(), start=1))


def _create(connection: sqlite3.Connection, table: Table, tables: dict[str, Table], rows: list[tuple]) -> None:
    """A table with its rows, indexes and full-text index."""
    name = table.name
    connection.execute(create_table_sql(table, tables))
    marks = ", ".join("?" * len(table.fields))
    connection.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})", rows)
    for columns in index_columns(table, tables):
        connection.execute(f"CREATE INDEX {_quote('idx_' + name + '_' + '_'.join(columns))} "
                           f"ON {_quote(name)} ({', '.join(map(_quote, columns))})")
    searchable = table.search_columns
    if searchable:
        fts = _quote(f"{name}_fts")
        connection.execute(f"CREATE VIRTUAL TABLE {fts} USING FTS5 "
                           f"({', '.join(map(_quote, searchable))}, content={_quote(name)})")
        connection.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
        connection.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")


def _precompute(connection: sqlite3.Connection, root: Path) -> None:
    """The reading tables: precomputed once (the database is read-only, and a view is recomputed per page)."""
    for view in load_reading_tables(root):
        connection.execute(f"CREATE TEMP VIEW {_quote(view.name)} AS\n{view.sql}")
        declared = connection.execute(f"PRAGMA temp.table_info({_quote(view.name)})").fetchall()
        key = f", PRIMARY KEY ({', '.join(map(_quote, view.key))})" if view.key else ""
        definitions = ", ".join(f"{_quote(row[1])} {row[2]}".strip() for row in declared)
        connection.execute(f"DROP VIEW temp.{_quote(view.name)}")
        connection.execute(f"CREATE TABLE main.{_quote(view.name)} ({definitions}{key})")
        connection.execute(f"INSERT INTO main.{_quote(view.name)}\n{view.sql}")
        for column in dict.fromkeys(view.show.facets + view.index):
            connection.execute(f"CREATE INDEX {_quote('idx_' + view.name + '_' + column)} "
                               f"ON {_quote(view.name)} ({_quote(column)})")


def _fill(connection: sqlite3.Connection, project: Project) -> None:
    tables = all_tables(project.root)
    package = open_package(project, tables={name: t for name, t in tables.items() if t.in_package})
    for table in tables.values():
        rows = _rows(package.frame(table), table) if table.in_package else vocabulary_rows(project.root)
        _create(connection, table, tables, rows)
    connection.execute("ANALYZE")  # statistics for the query planner: without them it picks poor indexes
    _precompute(connection, project.root)
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
    target = project.database
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

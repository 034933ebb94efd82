"""The SQLite database, built for real from a copy of the published package: types, keys, indexes,
full-text search, views, byte-for-byte reproducibility, and refusal of tables that were not validated."""
from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

from conftest import copy_project, run_cli
from newsevents.core.csvformat import read_table, to_csv_text
from newsevents.core.project import Project
from newsevents.core.schemas import all_tables, load_reading_tables, load_tables, load_vocabularies
from newsevents.database.sqlite import build_database, link_keys


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("db") / "project")
    result = run_cli(project, "db")
    assert result.returncode == 0, result.stderr
    assert project.database.name in result.stdout
    return project


@pytest.fixture(scope="module")
def connection(built):
    with sqlite3.connect(f"file:{built.database}?mode=ro", uri=True) as connection:
        yield connection


def test_two_builds_are_byte_identical(built, tmp_path):
    other = copy_project(tmp_path / "again")
    assert build_database(other).read_bytes() == built.database.read_bytes()


def test_column_types_nullability_and_primary_keys_follow_the_schemas(connection, built):
    for name, table in all_tables(built.root).items():
        info = connection.execute(f"PRAGMA table_info([{name}])").fetchall()
        assert [row[1] for row in info] == table.columns, name
        for (_, column, kind, notnull, _, _), field in zip(info, table.fields):
            assert kind == field.column_type.sql, (name, column)
            assert bool(notnull) == field.required, (name, column)
        key = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        assert key == table.primary_key, name


def test_every_table_holds_exactly_the_published_rows(connection, built):
    """Read back and written in the published CSV format, each table reproduces its CSV byte for byte."""
    for name, table in load_tables(built.root).items():
        frame = pd.read_sql(f"select * from [{name}] order by rowid", connection)
        csv_text = (built.data / f"{name}.csv").read_text(encoding="utf-8")
        assert to_csv_text(frame, table) == csv_text, name


def test_foreign_keys_are_declared_and_hold(connection, built):
    tables = all_tables(built.root)
    for name, table in tables.items():
        declared = {}
        for row in connection.execute(f"PRAGMA foreign_key_list([{name}])"):
            declared.setdefault(row[0], (row[2], []))[1].append((row[3], row[4]))
        found = {(parent, tuple(pairs)) for parent, pairs in declared.values()}
        for fk in link_keys(table, tables):
            assert (fk.resource, tuple(zip(fk.fields, fk.reference))) in found, (name, fk)
        assert len(found) == len(link_keys(table, tables)), name
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_composite_keys_also_link_their_single_columns(built):
    tables = all_tables(built.root)
    links = {(tuple(fk.fields), fk.resource) for fk in link_keys(tables["event_actor_sources"], tables)}
    assert (("event_id",), "events") in links and (("actor_id",), "actors") in links


def test_foreign_key_and_facet_columns_are_indexed(connection, built):
    tables = all_tables(built.root)
    for name, table in tables.items():
        indexed = [[row[2] for row in connection.execute(f"PRAGMA index_info([{index[1]}])")]
                   for index in connection.execute(f"PRAGMA index_list([{name}])")]
        wanted = [fk.fields for fk in link_keys(table, tables)] + [[c] for c in table.show.facets]
        for columns in wanted:
            assert any(index[:len(columns)] == columns for index in indexed), (name, columns)


def test_full_text_search_finds_words_of_every_searchable_column(connection, built):
    searched = 0
    for name, table in all_tables(built.root).items():
        for column in table.search_columns:
            value = connection.execute(f"select rowid, [{column}] from [{name}] where [{column}] is not null "
                                       "order by rowid limit 1").fetchone()
            if value is None:
                continue
            word = max((w for w in value[1].replace("’", " ").split() if w.isalpha()), key=len)
            hits = connection.execute(f"select rowid from [{name}_fts] where [{name}_fts] match ?",
                                      (f'{column}:"{word}"',)).fetchall()
            assert (value[0],) in hits, (name, column, word)
            searched += 1
    assert searched >= 9


def test_views_exist_and_overview_counts_agree_with_the_tables(connection, built):
    names = {row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")}
    # precomputed as tables: the database is read-only
    assert {view.name for view in load_reading_tables(built.root)} <= names
    overview = pd.read_sql("select * from events_overview", connection).set_index("event_id")
    tables = load_tables(built.root)
    events = read_table(built.data / "events.csv", tables["events"])
    assert sorted(overview.index) == sorted(events["event_id"])
    sources = read_table(built.data / "event_sources.csv", tables["event_sources"])
    expected = sources.groupby("event_id")["article_id"].nunique()
    for event_id, count in expected.items():
        assert overview.loc[event_id, "source_count"] == count
    actors = read_table(built.data / "actors.csv", tables["actors"]).set_index("actor_id")["name"]
    roles = read_table(built.data / "event_actors.csv", tables["event_actors"])
    for row in roles.itertuples():
        assert f"{row.role}: " in overview.loc[row.event_id, "actors"]
        assert actors[row.actor_id] in overview.loc[row.event_id, "actors"]
    claims = read_table(built.data / "casualty_claims.csv", tables["casualty_claims"])
    for row in claims.itertuples():
        column = f"claimed_{row.outcome}"
        text = overview.loc[row.event_id, column]
        assert f"{row.count_text} {row.victim_group}" in text
        assert (actors[row.claimant_actor_id] if isinstance(row.claimant_actor_id, str) else "(outlet)") in text


def test_reading_tables_settings_name_their_columns(connection, built):
    for view in load_reading_tables(built.root):
        columns = {row[1] for row in connection.execute(f"PRAGMA table_info([{view.name}])")}
        named = [*view.key, *view.index, *view.show.facets, view.show.sort_desc, view.show.label, *view.columns]
        assert set(filter(None, named)) - {"rowid"} <= columns, view.name


def test_evidence_view_holds_every_evidence_row(connection, built):
    counts = dict(connection.execute("select evidence_for, count(*) from evidence group by evidence_for"))
    evidence_tables = [name for name, table in load_tables(built.root).items()
                       if any(f.evidence for f in table.fields)]
    total = sum(connection.execute(f"select count(*) from [{name}]").fetchone()[0] for name in evidence_tables)
    assert sum(counts.values()) == total
    assert len(evidence_tables) == 4 and all(counts.get(kind) for kind in ["event", "event actor", "casualty claim"])


def test_vocabularies_table_lists_every_value_in_codebook_order(connection, built):
    rows = connection.execute("select vocabulary, value, position, meaning from vocabularies").fetchall()
    expected = [(v.name, value, position, meaning) for v in load_vocabularies(built.root).values()
                for position, (value, meaning) in enumerate(v.values.items(), start=1)]
    assert sorted(rows) == sorted(expected)


def test_a_table_changed_after_validation_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    events = project.data / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("Pakistan", "Pakistan!", 1), encoding="utf-8")
    result = run_cli(project, "db")
    assert result.returncode == 1
    assert "data/events.csv" in result.stderr and "make data" in result.stderr
    assert "Traceback" not in result.stderr
    assert not project.database.exists()


def test_a_missing_package_is_reported_without_a_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    project.datapackage.unlink()
    result = run_cli(project, "db")
    assert result.returncode == 1
    assert "datapackage.json" in result.stderr and "Traceback" not in result.stderr

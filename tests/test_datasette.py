"""Datasette as `make serve` runs it, started for real on a free port and queried over HTTP.

The served project is a copy whose coding puts markup into an event summary (it must show as text), built
with `newsevents data` and `newsevents db`, with a small stand-in docs site to check the /docs/ mount.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass

import httpx
import pytest
import yaml
from markupsafe import escape

from conftest import copy_project, datasette_served, run_cli
from newsevents.core.csvformat import read_table
from newsevents.core.project import Project
from newsevents.core.schemas import all_tables, dataset_metadata, load_reading_tables, load_tables
from newsevents.database.metadata import load_queries
from newsevents.database.server import SETTINGS
from newsevents.publish.citation import plain_text, read_citation

MARKUP = '<script>alert("markup")</script> <b>not bold</b> & co'


@dataclass
class Site:
    url: str
    project: Project
    db: str
    marked_event: str

    def get(self, path: str, **params) -> httpx.Response:
        return httpx.get(self.url + path, params=params, timeout=60)

    def json(self, path: str, **params) -> dict:
        response = self.get(path, **params)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    def frame(self, table: str):
        return read_table(self.project.data / f"{table}.csv", load_tables(self.project.root)[table])


def add_markup(project: Project) -> str:
    """Put markup into the first coded event summary; returns the event's id."""
    for path in sorted(project.stories_coding.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for event in document.get("events", []):
            if "summary" in event:
                event["summary"] = f"{event['summary']} {MARKUP}"
                path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10_000),
                                encoding="utf-8")
                return event["id"]
    raise AssertionError("no coded event has a summary")


def add_docs_site(project: Project) -> None:
    for page, text in {"index.html": "Documentation home", "cite.html": "How to cite",
                       "codebook/index.html": "Codebook"}.items():
        path = project.root / "site" / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><title>{text}</title><h1>{text}</h1>", encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("served") / "project")
    marked = add_markup(project)
    for command in ("data", "db"):
        result = run_cli(project, command)
        assert result.returncode == 0, result.stdout + result.stderr
    add_docs_site(project)
    with datasette_served(project) as url:
        yield Site(url, project, project.database.stem, marked)


def served_names(site: Site) -> list[str]:
    return list(all_tables(site.project.root)) + [view.name for view in load_reading_tables(site.project.root)]


def test_every_table_and_view_serves_all_its_rows(site):
    with sqlite3.connect(site.project.database) as connection:
        for name in served_names(site):
            data = site.json(f"/{site.db}/{name}.json", _shape="objects", _size="max")
            count = connection.execute(f"select count(*) from [{name}]").fetchone()[0]
            assert data["filtered_table_rows_count"] == count, name
            assert len(data["rows"]) == min(count, 1000), name


def query_parameters(site: Site) -> dict[str, str]:
    """Values for the canned queries' parameters, taken from the data."""
    roles = site.frame("event_actors")
    claims = site.frame("casualty_claims")
    summary = site.frame("events")["summary"].iloc[0]
    return {"actor": roles["actor_id"].value_counts().index[0], "event_id": claims["event_id"].iloc[0],
            "q": max((w for w in summary.split() if w.isalpha()), key=len)}


def test_every_canned_query_runs_and_answers(site):
    queries = load_queries(site.project)
    assert len(queries) >= 3 and all(q["title"] and q["description"] for q in queries.values())
    parameters = query_parameters(site)
    for name, query in queries.items():
        params = {key: value for key, value in parameters.items() if f":{key}" in query["sql"]}
        data = site.json(f"/{site.db}/{name}.json", _shape="objects", **params)
        assert data["ok"] and data["columns"], name
        assert data["rows"], (name, params)


def test_actor_profile_accepts_a_name_or_name_variant(site):
    aliases = site.frame("actor_aliases")
    actor_id, alias = aliases.iloc[0]["actor_id"], aliases.iloc[0]["alias"]
    by_alias = site.json(f"/{site.db}/actor_profile.json", _shape="objects", actor=alias)["rows"]
    by_id = site.json(f"/{site.db}/actor_profile.json", _shape="objects", actor=actor_id)["rows"]
    assert by_alias == by_id and by_id[0]["kind"] == "actor" and by_id[0]["record_id"] == actor_id


def test_disagreements_pairs_conflicting_claims_only(site, tmp_path):
    """A conflicting claim is added to a copy of the database; the claim and its parts stay out."""
    copy = tmp_path / "copy.db"
    shutil.copy(site.project.database, copy)
    with sqlite3.connect(copy) as connection:
        claim = connection.execute("select * from casualty_claims where part_of_claim_id is null "
                                   "order by claim_id limit 1").fetchone()
        names = [r[1] for r in connection.execute("PRAGMA table_info(casualty_claims)")]
        row = dict(zip(names, claim))
        other = connection.execute("select actor_id from actors where actor_id is not ? order by actor_id limit 1",
                                   (row["claimant_actor_id"],)).fetchone()[0]
        conflict = row | {"claim_id": "zz-conflicting-claim", "claimant_actor_id": other,
                          "count_low": row["count_low"] + 5, "count_high": None, "count_text": "many"}
        connection.execute(f"insert into casualty_claims ({', '.join(names)}) values ({', '.join('?' * len(names))})",
                           [conflict[n] for n in names])
        disagreements = next(v for v in load_reading_tables(site.project.root) if v.name == "disagreements")
        cursor = connection.execute(disagreements.sql)
        columns = [d[0] for d in cursor.description]
        pairs = {(r["claim_id_1"], r["claim_id_2"]) for r in (dict(zip(columns, v)) for v in cursor.fetchall())}
        parts = set(connection.execute("select claim_id, part_of_claim_id from casualty_claims "
                                       "where part_of_claim_id is not null").fetchall())
    assert (row["claim_id"], "zz-conflicting-claim") in pairs
    assert not pairs & (parts | {(b, a) for a, b in parts})


def test_full_text_search_on_tables_and_everywhere(site):
    word = query_parameters(site)["q"]
    rows = site.json(f"/{site.db}/events.json", _search=word, _shape="objects")["rows"]
    assert rows and all(word.lower() in (r["summary"] + " " + (r["notes"] or "")).lower() for r in rows)
    quote = site.frame("event_sources")["quote"].iloc[0]
    quote_word = max((w for w in quote.split() if w.isalpha()), key=len)
    rows = site.json(f"/{site.db}/event_sources.json", _search=quote_word, _shape="objects")["rows"]
    assert rows and all(quote_word.lower() in r["quote"].lower() for r in rows)
    found = site.json(f"/{site.db}/search.json", q=quote_word, _shape="objects")["rows"]
    assert "event evidence" in {r["found_in"] for r in found}
    assert all("[" in r["match"] for r in found)
    page = site.get(f"/{site.db}/events", _search=word).text
    assert 'name="_search"' in page


def test_search_reads_punctuation_as_text(site):
    """A hyphenated word, which FTS5 alone would read as a column filter, is found as written."""
    quotes = site.frame("event_sources")["quote"]
    word = next(w.strip(".,;:") for q in quotes for w in q.split() if "-" in w.strip(".,;:-"))
    found = site.json(f"/{site.db}/search.json", q=word, _shape="objects")["rows"]
    assert found and all(word.lower() in r["match"].replace("[", "").replace("]", "").lower() for r in found)
    assert site.json(f"/{site.db}/search.json", q='"unclosed NOT', _shape="objects")["rows"] == []


def test_questions_over_every_row_are_paged_tables(site):
    """Timeline, claims side by side, meetings and disagreements: every row, a page at a time, in query order."""
    with sqlite3.connect(site.project.database) as connection:
        for view in (v for v in load_reading_tables(site.project.root) if v.question):
            expected = [list(row) for row in connection.execute(view.sql)]
            rows, url = [], f"{site.url}/{site.db}/{view.name}.json?_size=2"
            while url:
                data = httpx.get(url, timeout=60).json()
                assert data["columns"][0] == "rowid" and len(data["rows"]) <= 2
                rows += [row[1:] for row in data["rows"]]
                url = data["next_url"]
            assert rows == expected, view.name


def test_repeated_pages_come_from_the_response_cache(site):
    first = site.get(f"/{site.db}/events_overview", _facet="event_type")
    again = site.get(f"/{site.db}/events_overview", _facet="event_type")
    assert again.headers["x-response-cache"] == "hit" and again.content == first.content
    assert site.get("/").headers["x-response-cache"] in {"hit", "miss"}
    assert "x-response-cache" not in site.get("/-/versions.json").headers


def test_foreign_keys_link_rows_and_show_labels(site):
    places = site.frame("places").set_index("place_id")["name"]
    rows = site.json(f"/{site.db}/events.json", _shape="objects", _labels="on")["rows"]
    placed = [r for r in rows if r["place_id"]]
    assert placed and all(r["place_id"]["label"] == places[r["place_id"]["value"]] for r in placed)
    page = site.get(f"/{site.db}/events").text
    first = placed[0]["place_id"]
    assert f'<a href="/{site.db}/places/{first["value"]}">{escape(first["label"])}</a>' in page
    actors = site.frame("actors").set_index("actor_id")["name"]
    evidence = site.json(f"/{site.db}/event_actor_sources.json", _shape="objects", _labels="on")["rows"]
    assert evidence and all(r["actor_id"]["label"] == actors[r["actor_id"]["value"]] for r in evidence)


def test_every_column_of_every_table_and_view_is_described(site):
    metadata = site.json("/-/metadata.json")["databases"][site.db]["tables"]
    tables = all_tables(site.project.root)
    for name in served_names(site):
        columns = site.json(f"/{site.db}/{name}.json", _size=1)["columns"]
        described = metadata[name]["columns"]
        assert metadata[name]["description"], name
        assert all(described.get(c, "").strip() for c in columns), (name, set(columns) - set(described))
        if name in tables:
            assert all(described[f.name].startswith(f.description) for f in tables[name].fields), name
    page = site.get(f"/{site.db}/events").text
    summary = load_tables(site.project.root)["events"].field("summary").description
    assert str(escape(summary)) in page


def test_facets_sort_and_hidden_internal_tables(site):
    data = site.json(f"/{site.db}/events.json")
    assert set(all_tables(site.project.root)["events"].show.facets) <= set(data["facet_results"])
    assert "sorted by date_start descending" in data["human_description_en"]
    dates = [row[data["columns"].index("date_start")] for row in data["rows"]]
    assert dates == sorted(dates, key=lambda d: (d is not None, d), reverse=True)
    database = site.json(f"/{site.db}.json")
    hidden = {t["name"] for t in database["tables"] if t["hidden"]}
    assert {f"{name}_fts" for name in ("events", "actors", "meetings", "event_sources")} <= hidden
    assert not hidden & set(all_tables(site.project.root))
    reading = {t["name"] for t in database["tables"] if not t["hidden"]} - set(all_tables(site.project.root))
    assert reading == {v.name for v in load_reading_tables(site.project.root)}  # precomputed reading tables


def test_a_too_slow_query_is_cut_off(site):
    endless = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    response = site.get(f"/{site.db}.json", sql=endless)
    assert response.status_code == 400
    assert "too long" in response.json()["error"]


def test_rows_are_capped_and_the_database_is_read_only(site):
    many = "with recursive n(i) as (select 1 union all select i + 1 from n limit 5000) select i from n"
    data = site.json(f"/{site.db}.json", sql=many)
    assert len(data["rows"]) == SETTINGS["max_returned_rows"] and data["truncated"]
    assert site.get(f"/{site.db}.json", sql="delete from events").status_code == 400
    assert site.json("/-/databases.json")[0]["is_mutable"] is False
    settings = site.json("/-/settings.json")
    assert settings["sql_time_limit_ms"] == SETTINGS["sql_time_limit_ms"]
    assert settings["suggest_facets"] is False
    plugins = {p["name"] for p in site.json("/-/plugins.json")}
    assert plugins == {"datasette-cluster-map", "datasette-leaflet", "newsevents_site.py", "response_cache.py",
                       "search_syntax.py"}


def test_home_page_states_version_and_citation_and_links_every_download(site):
    meta = dataset_metadata(site.project.root)
    page = site.get("/").text
    assert f"Version <strong>{meta['version']}</strong>" in page
    citation = plain_text(read_citation(site.project))
    assert str(escape(citation)) in page and meta["version"] in citation
    assert str(escape(meta["title"])) in page and "Cite" in page and 'href="/docs/cite.html"' in page
    package = json.loads(site.project.datapackage.read_text(encoding="utf-8"))
    expected = [f"{site.db}.db", "datapackage.json"] + [r["path"] for r in package["resources"]]
    for path in expected:
        assert f'href="/{path}"' in page, path
        response = site.get(f"/{path}")
        assert response.status_code == 200 and response.content == (site.project.root / path).read_bytes(), path
    questions = [v.name for v in load_reading_tables(site.project.root) if v.question]
    assert questions
    for name in [*questions, *load_queries(site.project)]:
        assert f'href="/{site.db}/{name}"' in page, name
    assert site.get("/data/raw.csv").status_code == 404
    assert site.get("/data/coding.csv").status_code == 404


def test_docs_site_is_served_under_docs(site):
    response = site.get("/docs/")
    assert response.status_code == 302 and response.headers["location"] == "/docs/index.html"
    assert "Documentation home" in site.get("/docs/index.html").text
    assert site.get("/docs/codebook/").headers["location"] == "/docs/codebook/index.html"
    assert "Codebook" in site.get("/docs/codebook/index.html").text


def test_the_map_is_offered_for_places_and_events(site):
    for name in ("places", "events_overview"):
        assert "datasette-cluster-map.js" in site.get(f"/{site.db}/{name}").text, name
    assert "datasette-cluster-map.js" not in site.get(f"/{site.db}/actors").text


def test_markup_in_the_data_renders_as_text(site):
    pages = [f"/{site.db}/events/{site.marked_event}", f"/{site.db}/events", f"/{site.db}/events_overview",
             f"/{site.db}/timeline"]
    for path in pages:
        page = site.get(path).text
        assert '<script>alert("markup")' not in page and "<b>not bold</b>" not in page, path
        assert "&lt;script&gt;alert(" in page, path
    assert str(escape(MARKUP)) in site.get(pages[0]).text


def test_serve_command_prints_the_addresses_and_serves_them(site):
    """`newsevents serve` (what `make serve` runs) on another free port: the printed home page answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = os.environ | {"NEWSEVENTS_ROOT": str(site.project.root)}
    server = subprocess.Popen([sys.executable, "-m", "newsevents", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        printed = [server.stdout.readline() for _ in range(5)]
        home = next(line.split()[-1] for line in printed if "home" in line)
        assert home == f"http://127.0.0.1:{port}/"
        assert any(line.split()[-1] == f"http://127.0.0.1:{port}/docs/" for line in printed)
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(home, timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
        assert response.status_code == 200 and "Download" in response.text
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_without_a_database_says_how_to_build_it(tmp_path):
    project = copy_project(tmp_path / "project")
    result = run_cli(project, "serve", "--port", "9")
    assert result.returncode == 1
    assert "make db" in result.stderr and "Traceback" not in result.stderr

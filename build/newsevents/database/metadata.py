"""Datasette's metadata, generated from the schemas, the reading tables and the canned queries; nothing retyped.

Titles, descriptions, licences and versions come from schemas/; column descriptions, labels, facets and
sort orders from schemas/tables/ and schemas/reading_tables.yaml; canned queries from datasette/queries.yaml.
What the home page shows (downloads, version, citation) is passed to the site plugin in datasette/plugins/
as its configuration.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import yaml

from newsevents.core.project import Project
from newsevents.core.schemas import (
    Field,
    ReadingTable,
    Show,
    Table,
    all_tables,
    dataset_metadata,
    load_reading_tables,
    load_tables,
)
from newsevents.publish.citation import plain_text, read_citation
from newsevents.publish.jsonld import (
    Download,
    archive_download,
    database_download,
    dataset_jsonld,
    package_downloads,
)
from newsevents.publish.reader import open_package

CITATION_FILE = "CITATION.cff"
MAX_LISTED_VALUES = 20  # longer vocabularies are only in the vocabularies table
CITABLE = ["events", "casualty_claims"]  # row pages that show how to cite the row


def column_description(field: Field) -> str:
    """The schema's description, followed by the allowed values when the column takes a vocabulary."""
    if not field.vocabulary or len(field.vocabulary.values) > MAX_LISTED_VALUES:
        return field.description
    return f"{field.description} Values ({field.vocabulary.name}): {', '.join(field.vocabulary.values)}."


def _shown(entry: dict, show: Show) -> dict:
    """Label column, default facets and default sort, where the schema gives them."""
    if show.label:
        entry["label_column"] = show.label
    if show.facets:
        entry["facets"] = show.facets
    if show.sort_desc:
        entry["sort_desc"] = show.sort_desc
    return entry


def table_metadata(table: Table) -> dict:
    return _shown({"title": table.title, "description": table.description,
                   "columns": {f.name: column_description(f) for f in table.fields}}, table.show)


def _described_in(name: str, column: str, tables: dict[str, Table], earlier: dict[str, dict]) -> str | None:
    """The description of `column` in table `name` (of schemas/tables/) or in a reading table described earlier."""
    if name in tables:
        return column_description(tables[name].field(column)) if column in tables[name].columns else None
    return earlier.get(name, {}).get("columns", {}).get(column)


def view_metadata(view: ReadingTable, columns: list[str], tables: dict[str, Table],
                  earlier: dict[str, dict] | None = None) -> dict:
    """A reading table's columns are described in its definition or, failing that, by the table they come from
    (`earlier`: the metadata of the reading tables defined before it)."""
    described = dict(view.columns)
    for column in columns:
        found = (_described_in(name, column, tables, earlier or {}) for name in view.describe_from)
        source = next((text for text in found if text is not None), None)
        if column not in described and source is not None:
            described[column] = source
    return _shown({"title": view.title, "description": " ".join(view.description.split()),
                   "columns": {c: described[c] for c in (["rowid"] if not view.key else []) + columns
                               if c in described}}, view.show)


def load_queries(project: Project) -> dict[str, dict]:
    queries = yaml.safe_load((project.datasette / "queries.yaml").read_text(encoding="utf-8"))
    return {name: {"hide_sql": True, **query, "description": " ".join(query["description"].split())}
            for name, query in queries.items()}


def questions(reading: list[ReadingTable], queries: dict[str, dict]) -> list[dict]:
    """The ready-made questions the home page lists: reading tables over every row, then the canned queries."""
    found = [{"name": view.name, "title": view.title, "description": " ".join(view.description.split())}
             for view in reading if view.question]
    return found + [{"name": name, "title": query["title"], "description": query["description"]}
                    for name, query in queries.items()]


def downloads(project: Project, tables: dict[str, Table], db_name: str) -> list[dict]:
    """What the home page offers: the database, datapackage.json, every published CSV and its typed Parquet
    copy, and the release archive of this version once it is made."""
    items = [{"title": "SQLite database", "path": f"{db_name}.db",
              "description": "Every table, view and full-text index below, in one file."},
             {"title": "datapackage.json", "path": project.rel(project.datapackage),
              "description": "The Frictionless data package (v2): every file's schema and hash."}]
    items += [{"title": table.title, "path": f"data/{name}.csv", "description": table.description}
              for name, table in tables.items()]
    items += [{"title": f"{table.title} (Parquet)", "path": f"data/{name}.parquet",
               "description": "The same rows with their types: codes as text, integers, dates and nulls."}
              for name, table in tables.items()]
    archive = archive_download(project, str(dataset_metadata(project.root)["version"]))
    if archive:
        items.append({"title": archive.title, "path": archive.path,
                      "description": "Everything above and the docs, with SHA256SUMS (reproducible)."})
    return items


def record_links(tables: dict[str, Table]) -> dict:
    """What row pages link to: each evidence table's quotes (to the story pages of the docs), the evidence of
    each record, the tables whose rows show how to cite them, and the row-version columns."""
    evidence = {name: t.evidence_for for name, t in tables.items() if t.evidence_for}
    return {"evidence_tables": sorted(evidence),
            "records": {target: {"evidence": name, "key": tables[target].primary_key}
                        for name, target in evidence.items()},
            "citable": CITABLE,
            "row_versions": {kind: tables["events"].row_version_column(kind) for kind in ("added", "changed")}}


def jsonld(project: Project) -> dict:
    """The home page's schema.org Dataset document, every download at the URL Datasette serves it from."""
    meta = dataset_metadata(project.root)
    package = open_package(project)
    tables = load_tables(project.root)
    frames = {name: package.frame(tables[name]) for name in ("events", "places", "countries")}
    found: list[Download | None] = [database_download(project), *package_downloads(project, package),
                                    archive_download(project, str(meta["version"]))]
    return dataset_jsonld(meta, plain_text(read_citation(project)), frames, [d for d in found if d],
                          lambda path: "/" + path)


def _schema_of(db: Path, views: list[ReadingTable]) -> tuple[list[str], dict[str, list[str]], tuple[int, list[str]]]:
    """Internal tables, reading tables' columns, and (story count, outlets) of a built database."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        names = [r[0] for r in connection.execute("select name from sqlite_master where type = 'table' order by name")]
        view_columns = {v.name: [r[1] for r in connection.execute(f"PRAGMA table_info([{v.name}])")] for v in views}
        stories = connection.execute("select count(*) from articles").fetchone()[0]
        outlets = [r[0] for r in connection.execute("select distinct outlet from articles order by outlet")]
    return names, view_columns, (stories, outlets)


def metadata(project: Project, *, docs: Path | None) -> dict:
    """The whole metadata document for a built database; `docs`: the docs site served at /docs/, if any."""
    meta = dataset_metadata(project.root)
    tables = all_tables(project.root)
    db = project.database
    reading = load_reading_tables(project.root)
    names, view_columns, (stories, outlets) = _schema_of(db, reading)
    views = {v.name: v for v in reading}
    entries = {name: table_metadata(table) for name, table in tables.items()}
    for name, columns in view_columns.items():
        entries[name] = view_metadata(views[name], columns, tables, entries)
    entries |= {name: {"hidden": True} for name in names if name not in tables and name not in views}
    data_licence = next(lic for lic in meta["licenses"] if lic["scope"] == "data")
    about = {"about": "Documentation and codebook", "about_url": "/docs/index.html"} if docs else \
        {"about": "datapackage.json", "about_url": "/datapackage.json"}
    return {
        "title": meta["title"],
        "description": " ".join(meta["description"].split()),
        "license": data_licence["title"], "license_url": data_licence["path"],
        "source": f"{stories} news stories ({', '.join(outlets)})",
        "source_url": f"/{db.stem}/articles",
        **about,
        "extra_css_urls": ["/assets/site.css"],
        "databases": {db.stem: {
            "title": meta["title"],
            "description": "The published tables with keys, indexes, full-text search and reading views.",
            "tables": entries,
            "queries": load_queries(project),
        }},
        "plugins": {"newsevents": {
            "version": meta["version"], "released": str(meta["released"]),
            "citation": plain_text(read_citation(project)),
            "database": db.stem,
            "downloads": downloads(project, load_tables(project.root), db.stem),
            "questions": questions(reading, load_queries(project)),
            "docs": docs is not None,
            "cite_page": "/docs/cite.html" if docs is not None and (docs / "cite.html").exists() else None,
            "citation_file": CITATION_FILE if (project.root / CITATION_FILE).exists() else None,
            "jsonld": jsonld(project),
            **record_links(load_tables(project.root)),
        }},
    }

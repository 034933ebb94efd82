"""datapackage.json: the Frictionless descriptor of the package (Data Package v2), generated from schemas/ and
the articles.

Each table is a CSV resource (`<table>`) and a typed Parquet resource (`<table>-parquet`) with the same
schema; vocabulary columns are v2 categorical fields. A Parquet resource records its SHA-256 but not its
size: frictionless 5 reads Parquet through pyarrow and reports a declared `bytes` as unmatched.
"""
from __future__ import annotations

import hashlib

from newsevents.core.project import Project
from newsevents.core.schemas import Table, dataset_metadata
from newsevents.ingest.articles import Article
from newsevents.publish.parquet import MEDIATYPE

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
PARQUET_SUFFIX = "-parquet"


def parquet_name(table: str) -> str:
    """The name of a table's Parquet resource."""
    return table + PARQUET_SUFFIX


def table_resources(descriptor: dict) -> list[dict]:
    """The CSV resource of every table (a package released before the Parquet copies has only these)."""
    return [r for r in descriptor["resources"] if r.get("format", "csv") == "csv"]


def frictionless_schema(table: Table, suffix: str = "") -> dict:
    """The Table Schema descriptor of a table; `suffix` names the resources its foreign keys point at."""
    fields = []
    for f in table.fields:
        descriptor: dict = {"name": f.name, "type": f.type, "description": f.description}
        if f.type == "date":
            descriptor["format"] = "%Y-%m-%d"
        constraints: dict = {}
        if f.required:
            constraints["required"] = True
        if f.enum:
            constraints["enum"] = f.enum
            descriptor["categories"] = f.enum
        if f.pattern:
            constraints["pattern"] = f.pattern.removeprefix("^").removesuffix("$")
        if f.minimum is not None:
            constraints["minimum"] = f.minimum
        if f.maximum is not None:
            constraints["maximum"] = f.maximum
        if f.max_length:
            constraints["maxLength"] = f.max_length
        if constraints:
            descriptor["constraints"] = constraints
        fields.append(descriptor)
    schema: dict = {"fields": fields, "missingValues": [""], "primaryKey": table.primary_key}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": fk.fields, "reference": {"resource": "" if fk.resource == table.name else fk.resource + suffix,
                                                 "fields": fk.reference}}
            for fk in table.foreign_keys
        ]
    return schema


def _sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _resources(table: Table, csv: bytes, parquet: bytes) -> list[dict]:
    """The CSV and the Parquet resource of a table."""
    name = table.name
    return [
        {"$schema": RESOURCE_PROFILE, "name": name, "type": "table", "path": f"data/{name}.csv", "scheme": "file",
         "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "title": table.title,
         "description": table.description, "hash": _sha256(csv), "bytes": len(csv),
         "schema": frictionless_schema(table)},
        {"$schema": RESOURCE_PROFILE, "name": parquet_name(name), "type": "table", "path": f"data/{name}.parquet",
         "scheme": "file", "format": "parquet", "mediatype": MEDIATYPE, "title": f"{table.title} (Parquet)",
         "description": f"The rows of data/{name}.csv with their types, as Parquet. {table.description}",
         "hash": _sha256(parquet), "schema": frictionless_schema(table, PARQUET_SUFFIX)},
    ]


def datapackage(project: Project, tables: dict[str, Table], csv: dict[str, bytes], parquet: dict[str, bytes],
                articles: list[Article]) -> dict:
    """The descriptor for the staged CSV and Parquet bytes of every table: the CSV resources, then the Parquet."""
    meta = dataset_metadata(project.root)
    sources = [{"title": f"{a.outlet}: {a.headline}", "path": a.url or a.capture_file,
                **({"version": str(a.published_date)} if a.published_date else {})} for a in articles]
    sources += [{"title": s["title"], "path": s["path"]} for s in meta["reference_sources"]]
    pairs = [_resources(table, csv[name], parquet[name]) for name, table in tables.items()]
    resources = [pair[0] for pair in pairs] + [pair[1] for pair in pairs]
    return {
        "$schema": PROFILE,
        "name": meta["name"], "title": meta["title"], "description": meta["description"],
        "version": meta["version"], "created": f"{meta['released']}T00:00:00Z",
        "keywords": meta["keywords"],
        "licenses": [{k: v for k, v in lic.items() if k != "scope"} | {"title": f"{lic['title']} ({lic['scope']})"}
                     for lic in meta["licenses"]],
        "contributors": [{"title": c["title"], "roles": c["roles"]} for c in meta["contributors"]],
        "sources": sources, "resources": resources,
    }

"""datapackage.json: the Frictionless descriptor of the package, generated from schemas/ and the articles."""
from __future__ import annotations

import hashlib

from newsevents.core.project import Project
from newsevents.core.schemas import Table, dataset_metadata
from newsevents.ingest.articles import Article


def frictionless_schema(table: Table) -> dict:
    """The Table Schema descriptor of a table."""
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
            {"fields": fk.fields, "reference": {"resource": "" if fk.resource == table.name else fk.resource,
                                                 "fields": fk.reference}}
            for fk in table.foreign_keys
        ]
    return schema


def datapackage(project: Project, tables: dict[str, Table], staged: dict[str, bytes],
                articles: list[Article]) -> dict:
    """The descriptor for the staged CSV bytes of every table."""
    meta = dataset_metadata(project.root)
    sources = [{"title": f"{a.outlet}: {a.headline}", "path": a.url or a.capture_file,
                **({"version": str(a.published_date)} if a.published_date else {})} for a in articles]
    sources += [{"title": s["title"], "path": s["path"]} for s in meta["reference_sources"]]
    resources = []
    for name, table in tables.items():
        data = staged[name]
        resources.append({
            "name": name, "type": "table", "path": f"data/{name}.csv", "scheme": "file", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": table.title, "description": table.description,
            "hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data),
            "schema": frictionless_schema(table),
        })
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": meta["name"], "title": meta["title"], "description": meta["description"],
        "version": meta["version"], "created": f"{meta['released']}T00:00:00Z",
        "keywords": meta["keywords"],
        "licenses": [{k: v for k, v in lic.items() if k != "scope"} | {"title": f"{lic['title']} ({lic['scope']})"}
                     for lic in meta["licenses"]],
        "contributors": [{"title": c["title"], "roles": [c["role"]]} for c in meta["contributors"]],
        "sources": sources, "resources": resources,
    }

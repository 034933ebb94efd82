"""releases/<version>/ids.json: every primary key of a release, and what each single-column ID named.

The build reads these records back as its input (ingest/released_ids.py) and refuses a released ID that
disappears or changes meaning without an entry in releases/renames.yaml.
"""
from __future__ import annotations

import json

from newsevents.release.diff import TableRows


def ids_document(version: str, tables: dict[str, TableRows], identity: dict[str, list[str]]) -> dict:
    """The ids.json record of a release, from its published tables (CSV text, empty = null)."""
    document: dict = {"version": version, "tables": {}}
    for name, table in tables.items():
        meaning = identity.get(name, []) if len(table.primary_key) == 1 else []
        rows = [[row[c] for c in table.primary_key] + [row[c] or None for c in meaning]
                for _, row in sorted(table.rows.items())]
        document["tables"][name] = {"primary_key": table.primary_key, "meaning": meaning, "rows": rows}
    return document


def ids_json(document: dict) -> str:
    """ids.json text: one row per line, so that a release's record reads and diffs line by line."""
    out = ["{", f'  "version": {json.dumps(document["version"])},', '  "tables": {']
    names = list(document["tables"])
    for i, name in enumerate(names):
        spec = document["tables"][name]
        rows = [f"        {json.dumps(row, ensure_ascii=False)}" for row in spec["rows"]]
        out += [f"    {json.dumps(name)}: {{",
                f'      "primary_key": {json.dumps(spec["primary_key"])},',
                f'      "meaning": {json.dumps(spec["meaning"])},',
                '      "rows": [' + ("" if rows else "]"),
                *[row + ("," if j < len(rows) - 1 else "") for j, row in enumerate(rows)],
                *(["      ]"] if rows else []),
                "    }" + ("," if i < len(names) - 1 else "")]
    out += ["  }", "}"]
    return "\n".join(out) + "\n"

"""Stable IDs: an ID, once released, never disappears or changes meaning without a recorded reason.

Each release records every primary key of every table in releases/<version>/ids.json, and for tables keyed
by one ID column also the columns that define what the ID names (releases/identity.yaml). The build checks
the tables it assembled against every release: a released ID that is missing, or whose defining columns
changed, fails the build unless releases/renames.yaml lists it as renamed, retired or redefined.
Rows of tables keyed by several columns (links and evidence) are recorded too; their changes are reported
by the row-level changelog, not refused.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
import yaml

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import load_tables
from newsevents.core.yamlfile import check_structure, coding_schema, read_yaml
from newsevents.release.diff import TableRows
from newsevents.release.records import (
    SEMVER,
    folder,
    identity_file,
    renames_file,
    version_key,
)

RENAMES = "releases/renames.yaml"
HOW_TO_FIX = ("keep the released ID (IDs never change once released), or record it in releases/renames.yaml "
              "as renamed (with new_id) or retired, with a reason")


@dataclass(frozen=True)
class Rename:
    table: str
    id: str
    action: str
    version: str
    reason: str
    new_id: str | None
    line: int | None


def load_identity(project: Project) -> dict[str, list[str]]:
    """Table → the columns that define what its IDs name."""
    return yaml.safe_load(identity_file(project).read_text(encoding="utf-8")) or {}


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


def _released(project: Project) -> dict[tuple[str, str], tuple[str, dict[str, str | None]]]:
    """(table, id) → (latest version that released it, its defining values then)."""
    released = {}
    paths = [p for p in folder(project).glob("*/ids.json") if SEMVER.match(p.parent.name)]
    for path in sorted(paths, key=lambda p: version_key(p.parent.name)):
        document = json.loads(path.read_text(encoding="utf-8"))
        for table, spec in document["tables"].items():
            if len(spec["primary_key"]) != 1:
                continue
            for row in spec["rows"]:
                released[(table, row[0])] = (document["version"], dict(zip(spec["meaning"], row[1:])))
    return released


def load_renames(project: Project, tables: set[str], problems: Collector) -> list[Rename]:
    """The entries of releases/renames.yaml, each checked for shape and for naming a known table."""
    path = renames_file(project)
    if not path.exists():
        return []
    document = read_yaml(path, RENAMES, problems)
    if document is None or not check_structure(document, coding_schema(project.root, "renames"), problems):
        return []
    entries = []
    for i, entry in enumerate(document.data["renames"]):
        line = document.line("renames", i)
        if entry["table"] not in tables:
            problems.add(RENAMES, f"table '{entry['table']}' is not a table of the dataset",
                         "name one of: " + ", ".join(sorted(tables)), line=line, record=entry["id"])
            continue
        entries.append(Rename(entry["table"], entry["id"], entry["action"], entry["version"], entry["reason"],
                              entry.get("new_id"), line))
    return entries


def _text(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


def _current(frame: pd.DataFrame, key: str, columns: list[str]) -> dict[str, dict[str, str | None]]:
    """Current ID → its defining values (columns the table no longer has are left out)."""
    present = [c for c in columns if c in frame.columns]
    ids = [_text(v) for v in frame[key].tolist()]
    values = {c: [_text(v) for v in frame[c].tolist()] for c in present}
    return {id_: {c: values[c][i] for c in present} for i, id_ in enumerate(ids)}


def check_stable_ids(project: Project, frames: dict[str, pd.DataFrame]) -> None:
    """Fail the build when a released ID is missing or changed meaning without an entry in renames.yaml."""
    released = _released(project)
    if not released and not renames_file(project).exists():
        return
    tables = load_tables(project.root)
    problems = Collector()
    renames = load_renames(project, set(tables), problems)
    by_id: dict[tuple[str, str], list[Rename]] = {}
    for entry in renames:
        by_id.setdefault((entry.table, entry.id), []).append(entry)
    meaning_columns: dict[str, list[str]] = {}
    for (table, _), (_, meaning) in released.items():
        meaning_columns.setdefault(table, list(meaning))
    current = {t: _current(frames[t], tables[t].primary_key[0], cols) for t, cols in meaning_columns.items()
               if t in frames and t in tables and len(tables[t].primary_key) == 1}
    for table in sorted(set(meaning_columns) - set(current)):
        problems.add(f"data/{table}.csv", f"table '{table}' was released and is no longer built (or no longer "
                     "keyed by one ID column)", "restore the table; dropping a table needs a major version")
    for (table, id_), (version, meaning) in sorted(released.items()):
        entries = by_id.get((table, id_), [])
        where = f"data/{table}.csv"
        if table not in current:
            continue
        if id_ not in current[table]:
            if not any(e.action in ("renamed", "retired") for e in entries):
                problems.add(where, f"{table} ID '{id_}' was released in {version} and is missing from this build",
                             HOW_TO_FIX, record=id_)
        else:
            now = current[table][id_]
            changed = [f"{c} was {meaning[c]!r}, now {now[c]!r}" for c in meaning if c in now and now[c] != meaning[c]]
            excused = any(e.action == "redefined" and version_key(e.version) > version_key(version) for e in entries)
            if changed and not excused:
                problems.add(where, f"{table} ID '{id_}' changed meaning since {version}: " + "; ".join(changed),
                             "restore the released values, or give the new meaning a new ID and record the old "
                             "one as retired in releases/renames.yaml (a redefinition, action: redefined, "
                             "needs a major version)", record=id_)
    for entry in renames:
        ids = current.get(entry.table)
        if (entry.table, entry.id) not in released:
            problems.add(RENAMES, f"{entry.table} ID '{entry.id}' was never released", "remove the entry or fix the id",
                         line=entry.line, record=entry.id)
        elif entry.action in ("renamed", "retired") and ids is not None and entry.id in ids:
            problems.add(RENAMES, f"{entry.table} ID '{entry.id}' is listed as {entry.action} but is still in the "
                         "table", "remove the entry, or remove the ID from the coding", line=entry.line,
                         record=entry.id)
        if entry.action == "renamed" and ids is not None and entry.new_id not in ids:
            problems.add(RENAMES, f"{entry.table} ID '{entry.id}' is renamed to '{entry.new_id}', which is not in "
                         "the table", "give the ID it was renamed to", line=entry.line, record=entry.id)
    problems.raise_if_any()

"""Stable IDs: an ID, once released, never disappears or changes meaning without a recorded reason.

The tables a build assembled are checked against every release (ingest/released_ids.py reads them): a
released ID that is missing, or whose defining columns changed, fails the build unless releases/renames.yaml
lists it as renamed, retired or redefined. Rows of tables keyed by several columns (links and evidence) are
recorded too; their changes are reported by the row-level changelog, not refused.
"""
from __future__ import annotations

import pandas as pd

from newsevents.core.errors import Collector
from newsevents.core.schemas import Table
from newsevents.core.versions import version_key
from newsevents.ingest.released_ids import RENAMES, ReleasedIds, Rename

HOW_TO_FIX = ("keep the released ID (IDs never change once released), or record it in releases/renames.yaml "
              "as renamed (with new_id) or retired, with a reason")


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


def _check_released(released: ReleasedIds, current: dict, by_id: dict, problems: Collector) -> None:
    for (table, id_), (version, meaning) in sorted(released.ids.items()):
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


def _check_renames(released: ReleasedIds, current: dict, problems: Collector) -> None:
    for entry in released.renames:
        ids = current.get(entry.table)
        if (entry.table, entry.id) not in released.ids:
            problems.add(RENAMES, f"{entry.table} ID '{entry.id}' was never released", "remove the entry or fix the id",
                         line=entry.line, record=entry.id)
        elif entry.action in ("renamed", "retired") and ids is not None and entry.id in ids:
            problems.add(RENAMES, f"{entry.table} ID '{entry.id}' is listed as {entry.action} but is still in the "
                         "table", "remove the entry, or remove the ID from the coding", line=entry.line,
                         record=entry.id)
        if entry.action == "renamed" and ids is not None and entry.new_id not in ids:
            problems.add(RENAMES, f"{entry.table} ID '{entry.id}' is renamed to '{entry.new_id}', which is not in "
                         "the table", "give the ID it was renamed to", line=entry.line, record=entry.id)


def check_stable_ids(frames: dict[str, pd.DataFrame], tables: dict[str, Table], released: ReleasedIds,
                     problems: Collector) -> None:
    """A problem for every released ID missing or changed in meaning without an entry in renames.yaml (none while
    renames.yaml itself cannot be read: its problem is reported, and what it excuses is unknown)."""
    if released.empty or not released.renames_read:
        return
    by_id: dict[tuple[str, str], list[Rename]] = {}
    for entry in released.renames:
        by_id.setdefault((entry.table, entry.id), []).append(entry)
    meaning_columns: dict[str, list[str]] = {}
    for (table, _), (_, meaning) in released.ids.items():
        meaning_columns.setdefault(table, list(meaning))
    current = {t: _current(frames[t], tables[t].primary_key[0], cols) for t, cols in meaning_columns.items()
               if t in frames and t in tables and len(tables[t].primary_key) == 1}
    for table in sorted(set(meaning_columns) - set(current)):
        problems.add(f"data/{table}.csv", f"table '{table}' was released and is no longer built (or no longer "
                     "keyed by one ID column)", "restore the table; dropping a table needs a major version")
    _check_released(released, current, by_id, problems)
    _check_renames(released, current, problems)

"""Every row's added_in_version and changed_in_version, from the released snapshots (ingest/released_rows.py).

Rows are matched by primary key and compared as the CSV text users download, on the columns both versions
have (the row-version columns themselves left out), as `make diff` compares them. Walking the releases oldest
first: a row takes the version it first appears in; it keeps its last-changed version while its values stay
the same, and takes the version of the release (or the version in progress) whose values differ. A release
published with these columns is taken as it stands: a released row's versions never change afterwards.
"""
from __future__ import annotations

import pandas as pd

from newsevents.core.csvformat import text_frame
from newsevents.core.schemas import Table
from newsevents.ingest.released_rows import ReleasedSnapshot

ADDED, CHANGED = "__added", "__changed"


def _carry(rows: pd.DataFrame, before: pd.DataFrame | None, table: Table, version: str) -> pd.DataFrame:
    """`rows` (CSV text, keyed by the table's primary key) with the versions each row takes at `version`,
    given the state `before` it (rows with their versions, or None before the first release)."""
    key = table.primary_key
    if before is None or not set(key) <= set(before.columns):
        return rows.assign(**{ADDED: version, CHANGED: version})
    common = [c for c in rows.columns if c in before.columns and c not in key and c not in (ADDED, CHANGED)]
    merged = rows[key + common].merge(before[key + common + [ADDED, CHANGED]], on=key, how="left",
                                      suffixes=("", "__before"), indicator=True)
    found = (merged["_merge"] == "both").to_numpy()
    same = found.copy()
    for column in common:
        same &= (merged[column] == merged[column + "__before"]).fillna(False).to_numpy(dtype=bool)
    return rows.assign(**{ADDED: merged[ADDED].where(found, version).to_numpy(),
                          CHANGED: merged[CHANGED].where(same, version).to_numpy()})


def _released_state(snapshot: pd.DataFrame, before: pd.DataFrame | None, table: Table, version: str
                    ) -> pd.DataFrame:
    added, changed = table.row_version_column("added"), table.row_version_column("changed")
    if {added, changed} <= set(snapshot.columns):
        return snapshot.rename(columns={added: ADDED, changed: CHANGED})
    return _carry(snapshot, before, table, version)


def row_versions(frame: pd.DataFrame, table: Table, snapshots: list[ReleasedSnapshot], version: str
                 ) -> tuple[list[str], list[str]]:
    """(added_in_version, changed_in_version) of each row of `frame`, in its order."""
    state = None
    for snapshot in snapshots:
        if table.name in snapshot.tables:
            state = _released_state(snapshot.tables[table.name], state, table, snapshot.version)
    current = _carry(text_frame(frame, table, table.content_columns), state, table, version)
    return current[ADDED].tolist(), current[CHANGED].tolist()


def with_row_versions(frames: dict[str, pd.DataFrame], tables: dict[str, Table], snapshots: list[ReleasedSnapshot],
                      version: str) -> dict[str, pd.DataFrame]:
    """Every table with its row-version columns filled in."""
    result = {}
    for name, table in tables.items():
        added, changed = row_versions(frames[name], table, snapshots, version)
        result[name] = frames[name].assign(**{table.row_version_column("added"): added,
                                              table.row_version_column("changed"): changed})
    return result

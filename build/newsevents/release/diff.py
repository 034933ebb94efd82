"""Row-level differences between two versions of the published package, matched by primary key.

Values are compared as the CSV text users download, so a change is exactly what a reader would see. The
row-version columns (added_in_version, changed_in_version) follow from the other columns: they are reported
when they appear, never as a change of their own.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.core.errors import BuildFailed, Problem
from newsevents.core.project import Project
from newsevents.core.schemas import load_fields
from newsevents.publish.reader import open_package
from newsevents.release.records import released_versions

Key = tuple[str, ...]


@dataclass(frozen=True)
class TableRows:
    name: str
    primary_key: list[str]
    columns: list[str]
    rows: dict[Key, dict[str, str]]
    derived: frozenset[str] = frozenset()  # columns derived from the others, left out of row comparisons


@dataclass
class TableDiff:
    name: str
    primary_key: list[str]
    status: str = "kept"  # kept | added (new table) | removed (table dropped)
    added: list[Key] = field(default_factory=list)
    removed: list[Key] = field(default_factory=list)
    changed: list[tuple[Key, list[tuple[str, str, str]]]] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    rows: int = 0  # rows in the newer version

    @property
    def changed_columns(self) -> list[str]:
        seen = {column for _, changes in self.changed for column, _, _ in changes}
        return sorted(seen)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed
                    or self.status != "kept")


def read_package(project: Project, folder: Path | None = None) -> dict[str, TableRows]:
    """Every table of the package in `folder` (the project root by default) as its CSV text, in the
    descriptor's order, read through the package's hash-verified reader."""
    package = open_package(project, folder)
    derived = frozenset(name for name, spec in load_fields(project.root).items() if spec.get("row_version"))
    tables = {}
    for name, resource in package.resources.items():
        schema = resource["schema"]
        key = schema["primaryKey"] if isinstance(schema["primaryKey"], list) else [schema["primaryKey"]]
        columns, rows = package.text_rows(name)
        tables[name] = TableRows(name, key, columns, {tuple(row[k] for k in key): row for row in rows}, derived)
    return tables


def diff_table(old: TableRows | None, new: TableRows | None) -> TableDiff:
    if old is None:
        return TableDiff(new.name, new.primary_key, "added", added=sorted(new.rows), rows=len(new.rows),
                         columns_added=list(new.columns))
    if new is None:
        return TableDiff(old.name, old.primary_key, "removed", removed=sorted(old.rows),
                         columns_removed=list(old.columns))
    result = TableDiff(new.name, new.primary_key, rows=len(new.rows),
                       columns_added=[c for c in new.columns if c not in old.columns],
                       columns_removed=[c for c in old.columns if c not in new.columns])
    old_rows = old.rows if old.primary_key == new.primary_key else _rekey(old, new.primary_key)
    common = [c for c in new.columns if c in old.columns and c not in new.derived]
    for key in sorted(new.rows.keys() | old_rows.keys()):
        before, after = old_rows.get(key), new.rows.get(key)
        if before is None:
            result.added.append(key)
        elif after is None:
            result.removed.append(key)
        else:
            changes = [(c, before[c], after[c]) for c in common if before[c] != after[c]]
            if changes:
                result.changed.append((key, changes))
    return result


def _rekey(table: TableRows, key: list[str]) -> dict[Key, dict[str, str]]:
    """Rows keyed by another primary key (when a table's key changed between versions)."""
    if not set(key) <= set(table.columns):
        return {}
    return {tuple(row[k] for k in key): row for row in table.rows.values()}


def diff_packages(old: dict[str, TableRows], new: dict[str, TableRows]) -> list[TableDiff]:
    """One TableDiff per table of either version: the newer version's order, then dropped tables."""
    names = list(new) + [name for name in old if name not in new]
    return [diff_table(old.get(name), new.get(name)) for name in names]


def _key_text(diff: TableDiff, key: Key) -> str:
    if len(key) == 1:
        return key[0]
    return ", ".join(f"{column}={value}" for column, value in zip(diff.primary_key, key))


def _short(value: str, limit: int = 70) -> str:
    value = value.replace("\n", " ")
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


def text_report(diffs: list[TableDiff], old_label: str, new_label: str) -> str:
    """What `make diff` prints: a summary line per table, then every row added, removed or changed."""
    lines = [f"rows compared by primary key: {old_label} → {new_label}", ""]
    lines += [f"  {'table':<22} {'rows':>6} {'added':>6} {'removed':>8} {'changed':>8}  changed columns"]
    for d in diffs:
        note = {"added": "  (new table)", "removed": "  (table dropped)"}.get(d.status, "")
        lines.append(f"  {d.name:<22} {d.rows:>6} {len(d.added):>6} {len(d.removed):>8} {len(d.changed):>8}  "
                     f"{', '.join(d.changed_columns) or '-'}{note}")
    for d in diffs:
        if d.is_empty or d.status != "kept":
            continue
        lines += ["", f"{d.name} (primary key: {', '.join(d.primary_key)})"]
        lines += [f"  columns added: {', '.join(d.columns_added)}"] if d.columns_added else []
        lines += [f"  columns removed: {', '.join(d.columns_removed)}"] if d.columns_removed else []
        lines += [f"  + {_key_text(d, key)}" for key in d.added]
        lines += [f"  - {_key_text(d, key)}" for key in d.removed]
        for key, changes in d.changed:
            lines.append(f"  ~ {_key_text(d, key)}")
            lines += [f"      {column}: {_short(old)} → {_short(new)}" for column, old, new in changes]
    if all(d.is_empty for d in diffs):
        lines += ["", "no differences"]
    return "\n".join(lines)


def _columns_note(what: str, columns: list[str]) -> str:
    """'column added: `a`' or 'columns added: `a`, `b`' (empty for no columns)."""
    if not columns:
        return ""
    return f"column{'s' if len(columns) > 1 else ''} {what}: " + ", ".join(f"`{c}`" for c in columns)


def summary_markdown(diffs: list[TableDiff]) -> str:
    """The per-table summary that CHANGELOG.md carries for a release."""
    lines = ["| table | rows | added | removed | changed | changed columns |", "|---|--:|--:|--:|--:|---|"]
    first_release = all(d.status == "added" for d in diffs)
    for d in diffs:
        columns = ", ".join(f"`{c}`" for c in d.changed_columns) or "–"
        notes = []
        if d.status == "added" and not first_release:
            notes.append("new table")
        if d.status == "removed":
            notes.append("table dropped")
        if d.status == "kept":
            notes += [_columns_note("added", d.columns_added), _columns_note("removed", d.columns_removed)]
        notes = [note for note in notes if note]
        if notes:
            columns = "; ".join(([columns] if columns != "–" else []) + notes)
        lines.append(f"| `{d.name}` | {d.rows} | {len(d.added)} | {len(d.removed)} | {len(d.changed)} | {columns} |")
    return "\n".join(lines)


def released_package(project: Project, version: str) -> dict[str, TableRows]:
    """The tables of a released version, from its committed snapshot in releases/<version>/."""
    folder = project.release_dir(version)
    if not (folder / "datapackage.json").exists():
        known = ", ".join(released_versions(project)) or "none yet"
        raise BuildFailed([Problem(f"releases/{version}", f"no released version '{version}' is recorded",
                                   f"give one of the released versions: {known}")])
    if (folder / "SHA256SUMS").exists():
        _verify_snapshot(folder, version)
    return read_package(project, folder)


def _verify_snapshot(folder: Path, version: str) -> None:
    """The snapshot's files must be the released ones: each checked against the archive's SHA256SUMS."""
    sums = dict(line.split("  ", 1)[::-1] for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    names = ["datapackage.json"] + [resource["path"] for resource in descriptor["resources"]]
    changed = [name for name in names if hashlib.sha256((folder / name).read_bytes()).hexdigest() != sums.get(name)]
    if changed:
        raise BuildFailed([Problem(f"releases/{version}/{name}", "differs from the file in the released archive",
                                   f"restore it: git checkout v{version} -- releases/{version}") for name in changed])


def compare_with_release(project: Project, version: str) -> str:
    """The `make diff FROM=<version>` report: the released tables against the current published ones."""
    old = released_package(project, version)
    return text_report(diff_packages(old, read_package(project)), version, "current data/")

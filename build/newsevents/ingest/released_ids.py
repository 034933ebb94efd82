"""Released IDs as the build's input: every ID a release recorded (releases/<version>/ids.json), what it
named then (releases/identity.yaml), and the IDs renamed, retired or redefined since (releases/renames.yaml)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import yaml

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.versions import SEMVER, version_key
from newsevents.core.yamlfile import check_structure, coding_schema, read_yaml

RENAMES = "releases/renames.yaml"


@dataclass(frozen=True)
class Rename:
    table: str
    id: str
    action: str
    version: str
    reason: str
    new_id: str | None
    line: int | None


@dataclass(frozen=True)
class ReleasedIds:
    """(table, id) → (latest version that released it, its defining values then); and the renames."""
    ids: dict[tuple[str, str], tuple[str, dict[str, str | None]]] = field(default_factory=dict)
    renames: list[Rename] = field(default_factory=list)
    renames_listed: bool = False  # releases/renames.yaml exists
    renames_read: bool = True  # False when it could not be read: what it excuses is unknown

    @property
    def empty(self) -> bool:
        return not self.ids and not self.renames_listed


def load_identity(project: Project) -> dict[str, list[str]]:
    """Table → the columns that define what its IDs name."""
    return yaml.safe_load(project.identity.read_text(encoding="utf-8")) or {}


def _released(project: Project) -> dict[tuple[str, str], tuple[str, dict[str, str | None]]]:
    released = {}
    paths = [p for p in project.releases.glob("*/ids.json") if SEMVER.match(p.parent.name)]
    for path in sorted(paths, key=lambda p: version_key(p.parent.name)):
        document = json.loads(path.read_text(encoding="utf-8"))
        for table, spec in document["tables"].items():
            if len(spec["primary_key"]) != 1:
                continue
            for row in spec["rows"]:
                released[(table, row[0])] = (document["version"], dict(zip(spec["meaning"], row[1:], strict=True)))
    return released


def load_renames(project: Project, tables: set[str], problems: Collector) -> list[Rename]:
    """The entries of releases/renames.yaml, each checked for shape and for naming a known table."""
    return _read_renames(project, tables, problems) or []


def _read_renames(project: Project, tables: set[str], problems: Collector) -> list[Rename] | None:
    """The entries of releases/renames.yaml; None when the file cannot be read (its problems collected)."""
    if not project.renames.exists():
        return []
    document = read_yaml(project.renames, RENAMES, problems)
    if document is None or not check_structure(document, coding_schema(project.root, "renames"), problems):
        return None
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


def load_released_ids(project: Project, tables: set[str], problems: Collector) -> ReleasedIds:
    """Every released ID and the recorded renames; the renames file's problems are collected."""
    released = _released(project)
    if not released and not project.renames.exists():
        return ReleasedIds()
    renames = _read_renames(project, tables, problems)
    return ReleasedIds(released, renames or [], renames_listed=project.renames.exists(),
                       renames_read=renames is not None)

"""One version string, in schemas/dataset.yaml; every surface that states a version must agree with it.

Also the versioning policy for data: which kind of bump (major, minor, patch) a release's changes call for.
"""
from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from html import unescape

import yaml

from newsevents.core.errors import Problem
from newsevents.core.project import Project
from newsevents.core.schemas import dataset_metadata
from newsevents.core.versions import version_key
from newsevents.release.changelog import CHANGELOG, top_entry
from newsevents.release.citation_files import CFF, ZENODO
from newsevents.release.diff import TableDiff

LEVELS = ["patch", "minor", "major"]


@dataclass(frozen=True)
class Statement:
    """What one surface says: its version and release date (None where the surface states no date)."""
    surface: str
    version: str | None
    date: str | None = None


def _json(project: Project, name: str) -> dict:
    return json.loads((project.root / name).read_text(encoding="utf-8"))


def _page_text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def page_statement(surface: str, html: str, version: str) -> Statement:
    """A built page states the version when its visible text says `Version X` or `vX` for it."""
    text = _page_text(html)
    stated = re.findall(r"(?i)\bversion\s*:?\s*v?(\d+\.\d+\.\d+)\b|\bv(\d+\.\d+\.\d+)\b", text)
    found = sorted({a or b for a, b in stated})
    return Statement(surface, version if version in found else (", ".join(found) or None))


def statements(project: Project) -> list[Statement]:
    """Every surface that exists in the project, with the version (and date) it states."""
    root, found = project.root, []
    meta = dataset_metadata(root)
    if project.datapackage.exists():
        package = _json(project, "datapackage.json")
        found.append(Statement("datapackage.json", package.get("version"), str(package.get("created", ""))[:10]))
    if (root / CFF).exists():
        cff = yaml.safe_load((root / CFF).read_text(encoding="utf-8"))
        found.append(Statement(CFF, str(cff.get("version")), str(cff.get("date-released"))))
    if (root / ZENODO).exists():
        zenodo = _json(project, ZENODO)
        found.append(Statement(ZENODO, zenodo.get("version"), zenodo.get("publication_date")))
    if (root / "pyproject.toml").exists():
        pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
        found.append(Statement("pyproject.toml", pyproject["project"].get("version")))
    if (root / CHANGELOG).exists():
        top = top_entry((root / CHANGELOG).read_text(encoding="utf-8"))
        found.append(Statement(f"{CHANGELOG} (top entry)", *(top or (None, None))))
    docs_home = root / "site" / "index.html"
    if docs_home.exists():
        found.append(page_statement("site/index.html (docs home page)",
                                     docs_home.read_text(encoding="utf-8"), str(meta["version"])))
    return found


def version_problems(project: Project) -> list[Problem]:
    """A problem for every surface whose version or date differs from schemas/dataset.yaml."""
    meta = dataset_metadata(project.root)
    version, date = str(meta["version"]), str(meta["released"])
    problems = []
    try:
        version_key(version)
    except ValueError as error:
        problems.append(Problem("schemas/dataset.yaml", str(error), "write the version as MAJOR.MINOR.PATCH"))
    for statement in statements(project):
        if statement.version != version or statement.date not in (None, date):
            said = f"version {statement.version}" + (f" of {statement.date}" if statement.date else "")
            problems.append(Problem(statement.surface,
                                    f"states {said}; schemas/dataset.yaml says version {version} of {date}",
                                    _fix(statement.surface)))
    return problems


def _fix(surface: str) -> str:
    if surface == "pyproject.toml":
        return "set [project] version in pyproject.toml to the version in schemas/dataset.yaml"
    if surface == "datapackage.json":
        return "run `make data`"
    if surface.startswith("site/"):
        return "run `make docs`"
    return "run `make prepare-release` and commit"


def bump_level(previous: str, version: str) -> str | None:
    """'major', 'minor' or 'patch' for a step from `previous` to `version`; None when it is no step up."""
    old, new = version_key(previous), version_key(version)
    if new <= old:
        return None
    if new[0] > old[0]:
        return "major"
    return "minor" if new[1] > old[1] else "patch"


def required_level(diffs: list[TableDiff], renames: list) -> tuple[str, list[str]]:
    """The smallest bump the changes call for, and why: IDs or columns gone or redefined → major;
    rows, columns or tables added → minor; corrections → patch."""
    major = [f"{r.table} ID '{r.id}' {r.action}" for r in renames]
    major += [f"{len(d.removed)} IDs gone from {d.name}" for d in diffs
              if d.status == "kept" and d.removed and len(d.primary_key) == 1]
    major += [f"table {d.name} dropped" for d in diffs if d.status == "removed"]
    major += [f"column {d.name}.{c} removed" for d in diffs if d.status == "kept" for c in d.columns_removed]
    if major:
        return "major", major
    minor = [f"table {d.name} added" for d in diffs if d.status == "added"]
    minor += [f"column {d.name}.{c} added" for d in diffs if d.status == "kept" for c in d.columns_added]
    minor += [f"{len(d.added)} rows added to {d.name}" for d in diffs if d.status == "kept" and d.added]
    if minor:
        return "minor", minor
    return "patch", []

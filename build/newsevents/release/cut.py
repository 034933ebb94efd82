"""`make release` and `make prepare-release`: a citable, checksummed archive of one version, or a refusal.

A release is cut from a committed tree whose build passes every check, whose package `frictionless validate`
passes (CSV and Parquet), and whose every citation surface states the version in schemas/dataset.yaml. The
archive is written to dist/ and recorded in releases/<version>/ (see releases.py); a version already recorded
is only ever re-made byte for byte.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsevents.core.errors import BuildFailed, Collector, Problem
from newsevents.core.project import Project
from newsevents.core.schemas import dataset_metadata, load_tables
from newsevents.core.versions import version_key
from newsevents.ingest.released_ids import load_identity, load_renames
from newsevents.release.archive import (
    archive_path,
    archive_stem,
    members,
    write_archive,
)
from newsevents.release.changelog import (
    CHANGELOG,
    changelog_problems,
    release_diff,
    rows_block,
    with_rows,
)
from newsevents.release.citation_files import stale_citation_files, write_citation_files
from newsevents.release.diff import read_package
from newsevents.release.ids import ids_document, ids_json
from newsevents.release.records import released_versions
from newsevents.release.versions import (
    LEVELS,
    bump_level,
    required_level,
    version_problems,
)
from newsevents.validate.frictionless_gate import frictionless_check


class ReleaseRefused(BuildFailed):
    """Raised with every reason the release cannot go ahead; no archive is left under the release's name."""

    def __init__(self, reason: str, problems: list[Problem]):
        self.reason = reason
        super().__init__(problems)

    def report(self) -> str:
        lines = [f"release refused: {self.reason}"] + [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


@dataclass(frozen=True)
class Released:
    version: str
    archive: Path
    sha256: str
    new: bool  # False: the version was already recorded and the archive was re-made identical


def _git(project: Project, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(project.root), *args], capture_output=True, text=True)
    except FileNotFoundError:
        raise ReleaseRefused("git is not installed", [Problem("git", "not found", "install git")]) from None
    if result.returncode != 0:
        raise ReleaseRefused("not a git work tree", [Problem(
            project.rel(project.root), result.stderr.strip() or "git failed",
            "cut releases from a clone of the repository with every change committed")])
    return result.stdout


def _require_clean(project: Project, when: str) -> None:
    changed = [line[3:] for line in _git(project, "status", "--porcelain=v1", "--untracked-files=all").splitlines()]
    if changed:
        shown = changed[:20] + ([f"… and {len(changed) - 20} more"] if len(changed) > 20 else [])
        raise ReleaseRefused(f"the work tree is not clean {when}", [Problem(
            path, "uncommitted change", "commit it (or remove it) so that the release matches a commit")
            for path in shown])


def _renames(project: Project) -> list:
    problems = Collector()
    renames = load_renames(project, set(load_tables(project.root)), problems)
    problems.raise_if_any()
    return renames


def expected_rows_block(project: Project) -> tuple[str, list[Problem]]:
    """The changelog rows block this version's entry must carry, and problems with the version step."""
    version = str(dataset_metadata(project.root)["version"])
    try:
        version_key(version)
    except ValueError as error:
        raise ReleaseRefused("the version is not a semantic version", [Problem(
            "schemas/dataset.yaml", str(error), "write the version as MAJOR.MINOR.PATCH, e.g. 1.0.0")]) from None
    every = _renames(project)
    renames = [r for r in every if r.version == version]
    previous, diffs = release_diff(project, version)
    problems = [Problem("releases/renames.yaml", f"the entry for {r.table} ID '{r.id}' names version {r.version}, "
                        f"later than {version}", "give the version in which the change is released", line=r.line,
                        record=r.id) for r in every if version_key(r.version) > version_key(version)]
    newer = [v for v in released_versions(project) if version_key(v) >= version_key(version) and v != version]
    if newer and version not in released_versions(project):
        problems.append(Problem("schemas/dataset.yaml", f"version {version} is not newer than released {newer[-1]}",
                                "give the next version (see RELEASING.md)"))
    level = bump_level(previous, version) if previous else "major"
    required, reasons = required_level(diffs, renames) if previous else ("patch", [])
    if level and LEVELS.index(level) < LEVELS.index(required):
        problems.append(Problem("schemas/dataset.yaml", f"{previous} → {version} is a {level} step, but the "
                                f"changes call for a {required} version: " + "; ".join(reasons[:5]),
                                f"give a {required} version (see RELEASING.md)"))
    return rows_block(project, version, renames, level or "patch"), problems


def prepare(project: Project) -> list[str]:
    """Regenerate CITATION.cff, .zenodo.json and the rows block of CHANGELOG.md; returns the files changed."""
    meta = dataset_metadata(project.root)
    block, problems = expected_rows_block(project)
    changed = write_citation_files(project)
    path = project.root / CHANGELOG
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    updated = with_rows(text, str(meta["version"]), str(meta["released"]), block)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        changed.append(CHANGELOG)
    if problems:
        raise ReleaseRefused(f"updated {', '.join(changed) or 'nothing'}, but the version does not fit the changes",
                             problems)
    return changed


def _check(project: Project) -> dict[str, Path]:
    """Every precondition but the bytes; returns the archive's members."""
    from newsevents.pipeline import build

    _require_clean(project, "before the build")
    try:
        build(project)
    except BuildFailed as failure:
        raise ReleaseRefused("the build fails validation", failure.problems) from None
    _require_clean(project, "after the build (the committed tables are not what the inputs build)")
    checked = Collector()
    frictionless_check(project.root, checked)
    if checked.problems:
        raise ReleaseRefused("`frictionless validate` refuses the package", checked.problems)
    block, problems = expected_rows_block(project)
    problems += version_problems(project) + stale_citation_files(project) + changelog_problems(project, block)
    files, missing = members(project)
    problems += missing
    if problems:
        raise ReleaseRefused("the release files are not ready", problems)
    return files


def _sums_differences(recorded: str, made: str) -> list[str]:
    def parse(text: str) -> dict[str, str]:
        return {line[66:]: line[:64] for line in text.splitlines() if line}
    old, new = parse(recorded), parse(made)
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))


def write_snapshot(project: Project, folder: Path, version: str) -> None:
    """Copy the published package into `folder` and write its ids.json: what `make diff` and the ID check read."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(project.datapackage, folder / "datapackage.json")
    for resource in json.loads(project.datapackage.read_text(encoding="utf-8"))["resources"]:
        shutil.copyfile(project.root / resource["path"], folder / resource["path"])
    document = ids_document(version, read_package(project, folder), load_identity(project))
    (folder / "ids.json").write_text(ids_json(document), encoding="utf-8")


def _record(project: Project, version: str, archive: Path, sha256: str, sums: str) -> None:
    """Write releases/<version>/: the package snapshot, ids.json, SHA256SUMS and release.json."""
    folder = project.release_dir(version)
    partial = folder.with_name(f".{version}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    write_snapshot(project, partial, version)
    (partial / "SHA256SUMS").write_text(sums, encoding="utf-8")
    meta = dataset_metadata(project.root)
    record = {"version": version, "released": str(meta["released"]), "archive": project.rel(archive),
              "bytes": archive.stat().st_size, "sha256": sha256, "commit": _git(project, "rev-parse", "HEAD").strip()}
    (partial / "release.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, folder)


def release(project: Project) -> Released:
    """Check everything, write dist/<name>-<version>.zip, and record it (or confirm an identical re-make)."""
    files = _check(project)
    meta = dataset_metadata(project.root)
    version, target = str(meta["version"]), archive_path(project)
    partial = target.with_name(f".{target.name}.partial")
    sums = write_archive(partial, archive_stem(project), files, date.fromisoformat(str(meta["released"])))
    sha256 = hashlib.sha256(partial.read_bytes()).hexdigest()
    folder = project.release_dir(version)
    if (folder / "release.json").exists():
        recorded = json.loads((folder / "release.json").read_text(encoding="utf-8"))
        if recorded["sha256"] != sha256:
            partial.unlink()
            differing = _sums_differences((folder / "SHA256SUMS").read_text(encoding="utf-8"), sums)
            problems = [Problem(name, f"differs from the file released in {version}",
                                "bump the version in schemas/dataset.yaml for a new release (see RELEASING.md)")
                        for name in differing]
            problems = problems or [Problem(target.name, "every file matches, the archive bytes do not",
                                            "use the zlib the release was made with, or bump the version")]
            raise ReleaseRefused(f"version {version} was already released with other bytes "
                                 f"(sha256 {recorded['sha256']})", problems)
        os.replace(partial, target)
        return Released(version, target, sha256, new=False)
    os.replace(partial, target)
    _record(project, version, target, sha256, sums)
    return Released(version, target, sha256, new=True)

"""The release archive, dist/<name>-<version>.zip: the same inputs always give the same bytes.

Entries are sorted, every timestamp is the release date (midnight), permissions are fixed (0644), there
are no directory entries or extra fields, and members are deflated at a fixed level. Everything sits in
one folder `<name>-<version>/` whose SHA256SUMS lists every other file (`sha256sum -c SHA256SUMS`).
"""
from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsevents.core.errors import Problem
from newsevents.core.files import sha256_file
from newsevents.core.project import Project
from newsevents.core.schemas import dataset_metadata

TOP_FILES = ["README.md", "LICENSE", "LICENSE-DATA.md", "CITATION.cff", "CHANGELOG.md", "datapackage.json"]
FIXES = {"datapackage.json": "make data", "CITATION.cff": "make prepare-release",
         "CHANGELOG.md": "make prepare-release"}
SUMS = "SHA256SUMS"
# Built files left out: MkDocs gzips sitemap.xml with the build time in the gzip header (sitemap.xml is kept).
NOT_ARCHIVED = {"sitemap.xml.gz"}
CHUNK = 1 << 20


@dataclass(frozen=True)
class Built:
    """Outputs of other targets that the archive carries: where they are and which target builds them."""
    path: Path
    target: str


def built_inputs(project: Project) -> dict[str, Built]:
    """The database (`make db`) and the docs site (`make docs`): the one place the release finds them."""
    return {"database": Built(project.database, "make db"), "docs": Built(project.site, "make docs")}


def archive_stem(project: Project) -> str:
    meta = dataset_metadata(project.root)
    return f"{meta['name']}-{meta['version']}"


def archive_path(project: Project) -> Path:
    return project.root / "dist" / f"{archive_stem(project)}.zip"


def members(project: Project) -> tuple[dict[str, Path], list[Problem]]:
    """Archive path → source file for everything but SHA256SUMS, and a problem for each file that is missing."""
    root, inputs = project.root, built_inputs(project)
    wanted = {name: (root / name, FIXES.get(name, "git checkout " + name)) for name in TOP_FILES}
    if project.datapackage.exists():
        for resource in json.loads(project.datapackage.read_text(encoding="utf-8"))["resources"]:
            wanted[resource["path"]] = (root / resource["path"], "make data")
    database, docs = inputs["database"], inputs["docs"]
    wanted[database.path.name] = (database.path, database.target)
    if (docs.path / "index.html").is_file():
        wanted |= {"docs/" + path.relative_to(docs.path).as_posix(): (path, docs.target)
                   for path in docs.path.rglob("*") if path.is_file() and path.name not in NOT_ARCHIVED}
    else:
        wanted["docs/index.html"] = (docs.path / "index.html", docs.target)
    problems = [Problem(project.rel(path), "missing: the release archive needs it", f"run `{fix}`")
                for path, fix in wanted.values() if not path.is_file()]
    return {name: path for name, (path, _) in sorted(wanted.items())}, problems


def _info(name: str, when: date) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(when.year, when.month, when.day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # unix, so that the permission bits below mean the same everywhere
    info.external_attr = (0o100644 & 0xFFFF) << 16
    return info


def sums_text(files: dict[str, Path]) -> str:
    """SHA256SUMS: one `<sha256>  <path>` line per file, sorted by path."""
    return "".join(f"{sha256_file(path)}  {name}\n" for name, path in sorted(files.items()))


def write_archive(target: Path, folder: str, files: dict[str, Path], when: date) -> str:
    """Write the archive; returns its SHA256SUMS text. The same files and date give the same bytes."""
    sums = sums_text(files)
    entries = sorted([*files, SUMS])
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        for name in entries:
            info = _info(f"{folder}/{name}", when)
            with archive.open(info, "w") as out:
                if name == SUMS:
                    out.write(sums.encode("utf-8"))
                    continue
                with files[name].open("rb") as handle:
                    while block := handle.read(CHUNK):
                        out.write(block)
    return sums

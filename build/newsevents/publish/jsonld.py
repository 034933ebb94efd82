"""schema.org `Dataset` metadata (JSON-LD) for search engines and catalogues, from schemas/dataset.yaml and the
published package: name, description, version, licence, creator, keywords, temporal and spatial coverage, the
citation, and a `DataDownload` for every file offered (URL, media type, size and SHA-256 where known).

The docs home page and the Datasette home page embed it; each gives the URL of a file as it serves it.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsevents.core.files import sha256_file
from newsevents.core.project import Project
from newsevents.publish.reader import PublishedPackage

MEDIA_TYPES = {".csv": "text/csv", ".parquet": "application/vnd.apache.parquet", ".json": "application/json",
               ".db": "application/vnd.sqlite3", ".zip": "application/zip"}


@dataclass(frozen=True)
class Download:
    """A file offered for download: its path in the project, what it is, and its bytes where measured."""
    path: str
    title: str
    size: int | None
    sha256: str | None

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[Path(self.path).suffix]


def _measured(project: Project, path: Path, title: str) -> Download:
    return Download(project.rel(path), title, path.stat().st_size, sha256_file(path))


def package_downloads(project: Project, package: PublishedPackage) -> list[Download]:
    """datapackage.json and every resource of the published package (their hashes verified on opening)."""
    found = [_measured(project, package.folder / "datapackage.json", "Data Package descriptor (Frictionless v2)")]
    for resource in package.descriptor["resources"]:
        path = package.folder / resource["path"]
        found.append(Download(project.rel(path), resource.get("title", resource["name"]), path.stat().st_size,
                              resource["hash"].removeprefix("sha256:")))
    return found


def database_download(project: Project) -> Download | None:
    """The SQLite database, when `make db` has built it."""
    path = project.database
    return _measured(project, path, "SQLite database of every table") if path.exists() else None


def archive_download(project: Project, version: str) -> Download | None:
    """The release archive of `version`, when it is recorded in releases/ and present in dist/."""
    record = project.release_dir(version) / "release.json"
    if not record.exists():
        return None
    release = json.loads(record.read_text(encoding="utf-8"))
    path = project.root / release["archive"]
    if not path.exists():
        return None
    return Download(release["archive"], f"Release archive of version {version}", release["bytes"], release["sha256"])


def _coverage(frames: dict[str, pd.DataFrame]) -> dict:
    """Temporal coverage (first to last event day) and spatial coverage (countries where events took place)."""
    events, places, countries = frames["events"], frames["places"], frames["countries"]
    found = {}
    dated = events.dropna(subset=["date_start"])
    if not dated.empty:
        found["temporalCoverage"] = f"{dated['date_start'].min()}/{dated['date_end'].max()}"
    located = places[places["place_id"].isin(events["place_id"].dropna())]["country_iso3"].dropna().unique()
    names = countries.set_index("iso3")["name"]
    found["spatialCoverage"] = [{"@type": "Country", "name": names[iso3], "identifier": iso3}
                                for iso3 in sorted(located)]
    return found


def dataset_jsonld(meta: dict, citation: str, frames: dict[str, pd.DataFrame], downloads: list[Download],
                   url: Callable[[str], str]) -> dict:
    """The `Dataset` document; `url` turns a project path into the URL the page serves it at."""
    licence = next(lic for lic in meta["licenses"] if lic["scope"] == "data")
    creators = [{"@type": "Organization", "name": c["title"]} for c in meta["contributors"]
                if "creator" in c["roles"]]
    distribution = [{"@type": "DataDownload", "name": Path(d.path).name, "description": d.title,
                     "contentUrl": url(d.path), "encodingFormat": d.media_type,
                     **({"contentSize": f"{d.size} B"} if d.size is not None else {}),
                     **({"sha256": d.sha256} if d.sha256 else {})} for d in downloads]
    document = {
        "@context": "https://schema.org/", "@type": "Dataset", "name": meta["title"],
        "alternateName": meta["name"], "description": " ".join(meta["description"].split()),
        "version": str(meta["version"]), "datePublished": str(meta["released"]), "license": licence["path"],
        "isAccessibleForFree": True, "creator": creators, "keywords": meta["keywords"], "citation": citation,
        **_coverage(frames), "distribution": distribution,
    }
    if meta.get("homepage"):
        document["url"] = meta["homepage"]
    return document


def script_tag(document: dict) -> str:
    """The document as a `<script type="application/ld+json">` element, safe to put in any HTML page."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/ld+json">{text}</script>'

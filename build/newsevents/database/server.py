"""The one Datasette that serves the database, the downloads and the docs site, with production settings.

`make serve` and the tests start the same command line: immutable database (read-only, downloadable),
table counts precomputed with `datasette inspect`, no facet suggestions, SQL time and row limits.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.database.metadata import metadata

HOST = "127.0.0.1"
SETTINGS = {
    "sql_time_limit_ms": 2000,     # a query running longer is cut off
    "max_returned_rows": 1000,     # rows a query or page returns at most
    "facet_time_limit_ms": 500,
    "suggest_facets": "off",       # suggesting facets costs a scan of every column on every page
}


def docs_site(project: Project) -> Path | None:
    """The built docs site (`make docs`), when there is one."""
    return project.site if (project.site / "index.html").is_file() else None


def prepare(project: Project) -> tuple[Path, Path]:
    """Write the metadata and the table counts for the built database; returns their paths."""
    db = project.database
    if not db.exists():
        problems = Collector()
        problems.add(project.rel(db), "the database has not been built", "run `make db` (or `make serve`)")
        problems.raise_if_any()
    folder = project.cache / "datasette"
    folder.mkdir(parents=True, exist_ok=True)
    metadata_file, counts_file = folder / "metadata.json", folder / "counts.json"
    document = metadata(project, docs=docs_site(project))
    metadata_file.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "datasette", "inspect", str(db), "--inspect-file", str(counts_file)],
                   check=True)
    return metadata_file, counts_file


def datasette_command(project: Project, port: int, host: str = HOST) -> list[str]:
    """The `datasette serve` command line (metadata and counts written first)."""
    metadata_file, counts_file = prepare(project)
    command = [sys.executable, "-m", "datasette", "serve", "-i", str(project.database),
               "--metadata", str(metadata_file), "--inspect-file", str(counts_file),
               "--template-dir", str(project.datasette / "templates"),
               "--plugins-dir", str(project.datasette / "plugins"),
               "--static", f"assets:{project.datasette / 'static'}",
               "--host", host, "--port", str(port), "--cors"]
    site = docs_site(project)
    if site is not None:
        command += ["--static", f"docs:{site}"]
    for name, value in SETTINGS.items():
        command += ["--setting", name, str(value)]
    return command


def urls(project: Project, port: int, host: str = HOST) -> list[tuple[str, str]]:
    """What `make serve` prints: where to look."""
    base, name = f"http://{host}:{port}", project.database.stem
    found = [("home, downloads and citation", f"{base}/"),
             ("events overview and map", f"{base}/{name}/events_overview"),
             ("tables, views and canned queries", f"{base}/{name}"),
             ("places on a map", f"{base}/{name}/places")]
    if docs_site(project) is not None:
        found.append(("documentation and codebook", f"{base}/docs/"))
    return found

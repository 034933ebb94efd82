"""The downloads page: every published file with its size and SHA-256, and the database when it is built."""
from __future__ import annotations

from pathlib import PurePosixPath

from newsevents.docsite.markdown import code, esc, human_size, table
from newsevents.docsite.published import Published
from newsevents.publish.descriptor import PARQUET_SUFFIX


def site_files(published: Published) -> dict[str, str]:
    """Files copied into the site as they are, so the package downloads and validates from it:
    site path → absolute source path."""
    return {info.path: str(published.project.root / info.path) for info in published.table_files()}


def downloads_page(published: Published) -> str:
    titles = {r["path"]: r.get("title", r["name"]) for r in published.descriptor["resources"]}
    tables = {r["path"]: r["name"].removesuffix(PARQUET_SUFFIX) for r in published.descriptor["resources"]}
    rows_by_path = {path: len(published.frames[name]) for path, name in tables.items() if name in published.frames}
    files = published.table_files()
    rows = [[f"[{code(f.path)}]({f.path})", esc(titles.get(f.path, "Package descriptor")),
             f"{rows_by_path[f.path]:,}" if f.path in rows_by_path else "", human_size(f.size), code(f.sha256)]
            for f in files]
    sums = "\n".join(f"{f.sha256}  {f.path}" for f in files)
    parts = [
        "---\nhide:\n  - toc\n---",
        "# Downloads",
        f"Version {esc(published.metadata['version'])} of the dataset. Every table comes as CSV and as "
        "Parquet with the codebook's types ([Reading the data](reading.md) has quick starts for pandas, DuckDB "
        "and R). `datapackage.json` (Data Package v2) describes every file (schema, primary and foreign keys, "
        "SHA-256); keep it next to the `data/` folder and any Frictionless tool can validate and load the "
        "tables. Each checksum below equals the hash recorded in `datapackage.json`: the docs build refuses a "
        "package where they differ.",
        "## The data package",
        table(["File", "What", "Rows", "Size", "SHA-256"], rows, "llrrl"),
        "To check the files after download, save these lines as `SHA256SUMS` next to them and run "
        "`sha256sum -c SHA256SUMS`:",
        f"```text\n{sums}\n```",
        "Then validate the whole package, types, constraints and foreign keys included:",
        "```sh\nfrictionless validate datapackage.json\n```",
        "## The SQLite database",
    ]
    databases = published.databases()
    if databases:
        rows = [[code(d.path), human_size(d.size), code(d.sha256)] for d in databases]
        links = ", ".join(f'<a href="../{PurePosixPath(d.path).name}">{esc(d.path)}</a>' for d in databases)
        parts += [
            "The same tables in one SQLite file, with keys, indexes, full-text search and views, built from "
            "the validated CSVs by `make db`.",
            table(["File", "Size", "SHA-256"], rows, "lrl"),
            f"When these pages are served by Datasette (`make serve`), the file downloads from {links}.",
        ]
    else:
        parts.append("The SQLite database is not part of this build of the pages. `make db` builds it from "
                     "the validated CSVs, and `make serve` serves it with Datasette, which offers it for download.")
    return "\n\n".join(parts) + "\n"

"""Does the built codebook document every table and column of datapackage.json?"""
from __future__ import annotations

from pathlib import Path

from newsevents.docsite.codebook import column_anchor
from newsevents.publish.descriptor import table_resources


def missing_from_codebook(descriptor: dict, site: Path) -> list[str]:
    """'table' or 'table.column' for every resource or field of the package that its built codebook page
    does not document (a page per table, an anchored row per column). A table's Parquet copy shares its schema."""
    missing = []
    for resource in table_resources(descriptor):
        page = site / "codebook" / f"{resource['name']}.html"
        if not page.exists():
            missing.append(resource["name"])
            continue
        html = page.read_text(encoding="utf-8")
        missing += [f"{resource['name']}.{f['name']}" for f in resource["schema"]["fields"]
                    if f'id="{column_anchor(f["name"])}"' not in html]
    return missing

"""The docs home page's schema.org `Dataset` JSON-LD (publish/jsonld.py), with the URLs the docs site serves.

The site carries datapackage.json and every table file (downloads.py copies them in); the database is
named when `make db` has built it, at the URL Datasette serves it beside /docs/. The release archive is not
named: the docs are inside it, and a file cannot record its own checksum (the Datasette home page names it).
"""
from __future__ import annotations

from pathlib import PurePosixPath

from newsevents.docsite.published import Published
from newsevents.publish.citation import plain_text, read_citation
from newsevents.publish.jsonld import database_download, dataset_jsonld, package_downloads, script_tag
from newsevents.publish.reader import PublishedPackage


def home_jsonld(published: Published) -> str:
    """The `<script type="application/ld+json">` element for the docs home page."""
    project = published.project
    downloads = package_downloads(project, PublishedPackage(project.root, published.descriptor))
    database = database_download(project)
    in_site = {d.path for d in downloads}
    downloads += [database] if database else []

    def url(path: str) -> str:
        return path if path in in_site else "../" + PurePosixPath(path).name

    document = dataset_jsonld(published.metadata, plain_text(read_citation(project)), published.frames, downloads,
                              url)
    return script_tag(document)

"""MkDocs hooks (`hooks:` in mkdocs.yml). At every build: add the generated pages and the package files,
list the codebook's tables in the navigation, and check the built codebook against datapackage.json.
The project root is $NEWSEVENTS_ROOT when set, else this repository."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from newsevents.core.errors import BuildFailed
from newsevents.core.project import REPO_ROOT, Project
from newsevents.core.schemas import load_tables
from newsevents.docsite.codebook import page_path
from newsevents.docsite.coverage import missing_from_codebook
from newsevents.docsite.downloads import site_files
from newsevents.docsite.pages import generated_pages
from newsevents.docsite.published import load_published
from newsevents.docsite.structured_data import home_jsonld
from newsevents.publish.citation import read_citation

log = logging.getLogger("mkdocs.hooks.newsevents")
CODEBOOK_INDEX = "codebook/index.md"


def _project() -> Project:
    return Project(Path(os.environ.get("NEWSEVENTS_ROOT", REPO_ROOT)).resolve())


def on_config(config):
    """Expand the navigation entry that points at the codebook index into a section with every table."""
    tables = load_tables(_project().root)
    section = [CODEBOOK_INDEX] + [{t.title: page_path(name)} for name, t in tables.items()]
    for entry in config.nav or []:
        for title, target in entry.items() if isinstance(entry, dict) else []:
            if target == CODEBOOK_INDEX:
                entry[title] = section
    return config


def on_files(files, config):
    project = _project()
    try:
        published = load_published(project)
        pages = generated_pages(published)
    except BuildFailed as failure:
        raise PluginError("\n".join(["the docs are generated from the published package, which is refused:"]
                                     + [f"  {problem}" for problem in failure.problems])) from None
    version = read_citation(project).version
    if version != str(published.metadata["version"]):
        log.warning(f"CITATION.cff gives version {version} but schemas/dataset.yaml gives "
                    f"{published.metadata['version']}: make them agree")
    config.extra["dataset_jsonld"] = home_jsonld(published)
    generated = {path: {"content": text} for path, text in pages.items()}
    generated |= {path: {"abs_src_path": source} for path, source in site_files(published).items()}
    for path, source in generated.items():
        if files.get_file_from_path(path) is not None:
            log.warning(f"docs/{path} is generated at build time: remove the hand-written file")
            files.remove(files.get_file_from_path(path))
        files.append(File.generated(config, path, **source))
    return files


def on_post_page(output, page, config):
    """The home page carries the dataset's schema.org JSON-LD in its head."""
    if page.file.src_uri != "index.md":
        return output
    return output.replace("</head>", config.extra["dataset_jsonld"] + "\n</head>", 1)


def on_post_build(config):
    descriptor = json.loads(_project().datapackage.read_text(encoding="utf-8"))
    for missing in missing_from_codebook(descriptor, Path(config.site_dir)):
        log.warning(f"the codebook does not document {missing} of datapackage.json")

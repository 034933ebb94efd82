"""The story coding files (data/coding/stories/<article_id>.yaml): read, checked for shape, matched to stories."""
from __future__ import annotations

from dataclasses import dataclass, field

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.yamlfile import Document, check_structure, coding_schema, read_yaml
from newsevents.ingest.articles import Article


@dataclass
class CodingFiles:
    """The reviewed coding files in article order, and whether every coding file could be read: when one
    could not (or is an unreviewed draft), what it defines is unknown."""
    documents: list[tuple[Article, Document]] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    complete: bool = True


def _orphans(project: Project, files: dict, articles: dict[str, Article], problems: Collector) -> None:
    for stem, path in files.items():
        if stem not in articles:
            problems.add(project.rel(path), f"no story '{stem}' in the capture manifest",
                         "name the file after an article_id of data/raw/manifest.yaml")


def _read(project: Project, path, article: Article, found: CodingFiles, problems: Collector) -> None:
    document = read_yaml(path, project.rel(path), problems)
    if document is None or not check_structure(document, coding_schema(project.root, "story"), problems):
        found.complete = False
        return
    if document.data["article_id"] != article.article_id:
        problems.add(document.path, f"article_id '{document.data['article_id']}' does not match the file name",
                     f"set article_id: {article.article_id}", line=document.line("article_id"))
        found.complete = False
        return
    if document.data["review"] != "reviewed":
        problems.add(document.path, "this coding file is a machine draft and has not been reviewed",
                     "check every record against the story, then set `review: reviewed`",
                     line=document.line("review"))
        found.drafts.append(document.path)
        found.complete = False
        return
    found.documents.append((article, document))


def read_coding_files(project: Project, articles: list[Article], problems: Collector) -> CodingFiles:
    """Every story's coding file, in article order; problems are collected."""
    by_id = {a.article_id: a for a in articles}
    files = {path.stem: path for path in sorted(project.stories_coding.glob("*.yaml"))}
    _orphans(project, files, by_id, problems)
    found = CodingFiles()
    for article in articles:
        if article.article_id in files:
            _read(project, files[article.article_id], article, found, problems)
    return found

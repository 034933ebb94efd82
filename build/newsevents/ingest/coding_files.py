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


def coding_status(document: Document | None, article_id: str, schema: dict, problems: Collector) -> str:
    """'reviewed' for a coding file the build uses; 'draft' for an unreviewed machine draft; 'unreadable' for
    one whose shape or article_id is wrong (problems collected)."""
    if document is None or not check_structure(document, schema, problems):
        return "unreadable"
    if document.data["article_id"] != article_id:
        problems.add(document.path, f"article_id '{document.data['article_id']}' does not match the file name",
                     f"set article_id: {article_id}", line=document.line("article_id"))
        return "unreadable"
    if document.data["review"] != "reviewed":
        problems.add(document.path, "this coding file is a machine draft and has not been reviewed",
                     "check every record against the story, then set `review: reviewed`",
                     line=document.line("review"))
        return "draft"
    return "reviewed"


def add_coding_file(found: CodingFiles, article: Article, document: Document | None, status: str) -> None:
    """Record one story's coding file by its status (coding_status)."""
    if status == "reviewed":
        found.documents.append((article, document))
        return
    found.complete = False
    if status == "draft":
        found.drafts.append(document.path)


def coding_paths(project: Project, articles: dict[str, Article], problems: Collector) -> dict:
    """Each coding file by its stem; a file no story of the manifest owns is a problem."""
    files = {path.stem: path for path in sorted(project.stories_coding.glob("*.yaml"))}
    _orphans(project, files, articles, problems)
    return files


def read_coding_files(project: Project, articles: list[Article], problems: Collector) -> CodingFiles:
    """Every story's coding file, in article order; problems are collected."""
    files = coding_paths(project, {a.article_id: a for a in articles}, problems)
    schema = coding_schema(project.root, "story")
    found = CodingFiles()
    for article in articles:
        if article.article_id in files:
            path = files[article.article_id]
            document = read_yaml(path, project.rel(path), problems)
            add_coding_file(found, article, document, coding_status(document, article.article_id, schema, problems))
    return found

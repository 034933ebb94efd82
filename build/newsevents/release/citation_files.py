"""CITATION.cff and .zenodo.json, generated from schemas/dataset.yaml and the published articles table.

Neither file is edited by hand: `make prepare-release` writes them, and the release refuses when the
committed files differ from what this module generates.
"""
from __future__ import annotations

import json

import yaml

from newsevents.core.errors import Problem
from newsevents.core.project import Project
from newsevents.core.schemas import dataset_metadata
from newsevents.publish.reader import open_package

CFF = "CITATION.cff"
ZENODO = ".zenodo.json"
HEADER = ("# Generated from schemas/dataset.yaml and data/articles.csv by `make prepare-release`; "
          "do not edit by hand.\n")


def _articles(project: Project) -> list[dict[str, str]]:
    """The published articles table as its CSV text gives it."""
    return open_package(project).text_rows("articles")[1]


def _data_licence(meta: dict) -> dict:
    return next(lic for lic in meta["licenses"] if lic["scope"] == "data")


def _authors(meta: dict) -> list[dict]:
    return [{"name": c["title"]} for c in meta["contributors"] if "creator" in c["roles"]]


def _when(article: dict[str, str]) -> str | None:
    """The publication date, or the range the story allows when the day is not known."""
    if article["published_date"]:
        return article["published_date"]
    earliest, latest = article.get("published_date_earliest"), article.get("published_date_latest")
    return f"{earliest} to {latest}" if earliest and latest else None


def _year(article: dict[str, str]) -> int | None:
    years = {d[:4] for d in (article["published_date"], article.get("published_date_earliest"),
                             article.get("published_date_latest")) if d}
    return int(years.pop()) if len(years) == 1 else None


def _story_note(article: dict[str, str]) -> str:
    note = article["date_note"].rstrip(".")
    parts = [f"Byline: {article['byline']}." if article["byline"] else "",
             f"Dateline: {article['dateline']}." if article["dateline"] else "",
             f"Published: {_when(article) or 'unknown'} (basis: {article['published_date_basis']}"
             + (f"; {note}" if note else "") + ").",
             f"Kept as {article['capture_file']} (SHA-256 {article['capture_sha256']}), characters "
             f"{article['char_start']}–{article['char_end']}; article_id {article['article_id']}."]
    return " ".join(p for p in parts if p)


def _story_reference(article: dict[str, str]) -> dict:
    reference = {"type": "newspaper-article", "title": article["headline"],
                 "authors": [{"name": article["outlet"]}], "journal": article["outlet"]}
    if article["published_date"]:
        reference["date-published"] = article["published_date"]
    if _year(article):
        reference["year"] = _year(article)
    if article["url"]:
        reference["url"] = article["url"]
    reference["notes"] = _story_note(article)
    return reference


def citation(project: Project) -> dict:
    """The CITATION.cff content (Citation File Format 1.2.0)."""
    meta = dataset_metadata(project.root)
    cff = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite this version of it as below.",
        "type": "dataset",
        "title": meta["title"],
        "version": str(meta["version"]),
        "date-released": str(meta["released"]),
        "abstract": meta["description"],
        "authors": _authors(meta),
        "license": _data_licence(meta)["name"],
        "keywords": list(meta["keywords"]),
    }
    if meta.get("doi"):
        cff["doi"] = meta["doi"]
    if meta.get("homepage"):
        cff["url"] = meta["homepage"]
    cff["references"] = [_story_reference(a) for a in _articles(project)]
    return cff


def citation_text(project: Project) -> str:
    body = yaml.safe_dump(citation(project), sort_keys=False, allow_unicode=True, width=100)
    return HEADER + body


def _story_citation(article: dict[str, str]) -> str:
    when = _when(article) or "n.d."
    byline = f" {article['byline']}." if article["byline"] else ""
    return f"{article['outlet']} ({when}). {article['headline']}.{byline} Dateline: {article['dateline'] or 'none'}."


def zenodo(project: Project) -> dict:
    """The .zenodo.json deposit metadata: the same facts as CITATION.cff, in Zenodo's terms."""
    meta = dataset_metadata(project.root)
    record = {
        "upload_type": "dataset",
        "title": meta["title"],
        "version": str(meta["version"]),
        "publication_date": str(meta["released"]),
        "description": meta["description"],
        "creators": _authors(meta),
        "keywords": list(meta["keywords"]),
        "license": _data_licence(meta)["name"].lower(),
        "access_right": "open",
        "references": [_story_citation(a) for a in _articles(project)],
    }
    if meta.get("doi"):
        record["doi"] = meta["doi"]
    related = [{"identifier": a["url"], "relation": "isDerivedFrom", "resource_type": "publication-article"}
               for a in _articles(project) if a["url"]]
    if related:
        record["related_identifiers"] = related
    return record


def zenodo_text(project: Project) -> str:
    return json.dumps(zenodo(project), indent=2, ensure_ascii=False) + "\n"


GENERATED = {CFF: citation_text, ZENODO: zenodo_text}


def write_citation_files(project: Project) -> list[str]:
    """Write CITATION.cff and .zenodo.json; returns the files that changed."""
    changed = []
    for name, generate in GENERATED.items():
        path, text = project.root / name, generate(project)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def stale_citation_files(project: Project) -> list[Problem]:
    """A problem for each of CITATION.cff and .zenodo.json that is missing or differs from its generated text."""
    problems = []
    for name, generate in GENERATED.items():
        path = project.root / name
        if not path.exists():
            problems.append(Problem(name, "missing", "run `make prepare-release` and commit the file"))
        elif path.read_text(encoding="utf-8") != generate(project):
            problems.append(Problem(name, "differs from what schemas/dataset.yaml and data/articles.csv generate",
                                    "run `make prepare-release` and commit the file (never edit it by hand)"))
    return problems

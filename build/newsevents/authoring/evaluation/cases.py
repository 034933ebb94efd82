"""A story of the evaluation set as `make add` would take it in: the capture (a saved page's text extracted as
it would be), the parsed story, and the headline or date supplied only where the page prints none."""
from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from newsevents.authoring.evaluation.gold import GoldStory
from newsevents.authoring.extract import extract_page, is_html
from newsevents.ingest.articles import Article
from newsevents.ingest.stories import Story, parse_capture


@cache
def capture_text(path: Path) -> str:
    """The text a draft is made from: the file itself, or the article text extracted from a saved page."""
    text = path.open(encoding="utf-8", newline="").read()
    if is_html(path.name, text):
        page = extract_page(text)
        return page.text if page else ""
    return text


@cache
def saved_page(path: Path):
    """A saved web page's extracted text and metadata; None for a text capture."""
    text = path.read_text(encoding="utf-8")
    return extract_page(text) if is_html(path.name, text) else None


def read_page(gold: GoldStory) -> tuple[Story, dict]:
    """The capture's first story, and the page's headline, byline, publication date and truncation as `make add`
    reads them before anything is supplied: as printed, else from a saved page's metadata."""
    story = parse_capture(capture_text(gold.capture), gold.outlet)[0]
    page = saved_page(gold.capture)
    from_page = {"headline": page.title, "byline": page.author,
                 "published_date": date.fromisoformat(page.date) if page.date else None} if page else {}
    return story, {"headline": story.headline or from_page.get("headline"),
                   "byline": story.byline or from_page.get("byline"),
                   "published_date": story.published_date or from_page.get("published_date"),
                   "truncated": story.truncated}


def article_for(gold: GoldStory) -> Article:
    """The story as an article, its headline and date as printed, extracted, or supplied (in that order)."""
    if gold.article is not None:
        return gold.article
    story, read = read_page(gold)
    headline = read["headline"] or gold.supplied_headline
    day = read["published_date"]
    basis = "stated" if day else "external"
    day = day or gold.supplied_date
    return Article(article_id=gold.name, capture_file=gold.capture.name, outlet=gold.outlet, story=story,
                   text=capture_text(gold.capture),
                   capture_sha256="", headline=headline, headline_basis="printed", byline=story.byline,
                   byline_basis=None, published_date=day, published_date_earliest=day, published_date_latest=day,
                   published_date_basis=basis if day else "unknown", date_note=None, url=None)

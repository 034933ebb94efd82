"""A story of the evaluation set as `make add` would take it in: the capture (a saved page's text extracted as
it would be), the parsed story, and the headline or date supplied only where the page prints none."""
from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from newsevents.authoring.evaluation.gold import GoldStory
from newsevents.authoring.extract import extract_page, is_html
from newsevents.ingest.articles import Article
from newsevents.ingest.stories import parse_capture


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


def article_for(gold: GoldStory) -> Article:
    """The story as an article, its headline and date as printed, extracted, or supplied (in that order)."""
    if gold.article is not None:
        return gold.article
    text = capture_text(gold.capture)
    story = parse_capture(text, gold.outlet)[0]
    page = saved_page(gold.capture)
    headline = story.headline or (page.title if page else None) or gold.supplied_headline
    day = story.published_date
    if day is None and page is not None and page.date:
        day = date.fromisoformat(page.date)
    basis = "stated" if day else "external"
    day = day or gold.supplied_date
    return Article(article_id=gold.name, capture_file=gold.capture.name, outlet=gold.outlet, story=story, text=text,
                   capture_sha256="", headline=headline, headline_basis="printed", byline=story.byline,
                   byline_basis=None, published_date=day, published_date_earliest=day, published_date_latest=day,
                   published_date_basis=basis if day else "unknown", date_note=None, url=None)

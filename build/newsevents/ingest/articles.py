"""Articles: each story of each listed capture, with what its page prints and what the manifest adds.

A headline, byline or publication date the capture does not print may be given in the manifest, and the
articles table says so (headline_basis, byline_basis, published_date_basis): supplied by the person who
added the capture, or extracted from the saved web page's metadata. Nothing is ever invented.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.yamlfile import Document, Where
from newsevents.ingest.captures import check_unlisted, read_capture, read_manifest
from newsevents.ingest.stories import Story, parse_capture

MAX_HEADLINE = 250


@dataclass
class Article:
    """A story as published in the articles table, with the capture text it lives in."""

    article_id: str
    capture_file: str
    outlet: str
    story: Story
    text: str
    capture_sha256: str
    headline: str | None
    headline_basis: str
    byline: str | None
    byline_basis: str | None
    published_date: date | None
    published_date_earliest: date | None
    published_date_latest: date | None
    published_date_basis: str
    date_note: str | None
    url: str | None
    saved_page: dict | None = None  # {file, sha256, extracted_with} of the page the capture was extracted from

    @property
    def published_range(self) -> tuple[date, date] | None:
        if self.published_date_earliest is None:
            return None
        return self.published_date_earliest, self.published_date_latest

    def row(self) -> dict:
        saved = self.saved_page or {}
        return {
            "article_id": self.article_id, "capture_file": self.capture_file, "outlet": self.outlet,
            "headline": self.headline, "headline_basis": self.headline_basis, "byline": self.byline,
            "byline_basis": self.byline_basis, "credit_line": self.story.credit_line,
            "dateline": self.story.dateline, "published_date": self.published_date,
            "published_date_earliest": self.published_date_earliest,
            "published_date_latest": self.published_date_latest,
            "published_date_basis": self.published_date_basis, "date_note": self.date_note, "url": self.url,
            "capture_sha256": self.capture_sha256, "saved_page": saved.get("path"),
            "saved_page_sha256": saved.get("sha256"), "extracted_with": saved.get("extracted_with"),
            "char_start": self.story.start, "char_end": self.story.end,
            "completeness": "truncated" if self.story.truncated else "complete", "word_count": self.story.word_count,
        }


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _publication(story: Story, entry: dict, shown_as: str, where: Where, problems: Collector,
                 from_saved_page: bool = False):
    """(date, earliest, latest, basis, note) for a story: the text first, then the manifest (where 'stated'
    means read from the saved page the capture was extracted from)."""
    given = any(key in entry for key in ("published_date", "published_date_earliest", "published_date_latest"))
    if story.published_date:
        if given or entry.get("published_date_basis"):
            problems.add(shown_as, f"story '{entry['article_id']}' prints its date "
                         f"('{story.published_date_phrase}'), so the manifest must not give one",
                         "remove the published_date keys from this manifest entry", line=where.line,
                         record=entry["article_id"])
        day = story.published_date
        return day, day, day, "stated", f"from the line '{story.published_date_phrase}'"
    basis = entry.get("published_date_basis", "unknown")
    note = entry.get("date_note")
    try:
        day = _iso(entry.get("published_date"))
        earliest = _iso(entry.get("published_date_earliest")) or day
        latest = _iso(entry.get("published_date_latest")) or day
    except ValueError as error:
        problems.add(shown_as, f"impossible publication date: {error}", "give a real date as YYYY-MM-DD",
                     line=where.line, record=entry["article_id"])
        return None, None, None, "unknown", note
    if (earliest is None) != (latest is None) or (earliest and latest and earliest > latest):
        problems.add(shown_as, "the publication date range is incomplete or reversed",
                     "give published_date, or both published_date_earliest <= published_date_latest",
                     line=where.line, record=entry["article_id"])
        return None, None, None, "unknown", note
    if basis == "stated" and not from_saved_page:
        problems.add(shown_as, "published_date_basis 'stated' but the capture prints no date",
                     "'stated' is for a date read from the saved page the capture was extracted from; otherwise "
                     "say how it is known: inferred or external", line=where.line, record=entry["article_id"])
    if earliest and basis == "unknown":
        problems.add(shown_as, "a publication date is given with basis 'unknown'",
                     "say how it is known: published_date_basis inferred or external", line=where.line,
                     record=entry["article_id"])
    if basis in ("inferred", "external", "stated") and not note:
        problems.add(shown_as, f"published_date_basis '{basis}' needs a date_note",
                     "explain the inference or name the outside source in date_note", line=where.line,
                     record=entry["article_id"])
    if basis in ("inferred", "external", "stated") and not earliest:
        problems.add(shown_as, f"published_date_basis '{basis}' but no date is given",
                     "add published_date (or the earliest/latest pair)", line=where.line, record=entry["article_id"])
    if earliest == latest and earliest is not None:
        day = earliest
    return day, earliest, latest, basis, note


def _given_text(story_value: str | None, entry: dict, key: str, where: Where, problems: Collector
                ) -> tuple[str | None, str | None]:
    """(value, basis) of a headline or byline: as printed, else as the manifest gives it."""
    given, basis = entry.get(key), entry.get(f"{key}_basis")
    if story_value is not None:
        if given is not None and basis == "supplied":
            problems.add(where.file, f"story '{entry['article_id']}' prints its {key} ({story_value[:60]!r}), so "
                         f"the manifest must not supply one", f"remove {key} and {key}_basis from this entry",
                         line=where.line, record=entry["article_id"])
        return story_value, "printed"
    return (given, basis) if given is not None else (None, None)


def _headline(story: Story, entry: dict, number: int, where: Where, problems: Collector) -> tuple[str | None, str]:
    headline, basis = _given_text(story.headline, entry, "headline", where, problems)
    if headline is None:
        problems.add(where.file, f"story {number} of {entry['article_id']!r} prints no headline",
                     "give the story's headline as the page showed it: `headline: …` with `headline_basis: "
                     "supplied` in this manifest entry (`make add … HEADLINE='…'` does it for a new capture)",
                     line=where.line, record=entry["article_id"])
    elif len(headline) > MAX_HEADLINE:
        problems.add(where.file, f"the headline is {len(headline)} characters long, over {MAX_HEADLINE}",
                     "give the headline alone", line=where.line, record=entry["article_id"])
    return headline, basis or "printed"


def capture_articles(project: Project, document: Document, c: int, text: str, stories: list[Story],
                     seen_ids: dict[str, Where], problems: Collector) -> list[Article]:
    """The articles of one capture: its parsed stories, matched in order to the manifest's story entries."""
    entry = document.data["captures"][c]
    capture_file = project.rel(project.raw / entry["file"])
    if len(stories) != len(entry["stories"]):
        problems.add(document.path, f"{capture_file} holds {len(stories)} stories but the manifest lists "
                     f"{len(entry['stories'])}", "list one entry per story, in order",
                     line=Where(document.path, entry["file"], document, ("captures", c)).line, record=entry["file"])
        return []
    saved = entry.get("saved_page")
    saved_page = saved and {"path": project.rel(project.raw / saved["file"]), "sha256": saved["sha256"],
                            "extracted_with": saved["extracted_with"]}
    articles = []
    for s, (story, story_entry) in enumerate(zip(stories, entry["stories"])):
        article_id = story_entry["article_id"]
        where = Where(document.path, article_id, document, ("captures", c, "stories", s))
        if article_id in seen_ids:
            problems.add(document.path, f"article_id '{article_id}' is used twice", "give each story its own id",
                         line=where.line, record=article_id)
        seen_ids[article_id] = where
        headline, headline_basis = _headline(story, story_entry, s + 1, where, problems)
        byline, byline_basis = _given_text(story.byline, story_entry, "byline", where, problems)
        published = _publication(story, story_entry, document.path, where, problems, saved_page is not None)
        articles.append(Article(
            article_id=article_id, capture_file=capture_file, outlet=story_entry.get("outlet", entry["outlet"]),
            story=story, text=text, capture_sha256=entry["sha256"], headline=headline,
            headline_basis=headline_basis, byline=byline, byline_basis=byline_basis, published_date=published[0],
            published_date_earliest=published[1], published_date_latest=published[2],
            published_date_basis=published[3], date_note=published[4], url=story_entry.get("url"),
            saved_page=saved_page,
        ))
    return articles


def load_articles(project: Project, problems: Collector) -> list[Article]:
    """Every story of every capture in the manifest; a changed, unlisted or unreadable capture is a problem."""
    document = read_manifest(project, problems)
    if document is None:
        return []
    check_unlisted(project, document, problems)
    articles: list[Article] = []
    seen_ids: dict[str, Where] = {}
    for c, entry in enumerate(document.data["captures"]):
        text = read_capture(project, entry, Where(document.path, entry["file"], document, ("captures", c)), problems)
        if text is not None:
            stories = parse_capture(text, entry.get("outlet"))
            articles += capture_articles(project, document, c, text, stories, seen_ids, problems)
    return articles


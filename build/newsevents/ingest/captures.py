"""Raw captures and their manifest: checksums checked, text decoded, stories parsed into article records."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.yamlfile import Document, Where, check_structure, coding_schema, read_yaml
from newsevents.ingest.stories import DATELINE, Story, parse_capture

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
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
    published_date: date | None
    published_date_earliest: date | None
    published_date_latest: date | None
    published_date_basis: str
    date_note: str | None
    url: str | None

    @property
    def published_range(self) -> tuple[date, date] | None:
        if self.published_date_earliest is None:
            return None
        return self.published_date_earliest, self.published_date_latest

    def row(self) -> dict:
        return {
            "article_id": self.article_id, "capture_file": self.capture_file, "outlet": self.outlet,
            "headline": self.story.headline, "byline": self.story.byline, "credit_line": self.story.credit_line,
            "dateline": self.story.dateline, "published_date": self.published_date,
            "published_date_earliest": self.published_date_earliest,
            "published_date_latest": self.published_date_latest,
            "published_date_basis": self.published_date_basis, "date_note": self.date_note, "url": self.url,
            "capture_sha256": self.capture_sha256, "char_start": self.story.start, "char_end": self.story.end,
            "word_count": self.story.word_count,
        }


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_capture(data: bytes, shown_as: str, problems: Collector) -> str | None:
    """Capture bytes as text, exactly as evidence offsets count them; problems collected."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(shown_as, f"not valid UTF-8 (byte {error.start})",
                     "re-save the capture as UTF-8 from the original page", line=line)
        return None
    if not text.strip():
        problems.add(shown_as, "the capture is empty", "capture the story's page again, or remove the file")
        return None
    bad = CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        problems.add(shown_as, f"control character U+{ord(bad.group()):04X} in the capture",
                     "capture the page again; raw captures are never edited by hand", line=line)
        return None
    return text


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _publication(story: Story, entry: dict, shown_as: str, where: Where, problems: Collector):
    """(date, earliest, latest, basis, note) for a story: the text first, then the manifest."""
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
    if earliest and basis == "unknown":
        problems.add(shown_as, "a publication date is given with basis 'unknown'",
                     "say how it is known: published_date_basis inferred or external", line=where.line,
                     record=entry["article_id"])
    if basis in ("inferred", "external") and not note:
        problems.add(shown_as, f"published_date_basis '{basis}' needs a date_note",
                     "explain the inference or name the outside source in date_note", line=where.line,
                     record=entry["article_id"])
    if basis in ("inferred", "external") and not earliest:
        problems.add(shown_as, f"published_date_basis '{basis}' but no date is given",
                     "add published_date (or the earliest/latest pair)", line=where.line, record=entry["article_id"])
    if earliest == latest and earliest is not None:
        day = earliest
    return day, earliest, latest, basis, note


def _manifest(project: Project, problems: Collector) -> Document | None:
    shown = project.rel(project.manifest)
    if not project.manifest.exists():
        problems.add(shown, "the capture manifest is missing", "restore data/raw/manifest.yaml from git")
        return None
    document = read_yaml(project.manifest, shown, problems)
    if document is None or not check_structure(document, coding_schema(project.root, "manifest"), problems):
        return None
    return document


def _unlisted(project: Project, document: Document, problems: Collector) -> None:
    listed = {entry["file"] for entry in document.data["captures"]}
    for path in sorted(project.raw.iterdir()):
        if path.name != "manifest.yaml" and path.name not in listed and not path.name.startswith("."):
            problems.add(project.rel(path), "capture has no manifest entry",
                         f"add it with `make add CAPTURE={project.rel(path)}` or an entry in {document.path}")


def _capture_text(project: Project, entry: dict, where: Where, problems: Collector) -> tuple[str, str] | None:
    """(text, SHA-256) of a listed capture whose bytes are those the manifest records."""
    path = project.raw / entry["file"]
    capture_file = project.rel(path)
    if not path.exists():
        problems.add(where.file, f"capture file {capture_file} is listed but missing",
                     "restore it from git, or remove its manifest entry", line=where.line, record=entry["file"])
        return None
    data = path.read_bytes()
    digest = sha256_of(data)
    if digest != entry["sha256"]:
        problems.add(capture_file, f"the capture's bytes changed (SHA-256 {digest[:12]}…, manifest says "
                     f"{entry['sha256'][:12]}…)", "raw captures are never edited: restore the file with "
                     "`git checkout -- " + capture_file + "`; a new capture gets a new file")
        return None
    text = decode_capture(data, capture_file, problems)
    return None if text is None else (text, digest)


def _check_headline(story: Story, number: int, text: str, capture_file: str, article_id: str,
                    problems: Collector) -> None:
    if len(story.headline) > MAX_HEADLINE or DATELINE.match(story.headline) or story.headline.endswith("."):
        problems.add(capture_file, f"story {number} has no headline: it starts with body text "
                     f"({story.headline[:60]!r}…)", "capture the page again with its headline",
                     line=text.count("\n", 0, story.start) + 1, record=article_id)


def _story_articles(project: Project, document: Document, c: int, text: str, digest: str,
                    seen_ids: dict[str, Where], problems: Collector) -> list[Article]:
    """The articles of one capture: its stories, matched in order to the manifest's story entries."""
    entry = document.data["captures"][c]
    capture_file = project.rel(project.raw / entry["file"])
    stories = parse_capture(text)
    if len(stories) != len(entry["stories"]):
        problems.add(document.path, f"{capture_file} holds {len(stories)} stories but the manifest lists "
                     f"{len(entry['stories'])}", "list one entry per story, in order",
                     line=Where(document.path, entry["file"], document, ("captures", c)).line, record=entry["file"])
        return []
    articles = []
    for s, (story, story_entry) in enumerate(zip(stories, entry["stories"])):
        article_id = story_entry["article_id"]
        story_where = Where(document.path, article_id, document, ("captures", c, "stories", s))
        if article_id in seen_ids:
            problems.add(document.path, f"article_id '{article_id}' is used twice", "give each story its own id",
                         line=story_where.line, record=article_id)
        seen_ids[article_id] = story_where
        _check_headline(story, s + 1, text, capture_file, article_id, problems)
        published = _publication(story, story_entry, document.path, story_where, problems)
        articles.append(Article(
            article_id=article_id, capture_file=capture_file,
            outlet=story_entry.get("outlet", entry["outlet"]), story=story, text=text,
            capture_sha256=digest, published_date=published[0], published_date_earliest=published[1],
            published_date_latest=published[2], published_date_basis=published[3],
            date_note=published[4], url=story_entry.get("url"),
        ))
    return articles


def load_articles(project: Project, problems: Collector) -> list[Article]:
    """Every story of every capture in the manifest; a changed, unlisted or unreadable capture is a problem."""
    document = _manifest(project, problems)
    if document is None:
        return []
    _unlisted(project, document, problems)
    articles: list[Article] = []
    seen_ids: dict[str, Where] = {}
    for c, entry in enumerate(document.data["captures"]):
        read = _capture_text(project, entry, Where(document.path, entry["file"], document, ("captures", c)),
                             problems)
        if read is not None:
            articles += _story_articles(project, document, c, *read, seen_ids, problems)
    return articles

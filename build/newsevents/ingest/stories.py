"""Story parser: splits a raw capture into stories and reads each story's furniture.

A capture is what a browser copy of a news page holds. Stories are recognised by their shape, not by outlet:
an Arab News–style story starts with a headline that is repeated a few lines later after page furniture
("Short Url", "Updated …", "Follow"); the first line of a capture always starts a story. All offsets are
Unicode code points into the capture text read with ``newline=""``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

FURNITURE = re.compile(r"^(Short Url|Follow|Updated\b.*)$")
UPDATED_DATE = re.compile(r"^Updated (\d{1,2} [A-Z][a-z]+ \d{4})$")
BYLINE = re.compile(r"^By [A-Z].*$")
CREDIT_LINE = re.compile(r"^\((?:Reporting|Writing|Editing|Additional reporting)\b.*\)$", re.IGNORECASE)
BULLET = re.compile(r"^\s*[–•\-]\s+\S")
PHOTO_CREDIT = re.compile(
    r"\((?:AFP|AP|REUTERS|Reuters|EPA|Getty Images|Xinhua|Anadolu|SPA|WAM|Supplied)(?:/[A-Za-z ]+)?\)\s*$")
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]*[A-Z](?:, [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*)?)"
    r"(?: \((?P<agency>[A-Za-z ]+)\))?\s?[:\-–—]"
)
WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
HEADER_LOOKAHEAD = 12


@dataclass(frozen=True)
class Span:
    """A piece of the capture: its kind, text and offsets."""

    kind: str  # headline, caption, furniture, bullet, byline, body, credit
    start: int
    end: int
    text: str


@dataclass
class Story:
    """One story of a capture, as the text tells it."""

    index: int
    start: int
    end: int
    headline: str
    spans: list[Span] = field(default_factory=list)
    byline: str | None = None
    credit_line: str | None = None
    dateline: str | None = None
    published_date: date | None = None
    published_date_phrase: str | None = None

    @property
    def word_count(self) -> int:
        counted = ("headline", "bullet", "byline", "body")
        return sum(len(WORD.findall(s.text)) for s in self.spans if s.kind in counted)

    def body_text(self) -> list[Span]:
        return [s for s in self.spans if s.kind == "body"]


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Lines as (start, end, text) without their line break."""
    lines, position = [], 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        lines.append((position, position + len(content), content))
        position += len(raw)
    return lines


def _is_story_start(lines, i: int) -> bool:
    """A headline followed by page furniture and then by itself again."""
    headline = lines[i][2].strip()
    if not headline or FURNITURE.match(headline):
        return False
    seen_furniture = False
    for _, _, text in lines[i + 1 : i + 1 + HEADER_LOOKAHEAD]:
        stripped = text.strip()
        if FURNITURE.match(stripped):
            seen_furniture = True
        elif stripped == headline:
            return seen_furniture
    return False


def _story_starts(lines) -> list[int]:
    starts = [i for i in range(len(lines)) if _is_story_start(lines, i)]
    first = next((i for i, line in enumerate(lines) if line[2].strip()), None)
    if first is not None and (not starts or starts[0] != first):
        starts.insert(0, first)
    return starts


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) to exclude surrounding whitespace (no-break spaces included)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _printed_date(text: str) -> date | None:
    """'22 January 2024' as a date; None for what is no real date ('31 February 2024'), like any furniture."""
    try:
        return datetime.strptime(text, "%d %B %Y").date()
    except ValueError:
        return None


def _classify(story: Story, text: str, lines) -> None:
    headline_seen = 0
    header_done = not any(FURNITURE.match(line[2].strip()) for line in lines)
    for start, end, raw in lines:
        s, e = _trimmed(text, start, end)
        if s == e:
            continue
        content = text[s:e]
        if content == story.headline:
            headline_seen += 1
            kind = "headline" if headline_seen == 1 else "furniture"
            if headline_seen > 1:
                header_done = True
        elif FURNITURE.match(content):
            kind = "furniture"
            updated = UPDATED_DATE.match(content)
            day = _printed_date(updated.group(1)) if updated else None
            if day:
                story.published_date, story.published_date_phrase = day, content
        elif not header_done or PHOTO_CREDIT.search(content):
            kind = "caption"
        elif BULLET.match(raw):
            kind = "bullet"
        elif BYLINE.match(content) and story.byline is None and not story.body_text():
            kind = "byline"
            story.byline = content
        elif CREDIT_LINE.match(content):
            kind = "credit"
            story.credit_line = content
        else:
            kind = "body"
            if not story.body_text():
                dateline = DATELINE.match(content)
                if dateline:
                    story.dateline = dateline.group("place")
        story.spans.append(Span(kind=kind, start=s, end=e, text=content))


def parse_capture(text: str) -> list[Story]:
    """Split a capture into stories; an empty capture gives no stories."""
    lines = _lines(text)
    starts = _story_starts(lines)
    stories = []
    for number, first in enumerate(starts):
        last = starts[number + 1] if number + 1 < len(starts) else len(lines)
        block = lines[first:last]
        start, end = _trimmed(text, block[0][0], block[-1][1])
        story = Story(index=number, start=start, end=end, headline=block[0][2].strip())
        _classify(story, text, block)
        stories.append(story)
    return stories

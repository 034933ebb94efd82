"""Story parser: splits a raw capture into stories and reads each story's furniture.

A capture is what a browser copy of a news page holds. Everything is recognised by its shape, not by outlet
(page_lines.py for furniture, page_dates.py for publication stamps): the headline is the last headline-like
line above the story's first paragraph; a story ends with its last paragraph or credit line, and the page
furniture around it stays outside. A capture holds several stories when a headline is printed again after
furniture (the way some sites repeat it). Offsets are Unicode code points into the capture text read with
``newline=""``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from newsevents.ingest.page_dates import BYLINE, read_stamp
from newsevents.ingest.page_lines import furniture_kind, is_caption, is_masthead, is_site_header

CREDIT_LINE = re.compile(r"^\((?:Reporting|Writing|Editing|Additional reporting)\b.*\)$", re.IGNORECASE)
BULLET = re.compile(r"^\s*[–•\-]\s+\S")
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]*[A-Z](?:, [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*)?)"
    r"(?: \((?P<agency>[A-Za-z ]+)\))?\s?[:\-–—]"
)
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
HEADER_LOOKAHEAD = 12
MAX_HEADLINE = 250
MIN_PROSE_WORDS = 6
MAX_BYLINE_WORDS = 10  # two names with their places: "Ana Ferreira in Northport and Tom Iles in Paris"
MAX_FOOTER_WORDS = 12
BYLINE_SMALL_WORDS = {"and", "staff", "wires", "agencies", "newsroom", "desk", "correspondent", "correspondents",
                      "reporter", "reporters", "writer", "writers", "bureau", "in", "of", "de", "da", "van", "von",
                      "al", "bin", "el"}
WRAP_WIDTH = 50  # a hard-wrapped line runs to about 70–80 characters; a headline line is rarely followed by one


@dataclass(frozen=True)
class Span:
    """A piece of the capture: its kind, text and offsets."""

    kind: str  # headline, standfirst, caption, furniture, bullet, byline, body, credit
    start: int
    end: int
    text: str


@dataclass
class Story:
    """One story of a capture, as the text tells it."""

    index: int
    start: int
    end: int
    headline: str | None
    spans: list[Span] = field(default_factory=list)
    byline: str | None = None
    credit_line: str | None = None
    dateline: str | None = None
    published_date: date | None = None
    published_date_phrase: str | None = None
    undated_stamp: str | None = None  # a stamp that names no day: "Updated 3 hours ago", "04/10/2015"
    truncated: bool = False

    @property
    def word_count(self) -> int:
        counted = ("headline", "standfirst", "bullet", "byline", "body")
        return sum(len(WORD.findall(s.text)) for s in self.spans if s.kind in counted)

    def body_text(self) -> list[Span]:
        return [s for s in self.spans if s.kind == "body"]


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str  # without surrounding whitespace
    block: int  # paragraph number: lines separated by blank lines belong to different blocks


def _lines(text: str) -> list[_Line]:
    """Non-blank lines, trimmed (no-break spaces included), with their paragraph numbers."""
    lines, position, block, blank = [], 0, 0, True
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        start, end = position, position + len(content)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            block += blank
            blank = False
            lines.append(_Line(start, end, text[start:end], block))
        else:
            blank = True
        position += len(raw)
    return lines


def _is_furniture(line: _Line) -> bool:
    return furniture_kind(line.text) is not None or read_stamp(line.text) is not None


def _is_story_start(lines: list[_Line], i: int) -> bool:
    """A headline followed by page furniture and then by itself again."""
    headline = lines[i].text
    if _is_furniture(lines[i]):
        return False
    seen_furniture = False
    for line in lines[i + 1 : i + 1 + HEADER_LOOKAHEAD]:
        if _is_furniture(line):
            seen_furniture = True
        elif line.text == headline:
            return seen_furniture
    return False


def _story_starts(lines: list[_Line]) -> list[int]:
    starts = [i for i in range(len(lines)) if _is_story_start(lines, i)]
    if lines and (not starts or starts[0] != 0):
        starts.insert(0, 0)
    return starts


def _wrapped_blocks(lines: list[_Line]) -> set[int]:
    """Paragraphs hard-wrapped over several lines: two or more lines of text (furniture, captions, bylines and a
    repeated line aside), every one but the last running to the wrap width."""
    texts: dict[int, list[str]] = {}
    for line in lines:
        if not (_is_furniture(line) or is_caption(line.text) or BYLINE.match(line.text) or BULLET.match(line.text)):
            block = texts.setdefault(line.block, [])
            if line.text not in block:
                block.append(line.text)
    return {number for number, block in texts.items() if len(block) >= 2
            and all(len(text) >= WRAP_WIDTH for text in block[:-1])
            and sum(len(WORD.findall(text)) >= MIN_PROSE_WORDS for text in block) >= 2}


def _is_prose(line: _Line, wrapped: set[int]) -> bool:
    """Story text: a sentence, a dateline's opening, or one line of a paragraph wrapped over several lines."""
    if is_caption(line.text) or _is_furniture(line) or BYLINE.match(line.text) or CREDIT_LINE.match(line.text):
        return False
    words = len(WORD.findall(line.text))
    if words < MIN_PROSE_WORDS:
        return False
    return bool(DATELINE.match(line.text) or SENTENCE_END.search(line.text) or line.block in wrapped)


def _headline_like(line: _Line, wrapped: set[int], outlet: str | None) -> bool:
    text = line.text
    return (3 <= len(WORD.findall(text)) and len(text) <= MAX_HEADLINE and not SENTENCE_END.search(text)
            and not is_masthead(text) and not _names_outlet(text, outlet) and not is_caption(text)
            and not _is_furniture(line) and not BYLINE.match(text) and not BULLET.match(text)
            and not _is_prose(line, wrapped))


def _names_outlet(text: str, outlet: str | None) -> bool:
    """The line is the outlet's own name (the site's masthead), as the manifest gives it."""
    return outlet is not None and text.casefold().split() == outlet.casefold().split()


def _header_end(lines: list[_Line], first_prose: int) -> int:
    """The last line of the site's own header (menus, tickers, cookie and app notices) above the story's byline
    or dated stamp, or -1: a site name or tagline printed above it is not the story's headline."""
    anchor = next((i for i in range(first_prose) if BYLINE.match(lines[i].text)
                   or getattr(read_stamp(lines[i].text), "day", None)), first_prose)
    return max((i for i in range(anchor) if is_site_header(lines[i].text)), default=-1)


def _headline_index(lines: list[_Line], first_prose: int, wrapped: set[int], outlet: str | None) -> int | None:
    """The first headline-like line of five words or more above the first paragraph and below the site's header
    (a site name is shorter, a standfirst comes after), else the last shorter one; where it is printed twice,
    its first print."""
    candidates = [i for i in range(first_prose) if _headline_like(lines[i], wrapped, outlet)]
    header_end = _header_end(lines, first_prose)
    candidates = [i for i in candidates if i > header_end] or candidates
    long = [i for i in candidates if len(WORD.findall(lines[i].text)) >= 5]
    chosen = long[0] if long else (candidates[-1] if candidates else None)
    if chosen is None:
        return None
    return next(i for i in range(chosen + 1) if lines[i].text == lines[chosen].text)  # a headline printed twice


class _Reader:
    """Reads one story's lines into spans and the story's fields."""

    def __init__(self, story: Story, beside_stamp: set[int]):
        self.story = story
        self.beside_stamp = beside_stamp  # where the lines next to a stamp, in its paragraph, start
        self.related_block: int | None = None
        self.stamp_updated = False
        self.stamp_end = 0  # where the line the published date was read from ends

    def add(self, kind: str, line: _Line) -> None:
        self.story.spans.append(Span(kind, line.start, line.end, line.text))

    def stamp(self, line: _Line) -> bool:
        """Read a publication stamp into the story (a published date outranks an update); False for no stamp."""
        stamp = read_stamp(line.text)
        if stamp is None:
            return False
        story = self.story
        if stamp.byline and story.byline is None:
            story.byline = stamp.byline
        if stamp.day is None and story.undated_stamp is None:
            story.undated_stamp = line.text
        if stamp.day and (story.published_date is None or (self.stamp_updated and not stamp.updated)):
            story.published_date, story.published_date_phrase = stamp.day, line.text
            self.stamp_updated = stamp.updated
            self.stamp_end = line.end
        return True

    def furniture(self, line: _Line) -> bool:
        """Page furniture (related-story lists run to the end of their paragraph) and stamps."""
        kind = furniture_kind(line.text)
        if kind == "navigation" and getattr(read_stamp(line.text), "day", None):
            kind = None  # 'NAME | CITY | 19/01/2019 09:30 COT' is a dated stamp, not a menu
        if kind == "related":
            self.related_block = line.block
        if kind or self.related_block == line.block or self.stamp(line):
            self.add("furniture", line)
            return True
        return False

    def header(self, line: _Line) -> None:
        """A line above the story's first paragraph."""
        story = self.story
        if line.text == story.headline:
            repeated = any(s.kind == "headline" for s in story.spans)
            self.add("furniture" if repeated else "headline", line)
        elif self.furniture(line):
            return
        elif story.byline is None and (BYLINE.match(line.text) or line.start in self.beside_stamp
                                       and _byline_shaped(line.text)):
            story.byline = line.text
            self.add("byline", line)
        elif is_caption(line.text):
            self.add("caption", line)
        elif BULLET.match(line.text):
            self.add("bullet", line)
        else:  # a standfirst under the headline, or what a page prints above a story without one
            self.add("standfirst" if story.headline else "furniture", line)

    def body(self, line: _Line) -> None:
        """A line from the story's first paragraph on."""
        story = self.story
        if line.text == story.headline:
            self.add("furniture", line)
        elif self.furniture(line):
            return
        elif is_caption(line.text):
            self.add("caption", line)
        elif BULLET.match(line.text):
            self.add("bullet", line)
        elif CREDIT_LINE.match(line.text):
            self.add("credit", line)
        else:
            if not story.body_text():
                dateline = DATELINE.match(line.text)
                story.dateline = dateline.group("place") if dateline else None
            self.add("body", line)


def _merge_paragraphs(spans: list[Span], text: str, lines: list[_Line]) -> list[Span]:
    """Body lines of one paragraph become one span; a paragraph that stops mid-sentence runs on into the next."""
    block_at_start = {line.start: line.block for line in lines}
    block_at_end = {line.end: line.block for line in lines}
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        if previous is not None and previous.kind == span.kind == "body":
            gap = block_at_start[span.start] - block_at_end[previous.end]
            runs_on = gap == 1 and not SENTENCE_END.search(previous.text) and span.text[:1].islower()
            if gap == 0 or runs_on:
                merged[-1] = Span("body", previous.start, span.end, text[previous.start:span.end])
                continue
        merged.append(span)
    return merged


def _first_story_line(lines: list[_Line], first_prose: int) -> int:
    """Without a headline the story starts at its byline or dated stamp, else at its first paragraph."""
    for i in range(first_prose):
        stamp = read_stamp(lines[i].text)
        if BYLINE.match(lines[i].text) or (stamp is not None and stamp.day):
            return i
    return first_prose


def _trimmed_tail(spans: list[Span], stamp_end: int) -> list[Span]:
    """The story ends with its last paragraph, bullet or credit line, or with the stamp its date was read from
    when that is printed after them: other trailing page furniture stays out."""
    last = max((i for i, s in enumerate(spans) if s.kind in ("body", "bullet", "credit") or s.end == stamp_end),
               default=len(spans) - 1)
    return spans[: last + 1]


def _read_story(story: Story, text: str, lines: list[_Line], outlet: str | None) -> None:
    wrapped = _wrapped_blocks(lines)
    first_prose = next((i for i, line in enumerate(lines) if _is_prose(line, wrapped)), len(lines))
    headline = _headline_index(lines, first_prose, wrapped, outlet)
    story.headline = lines[headline].text if headline is not None else None
    stamps = [i for i in range(first_prose) if read_stamp(lines[i].text) is not None]
    reader = _Reader(story, {lines[j].start for i in stamps for j in (i - 1, i + 1)
                             if 0 <= j < first_prose and lines[j].block == lines[i].block})
    for line in lines[headline if headline is not None else _first_story_line(lines, first_prose):first_prose]:
        reader.header(line)
    for line in lines[first_prose:]:
        reader.body(line)
    story.spans = [_credit_or_body(span) for span in
                   _merge_paragraphs(_trimmed_tail(story.spans, reader.stamp_end), text, lines)]
    credits = [span.text for span in story.spans if span.kind == "credit"]
    story.credit_line = credits[-1] if credits else None
    if story.spans:
        story.start, story.end = story.spans[0].start, story.spans[-1].end
    story.truncated = _cut_short(story.spans)


def _byline_shaped(text: str) -> bool:
    """A name line without "By" ("Ana Ferreira", "Harbour Ledger staff and wires", "Staff Correspondent"): a few
    capitalised words, no sentence."""
    words = WORD.findall(text)
    return (1 <= len(words) <= MAX_BYLINE_WORDS and not SENTENCE_END.search(text)
            and all(word[0].isupper() or word in BYLINE_SMALL_WORDS for word in words))


def _credit_or_body(span: Span) -> Span:
    """A wire credit line wrapped over several lines is still the credit line."""
    if span.kind == "body" and CREDIT_LINE.match(" ".join(span.text.split())):
        return Span("credit", span.start, span.end, span.text)
    return span


def _cut_short(spans: list[Span]) -> bool:
    """The story stops mid-sentence: its last paragraph of prose length ends without a sentence's end. A short
    line after it ("Full coverage: pages 2-5") is a pointer, and a line of a few words after the page's own
    furniture that follows a finished paragraph (a share bar, then the site's motto) is the page's footer; a
    long one there is the story going on after a related-stories box."""
    prose = [(i, span) for i, span in enumerate(spans)
             if span.kind == "body" and len(WORD.findall(span.text)) >= MIN_PROSE_WORDS]
    while len(prose) >= 2 and spans[prose[-1][0] - 1].kind == "furniture" \
            and len(WORD.findall(prose[-1][1].text)) <= MAX_FOOTER_WORDS \
            and SENTENCE_END.search(prose[-2][1].text) and not SENTENCE_END.search(prose[-1][1].text):
        prose.pop()
    return bool(prose) and not SENTENCE_END.search(prose[-1][1].text)


def parse_capture(text: str, outlet: str | None = None) -> list[Story]:
    """Split a capture into stories; an empty capture gives no stories. A line that is the outlet's name is its
    masthead, never a headline."""
    lines = _lines(text)
    starts = _story_starts(lines)
    stories = []
    for number, first in enumerate(starts):
        last = starts[number + 1] if number + 1 < len(starts) else len(lines)
        block = lines[first:last]
        story = Story(index=number, start=block[0].start, end=block[-1].end, headline=None)
        _read_story(story, text, block, outlet)
        stories.append(story)
    return stories

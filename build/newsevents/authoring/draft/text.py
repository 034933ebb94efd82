"""A story's prose as sentences the rules can read, and verbatim quotes cut from them.

A capture may wrap lines inside a sentence or break a paragraph mid-sentence. The rules read each sentence
with every run of whitespace made one space (`Sentence.text`); every position in that text maps back to its
offset in the capture, so a quote is always the capture's own text.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from newsevents.ingest.stories import DATELINE, Story
from newsevents.resolve.date_phrases import MONTHS

PROSE_KINDS = ("standfirst", "bullet", "body")
BULLET_MARK = re.compile(r"^[\s–•\-]+")
SENTENCE_END = re.compile(r"[.!?][”\"’)]*(?= [“\"‘(]?[A-Z0-9])")
# 'Aug. 5' is a date, but 'since May. The official' ends a sentence: a short month is an abbreviation only before a
# day, and a month's full name never is
MONTH_ABBREVIATIONS = {name.capitalize() for name in MONTHS if len(name) <= 4} - set(calendar.month_name)
ABBREVIATIONS = {
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Capt", "Maj", "Sgt", "Sen", "Rep", "Gov", "Pres", "St", "No",
    "Jr", "Sr", "Prof", "Rev", "Adm", "Brig", "Cmdr", "Mt", "Ft", "Vs", "vs", "approx", "est",
}
INITIALS = re.compile(r"(?:\b[A-Z]\.)+$")
CLAUSE_BREAK = re.compile(r"[,;:—–] ")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text with whitespace made single spaces, and the capture offset of every position."""

    index: int
    text: str
    positions: tuple[int, ...]  # capture offset of text[i]; one more entry for the end

    @property
    def start(self) -> int:
        return self.positions[0]

    @property
    def end(self) -> int:
        return self.positions[-1]

    def at(self, local: int) -> int:
        return self.positions[local]

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Capture offsets of text[start:end]."""
        end = len(self.text) if end is None else end
        return self.positions[start], self.positions[end - 1] + 1 if end > start else self.positions[start]


def _normalised(text: str, offset: int) -> tuple[str, list[int]]:
    chars, positions = [], []
    for i, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                positions.append(offset + i)
            continue
        chars.append(char)
        positions.append(offset + i)
    while chars and chars[-1] == " ":
        chars.pop()
        positions.pop()
    return "".join(chars), positions


def _is_abbreviation(text: str, period: int) -> bool:
    if text[period] != ".":
        return False
    word = re.search(r"[\w.]+$", text[:period])
    if not word:
        return False
    token = word.group()
    if token.rstrip(".") in MONTH_ABBREVIATIONS:
        return re.match(r" \d", text[period + 1:]) is not None
    return token.rstrip(".") in ABBREVIATIONS or bool(INITIALS.search(token + "."))


def _split(text: str) -> list[tuple[int, int]]:
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if not _is_abbreviation(text, match.start()):
            pieces.append((start, match.end()))
            start = match.end() + 1
    pieces.append((start, len(text)))
    return [(s, e) for s, e in pieces if e > s]


def sentences(story: Story, capture: str) -> list[Sentence]:
    """The sentences of the story's standfirst, bullet points and body, in order (the headline, captions,
    furniture, credits and the dateline left out)."""
    found: list[Sentence] = []
    first_body = True
    for span in story.spans:
        if span.kind not in PROSE_KINDS:
            continue
        text, positions = _normalised(capture[span.start:span.end], span.start)
        mark = BULLET_MARK.match(text) if span.kind == "bullet" else None
        if span.kind == "body" and first_body:
            first_body = False
            mark = DATELINE.match(text) if story.dateline else None
        skip = mark.end() if mark else 0
        while skip < len(text) and text[skip] == " ":
            skip += 1
        for start, end in _split(text[skip:]):
            s, e = skip + start, skip + end
            found.append(Sentence(len(found), text[s:e], tuple(positions[s:e]) + (positions[e - 1] + 1,)))
    return found


def quote_around(sentence: Sentence, start: int, end: int, limit: int) -> tuple[int, int]:
    """Local bounds of the sentence, or of the clauses around [start, end) when the sentence is over the limit
    (measured in the capture, whose line breaks count)."""
    def length(s: int, e: int) -> int:
        a, b = sentence.span(s, e)
        return b - a

    text = sentence.text
    if length(0, len(text)) <= limit:
        return 0, len(text)
    breaks = [0] + [m.end() for m in CLAUSE_BREAK.finditer(text)] + [len(text)]
    left = max(b for b in breaks if b <= start)
    right = min(b for b in breaks if b >= end)
    while True:
        wider_left = max((b for b in breaks if b < left), default=None)
        wider_right = min((b for b in breaks if b > right), default=None)
        if wider_right is not None and length(left, wider_right) <= limit:
            right = wider_right
        elif wider_left is not None and length(wider_left, right) <= limit:
            left = wider_left
        else:
            break
    if length(left, right) > limit:  # one clause longer than the limit: cut around the match itself
        middle = (start + end) // 2
        left = max(0, min(middle - limit // 2, len(text) - limit))
        right = left + limit
        while length(left, right) > limit:
            right -= 1
    while left < right and text[left] in " ,;:":
        left += 1
    while right > left and text[right - 1] in " ,;:—–":
        right -= 1
    return left, right

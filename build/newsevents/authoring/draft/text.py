"""A story's prose as sentences with capture offsets, and verbatim quotes cut from them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.ingest.stories import DATELINE, Story
from newsevents.resolve.date_phrases import MONTHS

PROSE_KINDS = ("body", "bullet")
BULLET_MARK = re.compile(r"^[\s–•\-]+")
SENTENCE_END = re.compile(r"[.!?][”\"’)]*(?=\s+[“\"‘(]?[A-Z0-9])")
ABBREVIATIONS = {name.capitalize() for name in MONTHS if len(name) <= 4} | {
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Capt", "Maj", "Sgt", "Sen", "Rep", "Gov", "Pres", "St", "No",
    "Jr", "Sr", "Prof", "Rev", "Adm", "Brig", "Cmdr", "Mt", "Ft", "Vs", "vs", "approx", "est",
}
INITIALS = re.compile(r"(?:\b[A-Z]\.)+$")
CLAUSE_BREAK = re.compile(r"[,;:—–]\s")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the story's prose: offsets into the capture, end exclusive."""

    index: int
    start: int
    end: int
    text: str

    def local(self, position: int) -> int:
        return position - self.start


def _is_abbreviation(text: str, period: int) -> bool:
    if text[period] != ".":
        return False
    word = re.search(r"[\w.]+$", text[:period])
    if not word:
        return False
    token = word.group()
    return token.rstrip(".") in ABBREVIATIONS or bool(INITIALS.search(token + "."))


def _split(text: str, offset: int) -> list[tuple[int, int]]:
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if _is_abbreviation(text, match.start()):
            continue
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, len(text)))
    spans = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((offset + s, offset + e))
    return spans


def sentences(story: Story, text: str) -> list[Sentence]:
    """The sentences of the story's body and bullet points, in order; headline, captions, credits and the
    dateline are left out."""
    found, first_body = [], True
    for span in story.spans:
        if span.kind not in PROSE_KINDS:
            continue
        mark = BULLET_MARK.match(span.text) if span.kind == "bullet" else None
        if span.kind == "body" and first_body:
            first_body = False
            mark = DATELINE.match(span.text) if story.dateline else None
        skip = mark.end() if mark else 0
        for start, end in _split(span.text[skip:], span.start + skip):
            found.append(Sentence(len(found), start, end, text[start:end]))
    return found


def quote_around(sentence: Sentence, start: int, end: int, limit: int) -> tuple[int, int]:
    """Offsets of the sentence, or of the clauses around [start, end) when the sentence is too long to quote."""
    if sentence.end - sentence.start <= limit:
        return sentence.start, sentence.end
    text = sentence.text
    breaks = [0] + [m.end() for m in CLAUSE_BREAK.finditer(text)] + [len(text)]
    local_start, local_end = start - sentence.start, end - sentence.start
    left = max(b for b in breaks if b <= local_start)
    right = min(b for b in breaks if b >= local_end)
    while True:
        wider_left = max((b for b in breaks if b < left), default=None)
        wider_right = min((b for b in breaks if b > right), default=None)
        if wider_right is not None and wider_right - left <= limit:
            right = wider_right
        elif wider_left is not None and right - wider_left <= limit:
            left = wider_left
        else:
            break
    if right - left > limit:  # one clause longer than the limit: cut around the match itself
        middle = (local_start + local_end) // 2
        left = max(0, min(middle - limit // 2, len(text) - limit))
        right = left + limit
    s, e = sentence.start + left, sentence.start + right
    while s < e and (text[s - sentence.start].isspace() or text[s - sentence.start] in ",;:"):
        s += 1
    while e > s and (text[e - 1 - sentence.start].isspace() or text[e - 1 - sentence.start] in ",;:—–"):
        e -= 1
    return s, e

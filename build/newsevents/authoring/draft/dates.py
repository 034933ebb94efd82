"""Date phrases in a sentence, in the forms the build's date resolver understands, resolved with it.

A phrase is kept as the sentence prints it (a wrapped line's break included, so the build finds it verbatim);
'late on Tuesday' and 'on Wednesday afternoon' give the phrase 'on Tuesday' and 'on Wednesday'.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsevents.authoring.draft.text import Sentence
from newsevents.resolve.date_phrases import MONTHS, NUMBER_WORDS, WEEKDAYS, DatePhraseError, Resolved, classify, resolve

_M = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_WD = "(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"
_N = r"(?:\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_LEAD = r"(?:in|since|until|by|during|from|as of)\s+"
FORMS = [  # longest forms first; a shorter form never overlaps a longer one already found
    r"\b\d{1,2}\s+" + _M + r",?\s+\d{4}\b",
    r"\b" + _M + r"\s*\d{1,2},?\s+\d{4}\b",
    r"\b" + _LEAD + _M + r"\s+\d{4}\b",
    r"\b" + _M + r"\s+\d{4}\b",
    r"\b(?:by\s+)?" + _M + r"\s*\d{1,2}\b(?!:)",  # 'by Jan. 26': a deadline, still to come
    r"\b(?:by\s+)?\d{1,2}\s+" + _M.removesuffix(r"\.?") + r"\b",
    r"\b" + _LEAD + _M.removesuffix(r"\.?") + r"\b(?!\.?\s*\d)",
    r"\b" + _LEAD + r"(?:19|20)\d{2}\b",
    # 'In March, a car bomb …', 'In 2011, police …': the resolver reads the month or year without the capital 'In'
    r"(?<=\bIn )(?:" + _M.removesuffix(r"\.?") + r"|(?:19|20)\d{2})\b(?!\.?\s*\d)",
    r"\b(?:(?:[Oo]n|[Ll]ast|[Nn]ext|[Tt]his)\s+)?" + _WD + r"\b",
    r"\b(?:(?:[Ee]arlier|[Ll]ater)\s+this|[Ll]ast|[Nn]ext|[Tt]his)\s+(?:week|month|year)\b",
    r"\b(?:yesterday|today|tomorrow)\b",
    r"\b" + _N + r"\s+days?\s+(?:after|before|later|earlier)\b",
    r"\bthe\s+(?:next|following)\s+day\b",
]
PATTERN = re.compile("|".join(f"(?:{form})" for form in FORMS))
# a phrase that is part of a longer one the resolver cannot read: 'April last year', '1998–99', '1992-95 war'
PART_OF_LONGER = (re.compile(r"^[ ,]*(?:last|this|next) year\b|^[–-]\d{2,4}\b"),
                  re.compile(r"\b(?:" + "|".join(m.capitalize() for m in MONTHS) + r")\s*$|\d{2,4}[–-]$"))
# a day that is what was declared, not when: 'declared Monday a day of mourning'
NAMED_DAY = re.compile(r"\b(?:declared|declares|named|designated|proclaimed) $")
# a past year or month in these words is context: "the 2016 agreement", "since 2015", "in 2012"
YEAR_ONLY = re.compile(r"^(?:in|since|until|by|during|from|as of)?\s*(?:19|20)\d{2}$")


@dataclass(frozen=True)
class DateMention:
    """A date phrase as printed, its local bounds in the sentence, and the resolver's name for its form."""

    start: int
    end: int
    phrase: str
    kind: str

    @property
    def relative_to_event(self) -> bool:
        return self.kind == "days_offset"


def find_dates(sentence: Sentence, capture: str) -> list[DateMention]:
    """Every date phrase of the sentence that the resolver understands; `phrase` is the capture's text."""
    found = []
    for match in PATTERN.finditer(sentence.text):
        text = match.group().rstrip(",")
        if PART_OF_LONGER[0].match(sentence.text[match.start() + len(text):]) or \
                PART_OF_LONGER[1].search(sentence.text[:match.start()]) or \
                (NAMED_DAY.search(sentence.text[:match.start()]) and " " not in text):
            continue
        try:
            kind, _ = classify(text)
        except DatePhraseError:
            continue
        start, end = sentence.span(match.start(), match.start() + len(text))
        found.append(DateMention(match.start(), match.start() + len(text), capture[start:end], kind))
    return found


def resolve_mention(mention: DateMention, published: tuple[date, date] | None, basis: str, *,
                    future: bool) -> Resolved:
    """The mention resolved against the story's publication date; phrases relative to an event stay unknown."""
    if mention.relative_to_event:
        return Resolved.unknown()
    return resolve(mention.phrase, published, future=future, published_basis=basis)

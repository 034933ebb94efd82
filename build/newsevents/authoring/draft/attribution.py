"""Who says what: speech attributions in a sentence ("X said", "according to Y") and the text they cover."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.authoring.draft.actors import ActorMention
from newsevents.authoring.draft.dates import DateMention
from newsevents.authoring.draft.text import Sentence

SPEECH_VERB = re.compile(
    r"\b(said|says|saying|told|tells|confirmed|confirms|announced|announces|stated|added|claimed|claims|"
    r"reported|wrote|writes|noted|stressed|insisted|denied|warned|urged|declared|acknowledged)\b")
ACCORDING_TO = re.compile(r"\baccording to\b")
SUBJECT_GAP = re.compile(r"^(?:[’']s)?(?:\s+(?:[a-z][\w\-’]*))*?\s*,?\s*$")
APPOSITION = re.compile(r",([^,]{1,140}),\s*$")
DATE_AROUND_VERB = 14


@dataclass(frozen=True)
class Attribution:
    """A speaker (None when unnamed), the speech verb and the stretch of text the attribution covers."""

    speaker: str | None
    verb_start: int
    verb_end: int
    covers: tuple[int, int]
    date: DateMention | None
    according: bool


def _words_before(text: str) -> int:
    return len(text.split())


def _speaker_before(sentence: Sentence, verb: int, mentions: list[ActorMention], person: set[str],
                    last_person: str | None) -> str | None:
    head = sentence.text[:verb]
    head = re.sub(r"\s*(?:on\s+)?[A-Z][a-z]+day\s*$", " ", head).rstrip() + " "
    apposition = APPOSITION.search(head)
    before = [m for m in mentions if m.end <= sentence.start + len(head)]
    if apposition:
        inner_start = sentence.start + apposition.start(1)
        inner = [m for m in before if m.start >= inner_start and m.actor_id in person]
        if inner:
            return inner[0].actor_id
        outer = [m for m in before if m.end <= sentence.start + apposition.start()]
        if outer and SUBJECT_GAP.match(head[outer[-1].end - sentence.start:apposition.start()] + " "):
            return outer[-1].actor_id
    for mention in reversed(before):
        gap = head[mention.end - sentence.start:]
        if SUBJECT_GAP.match(gap) and _words_before(gap) <= 4:
            return mention.actor_id
        break
    pronoun = re.search(r"\b(he|she|it|they)\s*$", head.strip().lower() + " ")
    if pronoun and pronoun.group(1) in ("he", "she"):
        return last_person
    return None


def _speaker_after(sentence: Sentence, position: int, mentions: list[ActorMention]) -> str | None:
    following = [m for m in mentions if m.start >= position]
    if following and re.match(r"^\s*(?:the\s+|a\s+)?(?:[a-z][\w\-’]*\s+){0,2}$",
                              sentence.text[sentence.local(position):sentence.local(following[0].start)]):
        return following[0].actor_id
    return None


def _adjacent_date(verb_start: int, verb_end: int, dates: list[DateMention]) -> DateMention | None:
    for date in dates:
        if 0 <= date.start - verb_end <= DATE_AROUND_VERB or 0 <= verb_start - date.end <= DATE_AROUND_VERB:
            return date
    return None


def find_attributions(sentence: Sentence, mentions: list[ActorMention], dates: list[DateMention],
                      person: set[str], last_person: str | None) -> list[Attribution]:
    """Attributions in order; each covers the text after its verb, or the clause before 'according to'."""
    found = []
    for match in SPEECH_VERB.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        speaker = _speaker_before(sentence, match.start(), mentions, person, last_person)
        if speaker is None and sentence.text[:match.start()].rstrip().endswith(","):
            speaker = _speaker_after(sentence, end, mentions)  # "…, said the ministry"
            covers = (sentence.start, start)
        else:
            covers = (end, sentence.end)
        found.append(Attribution(speaker, start, end, covers, _adjacent_date(start, end, dates), False))
    for match in ACCORDING_TO.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        clause_start = sentence.text.rfind(",", 0, max(0, match.start() - 2))
        covers = (sentence.start + clause_start + 1 if clause_start >= 0 else sentence.start, start)
        found.append(Attribution(_speaker_after(sentence, end, mentions), start, end, covers, None, True))
    return sorted(found, key=lambda a: a.verb_start)


def attribution_at(position: int, attributions: list[Attribution]) -> Attribution | None:
    """The most specific attribution covering a position (the one whose stretch starts latest)."""
    covering = [a for a in attributions if a.covers[0] <= position < a.covers[1]]
    return max(covering, key=lambda a: a.covers[0]) if covering else None

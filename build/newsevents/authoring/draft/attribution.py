"""Who says what: speech attributions in a sentence ("X said …", "…, X said", "according to X") and the stretch
of the sentence each covers. Positions are local to the sentence's text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.authoring.draft.actors import Mention
from newsevents.authoring.draft.dates import DateMention
from newsevents.authoring.draft.text import Sentence

SPEECH_VERB = re.compile(
    r"\b(said|says|saying|adding|told|tells|confirmed|confirms|announced|announces|stated|added|"
    r"(?:claimed|claims)(?! (?:the|an?|responsibility|credit)\b)|"  # 'claimed the siege': an act owned, not words
    r"reported|wrote|writes|noted|stressed|insisted|warned|urged|declared|acknowledged|quoted|"
    r"posted)\b|\b(?:put|puts|gave|gives|given|estimated|revised)(?= (?:the|its|their|a) (?:[a-z]+er )?(?:death "
    r"toll|toll|number|figure))")  # 'put the death toll at', 'gave a lower toll'
# '…, and in southeastern France a man drove …, prosecutors said': the speaker vouches for the last clause only
NEW_CLAUSE = re.compile(r", and (?=(?:in|on|at|the|a|an) )")
ACCORDING_TO = re.compile(r"\b[Aa]ccording to\b")
SUBJECT_GAP = re.compile(r"^(?:[’']s)?(?: (?:[a-z][\w\-’]*|on [A-Z]\w*|in a [\w ]+?))*? ?,? ?$")
APPOSITION = re.compile(r", ([^,]{1,140}), ?$")
ACRONYM = re.compile(r"^(?: \([A-Z][A-Za-z]{1,9})?\)(?= )")  # "X (XYZ) said", or its "(XYZ)" named
DATE_AROUND_VERB = 14
ON_RECORD_END = re.compile(r"^ in (?:a|an|its|his|her|their)(?: [\w\-]+){1,3}(?: (?:late |early )?on [A-Z]\w+day)?"
                           r"\.?$")
# 'said late on Friday morning, among them …': the time of day and 'late'/'early' before the comma
SAID_THEN_COMMA = re.compile(r"(?:(?: late| early)? on [A-Z]\w+day(?: (?:morning|afternoon|evening|night))?|"
                             r" in (?:a|an|its|his|her|their)(?: [\w\-]+){1,3})?,")
# ', as the country mourned …': the outlet's own narration after what a speaker said
NARRATION = re.compile(r", as (?!(?:many|much|well|far|long|soon|of|a result|part|such|expected)\b)[a-z]+ ")
# 'The army called the strike an aggression and said': a first verb of the subject's own, then 'and'
COORDINATED = re.compile(r"^ (?:had |has |have |also )?[a-z]+ed\b[^,;]{0,80} and (?:also )?$")
OPENING = re.compile(r"^(?:(?:Later|Earlier|Late|Early|And|But|Then)(?: in the day)? )?$")
ASIDE = re.compile(r", (?:including|among them|among whom|many of them|most of them|\w+ of them|of whom)\b")
OPENS_A_CLAUSE = {"it", "they", "he", "she", "we", "that", "the", "a", "an", "its", "their", "his", "her"}


@dataclass(frozen=True)
class Attribution:
    """A speaker (None when unnamed), the speech verb and the stretch of text the attribution covers."""

    speaker: str | None
    verb_start: int
    verb_end: int
    covers: tuple[int, int]
    date: DateMention | None
    according: bool


def _speaker_before(text: str, verb: int, mentions: list[Mention], persons: set[str],
                    earlier: tuple[str | None, str | None]) -> tuple[str | None, int | None]:
    """(speaker, where its mention starts) of a verb whose subject comes before it; 'he'/'she' is the person
    named last, 'it'/'they' the body that spoke in the sentence before (`earlier`: the two)."""
    head = re.sub(r" ?(?:on )?[A-Z][a-z]+day ?$", " ", text[:verb]).rstrip() + " "
    before = [m for m in mentions if m.end <= len(head)]
    apposition = APPOSITION.search(head)
    if apposition:
        inner = [m for m in before if m.start >= apposition.start(1) and m.actor_id in persons]
        outer = [m for m in before if m.end <= apposition.start()]
        if inner:
            return inner[0].actor_id, (outer[-1].start if outer else inner[0].start)
        if outer and SUBJECT_GAP.match(ACRONYM.sub("", head[outer[-1].end:apposition.start()] + " ")):
            return outer[-1].actor_id, outer[-1].start
    if before:
        gap = ACRONYM.sub("", head[before[-1].end:])  # 'the National Weather Board (NWB) said'
        if SUBJECT_GAP.match(gap) and len(gap.split()) <= 4 or COORDINATED.match(gap):
            return before[-1].actor_id, before[-1].start
    pronoun = re.search(r"\b(?:(he|she)|it|they)\s*$", head.rstrip(), re.I)
    if pronoun is None:
        return None, None
    speaker = earlier[0] if pronoun.group(1) else earlier[1]
    return speaker, (pronoun.start() if speaker else None)


def _speaker_after(text: str, position: int, mentions: list[Mention]) -> str | None:
    following = [m for m in mentions if m.start >= position]
    if following and re.match(r"^ ?(?:the |a |an )?(?:[a-z][\w\-’]* ){0,3}$", text[position:following[0].start]):
        return following[0].actor_id
    return None


def _adjacent_date(text: str, verb_start: int, verb_end: int, speaker_at: int | None,
                   dates: list[DateMention]) -> DateMention | None:
    """'said on Sunday', 'on Sunday said', and 'Later on Wednesday, the spokesman said': a date that opens the
    sentence, with only a comma between it and the speaker, is the day of the speaking."""
    for date in dates:
        if 0 <= date.start - verb_end <= DATE_AROUND_VERB or 0 <= verb_start - date.end <= 1:
            return date
        if speaker_at is not None and date.end <= speaker_at and OPENING.match(text[:date.start]) and \
                re.fullmatch(r", [^,;]{0,60}", text[date.end:speaker_at]) and \
                re.fullmatch(r"[^,;]{0,60}", text[speaker_at:verb_start]):
            return date
    return None


def find_attributions(sentence: Sentence, mentions: list[Mention], dates: list[DateMention],
                      persons: set[str], earlier: tuple[str | None, str | None]) -> list[Attribution]:
    """Attributions in order; each covers the text after its verb, or the text before ', X said' or
    'according to X'. `earlier`: the person named last and the body that spoke in the sentence before."""
    text, found = sentence.text, []
    for match in SPEECH_VERB.finditer(text):
        start, end = match.span()
        speaker, at = _speaker_before(text, start, mentions, persons, earlier)
        rest = text[end:].split()
        at_end = (len(rest) <= 4 and (not rest or rest[0].lower() not in OPENS_A_CLAUSE)  # "…, X said on Sunday."
                  or SAID_THEN_COMMA.match(text[end:]) is not None  # "…, X said in a statement, adding …"
                  or ON_RECORD_END.match(text[end:]) is not None)  # "…, the army said in a statement on Sunday."
        comma = text.rfind(", ", 0, at or start)
        if speaker is not None and at is not None and at_end and comma > 0 and len(text[:comma].split()) >= 3 and \
                len(text[comma:at].split()) <= 6 and not re.search(r"\b(?:that|who|which|when)\b", text[comma:at]):
            clauses = list(NEW_CLAUSE.finditer(text, 0, comma))
            covers = (clauses[-1].end() if clauses else 0, comma)  # "…, the head of the WHO said on Sunday."
        elif speaker is None and match.group() in ("saying", "adding") and _opens_sentence(text, start, mentions):
            speaker = _opens_sentence(text, start, mentions)  # "The office gave a lower toll, saying it had …"
            covers = (end, len(text))
        elif speaker is None and text[:start].rstrip().endswith(","):
            speaker = _speaker_after(text, end, mentions)  # "…, said the ministry"
            covers = (0, start)
        else:
            narration = NARRATION.search(text, end)
            covers = (end, narration.start() if narration else len(text))
        if speaker is None and re.search(r"\b(?:it|they) (?:had |has |have )?$", text[:start]):
            outer = attribution_at(start, found)  # 'saying it had confirmed 60 deaths': the one saying it
            speaker = outer.speaker if outer else None
        found.append(Attribution(speaker, start, end, covers, _adjacent_date(text, start, end, at, dates), False))
    for match in ACCORDING_TO.finditer(text):
        start, end = match.span()
        covers = (_clause_before(text, start), start)
        if not text[:start].strip():  # 'According to the ministry, nine Italians … were among the dead.'
            covers = (end, len(text))
        found.append(Attribution(_speaker_after(text, end, mentions), start, end, covers, None, True))
    return sorted(found, key=lambda a: a.verb_start)


def _opens_sentence(text: str, verb: int, mentions: list[Mention]) -> str | None:
    """The subject that opens the sentence, of a clause that runs unbroken to the comma before the verb."""
    first = mentions[0] if mentions else None
    if first and re.fullmatch(r"(?:[Tt]he )?", text[:first.start]) and \
            re.fullmatch(r"(?: [^,;]+)?, ", text[first.end:verb]) and not any(m.start < verb for m in mentions[1:]):
        return first.actor_id
    return None


def _clause_before(text: str, position: int) -> int:
    """Where the words 'according to' vouches for begin: after the comma before them (not the comma of '2,600'),
    reaching back over an aside ('Three passengers, including a boy, were killed, according to …')."""
    comma = text.rfind(", ", 0, max(0, position - 2))
    while comma >= 0 and ASIDE.match(text, comma):  # '…killed 86 people, 30 of them children, according to …'
        comma = text.rfind(", ", 0, comma)
    while comma >= 0:
        before = text.rfind(", ", 0, comma)
        if before < 0 or not ASIDE.match(text, before):
            break
        comma = text.rfind(", ", 0, before)
    return comma + 2 if comma >= 0 else 0


def attribution_at(position: int, attributions: list[Attribution]) -> Attribution | None:
    """The most specific attribution covering a position (the one whose stretch starts latest)."""
    covering = [a for a in attributions if a.covers[0] <= position < a.covers[1]]
    return max(covering, key=lambda a: a.covers[0]) if covering else None

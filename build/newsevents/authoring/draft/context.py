"""What the drafter knows about each sentence, and the mentions of events and claims it finds in them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsevents.authoring.draft.actors import ActorMention
from newsevents.authoring.draft.attribution import Attribution, attribution_at
from newsevents.authoring.draft.dates import DateMention
from newsevents.authoring.draft.places import PlaceMention
from newsevents.authoring.draft.text import Sentence

CLAUSE_HARD = re.compile(r"[;:—]|\s–\s")
FUTURE = re.compile(r"\b(will|would|shall|may|might|’ll|'ll|to|plans?|planned|expected|scheduled|due|next|upcoming|"
                    r"proposed|invited|asked)\b")
NOT_FUTURE = re.compile(r"\b(failed|decided not|refused|declined|unable|not to)\b")
PRONOUN_BEFORE = re.compile(r"\b(it|its|they|their)\s+(?:[a-z][\w\-]*\s+){0,2}$")
PLACE_PREPOSITION = re.compile(r"\b(?:in|inside|into|to|at|near|on)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w\-]*\s+){0,3}$")
SUBJECT_GAP = re.compile(r"^(?:[’']s)?(?:\s+[a-z][\w\-’]*){0,4}\s*$")


@dataclass
class SentenceFacts:
    """A sentence with the actors, places, dates and attributions found in it."""

    sentence: Sentence
    actors: list[ActorMention]
    places: list[PlaceMention]
    dates: list[DateMention]
    attributions: list[Attribution]

    def speaker_at(self, position: int) -> str | None:
        found = attribution_at(position, self.attributions)
        return found.speaker if found else None

    def clause(self, position: int) -> tuple[int, int]:
        """Bounds of the clause around a position: split at semicolons, colons and dashes."""
        text, local = self.sentence.text, self.sentence.local(position)
        start, end = 0, len(text)
        for match in CLAUSE_HARD.finditer(text):
            if match.end() <= local:
                start = match.end()
            elif match.start() >= local:
                end = match.start()
                break
        return self.sentence.start + start, self.sentence.start + end

    def subject(self, trigger_start: int) -> str | None:
        """The actor right before a trigger ('France carried out strikes', 'a French attack'), pronouns
        resolved to the speaker ('Paris said its jets struck')."""
        clause_start, _ = self.clause(trigger_start)
        head = self.sentence.text[self.sentence.local(clause_start):self.sentence.local(trigger_start)]
        if PRONOUN_BEFORE.search(head):
            speaker = self.speaker_at(trigger_start)
            if speaker:
                return speaker
        before = [m for m in self.actors if clause_start <= m.start and m.end <= trigger_start]
        if before:
            gap = self.sentence.text[self.sentence.local(before[-1].end):self.sentence.local(trigger_start)]
            coordinated = re.match(r"^\s+and\s", gap) or re.search(r",\s+as well as\s+$|,\s+(?:and\s+)?$", gap)
            if coordinated:
                return self.clause_subject(clause_start)
            if SUBJECT_GAP.match(gap) or re.match(r"^,[^,]{1,120},\s*(?:[a-z]+\s+){0,3}$", gap):
                return before[-1].actor_id
        return None

    def clause_subject(self, clause_start: int) -> str | None:
        """The actor a clause opens with ('Chad had recalled …'), for verbs coordinated with its first."""
        opening = [m for m in self.actors if clause_start <= m.start]
        if opening:
            lead = self.sentence.text[self.sentence.local(clause_start):self.sentence.local(opening[0].start)]
            if len(lead.split()) <= 1:
                return opening[0].actor_id
        return None

    def objects(self, trigger_end: int, limit: int = 90) -> list[ActorMention]:
        """Actors named after a trigger in the same clause, up to `limit` characters on."""
        _, clause_end = self.clause(trigger_end)
        stop = min(clause_end, trigger_end + limit)
        cut = re.search(r",\s+(?:while|but|although|as|and)\b", self.sentence.text[self.sentence.local(trigger_end):])
        if cut:
            stop = min(stop, trigger_end + cut.start())
        return [m for m in self.actors if trigger_end <= m.start < stop]

    def future_before(self, trigger_start: int, words: int = 4) -> bool:
        head = self.sentence.text[:self.sentence.local(trigger_start)]
        window = " ".join(head.split()[-words:])
        return bool(FUTURE.search(window)) and not NOT_FUTURE.search(window)

    def places_after(self, position: int, reach: int = 100) -> list[str]:
        """The first place named after a position with 'in', 'inside', 'to', 'at' … before it."""
        _, clause_end = self.clause(position)
        comma = self.sentence.text.find(",", self.sentence.local(position))
        if comma >= 0:
            clause_end = min(clause_end, self.sentence.start + comma)
        for place in self.places:
            if position <= place.start < min(clause_end, position + reach):
                head = self.sentence.text[:self.sentence.local(place.start)]
                if PLACE_PREPOSITION.search(head):
                    return [place.place_id]
        return []


@dataclass
class EventMention:
    """One mention of an event: what kind, who did it to whom, when, where, and the sentence it is in."""

    type: str
    action: str
    facts: SentenceFacts
    start: int
    end: int
    initiators: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    claimed_by: str | None = None
    mutual: bool = False
    planned: bool = False
    date: DateMention | None = None
    places: list[str] = field(default_factory=list)
    participants: dict[str, str] = field(default_factory=dict)
    hosts: list[str] = field(default_factory=list)
    blamed: list[str] = field(default_factory=list)
    blamers: list[str] = field(default_factory=list)
    meeting_type: str | None = None
    level_words: list[str] = field(default_factory=list)
    merge_only: bool = False
    anchor_after: EventMention | None = None


@dataclass
class ClaimMention:
    """A casualty claim as printed: outcome, count, victim group, claimant and the event mention it is about."""

    outcome: str
    count: str
    victim_group: str
    facts: SentenceFacts
    start: int
    end: int
    claimant: str | None
    qualifier: str | None = None
    part_of: ClaimMention | None = None
    event: EventMention | None = None


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(b_start - a_end, a_start - b_end, 0)


def assign_dates(facts: SentenceFacts, mentions: list[EventMention], reach: int = 80) -> None:
    """Give each date phrase to the nearest event trigger or speech verb of its clause (speech verbs keep
    'said on Monday' to themselves); a phrase such as 'two days after' dates the trigger before it and names
    the trigger after it as its anchor."""
    speech = [(a.verb_start, a.verb_end) for a in facts.attributions if not a.according]
    for date in facts.dates:
        clause = facts.clause(date.start)
        in_clause = [m for m in mentions if clause[0] <= m.start < clause[1]]
        if date.relative_to_event:
            before = [m for m in in_clause if m.end <= date.start]
            after = [m for m in in_clause if m.start >= date.end]
            if before and after and before[-1].date is None:
                before[-1].date, before[-1].anchor_after = date, after[0]
            continue
        event_distance = {id(m): _distance(m.start, m.end, date.start, date.end) for m in in_clause}
        nearest = min(in_clause, key=lambda m: event_distance[id(m)], default=None)
        if nearest is None or event_distance[id(nearest)] > reach:
            continue
        if any(_distance(s, e, date.start, date.end) < event_distance[id(nearest)] for s, e in speech):
            continue
        if nearest.date is None or _distance(nearest.start, nearest.end, nearest.date.start, nearest.date.end) \
                > event_distance[id(nearest)]:
            nearest.date = date


ANNOUNCING = re.compile(r"^(?:announced|announces|declared|declares|decided|decides)$")


def date_announcements(facts: SentenceFacts, mentions: list[EventMention]) -> None:
    """An undated step that a speaker 'announced on Friday' takes the announcement's date."""
    for attribution in facts.attributions:
        local = facts.sentence.local
        verb = facts.sentence.text[local(attribution.verb_start):local(attribution.verb_end)]
        if attribution.date is None or not ANNOUNCING.match(verb):
            continue
        for mention in mentions:
            if mention.date is None and attribution.covers[0] <= mention.start < attribution.covers[1] \
                    and mention.type in ("diplomatic_downgrade", "diplomatic_restoration", "sanctions", "ceasefire"):
                mention.date = attribution.date

"""A mention of an event in one sentence: its kind, the trigger words, the actors in each role, place, date and
status, as the words around the trigger give them."""
from __future__ import annotations

from dataclasses import dataclass, field

from newsevents.authoring.draft.dates import DateMention
from newsevents.authoring.draft.facts import SentenceFacts

VIOLENT = ("air_strike", "armed_clash", "explosion")


@dataclass
class EventMention:
    type: str
    action: str
    facts: SentenceFacts
    start: int  # the trigger's bounds, local to the sentence
    end: int
    initiators: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    claimed_targets: list[str] = field(default_factory=list)
    blamed: list[str] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)
    mediators: list[str] = field(default_factory=list)
    participants: dict[str, str] = field(default_factory=dict)  # meetings: actor → participation
    hosts: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    date: DateMention | None = None
    anchor: EventMention | None = None  # the event a phrase such as 'two days after' counts from
    this_is: str = "after"  # before or after the anchor
    status: str = "occurred"
    reference: bool = False  # "the strike", "the talks": an event named before, not a new one
    cited: bool = False  # "a day after artillery shelling": a reference that is news when nothing came before
    mutual: bool = False  # "exchanged strikes": evidence for every event of its kind, never one of its own
    level: str | None = None
    notes: list[str] = field(default_factory=list)  # what the coder should check

    @property
    def sentence_index(self) -> int:
        return self.facts.sentence.index

    def actors(self) -> set[str]:
        return {*self.initiators, *self.targets, *self.claimed_targets, *self.blamed, *self.claimants,
                *self.mediators, *self.participants, *self.hosts}


@dataclass
class ClaimMention:
    """A casualty claim as printed: outcome, count, victim group, claimant, and the event it is about."""

    outcome: str
    count: str
    victim_group: str
    facts: SentenceFacts
    start: int
    end: int
    claimant: str | None
    part_of: ClaimMention | None = None
    event: EventMention | None = None

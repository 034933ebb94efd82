"""Event mentions → events: mentions that tell of the same real event are merged into one cluster.

Mentions with a named initiator come first and found the events; mentions naming only a target, or nothing,
join the one event they can belong to; mutual mentions ("exchanged strikes", "both countries recalled") add
their evidence and date to every event of their kind; meetings merge when kind, status, date and place agree.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsevents.authoring.draft.context import ClaimMention, EventMention
from newsevents.resolve.date_phrases import Resolved

VIOLENT = ("strike", "clash", "explosion")
MEETING_FAMILY = {"visit": "visit", "phone_call": "phone_call", "talks": "talks", "conference": "talks",
                  "attendance": "talks"}


@dataclass
class Cluster:
    """The mentions of one drafted event, and the claims made about it."""

    type: str
    action: str
    mentions: list[EventMention] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)

    @property
    def initiators(self) -> list[str]:
        return list(dict.fromkeys(a for m in self.mentions if not m.mutual for a in m.initiators))

    @property
    def targets(self) -> list[str]:
        return list(dict.fromkeys(a for m in self.mentions for a in m.targets))

    @property
    def planned(self) -> bool:
        return all(m.planned for m in self.mentions if not m.merge_only)

    @property
    def places(self) -> list[str]:
        return list(dict.fromkeys(p for m in self.mentions for p in m.places))


def _overlap(a: Resolved, b: Resolved) -> bool:
    if a.start is None or b.start is None:
        return True
    return a.start <= b.end and b.start <= a.end


class _Merger:
    def __init__(self, resolve: Callable[[EventMention], Resolved]):
        self.resolve = resolve
        self.clusters: list[Cluster] = []
        self.home: dict[int, Cluster] = {}

    def _dates_agree(self, cluster: Cluster, mention: EventMention) -> bool:
        mine = self.resolve(mention)
        return all(_overlap(mine, self.resolve(m)) for m in cluster.mentions if m.date and not m.mutual)

    def _join(self, cluster: Cluster, mention: EventMention) -> None:
        cluster.mentions.append(mention)
        self.home.setdefault(id(mention), cluster)

    def _new(self, mention: EventMention) -> None:
        cluster = Cluster(mention.type, mention.action)
        self.clusters.append(cluster)
        self._join(cluster, mention)

    def _of(self, action: str | tuple[str, ...]) -> list[Cluster]:
        actions = (action,) if isinstance(action, str) else action
        return [c for c in self.clusters if c.action in actions]

    def add_acting(self, mention: EventMention) -> None:
        for cluster in self._of(mention.action):
            if set(mention.initiators) & set(cluster.initiators) and self._dates_agree(cluster, mention):
                self._join(cluster, mention)
                return
        self._new(mention)

    def add_unattributed(self, mention: EventMention, actions) -> None:
        """A mention naming a target or nothing: it joins the one event it can belong to."""
        candidates = self._of(actions)
        for target in mention.targets:
            hit = [c for c in candidates if target in c.targets]
            hit = hit or [c for c in candidates if target not in c.initiators]
            if len(hit) == 1:
                self._join(hit[0], mention)
                return
        if len(candidates) == 1:
            self._join(candidates[0], mention)
        elif not candidates and not mention.merge_only:
            self._new(mention)

    def add_mutual(self, mention: EventMention) -> None:
        joined = self._of(mention.action)
        for cluster in joined:
            self._join(cluster, mention)
        if not joined:
            self._new(mention)

    def add_meeting(self, mention: EventMention) -> None:
        family = MEETING_FAMILY[mention.action]
        for cluster in self.clusters:
            if cluster.type != "meeting" or MEETING_FAMILY[cluster.action] != family:
                continue
            places_agree = not mention.places or not cluster.places or mention.places[0] in cluster.places
            if cluster.planned == mention.planned and places_agree and self._dates_agree(cluster, mention):
                self._join(cluster, mention)
                if mention.action == "conference":
                    cluster.action = "conference"
                return
        self._new(mention)

    def add_attendance(self, mention: EventMention) -> None:
        held = [c for c in self.clusters if c.type == "meeting" and MEETING_FAMILY[c.action] == "talks"
                and not c.planned and any(m.start < mention.start
                                          or m.facts.sentence.index < mention.facts.sentence.index
                                          for m in c.mentions)]
        if held:
            self._join(held[-1], mention)


def _phase(mention: EventMention) -> int:
    if mention.merge_only:
        return 4
    if mention.mutual:
        return 3
    if mention.initiators or mention.type in ("meeting", "statement"):
        return 0
    return 1


def merge_mentions(mentions: list[EventMention], resolve: Callable[[EventMention], Resolved]) -> _Merger:
    """Clusters of mentions, in the order their first mention appears; `home` maps a mention to its cluster."""
    merger = _Merger(resolve)
    ordered = sorted(mentions, key=lambda m: (_phase(m), m.facts.sentence.index, m.start))
    for mention in ordered:
        if mention.type == "meeting":
            (merger.add_attendance if mention.action == "attendance" else merger.add_meeting)(mention)
        elif mention.merge_only:
            if mention.initiators:
                hits = [c for c in merger._of(VIOLENT) if set(mention.initiators) & set(c.initiators)]
                if hits:
                    merger._join(hits[0], mention)
                    continue
            merger.add_unattributed(mention, VIOLENT)
        elif mention.mutual:
            merger.add_mutual(mention)
        elif mention.initiators or mention.type == "statement":
            merger.add_acting(mention)
        else:
            merger.add_unattributed(mention, mention.action)
    first = {id(c): min((m.facts.sentence.index, m.start) for m in c.mentions) for c in merger.clusters}
    merger.clusters.sort(key=lambda c: first[id(c)])
    return merger

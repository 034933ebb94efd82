"""Mentions → events: the mentions that tell of one real event become one cluster.

Two mentions of one kind in one sentence, with the same date phrase and initiators, are one event (but two
meetings or diplomatic steps named together are two acts). A mention that names a new act founds an event,
unless an event of its kind with the same initiator (and for diplomatic steps the same target; for meetings a
shared participant) is already open and their dates agree. A definite mention ('the strike', 'the talks') joins
the latest event of its kind named in the three sentences before it, and is dropped when there is none, unless
it is cited as what came before ('a day after artillery shelling') or carries its own date ('The fighting
began on May 23', 'the April 22 attack', 'Sunday’s bombings'): then it founds its event. A cited act told with
its own toll ('two weeks after gunmen killed 26') is the one named before only when of its kind; and a definite
mention names the act told rather than one cited as background. 'Exchanged
strikes' adds evidence to the strikes it names together; an exchange that finds no such event founds one, left
undated. A casualty claim belongs to the violent event of its sentence, else to the latest one named just
before it (up to six sentences); a claim with no event is not drafted.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsevents.authoring.draft.mentions import VIOLENT, ClaimMention, EventMention
from newsevents.resolve.date_phrases import Resolved

STEPS = ("meeting", "diplomatic_downgrade", "diplomatic_restoration")  # two in one sentence are two acts
# between two verbs of one act: a subject and its verb ('bombers opened fire'), or 'and (then)' with no new clause
CHAINED = re.compile(r" (?:(?:had|have|has|then|also) )?|(?: (?!(?:who|which|while|as|but)\b)[\w’'\-]+){0,8} and "
                     r"(?:then |later |also )?")
# the past perfect of reported speech: 'the committee said a truck had blown up', 'said its aircraft had carried out a'
TOLD_AGAIN = re.compile(r"\b(?:said|says|told [a-z]+|confirmed)\b[^;:]{0,60}? had (?:been )?(?:[a-z]+ ){0,2}(?:an? )?$")
OTHER_ACT = re.compile(r"\b(?:another|second|third|more|other|further|new|separate|earlier|later|previous|last)\b"
                       r"(?: [a-z\-]+)? $|\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|\d+)(?: [a-z\-]+)? $")
REACH = 3  # sentences a definite mention may look back
# a war's own toll, told in the words that follow it: 'a war that killed', 'the war, in which 5,000 died'
WAR_TOLL = re.compile(r"(?:[,;]? (?:that|which|in which|during which|which has|that has)(?: [a-z\-]+){0,3})? ")
CLAIM_REACH = 6  # sentences an unlinked claim may look back: a toll often comes paragraphs after its event


@dataclass
class Cluster:
    """The mentions of one drafted event, and the claims made about it."""

    type: str
    action: str
    mentions: list[EventMention] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    @property
    def last_sentence(self) -> int:
        return max(m.sentence_index for m in self.mentions)

    def all(self, attribute: str) -> list[str]:
        return list(dict.fromkeys(a for m in self.mentions for a in getattr(m, attribute)))


def _family(kind: str) -> str:
    return "violent" if kind in VIOLENT else kind


def _opens_clause(mention: EventMention) -> bool:
    """'The fighting began on May 23': the mention is its clause's subject, not a topic ('a meeting on the
    fighting on Thursday')."""
    start, _ = mention.facts.clause(mention.start)
    lead = mention.facts.text[start:mention.start]
    return re.fullmatch(r"(?:[Tt]he|[Ii]ts|[Tt]heir)(?: [\w’'\-]+){0,3} ", lead) is not None


def _definite(mention: EventMention) -> bool:
    """'the attack', 'the fighting': an act the reader is taken to know already."""
    lead = mention.facts.text[:mention.start]
    return re.search(r"\b(?i:the|this|that|these|those|its|their|his|her)(?: [\w’'\-]+){0,3} $", lead) is not None


def _dated_noun(mention: EventMention) -> bool:
    """'the April 22 attack', 'the 2017 bombing': the date is part of the name of the act."""
    gap = mention.facts.text[mention.date.end:mention.start]
    return mention.date.end <= mention.start and re.fullmatch(r"(?:[’']s)? (?:[a-z\-]+ )?", gap) is not None


def _overlap(a: Resolved, b: Resolved) -> bool:
    return a.start is None or b.start is None or (a.start <= b.end and b.start <= a.end)


class _Clusters:
    def __init__(self, resolve: Callable[[EventMention], Resolved]):
        self.resolve = resolve
        self.clusters: list[Cluster] = []
        self.home: dict[int, Cluster] = {}

    def _join(self, cluster: Cluster, mention: EventMention) -> None:
        cluster.mentions.append(mention)
        self.home[id(mention)] = cluster

    def _dates_agree(self, cluster: Cluster, mention: EventMention) -> bool:
        mine = self.resolve(mention)
        return all(_overlap(mine, self.resolve(m)) for m in cluster.mentions if m.date)

    def _cited_is(self, cluster: Cluster, mention: EventMention, tolled: bool) -> bool:
        """Whether an act cited as what came before is the cluster's: its date (if any) must agree, and an act
        told with its own toll ('two weeks after gunmen killed 26', 'after a landmine blast wounded five') must
        also be of the cluster's kind."""
        return not (mention.date and not self._dates_agree(cluster, mention)) and \
            not (tolled and cluster.type != mention.type)

    def _same(self, cluster: Cluster, mention: EventMention) -> bool:
        if cluster.type != mention.type or mention.type == "statement":
            return False
        if mention.type not in STEPS and any(  # "two car bombs exploded", "seized power in a coup"
                m.sentence_index == mention.sentence_index and m.date is mention.date and
                set(m.initiators) == set(mention.initiators) for m in cluster.mentions):
            return True
        if mention.type == "meeting":
            if any(m.sentence_index == mention.sentence_index for m in cluster.mentions):
                return False  # 'spoke with A and with B': two calls named together are two
            shared = set(cluster.all("participants")) & set(mention.participants)
            if mention.action == "phone_call" and not mention.reference and \
                    not set(mention.participants) <= set(cluster.all("participants")):
                return False  # 'B, in a phone call with A': a call with someone new is a call of its own
            return cluster.action == mention.action and bool(shared) and \
                cluster.first.status == mention.status and self._dates_agree(cluster, mention)
        if mention.type in ("diplomatic_downgrade", "diplomatic_restoration"):
            return cluster.action == mention.action and set(cluster.all("initiators")) == set(mention.initiators) \
                and set(cluster.all("targets")) >= set(mention.targets) and self._dates_agree(cluster, mention)
        if mention.type in ("war", "ceasefire"):
            return bool(set(cluster.all("participants")) & set(mention.participants)) and \
                self._dates_agree(cluster, mention)
        initiators = set(mention.initiators)
        return bool(initiators) and initiators == set(cluster.all("initiators")) and \
            self._dates_agree(cluster, mention) and (not mention.places or not cluster.all("places")
                                                     or mention.places[0] in cluster.all("places"))

    def _one_act(self, mention: EventMention, earlier: list[EventMention]) -> Cluster | None:
        """The cluster of an act the same sentence named just before, when this mention tells the same act: its
        subject's next verb ('suicide bombers opened fire'), a step chained by 'and (then)' ('opened fire and then
        blew themselves up'), or the word 'attack' for it on the same day ('fired missiles at the base on Friday,
        in the first American attack on the government')."""
        if mention.type not in VIOLENT or mention.reference:
            return None
        text = mention.facts.text
        for prev in reversed(earlier):
            if prev.type not in VIOLENT or id(prev) not in self.home or prev.end > mention.start:
                continue
            gap = text[prev.end:mention.start]
            if CHAINED.fullmatch(gap) or (re.match(r"attacks?$", text[mention.start:mention.end]) and
                                          mention.date is not None and mention.date is prev.date):
                return self.home[id(prev)]
        return None

    def _told_again(self, mention: EventMention) -> Cluster | None:
        """'A powerful explosion tore through the bridge … The committee said a truck had blown up on the road': an
        act of no named doer that a speaker tells in the past perfect, in the sentences right after one of its kind
        and not set apart from it ('another', 'a second', 'two more'), is that act told again."""
        before = mention.facts.text[:mention.start]
        if mention.type not in VIOLENT or mention.initiators or mention.cited or \
                OTHER_ACT.search(before[-40:]) or not TOLD_AGAIN.search(before):
            return None
        recent = [c for c in self.clusters if c.type == mention.type and not c.first.cited
                  and 0 < mention.sentence_index - c.last_sentence <= REACH]
        if not recent or not self._dates_agree(recent[-1], mention) or (
                mention.places and recent[-1].all("places") and mention.places[0] not in recent[-1].all("places")):
            return None
        return recent[-1]

    def add(self, mention: EventMention, claims: list[ClaimMention], earlier: list[EventMention] = ()) -> None:
        one = self._one_act(mention, list(earlier))
        if one is not None:
            self._join(one, mention)
            return
        kin = [c for c in self.clusters if c.type == mention.type]
        if mention.mutual and kin:
            for cluster in kin:
                self._join(cluster, mention)
            return
        # 'the neighbours exchanged strikes last week', nothing named before: news of its own (undated: it tells
        # of the acts of both sides together)
        if mention.reference:
            _, clause_end = mention.facts.clause(mention.start)
            tolled = any(mention.end <= c.start < clause_end for c in claims)
            recent = [c for c in self.clusters if _family(c.type) == _family(mention.type)
                      and mention.sentence_index - c.last_sentence <= REACH
                      and not (mention.cited and not self._cited_is(c, mention, tolled))]
            # 'the deadliest since a bombing killed 20 in 2029': an earlier act of its own, not the one named before
            cued = [c for c in recent if set(mention.places) & set(c.all("places"))
                    or set(mention.targets) & set(c.all("targets") + c.all("claimed_targets"))]
            news = [c for c in recent if not c.first.cited]  # 'the strike': the act told, not one cited before it
            if cued or recent:
                self._join((cued or news or recent)[-1], mention)
                return
            # 'jets attacked two posts on Saturday, killing 24 soldiers': an act told with its own toll is news
            if not (mention.cited or (tolled and mention.type in VIOLENT and not _definite(mention)) or (
                    mention.date and (_opens_clause(mention) or _dated_noun(mention)))):
                return
        same = next((c for c in self.clusters if self._same(c, mention)), None) or self._told_again(mention)
        if same is None:
            same = Cluster(mention.type, mention.action)
            self.clusters.append(same)
        self._join(same, mention)

    def claim(self, claim: ClaimMention, in_sentence: list[EventMention]) -> None:
        violent = [m for m in in_sentence if m.type in VIOLENT and id(m) in self.home]
        before = [m for m in violent if m.start <= claim.start]
        mention = (before or violent)[-1] if (before or violent) else None
        war = [m for m in in_sentence if m.type == "war" and id(m) in self.home and m.end <= claim.start
               and WAR_TOLL.fullmatch(claim.facts.text[m.end:claim.start])]
        if mention is None and war:  # 'the 1992-95 war, in which more than 100,000 people were killed'
            mention = war[-1]
        if mention is not None:
            target = self.home[id(mention)]
        else:
            recent = [c for c in self.clusters if c.type in VIOLENT
                      and 0 <= claim.facts.sentence.index - c.last_sentence <= CLAIM_REACH]
            news = [c for c in recent if not c.first.cited]  # an act cited as background is not the one told
            pool = news or recent  # of acts named last in one sentence, the first named: the lead act
            latest = max((c.last_sentence for c in pool), default=None)
            target = next((c for c in pool if c.last_sentence == latest), None)
        if target is not None:
            claim.event = target.first
            target.claims.append(claim)


def cluster_mentions(per_sentence: list[tuple[list[EventMention], list[ClaimMention]]],
                     resolve: Callable[[EventMention], Resolved]) -> list[Cluster]:
    """Clusters in the order their first mention appears; claims attached to theirs."""
    clusters = _Clusters(resolve)
    for mentions, claims in per_sentence:
        ordered = sorted(mentions, key=lambda m: m.start)
        for i, mention in enumerate(ordered):
            clusters.add(mention, claims, ordered[:i])
        for claim in claims:
            clusters.claim(claim, mentions)
    return [c for c in clusters.clusters if c.mentions]

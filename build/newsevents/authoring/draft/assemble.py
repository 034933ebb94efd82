"""Clusters of mentions → the story's coding, in the structure of schemas/coding/story.yaml.

Every value is a draft for a coder to check. Codes (CAMEO, PLOVER) are the usual ones for each kind of event;
what the drafter could not settle is said in the event's notes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from newsevents.authoring.draft.actors import ActorFinder
from newsevents.authoring.draft.cluster import Cluster
from newsevents.authoring.draft.lexicon import level_of
from newsevents.authoring.draft.meetings import meeting_type
from newsevents.authoring.draft.mentions import VIOLENT, ClaimMention, EventMention
from newsevents.authoring.draft.places import PlaceFinder
from newsevents.authoring.draft.slug import slug
from newsevents.authoring.draft.summaries import summary
from newsevents.authoring.draft.text import quote_around
from newsevents.ingest.articles import Article
from newsevents.resolve.date_phrases import Resolved, resolve
from newsevents.resolve.quotes import occurrences

BACKGROUND_DAYS = 30  # an event dated this long before publication is context, not news
CODES = {  # (event type, action) → (CAMEO, PLOVER); None as action is the type's default
    ("air_strike", None): ("195", "ASSAULT"), ("armed_clash", None): ("190", "ASSAULT"),
    ("explosion", None): ("183", "ASSAULT"), ("war", None): ("190", "ASSAULT"),
    ("ceasefire", None): ("0871", "RETREAT"), ("seizure_of_power", None): ("190", "ASSAULT"),
    ("sanctions", None): ("163", "SANCTION"), ("negotiation_failure", None): ("164", "REJECT"),
    ("diplomatic_downgrade", None): ("161", "SANCTION"), ("diplomatic_downgrade", "summon"): ("114", "ACCUSE"),
    ("diplomatic_downgrade", "expel"): ("166", "SANCTION"), ("diplomatic_downgrade", "suspend_talks"): ("164",
                                                                                                      "SANCTION"),
    ("diplomatic_restoration", None): ("050", "SUPPORT"), ("diplomatic_restoration", "planned"): ("032", "SUPPORT"),
    ("meeting", None): ("046", "CONSULT"), ("meeting", "visit"): ("042", "CONSULT"),
    ("meeting", "phone_call"): ("041", "CONSULT"), ("meeting", "planned"): ("036", "AGREE"),
    ("statement", None): ("010", "AGREE"), ("statement", "condemned"): ("111", "ACCUSE"),
    ("statement", "denounced"): ("111", "ACCUSE"), ("statement", "accused"): ("112", "ACCUSE"),
    ("statement", "warned"): ("130", "THREATEN"), ("statement", "threatened"): ("130", "THREATEN"),
    ("statement", "urged"): ("020", "REQUEST"), ("statement", "called"): ("020", "REQUEST"),
    ("statement", "demanded"): ("020", "REQUEST"), ("statement", "rejected"): ("120", "REJECT"),
    ("statement", "welcomed"): ("051", "SUPPORT"),
}
LEVEL_WORDS = [("head_of_state", r"\b(?:presidents?|prime ministers?|leaders|heads of state|kings?|emirs?)\b"),
               ("minister", r"\b(?:foreign )?ministers?\b"), ("special_envoy", r"\b(?:special )?envoys?\b"),
               ("ambassador", r"\bambassadors?\b"), ("official", r"\bofficials?\b|\bdelegat(?:es|ion)\b")]


@dataclass
class Drafted:
    """The drafted coding (a dict in the story-file structure) and what the drafter found along the way."""

    coding: dict
    actor_proposals: dict
    place_proposals: dict
    dates: list[dict] = field(default_factory=list)


class Assembler:
    def __init__(self, article: Article, actors: ActorFinder, places: PlaceFinder, quote_limit: int):
        self.article, self.actors, self.places, self.quote_limit = article, actors, places, quote_limit
        self.ids: set[str] = set()
        self.dated_mentions: dict[int, tuple[str, Resolved]] = {}  # mention → its event's id and date
        self.date_doubts: dict[int, str] = {}  # cluster → why its date phrase was not used

    # -- dates ---------------------------------------------------------------------------------------
    def resolve(self, mention: EventMention) -> Resolved:
        if mention.date is None or mention.date.relative_to_event:
            return Resolved.unknown()
        deadline = mention.date.phrase.lower().startswith("by ")  # 'asked to return by Jan. 26': still to come
        return resolve(mention.date.phrase, self.article.published_range, future=mention.status != "occurred"
                       or deadline, published_basis=self.article.published_date_basis)

    def _today_or_a_week_on(self, phrase: str) -> bool:
        """'due to meet later on Thursday' in a Thursday story: today, or a week on? The coder says."""
        day = re.fullmatch(r"(?:on )?([A-Z][a-z]+day)", " ".join(phrase.split()))
        published = self.article.published_date
        return bool(day and published and published == self.article.published_date_latest and
                    day.group(1) == published.strftime("%A"))

    def _date(self, cluster: Cluster) -> tuple[dict, Resolved]:
        dated = [m for m in cluster.mentions if m.date and not m.mutual]  # 'exchanged strikes' dates no strike
        if not dated and cluster.first.mutual and cluster.type not in VIOLENT:  # 'both returned their envoys'
            dated = [m for m in cluster.mentions if m.date]
        if not dated:
            return {}, Resolved.unknown()
        best = next((m for m in dated if not m.date.relative_to_event), dated[0])
        if cluster.first.status != "occurred" and self._today_or_a_week_on(best.date.phrase):
            phrase = " ".join(best.date.phrase.split())
            self.date_doubts[id(cluster)] = (f"Machine draft: '{phrase}' in a story of that weekday may be today or "
                                             f"a week on; left undated.")
            return {}, Resolved.unknown()
        spec = {"expression": best.date.phrase}
        if not best.date.relative_to_event:
            return spec, self.resolve(best)
        anchor = self.dated_mentions.get(id(best.anchor)) if best.anchor else None
        if anchor is None:
            return {}, Resolved.unknown()
        spec["anchor"] = anchor[0]
        spec["this_is"] = best.this_is
        return spec, resolve(best.date.phrase, self.article.published_range, anchor_event=anchor[1],
                             this_is=spec["this_is"])

    # -- evidence ------------------------------------------------------------------------------------
    def quote(self, mention: EventMention | ClaimMention):
        sentence = mention.facts.sentence
        s, e = quote_around(sentence, mention.start, mention.end, self.quote_limit)
        text = sentence.text[s:e]
        span = sentence.span(s, e)
        found = occurrences(self.article.text, text, self.article.story.start, self.article.story.end)
        if len(found) > 1 and span in found:
            return {"quote": text, "occurrence": found.index(span) + 1}
        return text

    def _evidence(self, cluster: Cluster) -> list:
        evidence = []
        for mention in sorted(cluster.mentions, key=lambda m: (m.sentence_index, m.start)):
            quote = self.quote(mention)
            if quote not in evidence:
                evidence.append(quote)
        return evidence

    # -- roles ---------------------------------------------------------------------------------------
    def _roles(self, cluster: Cluster) -> list[dict]:
        roles: dict[tuple[str, str], dict] = {}

        def add(actor: str, role: str, mention) -> None:
            record = roles.setdefault((actor, role), {"actor": actor, "role": role, "evidence": []})
            quote = self.quote(mention)
            if quote not in record["evidence"]:
                record["evidence"].append(quote)

        for m in cluster.mentions:
            if m.mutual:
                continue
            for attribute, role in (("initiators", "initiator"), ("targets", "target"),
                                    ("claimed_targets", "claimed_target"), ("blamed", "blamed"),
                                    ("claimants", "claimant"), ("mediators", "mediator"), ("hosts", "host")):
                for actor in getattr(m, attribute):
                    add(actor, role, m)
            for actor, how in m.participants.items():
                if actor not in m.hosts:
                    add(actor, "absent" if how == "invited_declined" else "participant", m)
        for claim in cluster.claims:
            if claim.claimant:
                add(claim.claimant, "claimant", claim)
        return list(roles.values())

    def _claims(self, cluster: Cluster) -> list[dict]:
        drafted, by_claim = [], {}
        for claim in cluster.claims:
            claim_id = self._unique(slug(f"{claim.claimant or 'outlet'} says {claim.outcome} {claim.count} "
                                         f"{claim.victim_group}"))
            entry = {"id": claim_id, "claimant": claim.claimant, "outcome": claim.outcome,
                     "victim_group": claim.victim_group, "count": " ".join(claim.count.split())}
            if claim.part_of is not None and id(claim.part_of) in by_claim:
                entry["part_of"] = by_claim[id(claim.part_of)]
            entry["evidence"] = [self.quote(claim)]
            by_claim[id(claim)] = claim_id
            drafted.append(entry)
        return drafted

    # -- meetings ------------------------------------------------------------------------------------
    def _level(self, cluster: Cluster, participants: list[str]) -> str:
        levels = set()
        for actor in participants:
            title = self.actors.entry(actor).get("role_title") or ""
            if level_of(set(title.split())):
                levels.add(level_of(set(title.split())))
        if not levels:
            text = " ".join(m.facts.text.lower() for m in cluster.mentions)
            levels = {level for level, pattern in LEVEL_WORDS if re.search(pattern, text)}
            levels = set(list(levels)[:1]) if len(levels) > 1 else levels
        return levels.pop() if len(levels) == 1 else ("mixed" if levels else "unknown")

    def _meeting(self, cluster: Cluster) -> tuple[dict, list[dict]]:
        participation: dict[str, str] = {}
        for m in cluster.mentions:
            for actor, how in m.participants.items():
                participation.setdefault(actor, how)
            for host in m.hosts:
                participation[host] = "host"
        text = " ".join(m.facts.text for m in cluster.mentions)
        kind = meeting_type(cluster.action, participation, text, {a: self.actors.type_of(a) for a in participation})
        hosts = [a for a, how in participation.items() if how == "host"]
        names = [self.actors.name_of(a) for a, how in participation.items() if how != "host"]
        title = {"visit": "Visit", "phone_call": "Phone call", "conference": "Summit"}.get(kind, "Talks")
        title += f" of {', '.join(names[:3])}" if names else ""
        meeting = {"type": kind, "level": self._level(cluster, list(participation)),
                   "host": hosts[0] if hosts else None, "title": title}
        participants = [{"actor": a, "participation": how, "evidence": self._evidence(cluster)[:1]}
                        for a, how in participation.items()]
        return meeting, participants

    # -- the event -----------------------------------------------------------------------------------
    def _unique(self, wanted: str) -> str:
        candidate, n = wanted, 2
        while candidate in self.ids:
            candidate, n = f"{wanted}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def _status(self, cluster: Cluster, resolved: Resolved) -> str:
        status = cluster.first.status
        latest = self.article.published_date_latest
        if status == "occurred" and latest and resolved.start and resolved.start > latest:
            return "planned"
        return status

    def _codes(self, cluster: Cluster, status: str) -> tuple[str, str]:
        keys = [(cluster.type, "planned")] if status in ("planned", "proposed") else []
        keys += [(cluster.type, cluster.action), (cluster.type, None)]
        return next(CODES[k] for k in keys if k in CODES)

    def _salience(self, resolved: Resolved) -> str:
        earliest = self.article.published_date_earliest
        old = earliest and resolved.end and resolved.end < earliest - timedelta(BACKGROUND_DAYS)
        return "background" if old else "core"

    def event(self, cluster: Cluster, ids: dict[int, tuple[str, Resolved]]) -> dict:
        spec, resolved = self._date(cluster)
        status = self._status(cluster, resolved)
        roles = self._roles(cluster)
        who = [r["actor"] for r in roles if r["role"] in ("initiator", "participant", "host")][:1]
        when = resolved.start.isoformat()[:10 if resolved.precision == "day" else 7] if resolved.start else ""
        event_id = self._unique(slug(" ".join([*who, cluster.type.replace("_", " "), when])))
        ids[id(cluster)] = (event_id, resolved)
        self.dated_mentions.update({id(m): (event_id, resolved) for m in cluster.mentions})
        places = cluster.all("places")
        place = places[0] if places else None
        cameo, plover = self._codes(cluster, status)
        named = {}
        for record in roles:
            named.setdefault(record["role"], []).append(self.actors.name_of(record["actor"]))
        place_name = self.places.name_of(place) if place else ""
        event = {"id": event_id, "type": cluster.type, "cameo": cameo, "plover": plover,
                 "summary": summary(cluster.type, cluster.action, status, named, place_name), "status": status,
                 "salience": self._salience(resolved), "place": place, "date": spec,
                 "notes": self.date_doubts.get(id(cluster)) or _date_note(spec, resolved),
                 "evidence": self._evidence(cluster)}
        if roles:
            event["actors"] = roles
        claims = self._claims(cluster)
        if claims:
            event["claims"] = claims
        if cluster.type == "meeting":
            event["meeting"], participants = self._meeting(cluster)
            if participants:
                event["participants"] = participants
        return event


def _date_note(spec: dict, resolved: Resolved) -> str:
    if not spec:
        return "Machine draft: no date phrase found in the event's own clause."
    if resolved.start is None:
        return f"Machine draft: the date phrase '{spec['expression']}' gives no date here."
    span = resolved.start.isoformat() if resolved.start == resolved.end else \
        f"{resolved.start.isoformat()}..{resolved.end.isoformat()}"
    return f"Machine draft: '{' '.join(spec['expression'].split())}' resolves to {span} ({resolved.basis})."

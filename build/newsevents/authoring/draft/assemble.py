"""Clusters of mentions → the story's coding, in the structure of schemas/coding/story.yaml.

Every value is a draft for a coder to check; codes (CAMEO, PLOVER) are the usual ones for each kind of event.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from newsevents.authoring.draft.actors import ActorFinder
from newsevents.authoring.draft.context import ClaimMention, EventMention
from newsevents.authoring.draft.merge import Cluster, merge_mentions
from newsevents.authoring.draft.places import PlaceFinder
from newsevents.authoring.draft.slug import slug
from newsevents.authoring.draft.text import quote_around
from newsevents.ingest.articles import Article
from newsevents.resolve.date_phrases import Resolved, resolve
from newsevents.resolve.quotes import occurrences

MANY_PARTIES = re.compile(r"\b(?:regional|multilateral|neighbou?ring countries|countries|participants|"
                          r"neighbou?rs)\b")
BACKGROUND_DAYS = 30  # an event dated this long before publication is context, not news
CODES = {  # (event type, action or meeting type) → (CAMEO, PLOVER); None as action is the type's default
    ("air_strike", None): ("195", "ASSAULT"),
    ("armed_clash", None): ("190", "ASSAULT"),
    ("explosion", None): ("183", "ASSAULT"),
    ("war", None): ("190", "ASSAULT"),
    ("ceasefire", None): ("0871", "RETREAT"),
    ("seizure_of_power", None): ("190", "ASSAULT"),
    ("troop_withdrawal", None): ("087", "RETREAT"),
    ("negotiation_failure", None): ("164", "SANCTION"),
    ("sanctions", None): ("163", "SANCTION"),
    ("diplomatic_downgrade", None): ("161", "SANCTION"),
    ("diplomatic_downgrade", "cancel"): ("160", "SANCTION"),
    ("diplomatic_downgrade", "expel"): ("166", "SANCTION"),
    ("diplomatic_restoration", None): ("050", "SUPPORT"),
    ("diplomatic_restoration", "planned"): ("032", "SUPPORT"),
    ("meeting", None): ("046", "CONSULT"),
    ("meeting", "visit"): ("042", "CONSULT"),
    ("meeting", "phone_call"): ("040", "CONSULT"),
    ("meeting", "planned"): ("036", "AGREE"),
    ("statement", None): ("010", "AGREE"),
}
LABELS = {"air_strike": "air strike", "armed_clash": "armed clash", "explosion": "explosion", "war": "war",
          "ceasefire": "ceasefire", "seizure_of_power": "seizure of power", "troop_withdrawal": "troop withdrawal",
          "negotiation_failure": "failed negotiation", "sanctions": "sanctions",
          "diplomatic_downgrade": "diplomatic downgrade", "diplomatic_restoration": "diplomatic restoration",
          "statement": "statement", "visit": "visit", "phone_call": "phone call",
          "bilateral_talks": "bilateral talks", "multilateral_talks": "multilateral talks",
          "conference": "conference"}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
PARTICIPATION_RANK = {"host": 0, "attended": 1, "invited_declined": 2, "expected": 3, "invited": 4}
LEVEL_RANK = ["head_of_state", "minister", "special_envoy", "ambassador", "official"]


@dataclass
class Drafted:
    """The drafted coding (a dict in the story-file structure) and what the drafter found along the way."""

    coding: dict
    actor_proposals: dict
    place_proposals: dict
    dates: list[dict] = field(default_factory=list)


class Assembler:
    def __init__(self, article: Article, actors: ActorFinder, places: PlaceFinder, quote_limit: int):
        self.article, self.actors, self.places = article, actors, places
        self.quote_limit = quote_limit
        self.ids: set[str] = set()

    # -- dates ---------------------------------------------------------------------------------------
    def resolve(self, mention: EventMention, future: bool | None = None) -> Resolved:
        if mention.date is None or mention.date.relative_to_event:
            return Resolved.unknown()
        return resolve(mention.date.phrase, self.article.published_range,
                       future=mention.planned if future is None else future,
                       published_basis=self.article.published_date_basis)

    def _date(self, cluster: Cluster, home: dict, resolved_of: dict, future: bool) -> tuple[dict, Resolved]:
        dated = [m for m in cluster.mentions if m.date] or []
        own = [m for m in dated if not m.mutual] or dated
        if not own:
            return {}, Resolved.unknown()

        def rank(m: EventMention):
            r = self.resolve(m, future)
            return (m.date.relative_to_event, PRECISION_RANK[r.precision], r.basis != "stated",
                    m.facts.sentence.index)

        best = min(own, key=rank)
        spec = {"expression": best.date.phrase}
        if best.date.relative_to_event:
            anchor = home.get(id(best.anchor_after))
            if anchor is None or anchor is cluster or id(anchor) not in resolved_of:
                return {}, Resolved.unknown()
            spec["anchor"] = resolved_of[id(anchor)][0]
            spec["this_is"] = "before" if any(w in best.date.phrase for w in ("before", "earlier")) else "after"
            return spec, resolve(best.date.phrase, self.article.published_range,
                                 anchor_event=resolved_of[id(anchor)][1], this_is=spec["this_is"])
        return spec, self.resolve(best, future)

    # -- evidence ------------------------------------------------------------------------------------
    def quote(self, mention_or_claim, start: int | None = None, end: int | None = None):
        sentence = mention_or_claim.facts.sentence
        s, e = quote_around(sentence, start if start is not None else mention_or_claim.start,
                            end if end is not None else mention_or_claim.end, self.quote_limit)
        text = self.article.text[s:e]
        found = occurrences(self.article.text, text, self.article.story.start, self.article.story.end)
        if len(found) > 1:
            return {"quote": text, "occurrence": found.index((s, e)) + 1}
        return text

    # -- pieces of an event --------------------------------------------------------------------------
    def _roles(self, cluster: Cluster) -> list[dict]:
        roles: dict[tuple[str, str], dict] = {}

        def add(actor: str, role: str, evidence, claimed_by: str | None = None) -> None:
            record = roles.setdefault((actor, role), {"actor": actor, "role": role, "evidence": []})
            if claimed_by and claimed_by != actor:
                record.setdefault("claimed_by", claimed_by)
            if evidence not in record["evidence"]:
                record["evidence"].append(evidence)

        for m in cluster.mentions:
            quote = self.quote(m)
            for actor in m.initiators:
                add(actor, "participant" if m.mutual or cluster.type == "war" else "initiator", quote)
            for actor in m.targets:
                add(actor, "claimed_target" if m.claimed_by else "target", quote, m.claimed_by)
            for actor in m.blamed:
                add(actor, "blamed", quote)
            for actor in m.blamers:
                add(actor, "claimant", quote)
            if cluster.type == "meeting":
                for actor in m.hosts:
                    add(actor, "host", quote)
        for claim in cluster.claims:
            if claim.claimant:
                add(claim.claimant, "claimant", self.quote(claim))
        return list(roles.values())

    def _claims(self, cluster: Cluster) -> list[dict]:
        drafted, ids = [], {}
        for claim in cluster.claims:
            key = (claim.claimant, claim.outcome, claim.count.lower(), claim.victim_group,
                   id(claim.part_of) if claim.part_of else None)
            quote = self.quote(claim, claim.facts.sentence.start, claim.facts.sentence.end)
            if key in ids:
                entry = ids[key]
                if quote not in entry["evidence"]:
                    entry["evidence"].append(quote)
                ids[id(claim)] = entry
                continue
            claim_id = self._unique(slug(f"{claim.claimant or 'outlet'} says {claim.outcome} {claim.count} "
                                         f"{claim.victim_group}"))
            entry = {"id": claim_id, "claimant": claim.claimant, "outcome": claim.outcome,
                     "victim_group": claim.victim_group, "count": claim.count}
            if claim.part_of is not None and id(claim.part_of) in ids:
                entry["part_of"] = ids[id(claim.part_of)]["id"]
            if claim.qualifier:
                entry["notes"] = f"printed as '{claim.qualifier} {claim.count}': check count_low and count_high"
            entry["evidence"] = [quote]
            ids[key] = ids[id(claim)] = entry
            drafted.append(entry)
        return drafted

    def _represented(self, actor: str) -> tuple[str, str | None]:
        """Meeting participants are states, with the person who represents them (the worked example's form)."""
        if self.actors.type_of(actor) in ("person", "government_body"):
            state = self.actors.state_for_country(self.actors.country_of(actor))
            if state and state != actor:
                return state, actor if self.actors.type_of(actor) == "person" else None
        return actor, None

    def _participants(self, cluster: Cluster) -> list[dict]:
        found: dict[str, dict] = {}
        explicit_first = sorted(cluster.mentions, key=lambda m: m.action != "attendance")
        for m in explicit_first:  # "X was invited but did not attend" outranks X named among the talks' parties
            quote = self.quote(m)
            for actor, participation in m.participants.items():
                state, person = self._represented(actor)
                record = found.setdefault(state, {"actor": state, "participation": participation, "evidence": [],
                                                  "explicit": m.action == "attendance"})
                if not record["explicit"] and \
                        PARTICIPATION_RANK[participation] < PARTICIPATION_RANK[record["participation"]]:
                    record["participation"] = participation
                if person:
                    record.setdefault("represented_by", person)
                if quote not in record["evidence"]:
                    record["evidence"].append(quote)
        return [{k: r[k] for k in ("actor", "participation", "represented_by", "evidence") if k in r}
                for r in found.values()]

    def _meeting(self, cluster: Cluster, participants: list[dict]) -> dict:
        kind = cluster.action
        if kind == "talks":
            many = any(MANY_PARTIES.search(m.facts.sentence.text) for m in cluster.mentions)
            kind = "multilateral_talks" if len(participants) > 2 or many else "bilateral_talks"
        levels = Counter(w for m in cluster.mentions for w in m.level_words)
        level = min(levels, key=lambda lv: (-levels[lv], LEVEL_RANK.index(lv))) if levels else "unknown"
        hosts = [self._represented(h)[0] for m in cluster.mentions for h in m.hosts]
        host = next((h for h in hosts if self.actors.type_of(h) == "state"), hosts[0] if hosts else None)
        names = [self.actors.name_of(p["actor"]) for p in participants if p["participation"] != "host"]
        host_name = self.actors.name_of(host) if host else None
        if kind == "visit":
            title = f"{' and '.join(names[:2]) or 'A'} visit" + (f" to {host_name}" if host_name else "")
        else:
            title = LABELS[kind].capitalize() + (f" hosted by {host_name}" if host_name else "")
            title += f" with {', '.join(names[:4])}" + (" and others" if len(names) > 4 else "") if names else ""
        return {"type": kind, "level": level, "host": host, "title": title}

    def _place(self, cluster: Cluster, meeting: dict | None) -> str | None:
        if cluster.places:
            return cluster.places[0]
        if meeting and meeting.get("host"):
            name = self.actors.name_of(meeting["host"])
            if name in self.places.by_name:
                return self.places.by_name[name]
            for place_id, proposal in self.places.proposals.items():
                if proposal.entry["name"] == name:
                    return place_id
        return None

    def _unique(self, wanted: str) -> str:
        candidate, n = wanted, 2
        while candidate in self.ids:
            candidate, n = f"{wanted}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def _event_id(self, cluster: Cluster, meeting: dict | None, resolved: Resolved) -> str:
        who = cluster.initiators[:1] or [m.hosts[0] for m in cluster.mentions if m.hosts][:1]
        kind = meeting["type"] if meeting else cluster.type
        when = ""
        if resolved.start is not None:
            when = resolved.start.isoformat() if resolved.precision == "day" else resolved.start.isoformat()[:7]
        return self._unique(slug(" ".join([*who, kind.replace("_", " "), when])))

    def _summary(self, cluster: Cluster, meeting: dict | None, status: str) -> str:
        label = LABELS[meeting["type"] if meeting else cluster.type]
        initiators = ", ".join(self.actors.name_of(a) for a in cluster.initiators) or "an unnamed party"
        targets = ", ".join(self.actors.name_of(a) for a in cluster.targets)
        verb = "planned" if status == "planned" else "reported"
        article = "An" if label[0] in "aeiou" else "A"
        sentence = f"{article} {label} by {initiators}" + (f" involving {targets}" if targets else "")
        return f"{sentence}, as {verb} in the story (machine draft: rewrite in the coder's words)."

    def _codes(self, cluster: Cluster, meeting: dict | None, planned: bool) -> tuple[str, str]:
        keys = [(cluster.type, "planned")] if planned else []
        keys += [(cluster.type, meeting["type"] if meeting else cluster.action), (cluster.type, None)]
        return next(CODES[k] for k in keys if k in CODES)

    # -- the whole story -----------------------------------------------------------------------------
    def build(self, mentions: list[EventMention], claims: list[ClaimMention]) -> dict:
        merger = merge_mentions(mentions, self.resolve)
        clusters = merger.clusters
        violent = [c for c in clusters if c.type in ("air_strike", "armed_clash", "explosion", "war")]
        for claim in claims:
            target = claim.part_of.event if claim.part_of else claim.event
            cluster = merger.home.get(id(target)) if target else None
            if cluster is None:
                before = [c for c in violent if any(m.facts.sentence.index <= claim.facts.sentence.index
                                                    for m in c.mentions)]
                cluster = (before or violent or [None])[-1]
            if cluster is None:
                cluster = Cluster("armed_clash", "clash")
                clusters.append(cluster)
                violent.append(cluster)
            claim.event = claim.event or target
            cluster.claims.append(claim)
        clusters = [c for c in clusters if any(not m.merge_only for m in c.mentions) or c.claims]
        resolved_of: dict[int, tuple[str, Resolved]] = {}
        events = []
        for cluster in sorted(clusters, key=lambda c: any(m.date and m.date.relative_to_event for m in c.mentions)):
            participants = self._participants(cluster) if cluster.type == "meeting" else []
            meeting = self._meeting(cluster, participants) if cluster.type == "meeting" else None
            earliest, latest = self.article.published_date_earliest, self.article.published_date_latest
            spec, resolved = self._date(cluster, merger.home, resolved_of, cluster.planned)
            planned = cluster.planned or bool(latest and resolved.start and resolved.start > latest)
            if planned and earliest and resolved.end and resolved.end < earliest:  # 'last Friday' is no plan
                planned = False
                spec, resolved = self._date(cluster, merger.home, resolved_of, False)
            status = "planned" if planned else "occurred"
            background = bool(earliest and resolved.end and resolved.end < earliest - timedelta(BACKGROUND_DAYS))
            event_id = self._event_id(cluster, meeting, resolved)
            resolved_of[id(cluster)] = (event_id, resolved)
            cameo, plover = self._codes(cluster, meeting, planned)
            event = {"id": event_id, "type": cluster.type, "cameo": cameo, "plover": plover,
                     "summary": self._summary(cluster, meeting, status), "status": status,
                     "salience": "background" if background else "core", "place": self._place(cluster, meeting),
                     "date": spec, "notes": _date_note(spec, resolved)}
            evidence = []
            for m in sorted(cluster.mentions, key=lambda m: (m.facts.sentence.index, m.start)):
                quote = self.quote(m)
                if quote not in evidence:
                    evidence.append(quote)
            event["evidence"] = evidence
            roles = self._roles(cluster)
            if roles:
                event["actors"] = roles
            drafted_claims = self._claims(cluster)
            if drafted_claims:
                event["claims"] = drafted_claims
            if meeting:
                event["meeting"] = meeting
                if participants:
                    event["participants"] = participants
            events.append((min((m.facts.sentence.index, m.start) for m in cluster.mentions) if cluster.mentions
                           else (10**9, 0), event))
        return {"article_id": self.article.article_id, "review": "draft", "coder": "machine draft",
                "events": [event for _, event in sorted(events, key=lambda item: item[0])]}


def _date_note(spec: dict, resolved: Resolved) -> str:
    if not spec:
        return "Machine draft: no date phrase found for this event."
    if resolved.start is None:
        return f"Machine draft: the date phrase '{spec['expression']}' gives no date here."
    span = resolved.start.isoformat() if resolved.start == resolved.end else \
        f"{resolved.start.isoformat()}..{resolved.end.isoformat()}"
    return f"Machine draft: '{spec['expression']}' resolves to {span} ({resolved.basis})."

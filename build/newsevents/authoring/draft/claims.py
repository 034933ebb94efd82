"""Casualty claims: killed/injured with exact or vague numbers, sub-groups ("including four children"), and
the claimant from the attribution that covers them ("X said", "according to Y")."""
from __future__ import annotations

import re
from pathlib import Path

from newsevents.authoring.draft.context import ClaimMention, EventMention, SentenceFacts
from newsevents.resolve.counts import TENS, UNITS, vague_rules

GROUPS = {  # victim wording → victim_group vocabulary value
    "people": "people", "persons": "people", "person": "people", "others": "people", "victims": "people",
    "civilians": "civilians", "civilian": "civilians", "residents": "civilians", "villagers": "civilians",
    "children": "children", "child": "children", "kids": "children", "minors": "children", "boys": "children",
    "girls": "children", "women": "women", "woman": "women",
    "soldiers": "soldiers", "soldier": "soldiers", "troops": "soldiers", "policemen": "soldiers",
    "police officers": "soldiers", "security personnel": "soldiers", "security forces": "soldiers",
    "guards": "soldiers", "officers": "soldiers",
    "militants": "militants", "militant": "militants", "fighters": "militants", "insurgents": "militants",
    "terrorists": "militants", "rebels": "militants", "gunmen": "militants",
}
OUTCOMES = {"kill": "killed", "dead": "killed", "died": "killed", "death": "killed", "wound": "injured",
            "injur": "injured", "hurt": "injured"}
QUALIFIER = r"(?:(?P<qualifier>at least|more than|over|nearly|almost|about|around|some|up to|as many as)\s+)?"


def _count_words(root: Path) -> str:
    words = UNITS + list(TENS) + [f"{t}-{u}" for t in TENS for u in UNITS[1:10]] + list(vague_rules(root))
    ordered = sorted(words, key=len, reverse=True)
    return r"(?P<count>\d[\d,]*|" + "|".join(re.escape(w) for w in ordered) + ")"


def _patterns(root: Path) -> list[tuple[str, re.Pattern]]:
    count = _count_words(root)
    group_word = "(?:" + "|".join(sorted(map(re.escape, GROUPS), key=len, reverse=True)) + ")"
    modifier = r"(?:(?:suspected|armed|innocent|unarmed|local|foreign|security|other)\s+)?"
    groups = rf"(?P<groups>{modifier}{group_word}(?:(?:,\s+|\s+and\s+|,\s+and\s+){modifier}{group_word})*)"
    verb = r"(?P<verb>kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es|y|ies)?|hurt)"
    return [
        ("active", re.compile(rf"\b{verb}\s+{QUALIFIER}{count}(?:\s+of)?(?:\s+{groups})?(?P<more>\s+more)?\b",
                              re.IGNORECASE)),
        ("passive", re.compile(rf"\b{QUALIFIER}{count}(?:\s+{groups})?\s+(?:(?:were|was|have been|had been|are|"
                               rf"being|reportedly|also)\s+){{0,2}}(?P<verb>killed|wounded|injured|dead|died|hurt)\b",
                               re.IGNORECASE)),
        ("including", re.compile(rf"\bincluding\s+{QUALIFIER}{count}\s+{groups}", re.IGNORECASE)),
    ]


def _group(groups: str | None) -> str:
    if not groups:
        return "unknown"
    found = {GROUPS[g] for g in sorted(GROUPS, key=len, reverse=True)
             if re.search(rf"\b{re.escape(g)}\b", groups.lower())}
    return found.pop() if len(found) == 1 else ("mixed" if found else "unknown")


def _outcome(verb: str) -> str:
    verb = verb.lower()
    return next(value for stem, value in OUTCOMES.items() if verb.startswith(stem))


def find_claims(facts: SentenceFacts, events: list[EventMention], root: Path) -> list[ClaimMention]:
    """Claims in a sentence, each tied to the nearest event mention before it (after it, failing that)."""
    text, found, taken = facts.sentence.text, [], []
    for form, pattern in _patterns(root):
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken) or match.group("count") is None:
                continue
            if form != "including" and not match.group("groups") and not match.groupdict().get("more") \
                    and match.group("count").isdigit() and len(match.group("count")) == 4:
                continue  # a year, not a count
            taken.append((match.start(), match.end()))
            start, end = facts.sentence.start + match.start(), facts.sentence.start + match.end()
            attribution = facts.speaker_at(start)
            found.append((form, match, ClaimMention(
                outcome=_outcome(match.group("verb")) if form != "including" else "",
                count=match.group("count"), victim_group=_group(match.group("groups")), facts=facts,
                start=start, end=end, claimant=attribution, qualifier=match.group("qualifier"))))
    found.sort(key=lambda item: item[2].start)
    claims: list[ClaimMention] = []
    for form, match, claim in found:
        previous = claims[-1] if claims else None
        if form == "including":
            if previous is None:
                continue
            claim.outcome, claim.part_of, claim.claimant = previous.outcome, previous, previous.claimant
        elif match.groupdict().get("more") and previous is not None and claim.victim_group == "unknown":
            claim.victim_group = previous.victim_group
        claim.event = _event_for(claim, events)
        claims.append(claim)
    return claims


def _event_for(claim: ClaimMention, events: list[EventMention]) -> EventMention | None:
    violent = [e for e in events if e.type in ("air_strike", "armed_clash", "explosion", "war")]
    before = [e for e in violent if e.end <= claim.start]
    if before:
        return before[-1]
    after = [e for e in violent if e.start >= claim.end]
    return after[0] if after else None

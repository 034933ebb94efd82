"""Violent and other non-diplomatic events: strikes, clashes, explosions, wars, ceasefires, seizures of power,
troop withdrawals, failed negotiations, sanctions."""
from __future__ import annotations

import re

from newsevents.authoring.draft.context import EventMention, SentenceFacts

TRIGGERS = [  # (event_type, action, pattern); an action groups mentions that can be one event
    ("air_strike", "strike", r"\b(?:air|missile|drone|aerial|rocket)[\s-]?(?:strikes?|attacks?|raids?)\b|"
                             r"\bairstrikes?\b|\bstruck\b|\bstrikes?\b|"
                             r"\bhit (?:bases|targets|positions|camps|hideouts)\b|\bbombard(?:ed|ment|ing)\b"),
    ("air_strike", "attack", r"\battack(?:s|ed)?\b"),
    ("armed_clash", "clash", r"\bclash(?:es|ed)?\b|\bfirefights?\b|\bgun ?battles?\b|\bskirmish(?:es)?\b"),
    ("explosion", "explosion", r"\bexplosions?\b|\bblasts?\b|\bbombings?\b|\bexploded\b"),
    ("war", "war", r"\bwar\b(?!\s*(?:crimes?|games?|-))"),
    ("ceasefire", "ceasefire", r"\bcease-?fire\b|\btruce\b"),
    ("seizure_of_power", "seizure", r"\b(?:seized|seize|seizure of|took|take|taken|retook|retaken) power\b|"
                                    r"\bcoup\b|\btakeover\b"),
    ("troop_withdrawal", "withdrawal", r"\bwithdrawal of (?:[\w\-]+\s+){0,3}(?:troops|forces)\b|"
                                       r"\bwithdr[ae]w (?:its |their )?(?:troops|forces)\b"),
    ("negotiation_failure", "negotiation_failure", r"\bfailed to (?:reach|agree|strike)\b|"
                                                   r"\btalks (?:collapsed|broke down|ended without)\b"),
    ("sanctions", "sanctions", r"\bimpos(?:ed|es|ing) (?:new |fresh )?sanctions\b"),
]
PATTERNS = [(kind, action, re.compile(pattern)) for kind, action, pattern in TRIGGERS]
MUTUAL_BEFORE = re.compile(r"\b(both|each other|tit-for-tat|exchanged|exchanging|exchange of|the two|"
                           r"neighbou?rs)\b[^,;]*$", re.IGNORECASE)
MUTUAL_AFTER = re.compile(r"^\s*(?:[\w\-]+\s+){0,2}(?:by|between) (?:the two|both)\b")
BETWEEN = re.compile(r"^\s*(?:[\w\-]+\s+){0,2}between\b")
OWN_GROUND = re.compile(r"\b(?:on|in|inside|into) (?:its|their) (?:own )?(?:territory|soil|land|side)\b")
CUT = re.compile(r"\b(?:in which|which|who|where|that|said|says|according)\b")
BLAMED_ON = re.compile(r"\bblamed (?:\w+\s+){0,2}on\b")


def _targets(facts: SentenceFacts, end: int, initiators: list[str]) -> list[str]:
    tail = facts.sentence.text[facts.sentence.local(end):]
    cut = CUT.search(tail)
    limit = cut.start() if cut else 90
    found = [m.actor_id for m in facts.objects(end, limit=min(limit, 90)) if m.actor_id not in initiators]
    speaker = facts.speaker_at(end)
    if speaker and OWN_GROUND.search(tail[:limit if cut else 120]) and speaker not in initiators:
        found.append(speaker)
    return list(dict.fromkeys(found))


def find_incidents(facts: SentenceFacts) -> list[EventMention]:
    text, found, taken = facts.sentence.text, [], []
    for kind, action, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            start, end = facts.sentence.start + match.start(), facts.sentence.start + match.end()
            mention = EventMention(kind, action, facts, start, end, merge_only=action == "attack")
            after = text[match.end():]
            between = BETWEEN.match(after)
            if between:
                mention.mutual = True
                named = [m.actor_id for m in facts.objects(end, limit=between.end() + 60)]
                mention.initiators = list(dict.fromkeys(named))[:2]
            else:
                subject = facts.subject(start)
                by = re.match(r"^\s*by\b", after)
                if by:
                    objects = facts.objects(end, limit=40)
                    subject = objects[0].actor_id if objects else subject
                mention.initiators = [subject] if subject else []
                mention.mutual = bool(MUTUAL_BEFORE.search(text[:match.start()]) or MUTUAL_AFTER.match(after))
                if not mention.mutual:
                    mention.targets = _targets(facts, end, mention.initiators)
            speaker = facts.speaker_at(start)
            if speaker and speaker in mention.initiators:
                mention.claimed_by = speaker
            blamed = BLAMED_ON.search(after[:120])
            if blamed:
                on = facts.objects(end + blamed.end(), limit=40)
                mention.targets = []
                mention.blamed = [on[0].actor_id] if on else []
                blamer = [m.actor_id for m in facts.actors if end <= m.start < end + blamed.start()]
                mention.blamers = blamer[-1:]
            mention.places = facts.places_after(end)
            found.append(mention)
    return sorted(found, key=lambda m: m.start)


"""Diplomatic steps: an envoy summoned, an ambassador recalled, diplomats expelled, a return barred, relations
or talks broken off or suspended; relations restored and ambassadors back at their posts. The initiator is the
step's subject; the target is the state whose envoy it is ('Turkey’s top diplomat'), or the one it is taken
against ('recalled its ambassador from Lima', 'broke off relations with Kigali')."""
from __future__ import annotations

import re

from newsevents.authoring.draft.facts import SentenceFacts
from newsevents.authoring.draft.mentions import EventMention

ENVOY = r"(?:top diplomat|ambassadors?|envoys?|charg[eé]s? d[’']affaires|diplomats?|consul|high commissioners?)"
STEPS = [  # (event type, action, pattern): `whose` names the envoy's state, `rest` is where a target may follow
    ("diplomatic_downgrade", "summon", rf"\bsummon(?:ed|s|ing)? (?:the |a )?(?P<whose>(?:[\w’'.-]+ ){{0,4}}?){ENVOY}"),
    ("diplomatic_downgrade", "recall", rf"\b(?:recall(?:ed|s|ing)?|withdr(?:ew|aws?|awn|awing)) (?:its|their|his|"
                                       rf"her|the) (?:own )?{ENVOY}"),
    ("diplomatic_downgrade", "expel", rf"\b(?:expel(?:led|s|ling)?|ordered out) (?P<whose>(?:[\w’'.-]+ ){{0,4}}?)"
                                      rf"{ENVOY}"),
    ("diplomatic_downgrade", "expel", rf"\bgave (?P<whose>(?:[\w’'.-]+ ){{1,3}}?){ENVOY} \w+ (?:hours|days) to "
                                      rf"leave"),
    ("diplomatic_downgrade", "cut_ties", r"\b(?:broke off|break off|breaking off|severed?|cut|downgrad\w+) "
                                         r"(?:its |their |all )?(?:diplomatic )?(?:relations|ties)\b"),
    ("diplomatic_downgrade", "suspend_talks", r"\bsuspend(?:ed|s|ing)? (?:the |all )?(?:peace )?(?:talks|"
                                              r"negotiations|dialogue)\b"),
    ("diplomatic_downgrade", "bar_return", r"\b(?:barred|bars?|barring|not allowed|refused to allow|blocked)"
                                           r" (?:[\w’',]+ ){0,8}?(?:from returning|to return)\b"),
    ("diplomatic_downgrade", "halt_envoy", r"\b(?:stop|halt|suspend|postpone)(?:ped|ed|s)? (?:sending |the "
                                           r"arrival of |the appointment of )?(?:a |its )?new ambassador\b"),
    ("diplomatic_restoration", "restore", r"\b(?:restor\w+|normali[sz]\w+|re-?establish\w*|resum\w+) "
                                          r"(?:full |normal |diplomatic |its |their )*(?:relations|ties)\b"),
    ("diplomatic_restoration", "return_posts", r"\b(?:ambassadors?|envoys?)\b[^.;]{0,60}?\breturn(?:ed|ing|s)? "
                                               r"to (?:[\w’]+ ){0,2}posts?\b|\bresume[ds]? (?:his |her |their |"
                                               r"its )?duties\b"),
]
PATTERNS = [(kind, action, re.compile(pattern, re.IGNORECASE)) for kind, action, pattern in STEPS]
WILL_RETURN = re.compile(r"\b(?:will|would|to|may|could|shall)(?: \w+)? return\b")  # 'ambassadors to return'
MUTUAL = re.compile(r"\b(?:both|each other|respective|mutually|reciprocal)\b")
TARGET_AFTER = re.compile(r"^(?: [\w’'\-]+){0,4}? (?:from|to|in|with|against|of|on)$")


def _whose(facts: SentenceFacts, match: re.Match) -> list[str]:
    """The state an envoy belongs to: 'Turkey’s top diplomat', 'the Chilean ambassador', 'Lima’s envoy'."""
    if "whose" not in match.re.groupindex or not match.group("whose"):
        return []
    start, end = match.span("whose")
    return [m.actor_id for m in facts.actors if start <= m.start and m.end <= end + 2][:1]


def _target(facts: SentenceFacts, mention: EventMention) -> list[str]:
    for actor in facts.after(mention.end, reach=60):
        if TARGET_AFTER.match(facts.text[mention.end:actor.start].rstrip()) and \
                actor.actor_id not in mention.initiators:
            return [actor.actor_id]
    return []


def find_diplomacy(facts: SentenceFacts) -> list[EventMention]:
    text, found, taken = facts.text, [], []
    for kind, action, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            mention = EventMention(kind, action, facts, *match.span())
            subject = facts.subject(match.start())
            mention.initiators = [subject.actor_id] if subject else []
            mention.mutual = bool(MUTUAL.search(text[max(0, match.start() - 40):match.end()]))
            if not mention.mutual and action != "return_posts":
                whose = [a for a in _whose(facts, match) if a not in mention.initiators]
                mention.targets = whose or _target(facts, mention)
            if facts.future_before(match.start(), words=3) or WILL_RETURN.search(match.group()):
                mention.status = "planned"
            found.append(mention)
    return sorted(found, key=lambda m: m.start)

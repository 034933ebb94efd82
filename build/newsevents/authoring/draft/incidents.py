"""Ceasefires and peace agreements, wars, seizures of power, sanctions and failed negotiations, with the sides
the clause names ('between X and Y', 'X and Y agreed') and the mediator ('brokered by X', 'X-brokered')."""
from __future__ import annotations

import re

from newsevents.authoring.draft.facts import SentenceFacts
from newsevents.authoring.draft.meetings import _objects, _subjects
from newsevents.authoring.draft.mentions import EventMention

KINDS = [  # (event type, action, pattern)
    ("ceasefire", "ceasefire", r"\bcease-?fire\b|\btruce\b|\bcessation of hostilities\b|\bpeace (?:agreement|"
                               r"deal|accord)\b|\barmistice\b"),
    ("war", "war", r"(?<!act of )(?<!acts of )(?<!declaration of )(?<!declare )(?<!brink of )(?<!risk of )"
                   r"(?<!threat of )(?<!return to )(?<!verge of )(?<!World )(?<!world )"
                   r"\bwars?\b(?! (?:crimes?|games?|-torn|zone))"),
    ("seizure_of_power", "coup", r"\bcoups?\b|\b(?:seized|seize|seizing|took|take|taken|retook) (?:over |)power\b"),
    ("sanctions", "sanctions", r"\bimpos(?:ed|es|ing) (?:new |fresh |further )?sanctions\b|"
                               r"\bsanction(?:ed|s) (?=(?-i:[A-Z]))|\bsanctions (?=(?:on|against) )|"
                               r"\bclos(?:ed|es|ing) (?:its|their) airspace to\b|"
                               r"\b(?:suspend|halt|freez|cut)"
                               r"(?:ed|ing|s|e|es)? (?:all |its |their )?(?:military |security |development |economic |"
                               r"financial |budget )*(?:cooperation|aid|assistance|support)\b|"
                               # a border or crossing closed to another side, flights suspended, a trade status taken
                               r"\b(?:clos(?:ed|es|ing)|shut(?:s|ting)?|seal(?:ed|s|ing)?) (?:the |its |their |all )?"
                               r"(?:(?-i:[A-Z])[\w\-]+ (?:and (?-i:[A-Z])[\w\-]+ )?)?(?:border crossings?|crossings?|"
                               r"border)\b|\b(?:immediate |full )?closure of (?:the |its |their )?border\b|"
                               r"\bsuspend(?:ed|s|ing)? (?:all )?(?:passenger |commercial )?flights to\b|"
                               r"\bstripp(?:ed|ing) \w+ of (?:its )?most-favou?red-nation\b"),
    ("negotiation_failure", "failure", r"\b(?:talks|negotiations)(?: (?:between|with|of|in|on) [^,.;]{1,60}?)? "
                                       r"(?:had )?(?:collapsed|broke down|ended without|"
                                       r"failed)\b|\bfailed to (?:reach|agree|strike) (?:a |an )?(?:deal|"
                                       r"agreement)\b"),
]
PATTERNS = [(kind, action, re.compile(pattern, re.IGNORECASE)) for kind, action, pattern in KINDS]
MEDIATED = re.compile(r"\b(?:brokered|mediated|negotiated|led) by\b|-(?:brokered|mediated)\b")
HOLDING = re.compile(r"^(?: [^,;.]{1,60}?)? (?:appeared to be |seemed to be |was |is |has |had )?(?:largely )?"
                     r"(?:holding|held)\b")
GOAL = re.compile(r"\b(?:for|towards?|calls? for|push for|pressed for|urged) (?:a|an)(?: [a-z\-]+)? $")
# 'the truce', not 'announced that it was halting aid' ('that' opening a clause)
DEFINITE = re.compile(r"\b(?i:the|that(?! (?:it|they|he|she|we|the|a|an|its|their|his|her)\b)|this|its|their)"
                      r"(?: [a-z\-]+){0,2} $")
SINCE_IT_BEGAN = re.compile(r"\b[Ss]ince the(?: [A-Z][\w\-]+){0,2} $")
# a war feared, not fought: 'pushed the two countries to the brink of all-out war'
FEARED = re.compile(r"\b(?:brink|verge|risk|threat|spectre|danger|edge) of(?: (?:a|an|the))?(?: [a-z\-]+){0,2} $")
# a speaker's word for an act named before: 'called the takeover an “institutional coup”'
NAMED_AS = re.compile(r"\b(?:called|calls|termed|terms|branded|brands|labell?ed|labels|described)\b(?: [\w’'\-]+){0,5}"
                      r" (?:an?|as an?)(?: [“\"‘]?[\w\-]+[”\"’]?){0,2} [“\"‘]?$")


def _mediators(facts: SentenceFacts, mention: EventMention) -> list[str]:
    _, clause_end = facts.clause(mention.start)
    for match in MEDIATED.finditer(facts.text):
        if match.group().startswith("-"):  # 'a Russian-brokered truce'
            before = [m for m in facts.actors if m.end == match.start()]
            if before:
                return [before[0].actor_id]
        elif mention.start - 60 <= match.start() < clause_end:
            after = facts.after(match.end(), reach=40)
            if after:
                return [after[0].actor_id]
    return []


def find_incidents(facts: SentenceFacts, taken: list[tuple[int, int]]) -> list[EventMention]:
    found = []
    for kind, action, pattern in PATTERNS:
        for match in pattern.finditer(facts.text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            if FEARED.search(facts.text[:match.start()]) or NAMED_AS.search(facts.text[:match.start()]):
                continue
            if match.group().lower() == "coups" and not facts.dates_in(*facts.clause(match.start())):
                continue  # 'suspended after coups of their own': acts of many, told as a class, no one event
            mention = EventMention(kind, action, facts, *match.span())
            agreed = re.search(r"\b(?:agreed|signed|fought|reached|declared|accepted|announced)\b(?: [\w\-]+){0,5} $",
                               facts.text[:match.start()])
            sides = (_subjects(facts, agreed.start()) if agreed else []) + _objects(facts, match.end())
            mention.mediators = _mediators(facts, mention)
            sides = list(dict.fromkeys(a for a in sides if a not in mention.mediators))
            if kind in ("sanctions", "seizure_of_power"):
                subject = facts.subject(match.start())
                mention.initiators = [subject.actor_id] if subject else []
                mention.targets = [a for a in _objects(facts, match.end()) if a not in mention.initiators][:1]
            else:
                mention.participants = {a: "participant" for a in sides}
            dated = any(d.start >= match.end() or 0 <= match.start() - d.end <= 12  # its own, not the clause's
                        for d in facts.dates_in(*facts.clause(match.start())))
            if not (sides or dated or agreed) and (HOLDING.match(facts.text[match.end():]) or GOAL.search(
                    facts.text[:match.start()])):
                continue  # 'a ceasefire appeared to be holding', 'called for a lasting ceasefire': no act
            mention.reference = bool(DEFINITE.search(facts.text[:match.start()])) and not sides and not dated
            if kind == "war" and not dated and SINCE_IT_BEGAN.search(facts.text[:match.start()]) and \
                    re.match(r" (?:began|started|erupted|broke out)\b", facts.text[match.end():]):
                mention.reference = True  # 'the first deaths since the Gaza war began': a time told by a war known
            mention.places = facts.places_after(match.end())
            if facts.future_before(match.start(), words=3) and not (agreed and not facts.future_before(
                    agreed.start(), words=3)):  # 'agreed on Wednesday to a truce': the agreement is made
                mention.status = "planned"
            found.append(mention)
    return sorted(found, key=lambda m: m.start)

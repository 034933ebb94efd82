"""Statements: a named person, ministry or body condemning, accusing, denying, blaming, warning, calling on
someone, declaring or announcing something, speaking on the record (in a statement, an address, a news
conference, a post), or a person saying something that is neither a toll nor news of another event.

A sentence that only says who gave a number or a fact ("…, the ministry said") makes a claimant, not a
statement: a ministry or body that merely 'said' speaks through a statement only on the record or by an act
word, a state named bare ("Israel said") only when the sentence says so, an unnamed source never. Declaring
or announcing an event the sentence names ('declared a ceasefire') is that event, not a statement.
"""
from __future__ import annotations

import re

from newsevents.authoring.draft.actors import Mention
from newsevents.authoring.draft.facts import SentenceFacts
from newsevents.authoring.draft.mentions import EventMention

# the act's verb alone is the trigger: 'called the strike an act of terror' leaves 'the strike' to its own rules
ACTS = re.compile(r"\b(?:condemn(?:ed|s)|denounc(?:ed|es)|warn(?:ed|s)|urg(?:ed|es)|call(?:ed|s) (?:on|for)|"
                  r"call(?:ed|s)(?= (?:the|it|this|what|those|these|reports)(?: [\w\-’']+){0,8} (?:an? |one of |"
                  r"[“\"]))|call(?:ed|s)(?= (?:the|it|this|those|these) [a-z\-]+ [a-z]+(?: and [a-z]+)?[.,;])|"
                  r"describ(?:ed|es)(?= (?:the|it|this|what|those|these)(?: [\w\-’']+){0,6} as )|blamed|"
                  r"(?:passed|adopted|approved) a resolution|"
                  r"accus(?:ed|es)(?! (?:of|over|in)\b)|vow(?:ed|s)|demand(?:ed|s)|declar(?:ed|es)|reject(?:ed|s)|"
                  # a guest welcomed is no stance: 'welcomed Xi to the resort', 'welcomed him before leading him'
                  r"welcom(?:ed|es)(?! (?:[A-Z][\w.\-]* ){1,5}(?:to|at|for)\b| (?:him|her|them)\b)|"
                  r"announc(?:ed|es)|pledg(?:ed|es)|threaten(?:ed|s)|apologi[sz](?:ed|es)|"
                  r"den(?:ied|ies)(?= (?:that|any|the|reports?|claims?|involvement|responsibility|it)\b)|"
                  r"dismiss(?:ed|es)(?= (?:the|a|an|it|reports?|claims?|accusations?)\b)|"
                  r"express(?:ed|es)(?= (?:his |her |their |its |deep |deepest )?(?:regret|condolences|solidarity|"
                  r"concern|sorrow|shock|outrage)))\b")
# the words between 'announced' and the act it makes known, and an announcing verb that closes its sentence
ANNOUNCED_THAT = re.compile(r"(?: (?:on|late on|the same|that|this|last) [\w’'\-]+(?: day| evening| night)?)? that"
                            r"(?: [\w’'\-]+){0,5} ")
TOLD_LAST = re.compile(r"^(?: (?:on|late on|early on) [A-Z][a-z]+(?: (?:morning|evening|night))?)?[.!]?$")
ON_RECORD = re.compile(r"\b(?:said|says) in (?:a|an|its|his|her|their) (?:joint |written |televised )?"
                       r"(?:statement|address|speech|interview|post)\b|\btold (?:a )?(?:news|press) conference\b|"
                       r"\b(?:wrote|posted|said) (?:on|in a post on) (?:X|Twitter|Facebook|Telegram)\b|"
                       r"\btold reporters\b|\bin a (?:joint )?(?:statement|declaration) (?:after|following|read)\b")
SAID = re.compile(r"\b(?:said|says|told)\b(?! (?:it|they) (?:had )?(?:killed|struck|hit))")
QUOTED = re.compile(r"[“\"][^”\"]{20,}[,.]?[”\"],? (?:[\w’'\- ]{0,60} )?(?:said|told|wrote)\b")
EVENT_NEWS = re.compile(r"\b(?:will|would|is to|are to|was to) (?:visit|meet|hold|attend|travel|host|return)\b|"
                        r"\b(?:strikes?|attack(?:ed|s)?|struck|visit(?:ed)?|met|talks|recalled|summoned|expelled|"
                        r"(?:tele)?phon(?:ed|e)|spoken?|call)\b")
# a stance on an act named before is no news of it: 'said the strike was an act of aggression'
JUDGED = re.compile(r"\b(?:the|this|that|these|those) (?:[a-z\-]+ )?(?:strikes?|attacks?) (?:was|were|is|are|showed|"
                    r"should|could|amounted)\b|\bsuch (?:an? )?(?:[a-z\-]+ )?(?:strikes?|attacks?)\b")
# an officer telling what forces did ('said the forces had destroyed weapons caches and detained 120 suspects') gives
# facts; a stance on it ('would take all necessary actions', 'had no doubt the missile was not theirs') is a statement
OPERATIONS = re.compile(r"\b(?:destroyed|detained|arrested|captured|bombers?|missiles?|aircraft|drones?|troops|"
                        r"forces had)\b")
STANCE = re.compile(r"\b(?:would|will|no|not|never|denied|deny)\b|[“\"]")
OBJECT_BEFORE = re.compile(r"\b(?:with|to|from|against|between|towards?)(?: [A-Z][\w.\-]*| the| (?:former|"
                           r"caretaker|acting|interim|deputy|vice|top|new))* $")
TARGET = re.compile(r"^ (?:on |for |of )?(?:the )?$")
CASUALTY_ONLY = re.compile(r"\b(?:killed|wounded|injured|injuries|hurt|dead|died|deaths?|toll|hospitals?|treated|"
                           r"eliminated)\b")
PRONOUN = re.compile(r"(?:(?:Later|Earlier|Then|That month|That day|On [A-Z][a-z]+day),? )?(?:He|She|It|They) "
                     r"(?:also |later |then )?")
AND_THEN = re.compile(r"(?:,| [a-z]+) and (?:also |then |later )?$")
OPENING_WORDS = re.compile(r"(?:(?:In|At) [A-Z][\w.\-]*(?: [A-Z][\w.\-]*)?, )?(?:[\w’'.\-]+ ){0,4}")
ASIDE = re.compile(r", (?:(?:who|whose|speaking|visiting|writing|addressing)\b[^;:]{1,100}?|[A-Z][^,;:]{1,50}?), ")


def _speaker(facts: SentenceFacts, position: int):
    subject = facts.subject(position)
    if subject is not None and OBJECT_BEFORE.search(facts.text[:subject.start]):
        return None  # 'spoke with the president and urged him': the president is spoken with, not the one who urged
    if subject is not None:
        return subject
    attribution = next((a for a in facts.attributions if a.verb_start <= position < a.verb_end + 40
                        and a.speaker), None)
    if attribution is None and AND_THEN.search(facts.text[:position]):  # 'X said …, and called for …'
        attribution = next((a for a in reversed(facts.attributions) if a.verb_end <= position and a.speaker), None)
    if attribution is None:
        return _set_off(facts, position)
    named = next((m for m in facts.actors if m.actor_id == attribution.speaker), None)
    if named is None and PRONOUN.fullmatch(facts.text[:attribution.verb_start]):  # 'He said on Saturday that …'
        return Mention(attribution.speaker, attribution.verb_start, attribution.verb_start, "")
    return named or _set_off(facts, position)


def _new_subject(facts: SentenceFacts, start: int, end: int) -> bool:
    """Whether a new clause with a subject of its own opens between two speech acts ('…, and the minister said')."""
    between = facts.text[start:end]
    return bool(re.search(r"[,;] (?:and |but |while )?(?:[A-Z]|the |its |his |her |their )", between) and any(
        start <= m.start and m.end <= end and re.search(r"(?:[,;] (?:and |but |while )?(?:the |its |his |her |their )?"
                                                        r"(?:[\w’'.\-]+ ){0,3})$", facts.text[start:m.start])
        for m in facts.actors))


def _set_off(facts: SentenceFacts, position: int):
    """'The Grand Imam, Ahmed al-Tayeb, condemned', 'Museveni, who toured the club on Monday, vowed': the
    sentence's opening actor, its verb set off from it by an aside between commas."""
    for actor in (m for m in facts.actors if m.end <= position):
        if OPENING_WORDS.fullmatch(facts.text[:actor.start]) and ASIDE.fullmatch(facts.text[actor.end:position]):
            return actor
    return None


def _said(facts: SentenceFacts, match: re.Match) -> str:
    """The words a speech verb attributes: after it, or before it ('…, the army said in a statement')."""
    covered = next((a.covers for a in facts.attributions if a.verb_start == match.start()), (match.end(), len(
        facts.text)))
    return facts.text[slice(*covered)]


def _only_news(facts: SentenceFacts, match: re.Match) -> bool:
    """'X said' that gives a toll, or reports an act the sentence drafts as its own event, is attribution only."""
    said = _said(facts, match)
    return bool(CASUALTY_ONLY.search(said) or EVENT_NEWS.search(JUDGED.sub(" ", said)) or (OPERATIONS.search(said)
                                                                        and not STANCE.search(said)))


def find_statements(facts: SentenceFacts, actor_type, taken: list[tuple[int, int]]) -> list[EventMention]:
    """`actor_type(id)` gives an actor's type: states speak in statements only 'in a statement'."""
    found = []
    triggers = [(m, "act") for m in ACTS.finditer(facts.text)] + [(m, "record") for m in ON_RECORD.finditer(
        facts.text)] + [(m, "quote") for m in QUOTED.finditer(facts.text)] + [
        (m, "said") for m in SAID.finditer(facts.text)]
    for match, how in sorted(triggers, key=lambda t: t[0].start()):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        speaker = _speaker(facts, match.start()) if how != "quote" else _speaker(facts, match.end() - 5)
        if speaker is None or speaker.kind == "source" or (actor_type(speaker.actor_id) == "state" and how != "record"):
            continue  # an unnamed source ('police said') gives facts, not a statement
        if how == "said" and (actor_type(speaker.actor_id) != "person" or
                              _only_news(facts, match)):
            continue
        if how == "quote" and not [m for m in facts.actors if m.start >= match.start()]:
            continue
        if how == "act" and re.match(r"declar|announc", match.group()) and any(
                s >= match.end() and re.fullmatch(r" (?:a|an|the)(?: [\w\-]+){0,2} ", facts.text[match.end():s])
                for s, _ in taken):
            continue  # 'declared a ceasefire': the ceasefire is the event, not a statement about it
        if how == "act" and re.match(r"declar|announc", match.group()) and (any(
                s >= match.end() and ANNOUNCED_THAT.fullmatch(facts.text[match.end():s]) and not re.search(
                    r"\b(?:the|this|that|its|their)(?: [a-z\-]+)? $", facts.text[:s]) for s, _ in taken) or (
                TOLD_LAST.match(facts.text[match.end():]) and any(e <= match.start() for _, e in taken))):
            continue  # 'announced that it was halting aid', '…, the minister announced': the act is the news
        rest = facts.text[match.end():]
        if how == "record" and CASUALTY_ONLY.search(_said(facts, match)) and not ACTS.search(rest):
            continue
        taken.append(match.span())
        if any(speaker.actor_id in m.initiators for m in found):
            continue  # one statement per speaker and sentence: "denied … and blamed …"
        if found and AND_THEN.search(facts.text[:match.start()]) and not _new_subject(facts, found[-1].end,
                                                                                    match.start()):
            continue  # 'the envoy condemned the attack and said …': one speaker's one statement, however named
        verb = match.group().split()[0].lower()
        if how == "act" and verb in ("called", "calls", "described", "describes") and match.group() == verb:
            verb = "described"  # 'called the strike an act of terror': a judgement, not a call on someone
        mention = EventMention("statement", verb, facts, *match.span())
        mention.initiators = [speaker.actor_id]
        if how == "act":
            objects = [m for m in facts.after(match.end(), reach=30) if m.actor_id != speaker.actor_id]
            if objects and TARGET.match(facts.text[match.end():objects[0].start]):
                mention.targets = [objects[0].actor_id]
        found.append(mention)
    return found

"""Statements: a named speaker and what they said. Bare states speaking ("Chad said") are attributions of
claims, not statements, unless the sentence speaks of a statement."""
from __future__ import annotations

import re

from newsevents.authoring.draft.context import EventMention, SentenceFacts

STATEMENT_WORD = re.compile(r"\bstatements?\b")
RELEASED = re.compile(r"\b(?:joint )?statements? (?:was |were )?(?:released|issued|published)\b|"
                      r"\bjoint statement\b")


def find_statements(facts: SentenceFacts, actor_types: dict[str, str]) -> list[EventMention]:
    found = []
    text = facts.sentence.text
    for attribution in facts.attributions:
        speaker = attribution.speaker
        if speaker is None:
            continue
        local = facts.sentence.local(attribution.verb_start)
        mentions_statement = bool(STATEMENT_WORD.search(text[max(0, local - 30):local + 30]))
        if actor_types.get(speaker) == "state" and not mentions_statement:
            continue
        mention = EventMention("statement", f"statement:{speaker}", facts, attribution.verb_start,
                               attribution.verb_end, initiators=[speaker], date=attribution.date)
        found.append(mention)
    if not found:
        for match in RELEASED.finditer(text):
            start, end = facts.sentence.start + match.start(), facts.sentence.start + match.end()
            found.append(EventMention("statement", "statement:", facts, start, end))
    return found

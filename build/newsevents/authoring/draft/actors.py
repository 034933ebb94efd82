"""Actors a story names: registry actors by their aliases, and unknown proper names proposed as new entries.

Unknown names are capitalised word sequences that are not registry aliases or places; their type and country
are guessed from the words around them and marked as guesses for the coder.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from os.path import commonprefix

from newsevents.authoring.draft.places import PlaceFinder, PlaceMention
from newsevents.authoring.draft.slug import slug
from newsevents.authoring.draft.text import Sentence
from newsevents.resolve.date_phrases import MONTHS, WEEKDAYS
from newsevents.resolve.mentions import alias_pattern

NAME_WORD = r"(?:[A-Z][a-z]+(?:-[A-Za-z]+)*(?:[’'](?!s\b)[A-Za-z]+)?|[A-Z]{2,}[a-z]?)"
CONNECTOR = r"(?:al|el|bin|ibn|bint|de|del|van|von|of|the|for)"
NAME = re.compile(rf"{NAME_WORD}(?:\s+(?:{CONNECTOR}\s+){{0,2}}{NAME_WORD})*")
ACRONYM_AFTER = re.compile(r"^\s*\(([A-Z]{2,6})\)")
COMPOUND_SUFFIX = re.compile(r"-(?:[a-z]+ed|held|run|born|style|based)$")
CONNECTORS = {"al", "el", "bin", "ibn", "bint", "de", "del", "van", "von", "of", "the", "for"}
FUNCTION_WORDS = {
    "The", "A", "An", "In", "On", "At", "For", "By", "With", "From", "To", "And", "But", "Or", "Nor", "However",
    "While", "After", "Before", "Since", "Both", "Only", "Its", "Their", "His", "Her", "This", "That", "These",
    "Those", "Following", "According", "As", "If", "When", "Although", "Though", "Despite", "Meanwhile", "Also",
    "It", "They", "He", "She", "We", "I", "You", "There", "Here", "Some", "Many", "Most", "All", "Each", "Every",
    "Other", "Such", "Under", "Over", "Among", "Between", "Against", "During", "Without", "Within", "Into", "Yet",
    "Still", "Even", "Not", "No", "Our", "My", "Your", "What", "Who", "Why", "How", "Where", "Then", "Now", "Last",
    "Next", "Earlier", "Later", "Former", "Current", "Acting", "Top", "Senior", "Several", "Two", "Three",
}
TITLE_WORDS = {
    "Minister", "Ministers", "Foreign", "Prime", "President", "Presidents", "Vice", "Deputy", "Secretary",
    "General", "Spokesman", "Spokeswoman", "Spokesperson", "Ambassador", "Ambassadors", "Envoy", "Envoys",
    "Special", "Representative", "Chief", "Commander", "Governor", "Mayor", "King", "Queen", "Prince", "Sheikh",
    "Emir", "Senator", "Chairman", "Director", "Head", "Defense", "Defence", "Interior", "Colonel", "Major",
    "Supreme", "Leader", "Ayatollah", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Sen", "Officials", "Official",
}
ARMED_WORDS = {"Liberation", "Lashkar", "Brigade", "Brigades", "Militia", "Mujahideen", "Jihad",
               "Harakat", "Tehrik", "Ansar", "Jamaat", "Battalion", "Battalions"}
GOVERNMENT_WORDS = {"Ministry", "Office", "Department", "Parliament", "Senate", "Assembly", "Cabinet", "Court",
                    "Police", "Forces", "Guard", "Guards", "Commission", "Agency", "Embassy", "Government",
                    "Directorate", "Corps"}
INTERGOVERNMENTAL_WORDS = {"Nations", "Union", "Organization", "Organisation", "Alliance", "Council",
                           "Cooperation", "League", "Community"}
MOVEMENT_WORDS = {"Party", "Movement", "Front"}
OTHER_ORG_WORDS = {"Forum", "Bank", "Fund", "Committee", "Association", "Foundation", "Institute", "University",
                   "Group", "Company", "Agency", "Network", "Reuters", "Press", "News", "Times"}
REGION_WORDS = {"Asia", "East", "West", "North", "South", "Africa", "Europe", "America", "Gulf", "Sea", "Ocean",
                "Peninsula", "Caucasus", "Balkans", "Sahel", "Levant", "Strait", "Valley", "Mountains"}
PLACE_AFTER = re.compile(r"^\s+(province|region|district|city|town|village|valley|border|county|state)\b")
PLACE_BEFORE = re.compile(r"\b(province|region|district|city|town|village) of\s+(?:the\s+)?$")
PLACE_TYPES = {"province": "province", "region": "region", "district": "other", "city": "city", "town": "city",
               "village": "village", "valley": "region", "border": "border_area", "county": "other",
               "state": "province"}
ARMED_CONTEXT = re.compile(r"\b(militants?|group|militia|insurgents?|separatists?|rebels?|fighters?)\b")
CALENDAR_WORDS = {m.capitalize() for m in MONTHS} | {d.capitalize() for d in WEEKDAYS}
COUNTRY_WINDOW = 90
BODY = re.compile(r"^(?:[’']s)?\s+(foreign ministry|foreign office|defen[cs]e ministry|interior ministry|"
                  r"finance ministry|prime minister[’']s office|president[’']s office|armed forces|army|military|"
                  r"government|parliament|police)\b")
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|i|ese|ish)s?$")


@dataclass(frozen=True)
class ActorMention:
    actor_id: str
    start: int
    end: int
    surface: str


@dataclass
class ActorProposal:
    """A new actor registry entry, in the registry's format; `reason` says how type and country were guessed."""

    entry: dict
    quote: str
    reason: str


@dataclass
class _Candidate:
    start: int
    end: int
    name: str
    titles: list[str] = field(default_factory=list)


class ActorFinder:
    """Registry actors by alias; new names proposed with a guessed type and country."""

    def __init__(self, registry: dict[str, dict], places: PlaceFinder, sentences: list[Sentence]):
        self.registry, self.places = registry, places
        self.pattern, self.owner = alias_pattern(registry)
        self.proposals: dict[str, ActorProposal] = {}
        self.surnames: dict[str, str] = {}
        self.state_of_country = {a["country"]: actor_id for actor_id, a in registry.items()
                                 if a["type"] == "state" and a.get("country")}
        self._registry_surnames = self._surname_map(registry)
        words = [(m.group(), m.start() == 0) for s in sentences for m in re.finditer(r"[A-Za-z][\w\-]*", s.text)]
        self.mid_capitals = {w for w, first in words if not first and w[0].isupper()}
        self.lower_words = {w for w, _ in words if w.islower()}

    @staticmethod
    def _surname_map(registry: dict[str, dict]) -> dict[str, str]:
        owners: dict[str, set[str]] = {}
        for actor_id, actor in registry.items():
            if actor["type"] != "person":
                continue
            for name in [actor["name"], *actor["aliases"]]:
                last = name.split()[-1].split("-")[-1]
                if len(last) >= 4 and last[0].isupper():
                    owners.setdefault(last, set()).add(actor_id)
        return {last: ids.pop() for last, ids in owners.items() if len(ids) == 1}

    def country_of(self, actor_id: str) -> str | None:
        if actor_id in self.registry:
            return self.registry[actor_id].get("country")
        proposal = self.proposals.get(actor_id)
        return proposal.entry.get("country") if proposal else None

    def type_of(self, actor_id: str) -> str | None:
        if actor_id in self.registry:
            return self.registry[actor_id]["type"]
        proposal = self.proposals.get(actor_id)
        return proposal.entry["type"] if proposal else None

    def name_of(self, actor_id: str) -> str:
        if actor_id in self.registry:
            return self.registry[actor_id]["name"]
        proposal = self.proposals.get(actor_id)
        return proposal.entry["name"] if proposal else actor_id

    def state_for_country(self, iso3: str | None) -> str | None:
        """The state actor of a country: the registry's, or one proposed in this story."""
        if not iso3:
            return None
        if iso3 in self.state_of_country:
            return self.state_of_country[iso3]
        for actor_id, proposal in self.proposals.items():
            if proposal.entry["type"] == "state" and proposal.entry.get("country") == iso3:
                return actor_id
        return None

    def find(self, sentence: Sentence, place_mentions: list[PlaceMention], seen: set[str]) -> list[ActorMention]:
        """Actor mentions of one sentence, in order; `seen` holds actors named earlier in the story."""
        found = self._known(sentence)
        taken = [(m.start, m.end) for m in found]
        for place in place_mentions:
            if any(s < place.end and place.start < e for s, e in taken):
                continue
            iso3 = self.places.geo.country_iso3(place.surface)
            if iso3:
                actor_id = self._propose_state(place.surface, iso3, sentence)
                found.append(ActorMention(actor_id, place.start, place.end, place.surface))
            taken.append((place.start, place.end))
        found += self._unknown(sentence, taken, seen)
        found.sort(key=lambda m: m.start)
        found = self._bodies(sentence, found)
        seen.update(m.actor_id for m in found)
        return found

    def _bodies(self, sentence: Sentence, found: list[ActorMention]) -> list[ActorMention]:
        """'<State>’s foreign ministry', '<State> army': a government body named in words, not by name."""
        result = []
        for mention in found:
            body = BODY.match(sentence.text[sentence.local(mention.end):])
            if body is None or self.type_of(mention.actor_id) != "state":
                result.append(mention)
                continue
            surface = sentence.text[sentence.local(mention.start):sentence.local(mention.end) + body.end()]
            wanted = slug(f"{mention.actor_id} {body.group(1)}")
            if self.registry.get(wanted, {}).get("type") == "government_body":
                actor_id = wanted
            else:
                actor_id = wanted if wanted not in self.registry else slug(f"{wanted} body")
                proposal = self.proposals.get(actor_id)
                if proposal is None:
                    state_name = self.name_of(mention.actor_id)
                    self.proposals[actor_id] = ActorProposal(
                        {"id": actor_id, "name": f"{body.group(1).capitalize()} of {state_name}",
                         "type": "government_body", "country": self.country_of(mention.actor_id),
                         "affiliation": mention.actor_id, "aliases": [surface]},
                        sentence.text, "a government body: a state's ministry, office or forces named in words")
                elif surface not in proposal.entry["aliases"]:
                    proposal.entry["aliases"].append(surface)
            result.append(ActorMention(actor_id, mention.start, mention.start + len(surface), surface))
        return result

    def _known(self, sentence: Sentence) -> list[ActorMention]:
        if self.pattern is None:
            return []
        return [ActorMention(self.owner[m.group()], sentence.start + m.start(), sentence.start + m.end(), m.group())
                for m in self.pattern.finditer(sentence.text)]

    def _masked(self, sentence: Sentence, taken) -> str:
        chars = list(sentence.text)
        for start, end in taken:
            for i in range(max(start, sentence.start), min(end, sentence.end)):
                chars[i - sentence.start] = "\x00"
        return "".join(chars)

    def _candidates(self, sentence: Sentence, taken) -> list[_Candidate]:
        masked = self._masked(sentence, taken)
        found = []
        for match in NAME.finditer(masked):
            words = match.group().split()
            start = match.start()
            titles = []
            while words and (words[0] in FUNCTION_WORDS or words[0] in TITLE_WORDS or words[0] in CONNECTORS):
                if words[0] in TITLE_WORDS:
                    titles.append(words[0])
                start = masked.index(words[1], start + len(words[0])) if len(words) > 1 else match.end()
                words = words[1:]
            while words and words[-1] in CONNECTORS:
                words = words[:-1]
            if not words:
                continue
            at_sentence_start = start == 0 or not masked[:start].strip("“\"‘ ")
            if at_sentence_start and words[0] not in self.mid_capitals and (
                    len(words) == 1 or words[0].lower() in self.lower_words):
                start = masked.index(words[1], start + len(words[0])) if len(words) > 1 else -1
                words = words[1:]
            if not words or start < 0:
                continue
            name = " ".join(words)
            end = start + len(name)
            if masked[start:end] != name:  # words were separated by more than one space: keep the printed text
                end = masked.index(words[-1], start) + len(words[-1])
                name = masked[start:end]
            stripped = COMPOUND_SUFFIX.sub("", name)
            end -= len(name) - len(stripped)
            name = stripped
            if len(name) < 2 or all(w in TITLE_WORDS | CALENDAR_WORDS | FUNCTION_WORDS for w in name.split()):
                continue
            found.append(_Candidate(sentence.start + start, sentence.start + end, name, titles))
        return found

    def _unknown(self, sentence: Sentence, taken, seen: set[str]) -> list[ActorMention]:
        found = []
        for candidate in self._candidates(sentence, taken):
            local_start, local_end = sentence.local(candidate.start), sentence.local(candidate.end)
            before, after = sentence.text[:local_start], sentence.text[local_end:]
            if len(candidate.name.split()) == 1:
                known = self._registry_surnames.get(candidate.name)
                if known in seen:
                    found.append(ActorMention(known, candidate.start, candidate.end, candidate.name))
                    continue
                if candidate.name in self.surnames:
                    actor_id = self.surnames[candidate.name]
                    self._add_alias(actor_id, candidate.name)
                    found.append(ActorMention(actor_id, candidate.start, candidate.end, candidate.name))
                    continue
            if any(prior.start < candidate.end and candidate.start < prior.end for prior in found):
                continue
            if DEMONYM.match(candidate.name) and (after[:2].strip() == "" and re.match(r"^\s+[a-z]", after)
                                                  or candidate.name.endswith("s")):
                state = self._demonym_state(candidate.name, sentence)
                if state and not candidate.name.endswith("s"):
                    found.append(ActorMention(state, candidate.start, candidate.end, candidate.name))
                continue
            country = self._nearby_country(sentence, candidate, taken)
            place_type = self._place_type(candidate.name, before, after)
            if place_type:
                country = None if place_type == "region" else country
                self.places.propose_named_area(candidate.name, place_type, country, sentence,
                                               f"named as a {place_type} by the words around it")
                continue
            actor_type, reason = self._guess_type(candidate, before, after)
            actor_id = self._propose(candidate.name, actor_type, country, candidate, after, sentence, reason)
            found.append(ActorMention(actor_id, candidate.start, candidate.end, candidate.name))
        return found

    @staticmethod
    def _place_type(name: str, before: str, after: str) -> str | None:
        words = name.split()
        following = PLACE_AFTER.match(after)
        if following:
            return PLACE_TYPES[following.group(1)]
        preceding = PLACE_BEFORE.search(before)
        if preceding:
            return PLACE_TYPES[preceding.group(1)]
        if words[-1] in REGION_WORDS:
            return "region"
        return None

    @staticmethod
    def _guess_type(candidate: _Candidate, before: str, after: str) -> tuple[str, str]:
        words = set(candidate.name.split())
        if words & ARMED_WORDS or (ARMED_CONTEXT.search(before[-40:]) or ARMED_CONTEXT.match(
                re.sub(r"^\s*\([^)]*\)", "", after).strip())):
            return "armed_group", "an armed group by its name or the words around it"
        if words & GOVERNMENT_WORDS:
            return "government_body", "a government body by its name"
        if words & INTERGOVERNMENTAL_WORDS:
            return "intergovernmental_org", "an organisation of states by its name"
        if words & MOVEMENT_WORDS:
            return "political_movement", "a party or movement by its name"
        if words & OTHER_ORG_WORDS:
            return "other", "an organisation by its name"
        if candidate.titles:
            return "person", f"a person: named after the title '{' '.join(candidate.titles)}'"
        if 2 <= len(candidate.name.split()) <= 4:
            return "person", "a person: a name of two to four words"
        return "other", "no cue to its kind"

    def _nearby_country(self, sentence: Sentence, candidate: _Candidate, taken) -> str | None:
        """The country of the closest state-like mention in the same sentence (a guess for the coder)."""
        best, best_distance = None, COUNTRY_WINDOW + 1
        for mention in self._known(sentence):
            country = self.registry[mention.actor_id].get("country")
            distance = max(candidate.start - mention.end, mention.start - candidate.end)
            if country and 0 <= distance < best_distance:
                best, best_distance = country, distance
        for start, end in taken:
            iso3 = self.places.geo.country_iso3(sentence.text[sentence.local(start):sentence.local(end)])
            distance = max(candidate.start - end, start - candidate.end)
            if iso3 and 0 <= distance < best_distance:
                best, best_distance = iso3, distance
        return best

    def _demonym_state(self, word: str, sentence: Sentence) -> str | None:
        """'Chadian authorities' → the state of the country whose name the adjective shares its stem with."""
        word = word.removesuffix("s")
        best, best_shared = None, 0
        for name, country in self.places.geo.countries.items():
            shared = len(commonprefix([word, name]))
            if shared >= 4 and shared >= min(len(word), len(name)) - 2 and shared > best_shared:
                best, best_shared = (name, country["iso3"]), shared
        if best is None:
            return None
        return self._propose_state(best[0], best[1], sentence)

    def _new_id(self, name: str, country: str | None) -> str:
        actor_id = slug(name)
        if actor_id in self.registry and self.registry[actor_id]["name"] != name:
            actor_id = slug(f"{name} {country or 'actor'}")
        return actor_id

    def _propose_state(self, name: str, iso3: str, sentence: Sentence) -> str:
        existing = self.state_for_country(iso3)
        if existing:
            return existing
        actor_id = self._new_id(name, iso3)
        self.proposals[actor_id] = ActorProposal(
            {"id": actor_id, "name": name, "type": "state", "country": iso3, "cameo": iso3, "aliases": [name]},
            sentence.text, "a state: a country name of the GeoNames gazetteer")
        return actor_id

    def _propose(self, name: str, actor_type: str, country: str | None, candidate: _Candidate, after: str,
                 sentence: Sentence, reason: str) -> str:
        actor_id = self._new_id(name, country)
        proposal = self.proposals.get(actor_id)
        if proposal is None:
            entry = {"id": actor_id, "name": name, "type": actor_type, "country": country}
            if candidate.titles:
                entry["role_title"] = " ".join(candidate.titles)
            entry["aliases"] = [name]
            proposal = self.proposals[actor_id] = ActorProposal(entry, sentence.text, reason)
        acronym = ACRONYM_AFTER.match(after)
        if acronym:
            self._add_alias(actor_id, acronym.group(1))
        if actor_type == "person":
            self.surnames.setdefault(name.split()[-1], actor_id)
        return actor_id

    def _add_alias(self, actor_id: str, alias: str) -> None:
        aliases = self.proposals[actor_id].entry["aliases"]
        if alias not in aliases:
            aliases.append(alias)

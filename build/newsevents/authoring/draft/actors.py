"""Actors a sentence names: registry actors by their aliases; states by their names, adjectives and capitals;
government bodies named in words ("Lebanon’s health ministry", "the Israeli military"); titled people
("Lebanese caretaker Prime Minister Najib Mikati"); other proper names, proposed as new registry entries with a
guessed type and country that the coder checks. Positions are local to the sentence's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.authoring.draft import lexicon
from newsevents.authoring.draft.places import PlaceFinder
from newsevents.authoring.draft.slug import slug
from newsevents.authoring.draft.sources import find_sources
from newsevents.authoring.draft.text import Sentence
from newsevents.resolve.date_phrases import MONTHS, WEEKDAYS
from newsevents.resolve.mentions import alias_pattern

# letters of names in Latin scripts ('António', 'Türk', 'Vučić', 'Łukasz'); Latin Extended-A pairs each capital
# with its small letter, so the whole block may stand inside a name
UPPER, LOWER = "A-ZÀ-ÖØ-ÞĀ-ſ", "a-zß-öø-ÿĀ-ſ"
NAME_WORD = (rf"(?:(?:al-|el-)?[{UPPER}][{LOWER}]+(?:-[A-Za-z]+)*(?:[’'](?!s\b)[A-Za-z]+|(?<=s)[’'](?= [A-Z]))?"
             r"|[A-Z]{2,}[a-z]?|[A-Z]\.(?:[A-Z]\.)+)")
CONNECTOR = r"(?:al|el|bin|ibn|bint|de|del|da|van|von|of|the|for)"
NAME = re.compile(rf"{NAME_WORD}(?: (?:{CONNECTOR} ){{0,2}}{NAME_WORD})*")
ACRONYM_AFTER = re.compile(r"^ \(([A-Z][A-Za-z]{1,6})\)")
# "Secretary of State Antony Blinken", "Inspector General of Police Kale Kayihura"
OF_OFFICE = r"(?: of (?:State|Defen[cs]e|the Treasury|Homeland Security|Police))?"
POSSESSIVE = re.compile(r"^[’']s? ")
LOWER_TITLES = r"(?:(?:former|caretaker|acting|interim|deputy|vice|chief|senior|top|then|outgoing|new) )*"
FUNCTION_WORDS = {
    "The", "A", "An", "In", "On", "At", "For", "By", "With", "From", "To", "And", "But", "Or", "Nor", "However",
    "While", "After", "Before", "Since", "Both", "Only", "Its", "Their", "His", "Her", "This", "That", "These",
    "Those", "Following", "According", "As", "If", "When", "Although", "Though", "Despite", "Meanwhile", "Also",
    "It", "They", "He", "She", "We", "I", "You", "There", "Here", "Some", "Many", "Most", "All", "Each", "Every",
    "Other", "Such", "Under", "Over", "Among", "Between", "Against", "During", "Without", "Within", "Into", "Yet",
    "Still", "Even", "Not", "No", "Our", "My", "Your", "What", "Who", "Why", "How", "Where", "Then", "Now", "Last",
    "Next", "Earlier", "Later", "Current", "Top", "Senior", "Several", "Two", "Three", "Speaking", "Hours",
    "Tension", "Tensions", "Leaders", "Officials", "Representatives", "Around", "Near", "Late", "Early",
    "Saying", "Asked", "Reuters", "AFP", "AP", "Wire", "Photo", "File", "Related", "Read",
}
LOWER_TITLE_BEFORE = re.compile(r"\b((?:[a-z]+ )?(?:governor|mayor|prosecutor|coroner|minister|spokes(?:man|woman|"
                                r"person)|chief|commander)) $")
CALENDAR_WORDS = {m.capitalize() for m in MONTHS} | {d.capitalize() for d in WEEKDAYS}
PLACE_BEFORE = re.compile(r"\b(?:town|city|village|region|province|district|area|state|capital) of $")
PLACE_AFTER = re.compile(r"^ (province|region|district|city|town|village|valley|county|state|governorate|"
                         r"capital|border (?:towns?|villages?|districts?|areas?|regions?|provinces?)|"
                         r"side of the border)\b")
# a name before a building is where something happened: 'the Deans Ave mosque', 'the Marhaba hotel'
BUILDING_AFTER = re.compile(r"^ (?:mosque|church|hotel|hospital|school|airport|market|prison|university|college|"
                            r"stadium|square|street|road|avenue|camp|station)\b")
ARMED_CONTEXT = re.compile(r"\b(militants?|group|militia|insurgents?|separatists?|rebels?|fighters?|guerrillas?)\b")
# an organisation named with its country or city first: 'the Lebanese Red Cross', 'Oslo University Hospital'
ORG_AFTER = re.compile(r"^ (?:[A-Z][a-z]+ ){0,2}(?:Red Cross|Red Crescent|Hospital|University|Observatory)\b")
# a hospital that speaks is a source, not a place: 'Oslo University Hospital said'
SPEAKS = re.compile(r"^ (?:had |has |have |also )?(?:said|says|told|reported|confirmed|announced)\b")
# the words a story puts before an organisation's name, kept as the name it uses: 'the state news agency SANA',
# 'the military's media wing ISPR', 'Public broadcaster NRK', 'Russia's Investigative Committee'
DESCRIBED_BY = re.compile(r"(?:\b(?:[Tt]he |[Pp]ublic )(?:[a-z’'\-]+ ){0,3}(?P<kind>agency|wing|broadcaster|charity|"
                          r"newspaper|daily|channel|network) |\b(?P<whose>[A-Z][a-z]+)[’']s )$")
RUN_BY = re.compile(r"[A-Z][\w.]*(?: [A-Z][\w.]*)*-(?:run|controlled|held)")  # 'the Front-run health ministry'
LOCAL_BODIES = {"health ministry", "health authorities", "police", "authorities", "health officials"}
GEO_WORDS = {"Heights", "Valley", "Strait", "Gulf", "Sea", "Mountains", "Province", "Region", "Island", "Islands",
             "Coast", "Desert", "Basin", "Corridor", "Strip", "Bank", "River", "Lake", "Peninsula", "Airport",
             "Hospital", "Street", "Square", "Bridge", "Camp", "District"}


@dataclass(frozen=True)
class Mention:
    """An actor named in a sentence; `kind`: name, state (by its name), adjective ('Chilean'), capital, body,
    person, or source (an unnamed source that speaks: 'police said', 'witnesses said')."""

    actor_id: str
    start: int
    end: int
    surface: str
    kind: str = "name"


@dataclass
class ActorProposal:
    """A new actor registry entry, in the registry's format; `reason` says how type and country were guessed."""

    entry: dict
    quote: str
    reason: str


class ActorFinder:
    """Finds actors in sentences; names the registries lack become proposals."""

    def __init__(self, registry: dict[str, dict], places: PlaceFinder, home: tuple[str, str] | None = None):
        """`home`: (ISO3, name) of the country the story is datelined in, whose bodies an unnamed 'police said'
        most likely means."""
        self.registry, self.places, self.home = registry, places, home
        self.bodies_seen: dict[str, str] = {}  # body noun ('health ministry') → the body last named with it
        self.pattern, self.owner = alias_pattern(registry)
        self.proposals: dict[str, ActorProposal] = {}
        self.titled: list[tuple[str, str]] = []  # (title, person) in the order named: 'Governor Ana Ruiz'
        self.surnames: dict[str, str] = self._surnames(registry)
        self.state_of_country = {a["country"]: actor_id for actor_id, a in registry.items()
                                 if a["type"] == "state" and a.get("country")}

    # -- what an actor is ---------------------------------------------------------------------------------
    def entry(self, actor_id: str) -> dict:
        if actor_id in self.registry:
            return self.registry[actor_id]
        return self.proposals[actor_id].entry

    def type_of(self, actor_id: str) -> str:
        return self.entry(actor_id)["type"]

    def name_of(self, actor_id: str) -> str:
        return self.entry(actor_id)["name"]

    def country_of(self, actor_id: str) -> str | None:
        return self.entry(actor_id).get("country")

    def names_of(self, actor_id: str) -> set[str]:
        entry = self.entry(actor_id)
        return {entry["name"], *entry.get("aliases", [])}

    def state_for(self, iso3: str | None, name: str | None = None, sentence: Sentence | None = None) -> str | None:
        """The state actor of a country: the registry's, one proposed already, or (given its name) a new one."""
        if not iso3:
            return None
        if iso3 in self.state_of_country:
            return self.state_of_country[iso3]
        if name is None:
            return None
        actor_id = slug(name)
        if actor_id in self.registry:
            actor_id = slug(f"{name} state")
        if actor_id not in self.proposals:
            self.proposals[actor_id] = ActorProposal(
                {"id": actor_id, "name": name, "type": "state", "country": iso3, "cameo": iso3, "aliases": [name]},
                sentence.text if sentence else name, "a state: a country of the GeoNames gazetteer")
            self.state_of_country[iso3] = actor_id
        return actor_id

    # -- finding ------------------------------------------------------------------------------------------
    def find(self, sentence: Sentence) -> list[Mention]:
        """Actor mentions of one sentence, in order, none overlapping: the longest reading of a stretch wins,
        and of readings as long, the surest (registry, body, titled person, state)."""
        candidates = []
        for rank, finder in enumerate((self._registry, self._bodies, self._people, self._roles, self._states,
                                       self._sources)):
            candidates += [(m, rank) for m in finder(sentence, [])]
        found: list[Mention] = []
        for mention, _ in sorted(candidates, key=lambda c: (c[0].start - c[0].end, c[1], c[0].start)):
            if mention.kind in ("adjective", "capital") and ORG_AFTER.match(sentence.text[mention.end:]):
                continue  # read with the name it opens
            if not any(m.start < mention.end and mention.start < m.end for m in found):
                found.append(mention)
        for mention in self._names(sentence, found):
            if not any(m.start < mention.end and mention.start < m.end for m in found):
                found.append(mention)
        found.sort(key=lambda m: m.start)
        found = [m for m, before in zip(found, [None] + found[:-1]) if not _owned_source(before, m, sentence.text)]
        return [m for m, after in zip(found, found[1:] + [None]) if not self._nationality_of(m, after, sentence)
                and not (m.kind == "adjective" and PLACE_AFTER.match(sentence.text[m.end:]))]

    @staticmethod
    def _nationality_of(mention: Mention, after: Mention | None, sentence: Sentence) -> bool:
        """'Azerbaijani' in 'Azerbaijani President Ilham Aliyev' tells the person's country; it is no actor."""
        return mention.kind == "adjective" and after is not None and after.kind == "person" and re.fullmatch(
            r"(?: [A-Z][\w\-]*\.?| of| (?:former|caretaker|acting|interim|deputy|vice|top|new))+ ",
            sentence.text[mention.end:after.start]) is not None

    def _registry(self, sentence: Sentence, found) -> list[Mention]:
        if self.pattern is None:
            return []
        mentions = []
        for m in self.pattern.finditer(sentence.text):
            actor_id = self.owner[m.group()]
            kind = "state" if self.registry[actor_id]["type"] == "state" else "name"
            mentions.append(Mention(actor_id, m.start(), m.end(), m.group(), kind))
        return mentions

    def _country_word(self, word: str) -> tuple[str, str] | None:
        return lexicon.country(word) or lexicon.demonym(word)

    def _bodies(self, sentence: Sentence, found) -> list[Mention]:
        """'Lebanon’s health ministry', 'the Israeli military', 'Iraqi health officials', 'the foreign ministry of
        Chile'."""
        nouns = "|".join(sorted(map(re.escape, lexicon.BODY_NOUNS + ("health officials", "security officials",
                                                                      "authorities")), key=len, reverse=True))
        pattern = re.compile(rf"\b(?:[Tt]he )?(?P<country>[A-Z][\w.-]*(?: [A-Z][\w-]*){{0,3}}?)(?:[’']s)? "
                             rf"(?P<body>(?i:{nouns}))\b")
        of_country = re.compile(rf"\b(?:[Tt]he )(?P<body>{nouns}) of (?P<country>[A-Z][\w.-]*(?: [A-Z][\w-]*){{0,3}})")
        mentions = []
        for m in [*pattern.finditer(sentence.text), *of_country.finditer(sentence.text)]:
            if re.sub(r"^[Tt]he ", "", m.group()) in self.owner:
                continue  # a registry actor's own name: a state's 'authorities' may be one of its aliases
            if RUN_BY.fullmatch(m.group("country")):
                mentions.append(self._run_body(m, sentence))
                continue
            known = self._country_word(m.group("country"))
            if known is None:
                local = self._local_body(m, sentence)
                if local:
                    mentions.append(local)
                continue
            iso3, country_name = known
            state = self.state_for(iso3, country_name, sentence)
            mentions.append(Mention(self._body(state, m.group("body"), m.group().removeprefix("the "), sentence),
                                    m.start(), m.end(), m.group(), "body"))
        return mentions

    def _local_body(self, m: re.Match, sentence: Sentence) -> Mention | None:
        """'the Gaza health ministry', 'Kabul’s police': a body named by the city it serves, not its state."""
        place, body = m.group("country"), m.group("body")
        city = self.places.cities.get(place)
        if city is None or body.lower() not in LOCAL_BODIES:
            return None
        name = f"{place} {body.lower()}"
        actor_id = self._new_id(name)
        surface = m.group().removeprefix("the ").removeprefix("The ")
        if actor_id not in self.proposals:
            self.proposals[actor_id] = ActorProposal(
                {"id": actor_id, "name": name, "type": "government_body",
                 "country": self.places.geo.iso3_by_iso2.get(city["countrycode"]), "aliases": [surface]},
                sentence.text, "a government body named by the city it serves: say whose it is")
        self._alias(actor_id, surface)
        self.bodies_seen.pop(body.lower(), None)
        self.bodies_seen[body.lower()] = actor_id
        return Mention(actor_id, m.start(), m.end(), m.group(), "body")

    def _run_body(self, m: re.Match, sentence: Sentence) -> Mention:
        """'the Front-run health ministry': a body run by a group or movement, not by the story's state."""
        surface = m.group().removeprefix("the ").removeprefix("The ")
        actor_id = self._new_id(surface)
        if actor_id not in self.proposals:
            self.proposals[actor_id] = ActorProposal(
                {"id": actor_id, "name": surface, "type": "government_body", "country": None, "aliases": [surface]},
                sentence.text, "a body run by a group or movement: say whose it is and where")
        self.bodies_seen.pop(m.group("body").lower(), None)
        self.bodies_seen[m.group("body").lower()] = actor_id
        return Mention(actor_id, m.start(), m.end(), m.group(), "body")

    def _body(self, state: str, body: str, surface: str, sentence: Sentence) -> str:
        actor_id = self._state_body(state, body, surface, sentence)
        self.bodies_seen.pop(body.lower(), None)  # the latest named comes last
        self.bodies_seen[body.lower()] = actor_id
        return actor_id

    def _state_body(self, state: str, body: str, surface: str, sentence: Sentence) -> str:
        wanted = slug(f"{self.name_of(state)} {body}")
        for actor_id, actor in self.registry.items():
            if actor.get("affiliation") == state and actor["type"] == "government_body" and (
                    surface in actor["aliases"] or actor_id == wanted):
                return actor_id
        actor_id = wanted if wanted not in self.registry else slug(f"{wanted} body")
        proposal = self.proposals.get(actor_id)
        if proposal is None:
            self.proposals[actor_id] = ActorProposal(
                {"id": actor_id, "name": f"{body[0].upper()}{body[1:]} of {self.name_of(state)}",
                 "type": "government_body", "country": self.country_of(state), "affiliation": state,
                 "aliases": [surface]},
                sentence.text, "a government body: a state's ministry, office or forces named in words")
        elif surface not in proposal.entry["aliases"]:
            proposal.entry["aliases"].append(surface)
        return actor_id

    def _people(self, sentence: Sentence, found) -> list[Mention]:
        """A name after titles ('caretaker Prime Minister Najib Mikati'), its nationality just before them."""
        titles = "|".join(sorted(map(re.escape, lexicon.TITLE_WORDS), key=len, reverse=True))
        last = "|".join(sorted(map(re.escape, lexicon.PERSON_TITLES), key=len, reverse=True))
        pattern = re.compile(rf"\b(?P<titles>{LOWER_TITLES}(?:(?:{titles})\.? )*(?:{last})\.?{OF_OFFICE} )"
                             rf"(?P<name>{NAME_WORD}(?: (?:{CONNECTOR} )?{NAME_WORD}){{0,3}})")
        mentions = []
        for m in pattern.finditer(sentence.text):
            words = m.group("name").split()
            while words and (words[0] in lexicon.TITLE_WORDS or words[0] in CALENDAR_WORDS):
                words = words[1:]
            while words and (words[-1].lower() in CONNECTOR or words[-1] in FUNCTION_WORDS):
                words = words[:-1]
            if not words or lexicon.country(words[0]) or lexicon.demonym(words[0]):
                continue
            name = " ".join(words)
            start = m.start("name") + m.group("name").index(name)
            before = re.search(r"([A-Z][a-z]+) $", sentence.text[:m.start()])
            nation = self._country_word(before.group(1)) if before else None
            title = " ".join(m.group("titles").split())
            actor_id = self._person(name, title, nation[0] if nation else None, sentence)
            mentions.append(Mention(actor_id, start, start + len(name), name, "person"))
        return mentions

    def _roles(self, sentence: Sentence, found) -> list[Mention]:
        """A person named by office: 'the head of the World Health Organization', 'Chile’s foreign minister'."""
        nouns = "|".join(sorted(map(re.escape, lexicon.ROLE_NOUNS), key=len, reverse=True))
        pattern = re.compile(rf"\b(?:[Tt]he |[Ii]ts )?(?P<role>{nouns}) of (?:the )?(?P<org>{NAME_WORD}(?: (?:"
                             rf"{CONNECTOR} )?{NAME_WORD}){{0,5}})")
        mentions = []
        for m in pattern.finditer(sentence.text):
            org = m.group("org")
            name = f"{m.group('role')[0].upper()}{m.group('role')[1:]} of {org}"
            actor_id = self._new_id(name)
            if actor_id not in self.proposals:
                self.proposals[actor_id] = ActorProposal(
                    {"id": actor_id, "name": name, "type": "person", "country": None, "role_title": name,
                     "aliases": [m.group().removeprefix("the ").removeprefix("The ")]},
                    sentence.text, "a person named by their office: find the name and merge with their entry")
            mentions.append(Mention(actor_id, m.start(), m.end(), m.group(), "person"))
        possessive = re.compile(rf"\b(?P<org>[A-Z][\w.\-]*(?: [A-Z][\w\-]*)?)[’']s (?P<role>{nouns})\b(?! of)")
        for m in possessive.finditer(sentence.text):  # "Chile’s foreign minister"
            known = self._country_word(m.group("org"))
            if known is None:
                continue
            name = f"{m.group('role')[0].upper()}{m.group('role')[1:]} of {known[1]}"
            actor_id = self._new_id(name)
            if actor_id not in self.proposals:
                self.proposals[actor_id] = ActorProposal(
                    {"id": actor_id, "name": name, "type": "person", "country": known[0], "role_title": name,
                     "aliases": [m.group()]},
                    sentence.text, "a person named by their office: find the name and merge with their entry")
            mentions.append(Mention(actor_id, m.start(), m.end(), m.group(), "person"))
        return mentions

    def _person(self, name: str, title: str, iso3: str | None, sentence: Sentence) -> str:
        known = self._registry_person(name)
        if known:
            self.titled.append((title, known))
            return known
        actor_id = self._new_id(name)
        proposal = self.proposals.get(actor_id)
        if proposal is None:
            entry = {"id": actor_id, "name": name, "type": "person", "country": iso3, "role_title": title,
                     "aliases": [name]}
            self.proposals[actor_id] = ActorProposal(entry, sentence.text, f"a person: named after the title "
                                                                           f"'{title}'")
        elif not proposal.entry.get("role_title"):
            proposal.entry["role_title"] = title
        self.surnames.setdefault(name.split()[-1], actor_id)
        self.titled.append((title, actor_id))
        return actor_id

    def _registry_person(self, name: str) -> str | None:
        return next((a for a, entry in self.registry.items() if entry["type"] == "person"
                     and name in {entry["name"], *entry["aliases"]}), None)

    def _states(self, sentence: Sentence, found) -> list[Mention]:
        """Countries by name, adjective or capital; 'Israeli-occupied' and 'Russian-brokered' name a state too."""
        mentions = []
        for m in re.finditer(r"\b[A-Z][a-z]+(?=-[a-z])", sentence.text):
            mention = self._state_word(m.group(), sentence, m.start())
            if mention:
                mentions.append(mention)
        for m in re.finditer(r"\b[A-Z][\w’'.]*(?: [A-Z][\w’']*){0,4}", sentence.text):
            words = m.group().split()
            for size in range(len(words), 0, -1):  # the longest run of words that names a country
                for i in range(len(words) - size + 1):
                    phrase = " ".join(words[i:i + size])
                    if not lexicon.country(phrase) and not lexicon.demonym(phrase):  # 'U.S.' keeps its dots
                        phrase = phrase.rstrip(".’'")
                    mention = self._state_word(phrase, sentence, m.start() + m.group().index(phrase))
                    if mention and not any(x.start < mention.end and mention.start < x.end for x in mentions):
                        mentions.append(mention)
        return mentions

    def _state_word(self, phrase: str, sentence: Sentence, start: int) -> Mention | None:
        if lexicon.country(phrase):
            iso3, name = lexicon.country(phrase)
            kind = "state"
        elif phrase in lexicon.capitals() and lexicon.capitals()[phrase]:
            iso3 = lexicon.capitals()[phrase]
            name = next(n for n, (code, _) in lexicon._countries().items() if code == iso3)
            kind = "capital"
        elif lexicon.demonym(phrase):
            iso3, name = lexicon.demonym(phrase)
            kind = "adjective"
        else:
            return None
        state = self.state_for(iso3, name, sentence)
        return Mention(state, start, start + len(phrase), phrase, kind) if state else None

    def _sources(self, sentence: Sentence, found) -> list[Mention]:
        """Unnamed sources that speak: a body named without its state is the one of that kind named before in
        the story ('The ministry said'), else the dateline country's; people named by what they are
        ('witnesses') are proposed as a group."""
        mentions = []
        for source in find_sources(sentence.text):
            surface = re.sub(r"^(?:[Tt]he) ", "", source.surface)
            holder = self._holder(source.group) if source.group else None
            if holder:
                actor_id = holder
            elif source.group:
                actor_id = self._group(source.group, surface, sentence)
            else:
                actor_id = self._unnamed_body(source.body, surface, sentence)
            mentions.append(Mention(actor_id, source.start, source.end, source.surface, "source"))
        return mentions

    def _holder(self, office: str) -> str | None:
        """'the governor said' after 'regional governor Ana Ruiz': the person last named with that title."""
        bare = re.fullmatch(r"(?:the |a |an )?(?:(?:regional|provincial|local|district|state|city|county|public) )?"
                            r"(governor|mayor|prosecutor|coroner|police chief|(?:\w+ )?minister)", office)
        if bare is None:
            return None
        word = bare.group(1).split()[-1]
        return next((actor_id for title, actor_id in reversed(self.titled) if word in title.lower().split()), None)

    def _unnamed_body(self, body: str, surface: str, sentence: Sentence) -> str:
        ministries = [a for noun, a in self.bodies_seen.items() if noun.endswith("ministry")]
        seen = self.bodies_seen.get(body) or (ministries[-1] if body == "ministry" and ministries else None)
        if seen:
            self._alias(seen, surface)
            return seen
        if self.home and body != "ministry":
            return self._body(self.state_for(*self.home, sentence), body, surface, sentence)
        actor_id = self._new_id(f"{body} unnamed")
        if actor_id not in self.proposals:
            self.proposals[actor_id] = ActorProposal(
                {"id": actor_id, "name": f"{body[0].upper()}{body[1:]}", "type": "government_body", "country": None,
                 "aliases": [surface]}, sentence.text, "a government body named without its state: say whose")
        self._alias(actor_id, surface)
        return actor_id

    def _group(self, group: str, surface: str, sentence: Sentence) -> str:
        actor_id = self._new_id(group)
        if actor_id not in self.proposals:
            self.proposals[actor_id] = ActorProposal(
                {"id": actor_id, "name": f"{group[0].upper()}{group[1:]} (unnamed)", "type": "other",
                 "country": None, "aliases": [surface]},
                sentence.text, "unnamed people the story cites as a source: say who and where")
        self._alias(actor_id, surface)
        return actor_id

    # -- other names --------------------------------------------------------------------------------------
    def _names(self, sentence: Sentence, found) -> list[Mention]:
        masked = list(sentence.text)
        for m in found:
            masked[m.start:m.end] = "\x00" * (m.end - m.start)
        text = "".join(masked)
        mentions = []
        for match in NAME.finditer(text):
            words, start = match.group().split(), match.start()
            while words and (words[0] in FUNCTION_WORDS or words[0] in lexicon.TITLE_WORDS
                             or words[0] in CALENDAR_WORDS or words[0].lower() in CONNECTOR):
                start += len(words[0]) + 1
                words = words[1:]
            while words and (words[-1].lower() in CONNECTOR or words[-1] in CALENDAR_WORDS
                             or words[-1] in lexicon.TITLE_WORDS):
                words = words[:-1]
            if not words or (start == 0 and len(words) == 1 and words[0] not in self.surnames) or \
                    all(w in lexicon.REGIONAL_ADJECTIVES for w in words):  # 'Central Asian neighbours'
                continue
            name = " ".join(words)
            if text[:start].endswith(" of ") and text[start + len(name):].startswith(" \x00"):
                continue  # the end of a title before a name: 'Inspector General of Police Kale Kayihura'
            if len(name) < 2 or PLACE_AFTER.match(sentence.text[start + len(name):]) or \
                    set(words) & GEO_WORDS and not SPEAKS.match(sentence.text[start + len(name):]) or \
                    BUILDING_AFTER.match(sentence.text[start + len(name):]):
                continue
            mentions.append(self._named(name, start, sentence))
        return [m for m in mentions if m is not None]

    def _named(self, name: str, start: int, sentence: Sentence) -> Mention | None:
        if name in self.surnames:
            actor_id = self.surnames[name]
            kind = "person" if self.type_of(actor_id) == "person" else "name"
            return Mention(actor_id, start, start + len(name), name, kind)
        if name in self.places.by_name or name in self.places.cities or PLACE_BEFORE.search(sentence.text[:start]):
            return None
        after = sentence.text[start + len(name):]
        actor_type, reason = self._guess_type(name, sentence.text[:start], after)
        actor_id = self._new_id(name)
        if actor_id not in self.proposals:
            self.proposals[actor_id] = ActorProposal(
                {"id": actor_id, "name": name, "type": actor_type, "country": None, "aliases": [name]},
                sentence.text, reason)
        acronym = ACRONYM_AFTER.match(after)
        if acronym:
            self._alias(actor_id, acronym.group(1))
            self.surnames.setdefault(acronym.group(1), actor_id)
        if actor_type == "person":
            self.surnames.setdefault(name.split()[-1], actor_id)
            title = LOWER_TITLE_BEFORE.search(sentence.text[:start])
            if title:  # 'regional governor Ana Ruiz'
                self.titled.append((title.group(1), actor_id))
        else:
            self.surnames.setdefault(name, actor_id)
            described = DESCRIBED_BY.search(sentence.text[:start])
            if described and (described.group("kind") or lexicon.country(described.group("whose"))):
                self._alias(actor_id, re.sub(r"^[Tt]he ", "", described.group()) + name)
        return Mention(actor_id, start, start + len(name), name, "person" if actor_type == "person" else "name")

    @staticmethod
    def _guess_type(name: str, before: str, after: str) -> tuple[str, str]:
        words = set(name.split())
        if words & lexicon.ARMED_WORDS or ARMED_CONTEXT.search(before[-40:]) or \
                ARMED_CONTEXT.match(re.sub(r"^ \([^)]*\)", "", after).strip()):
            return "armed_group", "an armed group by its name or the words around it"
        if words & lexicon.INTERGOVERNMENTAL_WORDS:
            return "intergovernmental_org", "an organisation of states by its name"
        if words & lexicon.GOVERNMENT_WORDS:
            return "government_body", "a government body by its name"
        if words & lexicon.MOVEMENT_WORDS:
            return "political_movement", "a party or movement by its name"
        if words & lexicon.OTHER_ORG_WORDS or name.isupper():
            return "other", "an organisation by its name"
        if 2 <= len(name.split()) <= 4:
            return "person", "a person: a name of two to four words"
        return "other", "no cue to its kind"

    def _new_id(self, name: str) -> str:
        actor_id = slug(name)
        if actor_id in self.registry and self.registry[actor_id]["name"] != name:
            actor_id = slug(f"{name} actor")
        return actor_id

    def _alias(self, actor_id: str, alias: str) -> None:
        if actor_id in self.proposals and alias not in self.proposals[actor_id].entry["aliases"]:
            self.proposals[actor_id].entry["aliases"].append(alias)

    @staticmethod
    def _surnames(registry: dict[str, dict]) -> dict[str, str]:
        owners: dict[str, set[str]] = {}
        for actor_id, actor in registry.items():
            if actor["type"] != "person":
                continue
            for name in [actor["name"], *actor["aliases"]]:
                last = name.split()[-1].split("-")[-1]
                if len(last) >= 4 and last[0].isupper():
                    owners.setdefault(last, set()).add(actor_id)
        return {last: ids.pop() for last, ids in owners.items() if len(ids) == 1}


def _owned_source(before: Mention | None, mention: Mention, text: str) -> bool:
    """'Fooland officials said', 'Chinese sources said': people named by what they are, right after whom they
    speak for, are that actor's voice, not a group of their own."""
    return mention.kind == "source" and before is not None and before.kind != "source" and \
        text[before.end:mention.start] == " " and re.match(r"(?:officials?|sources|spokes\w+)\b",
                                                          mention.surface) is not None

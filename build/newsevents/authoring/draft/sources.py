"""Unnamed sources a sentence cites: bodies named without their state ('police said', 'the health ministry
said', 'according to the military', 'an army spokesman said') and people named only by what they are
('witnesses said', 'residents told', 'according to aid workers'). They are read only where they speak: as the
subject of a speech verb or after 'according to', so that an unnamed group is never drafted as a target."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.authoring.draft.lexicon import country, demonym

BODIES = ("health ministry", "foreign ministry", "defence ministry", "defense ministry", "interior ministry",
          "information ministry", "emergencies ministry", "ministry", "police", "military", "army", "armed forces",
          "security forces", "government", "navy", "air force", "coast guard", "border guard", "border guards",
          "civil defence", "civil defense", "civil defence agency", "civil defense agency", "rescue service",
          "rescue services", "emergency service", "emergency services", "fire service", "health department",
          "health authorities", "disaster management agency", "state media", "state television", "state news agency",
          "state broadcaster", "prosecutor’s office", "prosecutor's office", "public prosecutor’s office",
          "public prosecutor's office", "regional administration", "local administration", "district administration",
          "provincial administration", "city administration", "military administration", "local authorities",
          "authorities")
GROUPS = ("witnesses", "eyewitnesses", "residents", "villagers", "survivors", "aid workers", "aid agencies",
          "rescuers", "rescue workers", "medics", "paramedics", "doctors", "health workers", "hospital officials",
          "hospital staff", "local officials", "officials", "activists", "relatives", "monitors",
          "human rights groups", "security sources", "medical sources", "hospital sources", "prosecutors",
          "community leaders", "local leaders", "tribal leaders", "elders", "tribal elders", "village elders")
# an office named without its holder's name: 'the regional governor said', 'a hospital spokesman told reporters'
OFFICES = (r"(?-i:(?:[A-Z][a-z]+ |national |regional |state )?)(?:governor|mayor|prosecutor|president|prime minister|"
           r"ombudsman)[’']s office|"
           r"(?:(?:regional|provincial|local|district|state|city|county|deputy|chief|public|police|hospital|"
           r"medical|health|military|army|police|security|government|rescue|morgue) ){0,2}(?:governor|mayor|"
           r"prosecutor|coroner|police chief|director|spokes(?:man|woman|person)|officials?|doctors?)"
           r"(?: (?:at|from|of|in) (?:the |a )?(?:[\w’'\-]+ ){0,3}?(?:hospital|clinic|morgue|ministry|agency|"
           r"department|office))?|(?:interior|defen[cs]e|foreign|health|information|home) minister")
# 'a spokesman for Cambodia’s Oddar Meanchey province', 'a spokeswoman for the Rescue 1122 emergency service'
_NOT_SPEECH = r"(?!(?:said|says|told|reported|confirmed|announced|added|gave|put)\b)"
SPOKESPERSON_FOR = (r"spokes(?:man|woman|person) for (?:the )?(?-i:[A-Z0-9][\w’'.\-]*(?: [A-Z0-9][\w’'.\-]*){0,3})"
                    rf"(?-i:(?: {_NOT_SPEECH}[a-z]+){{0,2}}(?= ))")
SPOKESPEOPLE = r"(?:spokes(?:man|woman|person)|officials|official|sources)"
_BODY = "|".join(sorted(map(re.escape, BODIES), key=len, reverse=True))
# groups and associations named by what they do or whom they gather: 'aid groups', 'a farmers’ union'
KINDS_OF_GROUP = (r"(?:aid|rights|human rights|relief|humanitarian|medical|charity|civil society|community) (?:groups|"
                  r"agencies|organi[sz]ations|charities)|(?-i:[a-z]+)(?:s[’']|[’']s) (?:association|union|federation|"
                  r"council|cooperative)")
_GROUP = "|".join(sorted(map(re.escape, GROUPS), key=len, reverse=True)) + "|" + KINDS_OF_GROUP + "|" + \
    SPOKESPERSON_FOR + "|" + OFFICES
SOURCE = re.compile(rf"\b(?:(?:[Tt]he|[Aa]n?|[Ll]ocal|[Ss]enior) )?(?:(?P<body>{_BODY})(?: (?P<voice>{SPOKESPEOPLE})"
                    rf"(?: in (?-i:[A-Z][a-z]+))?)?"  # 'an army spokesman in Jammu said'

                    rf"|(?P<group>{_GROUP}))\b", re.IGNORECASE)
SPEAKS_AFTER = re.compile(r"^(?: here| there)?(?:, (?:citing|speaking|quoting|who asked|who spoke|who declined)"
                          r"[^,;.]{0,60},)?"  # 'sources here, citing intercepts, said'
                          r"(?: (?:had|have|has|also|later|earlier|previously|on [A-Z][a-z]+day))* (?:said|say|says|"
                          r"told|tell|reported|report|confirmed|announced|gave|put|estimated|counted|described|revised)\b"
                          r"|^, who\b")
SPEAKS_BEFORE = re.compile(r"\b[Aa]ccording to (?:(?:a|the) (?:statement|report|tally|count|figures?) "
                           r"(?:from|by|of) )?$")


# an office whose first word is also a body's: 'the police chief said'
OFFICE_SOURCE = re.compile(rf"(?:(?:[Tt]he|[Aa]n?|[Ll]ocal|[Ss]enior) )?(?P<body>)?(?P<group>{OFFICES})\b",
                           re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """An unnamed source: its bounds in the sentence, the words as printed, and what it is — a `body` noun
    ('health ministry') or a `group` of people ('witnesses')."""

    start: int
    end: int
    surface: str
    body: str | None
    group: str | None


# people of a country named by what they are: 'An Oslandic health official said', 'Oslandic military bloggers
# said' (a body of the state, 'the Oslandic army said', is the state's and is read elsewhere)
NATIONAL_VOICE = re.compile(r"\b(?:[Aa]n? )?[A-Z][a-z]+(?:an|i|ese|ish|ch) (?:[a-z\-]+ ){0,2}(?P<noun>[a-z\-]+)"
                            r"(?= (?:had |has |have |also )?(?:said|says|told|reported|claimed)\b)")
STATE_VOICE = {"ministry", "army", "military", "police", "navy", "government", "forces", "presidency", "leadership",
               "officials", "authorities", "spokesman", "spokeswoman", "spokesperson", "sources", "guard", "guards",
               "president", "minister", "premier", "leader", "chief", "command", "media", "television", "agency"}


def _national_voices(text: str) -> list[Source]:
    """'An Oslandic health official said': one source named by the whole phrase (not the state)."""
    return [Source(m.start(), m.end(), m.group(), None, m.group().lower().removeprefix("an ").removeprefix("a "))
            for m in NATIONAL_VOICE.finditer(text) if m.group("noun") not in STATE_VOICE]


def _inside_a_name(text: str, match: re.Match) -> bool:
    """'The Valdor Coast Guard said': a body's words in capitals after a name word are the end of a proper name,
    read as a name elsewhere, not a body named without its state."""
    words = match.group("body") or ""
    return words[:1].isupper() and match.start() == match.start("body") and \
        re.search(r"\b(?!(?:The|A|An|On|In|At|And|But|Then)\b)[A-Z][A-Za-z]+ $", text[:match.start()]) is not None


def find_sources(text: str) -> list[Source]:
    """The unnamed sources of a sentence that speak in it."""
    found = _national_voices(text)
    for match in SOURCE.finditer(text):
        if not (SPEAKS_AFTER.match(text[match.end():]) or SPEAKS_BEFORE.search(text[:match.start()])):
            match = OFFICE_SOURCE.match(text, match.start())  # 'the police chief said': an office, not the body
            if not (match and SPEAKS_AFTER.match(text[match.end():])):
                continue
        if _inside_a_name(text, match):
            continue
        body, group = match.group("body"), match.group("group")
        start, surface = match.start(), match.group()
        place = _named_place_before(text, start) if group and not body and surface == group else None
        if place:  # 'Kano state officials said': the officials of a place the story names
            start, group = place, text[place:match.start()] + group
            surface = group
        found.append(Source(start, match.end(), surface, body.lower() if body else None,
                            group.lower() if group else None))
    return found


NOT_A_PLACE = {"The", "A", "An", "On", "In", "At", "And", "But", "Then", "Later", "Earlier", "Senior", "Local",
               "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _named_place_before(text: str, start: int) -> int | None:
    """Where a place's name right before a source starts ('Kano state officials'), unless it is a people's
    adjective or a country, which name a state read elsewhere ('Kenyan officials')."""
    word = re.search(r"(?<![’'])\b[A-Z][a-z]+ $", text[:start])
    name = word.group().strip() if word else None
    if name is None or name in NOT_A_PLACE or demonym(name) or country(name):
        return None
    return word.start()

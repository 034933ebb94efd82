"""Meetings: visits, phone calls, talks and summits, with who took part and how (host, attended, expected,
invited, invited but declined), as the clause that reports them says."""
from __future__ import annotations

import re
from dataclasses import replace

from newsevents.authoring.draft.facts import SentenceFacts
from newsevents.authoring.draft.lexicon import TITLE_WORDS
from newsevents.authoring.draft.mentions import EventMention

KINDS = [  # (action, pattern)
    ("phone_call", r"\bspo(?:ke|ken) (?:separately |directly |briefly )?(?:by|over the|on the) (?:tele)?phone\b|"
                   r"\b(?:tele)?phone (?:call|conversation)s?\b|"
                   r"\btelephone conversation\b|\b(?:tele)?phoned\b|\bspo(?:ke|ken) (?:with|to) [^,;.]{1,60}? by "
                   r"(?:tele)?phone\b|\bspo(?:ke|ken)(?: on [A-Z][a-z]+)? (?:with|to) [^;.]{1,140}? in a "
                   r"(?:joint |video )?call\b|\b(?:joint|video) call\b"),
    ("visit", r"\b(?<!was )(?<!is )(?<!were )visit(?:s|ed|ing)?\b(?! (?:card|or))|\btrip to\b|"
              r"\b(?:travel(?:s|l?ed|l?ing)?|fl(?:ew|y|ies|ying)) to(?= (?-i:[A-Z]))|"  # 'flew to Niamey'
              r"\b(?:is|are) due in(?= (?-i:[A-Z]))"),  # 'the minister is due in Delhi on Thursday'
    ("conference", r"\bsummits?\b|\b(?<!news )(?<!press )conference\b(?! call)"),
    ("talks", r"\btalks\b|\bnegotiations\b|\bnegotiated with\b|\b(?<!news )meeting\b|\bmet\b|\bmeet\b|\bmeets\b|"
              r"\b(?:emergency|extraordinary|special|closed-door|night|plenary) session\b"),
]
PATTERNS = [(action, re.compile(pattern, re.IGNORECASE)) for action, pattern in KINDS]
# 'the talks', 'their first meeting'; not 'to the resort for talks', and never a verb ('The cabinet will meet')
DEFINITE = re.compile(r"\b(?i:the|that|this|its|their)(?: (?!(?:for|to|of|in|on|at|with|by|from|will|would)\b)"
                      r"[a-z\-]+){0,2} $")
JOURNEY = re.compile(r"(?:travel|fl[eyi])\w* to", re.IGNORECASE)  # 'travelled to', 'flew to'
# a verb that opens a meeting, and a noun after it that names the same meeting ('met … for talks')
OPENING_VERB = re.compile(rf"me(?:e)?ts?|(?:is|are) due in|{JOURNEY.pattern}", re.IGNORECASE)
VERBS = re.compile(rf"{OPENING_VERB.pattern}|(?:tele)?phoned", re.IGNORECASE)
HOSTED_BY = re.compile(r"\b(?:hosted|organi[sz]ed|convened|chaired) by\b|\bat the invitation of\b")
HOSTS = re.compile(r"\b(?:hosted|hosts|will host|to host)\b")
DECLINED = re.compile(r"\b(?:did not (?:take part|attend|join)|declined|refused to (?:attend|join|take part)|"
                      r"stay(?:ed|s)? away|skipp(?:ed|ing)|boycott(?:ed|ing)?|decided not to)\b")
INVITED = re.compile(r"\binvit(?:ed|es|ing)\b")
PROPOSED = re.compile(r"\b(?:propos(?:ed|es|ing)|offer(?:ed|s|ing) to host|suggest(?:ed|s))\b")
# the clause of a meeting still to come: 'X is expected to join his counterparts on Tuesday for a wider meeting'
COMING = re.compile(r"\b(?:is|are) (?:expected|scheduled|set|due) to\b|\b(?:will|plans? to|is to|are to)\b|"
                    r"\b(?:is|are) due in\b")
# a meeting named before the words that put it ahead: 'the summit that Uganda is to host', 'talks … would go ahead'
COMING_AFTER = re.compile(r"^(?: (?:that|which) [\w’' ]{1,40}?)? (?:is|are) (?:to|due to|expected to|scheduled to|"
                          r"set to) (?:host|hold|be held|take place|convene|open)\b|^[^,;.]{0,80}? (?:will|would) "
                          r"(?:go ahead|take place|be held|open)\b")
CANCELLED = re.compile(r"\b(?:called off|cancel(?:l)?ed|scrapped)\b")
MANY = re.compile(r"\b(?:regional|multilateral|countries|states|leaders|neighbou?rs|bloc|participants|council|"
                  r"chaired|convened?|chiefs|cabinet|ambassadors|envoys|delegates)\b", re.IGNORECASE)
# a gathering of many heads: 'leaders of the bloc will meet', 'a virtual meeting of G7 leaders', 'an all-party meeting'
GATHERING = re.compile(r"\b(?:[Ll]eaders of|heads of (?:state|government)|chief ministers|all-party|"
                       r"[A-Z]+\d* leaders)\b")
TWO_SIDES = re.compile(r"\b(?:two|both) (?:countries|leaders|sides|neighbou?rs|states|governments|presidents)\b",
                       re.IGNORECASE)
SIDELINES = re.compile(r"\bsidelines of (?:a|an|the)(?: [\w’'\-]+){0,3} $")  # the venue, not a meeting of its own
JOINED = re.compile(r"^(?: and (?:with )?|, (?:and )?(?:with )?| as well as )(?:(?:[A-Z][\w.\-]*|of) )*$")
# 'met A, B and C officials in the capital for talks': one meeting; a new clause (', and', ', which') parts two
FOR_A = re.compile(r"(?:(?!, (?:and|but|while|which|who|after|before)\b)(?:[^;.]|\.(?= \d))){0,90}? "
                   r"(?:for|at|during|in|to|and)"
                   r"(?: (?:a|an|the))?(?: [\w\-’']+){0,3} ")
# talks asked for and visits halted are no meetings: 'called on X to hold direct talks', 'urged both sides to return
# to negotiations', 'a suspension of high-level visits'
NOT_HELD = re.compile(r"\b(?:call(?:ed|s|ing)? (?:on(?! (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|for)|"
                      r"urg(?:ed|es|ing)|appeal(?:ed|s)? (?:to|for)|press(?:ed|es)? (?:for|\w+ to))\b[^.;:]{0,60}$|"
                      r"\b(?:suspension|suspend\w*|halt\w*|ban(?:ned|s)?(?: on)?|"
                      r"cancel\w*|freez\w*|froze)(?: of)?(?: [a-z\-]+){0,2} $")
# talks ended, left or refused are no meeting held: 'ended peace talks with the rebels', 'pulled out of the talks',
# 'there would be no more negotiations', 'ruled out any talks'
NOT_HELD_TALKS = re.compile(r"\b(?:end(?:ed|s|ing)?(?! of\b)|pull(?:ed|s|ing)? out of|walk(?:ed|s|ing)? out of|"
                            r"withdr[ae]w(?:n|s|ing)? from|(?:broke|break(?:s|ing)?) off|quit|abandon(?:ed|s|ing)?|"
                            r"rul(?:ed|es|ing) out|reject(?:ed|s|ing)?)(?: (?:the|all|any|its|their))?"
                            r"(?: [\w\-’']+){0,3} $|\b(?:no|any|never)(?: more| further| direct| new)? $")
# a visit to the wounded, to troops or to a site is no meeting of sides: 'visited the injured in hospital'
NOT_A_MEETING = re.compile(r"^ (?:the|a|an|his|her|their|its)(?: [a-z\-]+){0,2} (?:injured|wounded|victims|survivors|"
                           r"families|troops|soldiers|hospitals?|posts?|bases?|sites?|scene|area|camps?|wards?|"
                           r"front(?:line)?s?|positions?|hotels?|schools?|mosques?|churches|church|markets?|prisons?|villages?|"
                           r"morgues?|wreckage)\b")

# a visit to a place told by a common noun: 'visited the beach', 'his first trip to the kingdom'
UNNAMED_PLACE = re.compile(r"^(?: to)? (?:the|a|an|his|her|their|its)(?: (?:first|second|last|latest|new|old))? [a-z]")
# 'would meet enormous retaliation', 'failed to meet the deadline': a verb of answering a need, not of meeting
MET_A_NEED = re.compile(r"^(?: [“\"‘]?[\w’'\-]+){0,2} [“\"‘]?(?:retaliation|response|resistance|opposition|"
                        r"demands?|needs?|targets?|criteria|expectations?|deadlines?|obligations?|requirements?|standards?|conditions?|"
                        r"goals?|costs?|force)\b")
# a visit named as where a speech was given: 'speaking during a visit to Chile, the prime minister called …'
SPEAKING_ON = re.compile(r"\b(?:[Ss]peaking|[Tt]alking) (?:during|on|at the end of|at the start of) "
                         r"(?:a|an|his|her|their)(?: [a-z\-]+)? $")
# meeting those who suffered is no meeting of sides: 'met the district head and families of the victims'
MET_MOURNERS = re.compile(r"^(?: [\w’'\-]+){0,5} (?:families|survivors|victims|wounded|injured|relatives|mourners)\b")
# met with force is no meeting: 'their fighters had met the troops with gunfire'
MET_WITH_FORCE = re.compile(r"^(?: [\w’'\-]+){0,5} with (?:[a-z]+ )?(?:gunfire|fire|bullets|force|resistance|tear gas|"
                            r"violence|rockets|bombs|stones)\b")


def _group(facts: SentenceFacts, actors: list, start: int) -> list[str]:
    """Actors joined by 'and' or commas, starting with the one at `start` in the list."""
    group = [actors[start]]
    for previous, current in zip(actors[start:], actors[start + 1:]):
        if not JOINED.match(facts.text[previous.end:current.start]):
            break
        group.append(current)
    return [m.actor_id for m in group]


def _subjects(facts: SentenceFacts, trigger: int) -> list[str]:
    """'X and Y spoke', 'X met', 'X, who visited': the actors the clause opens with before the trigger."""
    relative = re.search(r", who (?:[a-z]+ ){0,2}$|, (?:who|whose) [^;:]{1,100}?, (?:(?:is|are|was) )?$",
                         facts.text[:trigger])  # 'X, who met …', 'X, who visited Y this week, is due in Z'
    if relative:
        named = [m for m in facts.actors if m.end <= relative.start()]
        if named and named[-1].end == relative.start():
            return [named[-1].actor_id]
    clause_start, _ = facts.clause(trigger)
    before = [m for m in facts.actors if clause_start <= m.start and m.end <= trigger and not _a_place(facts, m)]
    if not before:
        return []
    first = len(before) - 1
    while first > 0 and JOINED.match(facts.text[before[first - 1].end:before[first].start]):
        first -= 1
    gap = facts.text[before[-1].end:trigger]
    if len(gap.split()) > 7 or re.search(r"[,;]", gap.strip(" ,")):
        return []
    return _group(facts, before, first)


def _a_place(facts: SentenceFacts, mention) -> bool:
    """'gathered in the capital': a capital after 'in' or 'at' is where, not who."""
    before = facts.text[:mention.start]
    return mention.kind == "capital" and re.search(r"\b(?:in|at|near|to|from) $", before) is not None


def _objects(facts: SentenceFacts, end: int) -> list[str]:
    """'with X and Y', 'between X and Y', 'X and Y' right after the trigger."""
    after = [m for m in facts.after(end, reach=90) if not _a_place(facts, m)]
    for i, actor in enumerate(after):
        gap = facts.text[end:actor.start]
        if re.fullmatch(r" (?:(?:with|between|of|to|and|by|from) )?(?:the |his |her |its |their |(?:[a-z]+ ){0,3})?",
                        gap) or _titles_only(gap) or re.fullmatch(r" (?:with|between|of|to)(?: [\w’'\-]+){0,6} ", gap):
            return _group(facts, after, i)
    return []


def _titles_only(gap: str) -> bool:
    """'telephoned Prime Minister Ivo Brandt': only a title stands between the verb and the person."""
    words = gap.split()
    return 0 < len(words) <= 4 and all(w.rstrip(".") in TITLE_WORDS for w in words)


def _host(facts: SentenceFacts, mention: EventMention) -> list[str]:
    hosted = HOSTED_BY.search(facts.text)
    if hosted:
        by = facts.after(hosted.end(), reach=60)
        return [by[0].actor_id] if by else []
    hosting = HOSTS.search(facts.text)
    if hosting:
        subject = facts.subject(hosting.start())
        return [subject.actor_id] if subject else []
    return []


def _status(facts: SentenceFacts, mention: EventMention) -> str:
    clause = facts.text[slice(*facts.clause(mention.start))]
    if CANCELLED.search(clause):
        return "cancelled"
    if PROPOSED.search(facts.text[:mention.start]):
        return "proposed"
    start, _ = facts.clause(mention.start)
    if facts.future_before(mention.start, words=5) or re.search(r"\b(?:are|is) due to\b", clause) or \
            COMING.search(facts.text[start:mention.end]) or COMING_AFTER.match(facts.text[mention.end:]):
        return "planned"
    return "occurred"


def _participation(mention: EventMention, actors: list[str], facts: SentenceFacts) -> None:
    default = {"planned": "expected", "proposed": "invited", "cancelled": "expected"}.get(mention.status, "attended")
    for actor in actors:
        if actor not in mention.hosts:
            mention.participants.setdefault(actor, default)
    for host in mention.hosts:
        mention.participants[host] = "host"
    declined = DECLINED.search(facts.text)
    if declined and INVITED.search(facts.text):
        subject = facts.subject(declined.start())
        if subject is not None and subject.actor_id in mention.participants:
            mention.participants[subject.actor_id] = "invited_declined"


def _meeting(facts: SentenceFacts, action: str, match: re.Match) -> EventMention:
    mention = EventMention("meeting", action, facts, *match.span())
    mention.reference = bool(DEFINITE.search(facts.text[:match.start()])) and action != "visit" and \
        not VERBS.fullmatch(match.group())
    mention.status = _status(facts, mention)
    subjects, objects = _subjects(facts, match.start()), _objects(facts, match.end())
    mention.hosts = _host(facts, mention)
    if action == "visit":
        visited = [m for m in facts.after(match.end(), reach=40) if m.kind in ("state", "capital")]
        if not mention.hosts and visited:
            mention.hosts = [visited[0].actor_id]
        _participation(mention, subjects[:1], facts)
    else:
        _participation(mention, subjects + [a for a in objects if a not in subjects], facts)
    mention.places = facts.places_after(match.end())
    return mention


def find_meetings(facts: SentenceFacts, taken: list[tuple[int, int]]) -> list[EventMention]:
    found = []
    for action, pattern in PATTERNS:
        for match in pattern.finditer(facts.text):
            if any(s < match.end() and match.start() < e for s, e in taken) or \
                    SIDELINES.search(facts.text[:match.start()]) or NOT_HELD.search(facts.text[:match.start()]) or \
                    (action == "visit" and NOT_A_MEETING.match(facts.text[match.end():])) or \
                    MET_WITH_FORCE.match(facts.text[match.end():]) or \
                    (match.group().lower() == "met" and MET_MOURNERS.match(facts.text[match.end():])) or \
                    (action == "talks" and NOT_HELD_TALKS.search(facts.text[:match.start()])) or \
                    (re.fullmatch(r"met|meets?", match.group().lower()) and
                     MET_A_NEED.match(facts.text[match.end():])) or \
                    (action == "visit" and SPEAKING_ON.search(facts.text[:match.start()])):
                continue
            if JOURNEY.fullmatch(match.group()) and not any(
                    m.start == match.end() + 1 and m.kind in ("state", "capital") for m in facts.actors):
                continue  # 'flew to Marawi', a city at home: a journey, not a visit to another state
            taken.append(match.span())
            mention = _meeting(facts, action, match)
            if action == "visit" and not mention.hosts and UNNAMED_PLACE.match(facts.text[match.end():]) and not any(
                    m.kind not in ("adjective", "source") for m in facts.after(match.end(), reach=40)):
                continue  # 'who visited the beach', 'a trip to the kingdom': no one, nowhere named, is visited
            found.append(mention)
    return [call for m in _one_meeting(facts, sorted(found, key=lambda m: m.start)) for call in _separately(facts, m)]


def _one_meeting(facts: SentenceFacts, found: list[EventMention]) -> list[EventMention]:
    """'leaders met in the capital for an extraordinary summit': the verb and the noun are one meeting, of the noun's
    form, with the verb's participants and status; 'will visit the capital for talks' is one visit."""
    kept = []
    for mention in found:
        verb = kept[-1] if kept else None
        word = facts.text[verb.start:verb.end].lower() if verb else ""
        if verb is None or not ((OPENING_VERB.fullmatch(word) or word.startswith("visit"))
                                and FOR_A.fullmatch(facts.text[verb.end:mention.start])):
            kept.append(mention)
            continue
        whole, part = (verb, mention) if verb.action == "visit" else (mention, verb)
        whole.participants = {**part.participants, **whole.participants}
        whole.hosts = whole.hosts or part.hosts
        whole.status, whole.reference = verb.status, False
        kept[-1] = whole
    return kept


def _separately(facts: SentenceFacts, mention: EventMention) -> list[EventMention]:
    """'X spoke (separately) by telephone with A and B': a call with A and another with B, one to one; 'X
    visited A and B': a visit to each."""
    if mention.action == "visit":
        return _each_visit(facts, mention)
    if mention.action != "phone_call":
        return [mention]
    subjects = _subjects(facts, mention.start)
    others = [a for a in mention.participants if a not in subjects]
    if not subjects or len(others) < 2:
        return [mention]
    return [replace(mention, participants={**{a: mention.participants[a] for a in subjects}, other: how})
            for other, how in ((o, mention.participants[o]) for o in others)]


def _each_visit(facts: SentenceFacts, mention: EventMention) -> list[EventMention]:
    visited = [m for m in facts.after(mention.end, reach=40) if m.kind == "state"]
    hosts = _group(facts, visited, 0) if visited and visited[0].actor_id in mention.hosts else []
    if len(hosts) < 2 or HOSTED_BY.search(facts.text):
        return [mention]
    guests = {a: how for a, how in mention.participants.items() if a not in hosts}
    return [replace(mention, hosts=[host], participants={**guests, host: "host"}) for host in hosts]


def meeting_type(action: str, participants: dict[str, str], sentences_text: str, kinds: dict[str, str]) -> str:
    """visit, phone_call and conference as named; talks are bilateral between two sides, else multilateral (as
    are a council's or assembly's own meetings). `kinds`: each participant's actor type."""
    if action in ("visit", "phone_call", "conference"):
        return action
    if GATHERING.search(sentences_text) and not TWO_SIDES.search(sentences_text):
        return "conference"
    sides = [a for a, how in participants.items() if how != "host"]
    rest = TWO_SIDES.sub(" ", sentences_text)
    if len(sides) <= 2 and rest != sentences_text and not MANY.search(rest):
        return "bilateral_talks"  # 'talks of the two countries’ joint commission', and no word of more sides
    many = len(sides) > 2 or MANY.search(sentences_text) or (sides and all(kinds.get(a) == "intergovernmental_org"
                                                                            for a in sides))
    return "multilateral_talks" if many else "bilateral_talks"

"""Meetings (visits, calls, talks, conferences) and diplomatic steps (recalls, expulsions, barred returns,
cancelled engagements, restored ties, returning ambassadors), with status from tense and date."""
from __future__ import annotations

import re

from newsevents.authoring.draft.context import EventMention, SentenceFacts

MEETINGS = [  # (meeting type, pattern); "talks" becomes bilateral, multilateral or a conference when merged
    ("visit", r"\b(?<!was )(?<!is )visit(?:s|ed|ing)?\b|\btrip to\b|\btravel(?:led|ed|s)? to\b"),
    ("phone_call", r"\b(?:tele)?phone (?:call|conversation|talks?)\b|\btelephone conversation\b|"
                   r"\bcall between\b|\bspoke (?:by|over the|on the) (?:tele)?phone\b|\bphoned\b"),
    ("conference", r"\bsummit\b|\bconference\b"),
    ("talks", r"\btalks\b|\bnegotiations\b|\bmeeting\b|\bmet\b|\bmeets\b|\bgathering\b|\bround of\b"),
]
ATTENDANCE = re.compile(r"\b(?:attend(?:ed|s|ing)?|participat(?:e|ed|es|ing)|join(?:ed|s)?|skip(?:ped)?|"
                        r"boycott(?:ed)?|st(?:ay|ayed|ays) away)\b")
DECLINED = re.compile(r"\b(?:decided not to|declined|did not|refused to|would not|will not|skip(?:ped)?|"
                      r"boycott(?:ed)?|st(?:ay|ayed|ays) away)\b")
STEPS = [  # (event type, action, pattern with a named verb group)
    ("diplomatic_downgrade", "recall", r"\b(?P<verb>recall(?:ed|s|ing)?) (?:its |their |his |her |the )?"
                                       r"(?:ambassadors?|envoys?|diplomats?)\b"),
    ("diplomatic_downgrade", "expel", r"\b(?P<verb>expel(?:led|s|ling)?) (?:[\w’']+\s+){0,3}"
                                      r"(?:ambassadors?|envoys?|diplomats?)\b"),
    ("diplomatic_downgrade", "bar_return", r"\b(?P<verb>barred|bars?|barring|not allowed|refused to allow|"
                                           r"blocked) (?:[\w’',]+\s+){0,8}?(?:from returning|to return)\b"),
    ("diplomatic_downgrade", "cancel", r"\b(?P<verb>cancel(?:l?ed|l?ing|s)?|suspend(?:ed|ing|s)?|"
                                       r"halt(?:ed|ing|s)?) (?:all |its |their )?(?:[\w\-]+\s+){0,4}?"
                                       r"(?:engagements|visits?|talks|meetings|trade|flights|contacts)\b"),
    ("diplomatic_downgrade", "cut_ties", r"\b(?P<verb>downgrad\w*|sever\w*|cut|broke off|break off) "
                                         r"(?:its |their )?(?:diplomatic )?(?:ties|relations)\b"),
    ("diplomatic_restoration", "restore", r"\b(?P<verb>restor\w*|normali[sz]\w*|resum\w*|re-?establish\w*) "
                                          r"(?:\w+\s+){0,2}?(?:diplomatic )?(?:ties|relations)\b"),
    ("diplomatic_restoration", "return_posts", r"\b(?:ambassadors?|envoys?)\b[^.;]{0,60}?\b(?P<verb>return"
                                               r"(?:ed|ing|s)?) to (?:[\w’]+\s+){0,2}posts?\b|"
                                               r"\b(?P<verb2>resume[ds]?) (?:his |her |their |its )?duties\b"),
]
LEVELS = [("head_of_state", r"\b(?:president|prime minister|king|emir|head of state)s?\b"),
          ("minister", r"\b(?:foreign )?ministers?\b"),
          ("special_envoy", r"\bspecial (?:envoy|representative)s?\b|\benvoys?\b"),
          ("ambassador", r"\bambassadors?\b"),
          ("official", r"\bofficials?\b|\bdelegates?\b|\bdelegation\b")]
TARGETED = ("recall", "expel", "bar_return", "cut_ties", "restore")
MUTUAL = re.compile(r"\b(?:both|each other|respective|mutually|their)\b")
INVITATION = re.compile(r"\binvitation of\b")
HOSTED_BY = re.compile(r"\b(?:organi[sz]ed|hosted|convened) by\b")
MEETING_PATTERNS = [(kind, re.compile(pattern, re.IGNORECASE if kind == "talks" else 0))
                    for kind, pattern in MEETINGS]
STEP_PATTERNS = [(kind, action, re.compile(pattern, re.IGNORECASE)) for kind, action, pattern in STEPS]


def _levels(facts: SentenceFacts) -> list[str]:
    text = facts.sentence.text.lower()
    return [level for level, pattern in LEVELS if re.search(pattern, text)]


def _state_actors(facts: SentenceFacts, states: set[str]) -> list[str]:
    """States named in the sentence, leaving out possessives ('Chad’s neighbours' are not Chad)."""
    text = facts.sentence.text
    return list(dict.fromkeys(m.actor_id for m in facts.actors if m.actor_id in states
                              and not re.match(r"[’']s\b", text[facts.sentence.local(m.end):])))


def _meeting(facts: SentenceFacts, kind: str, match: re.Match, states: set[str]) -> EventMention:
    text = facts.sentence.text
    start, end = facts.sentence.start + match.start(), facts.sentence.start + match.end()
    mention = EventMention("meeting", kind, facts, start, end, meeting_type=kind)
    head = text[:match.start()]
    mention.planned = facts.future_before(start) or bool(re.search(r"\bnext\b(?:\s+[\w’']+){0,4}\s*$", head))
    subject = facts.subject(start)
    objects = [m.actor_id for m in facts.objects(end, limit=60)]
    participation = "expected" if mention.planned else "attended"
    if kind == "visit":
        if subject:
            mention.participants[subject] = participation
        mention.initiators = [subject] if subject else []
        visited = [a for a in objects if a != subject][:1]
        mention.hosts = visited
    elif kind == "phone_call":
        between = [a for a in objects if a in states] or _state_actors(facts, states)
        for actor in ([subject] if subject else []) + between:
            mention.participants.setdefault(actor, "attended")
    else:
        hosted = HOSTED_BY.search(text)
        if hosted:
            by = facts.objects(facts.sentence.start + hosted.end(), limit=40)
            mention.hosts = [by[0].actor_id] if by else []
        listed = [a for a in _state_actors(facts, states) if a not in mention.hosts]
        if subject and subject not in listed and subject not in mention.hosts:
            listed.insert(0, subject)
        if not mention.planned:
            for actor in listed:
                mention.participants.setdefault(actor, participation)
    invitation = INVITATION.search(text)
    if invitation:
        inviter = facts.objects(facts.sentence.start + invitation.end(), limit=60)
        if inviter:
            mention.hosts = [inviter[0].actor_id] + [h for h in mention.hosts if h != inviter[0].actor_id]
    for host in mention.hosts:
        mention.participants[host] = "host"
    mention.places = facts.places_after(end)
    mention.level_words = _levels(facts)
    return mention


def _attendance(facts: SentenceFacts, match: re.Match) -> EventMention:
    """'X attended' / 'X was invited but decided not to attend': participation to add to a meeting."""
    start, end = facts.sentence.start + match.start(), facts.sentence.start + match.end()
    mention = EventMention("meeting", "attendance", facts, start, end, merge_only=True)
    head = facts.sentence.text[:match.start()]
    declined = DECLINED.search(" ".join(head.split()[-4:]) + " " + match.group())
    subjects = [m.actor_id for m in facts.actors if m.end <= start]
    invited = re.search(r"\binvited\b", head)
    if subjects:
        mention.participants[subjects[0] if invited else subjects[-1]] = "invited_declined" if declined else "attended"
    return mention


def _step(facts: SentenceFacts, kind: str, action: str, match: re.Match) -> EventMention:
    start, end = facts.sentence.start + match.start(), facts.sentence.start + match.end()
    verb = "verb" if match.group("verb") is not None else "verb2"
    verb_start = facts.sentence.start + match.start(verb)
    mention = EventMention(kind, action, facts, start, end)
    mention.planned = facts.future_before(verb_start, words=3)
    subject = facts.subject(start) or facts.subject(verb_start)
    mention.initiators = [subject] if subject else []
    mention.mutual = bool(MUTUAL.search(facts.sentence.text[max(0, match.start() - 40):match.end()]))
    if action in TARGETED and not mention.mutual:
        after = facts.sentence.start + match.end(verb)
        cut = facts.sentence.text.find(",", facts.sentence.local(after))
        reach = 60 if cut < 0 else min(60, cut - facts.sentence.local(after))
        mention.targets = [m.actor_id for m in facts.objects(after, limit=reach)
                           if m.actor_id not in mention.initiators][:1]
    return mention


def find_diplomacy(facts: SentenceFacts, states: set[str]) -> list[EventMention]:
    text, found, taken = facts.sentence.text, [], []

    def free(match: re.Match) -> bool:
        if any(s < match.end() and match.start() < e for s, e in taken):
            return False
        taken.append((match.start(), match.end()))
        return True

    for kind, action, pattern in STEP_PATTERNS:
        found += [_step(facts, kind, action, m) for m in pattern.finditer(text) if free(m)]
    for kind, pattern in MEETING_PATTERNS:
        found += [_meeting(facts, kind, m, states) for m in pattern.finditer(text) if free(m)]
    found += [_attendance(facts, m) for m in ATTENDANCE.finditer(text) if free(m)]
    return sorted(found, key=lambda m: m.start)

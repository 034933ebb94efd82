"""Strikes, attacks, clashes and explosions, with their initiator and target read from the clause that reports
them (never from a neighbouring sentence about another event).

Conventions: a strike from the air, by missile, drone or rocket is an air strike; shelling, ground attacks and
fighting are armed clashes; bombs and blasts are explosions. A definite mention ('the strike', 'the attack')
refers to an event named before; 'exchanged strikes' adds evidence to the strikes it names together, while an
exchange of fire is a clash of its own.
"""
from __future__ import annotations

import re

from newsevents.authoring.draft.facts import SentenceFacts
from newsevents.authoring.draft.mentions import EventMention

TRIGGERS = [  # (event type, pattern); the first pattern that covers a stretch of text wins
    ("armed_clash", r"\bexchanges? of (?:gun|artillery )?fire\b|\bexchanged (?:gun|artillery )?fire\b"),
    ("air_strike", r"\b(?:air|missile|drone|rocket|aerial|precision|retaliatory)[ -]?(?:and (?:drone|missile) )?"
                   r"(?:strikes?|attacks?|raids?|bombardments?|fire)\b|\bairstrikes?\b|\bair raids?\b"),
    ("air_strike", r"\bstrikes?\b(?! (?:action|pay|workers))"),
    ("armed_clash", r"\bshell(?:ing|ed|s)\b|\bartillery (?:fire|shelling|barrage)\b|\bclash(?:es|ed)?\b|"
                    r"\bfighting\b|\bgun ?battles?\b|\bfirefights?\b|\bshoot-?outs?\b|\bambush(?:ed)?\b|\boffensive\b|"
                    r"\bshot down\b|"
                    # 'security forces fought armed groups' (not 'has fought rebels since 2015', a war)
                    r"(?<!has )(?<!have )(?<!had )\bfought (?:(?:with|against) )?(?:armed (?:groups?|men)|rebels|"
                    r"militants|insurgents|gunmen|troops|soldiers|police|security forces|fighters|jihadists|"
                    r"attackers)\b|"
                    r"\b(?:was|were|had been|has been) brought down\b|"
                    # 'a man drove a lorry into crowds': a vehicle driven into people
                    r"\b(?:drove|driven|ploughed|plowed|rammed|smashed) (?:a |an |his |her |their |the )?"
                    r"(?:[\w\-]+ ){0,2}(?:lorry|truck|van|car|vehicle|bus)s? (?:into|through) (?:a |the )?"
                    r"(?:crowds?|pedestrians|people|shoppers|worshippers|protesters|demonstrators)\b"),
    ("explosion", r"\bexplosions?\b|\bblasts?\b|\bbombings?\b|\bcar bombs?\b|\blandmines?\b|\bexploded\b|"
                  r"\b[Ss]uicide bombers?\b(?: (?:had |have |has |then )?(?:struck|detonated|attacked|targeted|"
                  r"rammed|killed)\b)?|\b(?:bomb|device|explosives?|grenade)s? (?:had )?(?:went|goes|go) off\b|"
                  r"\b(?:roadside|truck|suicide|pipe|nail|parcel|letter|motorcycle|bicycle) "
                  r"bombs?\b|\bimprovised explosive devices?\b|\bIEDs?\b|\bblew (?:himself|herself|themselves) up\b|"
                  r"\b(?:blew|blown) up\b|"
                  r"\bdetonated\b|"
                  r"\bset off (?:a |an )?(?:bomb|explosives?|explosive device)\b"),
    ("armed_clash", r"\b(?:took|seized|taken|seizing|taking) (?:full )?control of\b|\b(?:captured|retook|recaptured|"
                    r"overran|stormed|broke through|broke the siege)\b"),
    ("air_strike", r"\b(?:drone|missile|rocket)s? (?:was|were|had been|has been) (?:launched|fired)(?= by)"),
    ("air_strike", r"\b(?:fired|launched) (?:a |an |\w+ )?(?:(?:[A-Z][a-z]+|ballistic|cruise|anti-ship) ){0,2}"
                   r"(?:missiles?|rockets?|drones?)\b"),
    ("air_strike", r"\b(?:drones?|missiles?|rockets?)(?= (?:had |have |has )?(?:hit|struck|slammed into|"
                   r"landed (?:on|in|near)|crashed into|fell on))"),
    ("armed_clash", r"\b(?i:shells|mortars?|mortar (?:rounds|shells|bombs)|artillery (?:rounds|shells))"
                    r"(?= (?:had |have |has )?(?:hit|struck|slammed into|landed (?:on|in|near)|crashed into|fell on))"),
    ("armed_clash", r"\b(?:military|security|army|ground|counter-?terrorism|counter-?insurgency|large-scale|major|"
                    r"biggest|largest) (?:[a-z\-]+ )?operations?\b"),
    # 'helicopters and jets attacked two posts': an attack from the air
    ("air_strike", r"\b(?:(?:helicopter|jet|warplane|drone|bomber)s?|aircraft)(?: and (?:(?:helicopter|jet|warplane|"
                   r"drone|bomber)s?|aircraft))? (?:had |have |has |then )?attacked\b"),
    ("armed_clash", r"\battacks?\b(?! (?:drones?|helicopters?|aircraft|jets?|boats?|submarines?|dogs?)\b)|"
                    r"\battacked\b|\bassaults?\b|\braid(?:s|ed)?\b|\bopened fire\b|\bgunned down\b"),
    # 'Gunmen killed 11 villagers', 'Militants attacked a post'
    ("armed_clash", r"\b(?:[Gg]unm[ae]n|[Aa]ttackers|[Aa]ssailants|[Bb]andits|[Ii]nsurgents|[Mm]ilitants|[Jj]ihadists|"
                    r"[Aa]rmed men)(?= (?:had |have |has |also |then )?(?:killed|shot|abducted|kidnapped|attacked))"),
    # 'Security forces killed 14 militants', 'Troops shot dead two smugglers'
    ("armed_clash", r"\b(?:[Ff]orces|[Tt]roops|[Pp]olice)(?= (?:had |have |has |also )?"
                    r"(?:killed|shot dead|shot and killed)(?! (?:himself|herself|themselves)))"),
    ("air_strike", r"\b(?:struck|bombed|pounded)\b"),
]
PATTERNS = [(kind, re.compile(pattern)) for kind, pattern in TRIGGERS]
# 'the Danish air strikes', 'Sunday’s bombings', and a part of an act named before: 'including a strike on'
DEFINITE = re.compile(r"\b(?i:the|this|those|these|its|their|his|her|both|[a-z]+day[’']s)"
                      r"(?: [a-z\-]+| [A-Z][a-z]+){0,2} $|\b(?:including|among them) (?:a|an|the)(?: [a-z\-]+)? $")
INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Aa]nother)(?: [a-z\-]+){0,2} $")
MUTUAL = re.compile(r"\b(?:exchang\w+|tit-for-tat|each other|both (?:sides|countries))\b")
SELF_CLAIM = re.compile(r"\bsaid (?:it|they) ")
PASSIVE = re.compile(r"\b(?:had been|has been|have been|was|were|being|is|are) $")
DEFINITE_PASSIVE = re.compile(r"\b(?:the|its|their) (?:[\w\-]+ ){0,2}(?:plane|airliner|jet|aircraft|helicopter|"
                              r"drone|bomber)s? (?:had been|has been|have been|was|were) $", re.I)
BY_AFTER = re.compile(r"^ (?:carried out |launched |conducted )?by ")
TARGET_WORDS = re.compile(r"^(?: [a-z]+){0,4}? (?:on|against|targeting|targeted|at|hit|struck|killed|killing)$")
VERB_ONLY = ("struck", "bombed", "pounded", "attacked", "ambushed", "clashed", "shelled", "exploded", "shot down",
             "control of", "captured", "retook", "recaptured", "overran", "stormed", "through", "siege")
BLAMED_FOR = re.compile(r"\b(?:blamed|blames|accused|accuses|held) (?P<who>[^,;]{1,60}?) (?:for|of)"
                        r"(?: [a-z\-]+){0,3} $")
BLAMED_ON = re.compile(r"^ (?:that |which )?(?P<who>[^,;]{1,40}?) (?:has |had )?blamed on (?P<whom>[^,;.]{1,40})")
BLAMED_AFTER = re.compile(r"^[^,;]{0,40}? (?:and|,) (?:blamed|accused) (?P<whom>[^,;.]{1,40})")
MEDIA_WORDS = {"Agency", "News", "Press", "Times", "Television", "TV", "Radio", "Media", "Broadcasting", "Post",
               "Herald", "Tribune", "Gazette"}
EARLIER = re.compile(r"\b(?:in (?:retaliation|response) (?:for|to)|after|following|since|before)(?: [a-z\-]+){0,3} $")
NOT_VIOLENT = re.compile(r"\b(?:hunger|labou?r|general|trade|cyber|heart|panic|verbal|[Ss]econdary)\s+$|"
                         r"\bwar crimes?\b")
# an act said not to have happened, or a call to stop one: 'carried out no strikes', 'denied any attack', 'to keep
# fighting away from towns'
# a weapon named as what an act was done with: 'confronted the troops with gunfire and roadside bombs'
INSTRUMENT = re.compile(r"\bwith (?:a |an |the )?(?:[a-z\-]+ ){0,3}(?:and )?$")
WEAPON = re.compile(r"(?i:bombs?$|explosive devices?|IEDs?|mortars?|rockets?|missiles?|shells|drones?|landmines?)$")
COUNTED = re.compile(r"(?i:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|"
                     r"dozens?|hundreds?|several|many|some)) $")
DENIED = re.compile(r"\b(?:no|any|never)(?: [a-z\-]+)? $|"
                    r"\b(?:not|never)(?: [a-z]+)? (?:a|an|any)(?: [a-z\-]+){0,2} $|"
                    r"\b(?:keep|stop|end|halt|avoid|cease) $|"
                    r"\bright to (?:carry out |launch |conduct )?$")  # 'had no right to carry out strikes'
# a speaker's word for an act named before: 'condemned what he called a horrific terrorist attack'
NAMED_AS = re.compile(r"\b(?:what|which) (?:he|she|they|it|[A-Z][\w\-]+) (?:called|described as|termed) (?:a|an)"
                      r"(?: [a-z\-]+){0,3} $")
# an act named as the support of another, not one of its own: 'troops, backed by air strikes, retook the town'
SUPPORT = re.compile(r"\b(?:backed|supported|aided|helped|covered) by(?: [A-Z][\w.\-]*| [a-z\-]+){0,3} $|"
                     r"\b(?:with the (?:help|support|backing) of|under (?:the )?cover of)(?: [A-Z][\w.\-]*| [a-z\-]+)"
                     r"{0,3} $")
# an act put as a condition or a supposition: 'if the plane was shot down', 'unless its fighters came under attack'
SUPPOSED = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether)\b")
# an act a modal puts as what may come: 'the war could spill into a direct clash', 'might trigger fresh fighting'
MAY_COME = re.compile(r"\b(?:could|might|may)(?: not)?(?: [a-z]+){1,2} (?:into |to |in )?(?:a |an |fresh |new |more )?"
                      r"(?:[a-z\-]+ )?$")
# 'struck', 'bombed' told of attackers on the ground is a ground attack: 'gunmen bombed and then stormed a
# mosque', 'attackers armed with guns struck a police post'
GROUND = re.compile(r"\b(?:[Gg]unm[ae]n|[Aa]ttackers|[Aa]ssailants|[Mm]ilitants|[Ii]nsurgents|[Jj]ihadists|"
                    r"[Aa]rmed men|[Bb]andits|[Rr]ebels|[Ss]uicide bombers|[Ss]hooters?|[Gg]unman)\b")
AIRBORNE = re.compile(r"\b(?:aircraft|jets?|warplanes?|planes?|drones?|helicopters?|missiles?|rockets?|air force|"
                      r"bombers?(?<!suicide bombers)(?<!suicide bomber))\b", re.IGNORECASE)
# 'the coalition fighting in Yemen', 'believed to be fighting with the group', 'countries fighting the group': a side
# told by what it does, not a clash
FIGHTING_SIDE = re.compile(r"(?:\b(?:coalition|forces|troops|groups?|militants|fighters|countries|states|rebels|army|"
                           r"militias?|alliance|units?) |\bbe )$")
FROM_THE_AIR = re.compile(r"\b(?:jets|warplanes|aircraft|planes|helicopters|drones|helicopter gunships)"
                          r"(?: (?:had|have|has))? (?:carried out|launched|conducted|staged|mounted)"
                          r"(?: (?:a|an|the))?(?: [a-z\-]+){0,2} $")
# fighting that goes on is the fighting named before: 'but fighting continued in the east'
GOES_ON = re.compile(r"^(?: [a-z]+)? (?:continued|continues|persisted|persists|raged on|went on|goes on|carried on)\b")
STRIKE_CONTEXT = re.compile(r"(?:\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|his|her|new|fresh|deadly|latest|retaliatory|"
                            r"precision|[Tt]hese|[Tt]hose|two|three|[A-Z][a-z]+(?:’s|'s|n|i|ish|ese))(?: [a-z\-]+)? $)|"
                            r"^strikes? (?:on|against|in|by|at|near)\b")


def _initiator(facts: SentenceFacts, mention: EventMention, word: str) -> None:
    """The subject, a possessive or adjective right before the noun ('Israel’s strike', 'an Iranian drone
    attack'), or 'by X' after it. Reported by someone: 'X said it struck' makes X the initiator and the one who
    claims it; 'X said Y struck' makes Y blamed, by X."""
    text, start, end = facts.text, mention.start, mention.end
    clause_start, _ = facts.clause(start)
    before = [m for m in facts.actors if clause_start <= m.start and m.end <= start]
    own = before[-1] if before else None
    gap = text[own.end:start] if own else ""
    initiator = None
    if own and (re.fullmatch(r"[’']s(?: [a-z\-]+){0,2} ", gap) or
                (own.kind == "adjective" and re.fullmatch(r"(?:-[a-z]+)?(?: (?!(?:in|a|an|the|on|at|of|for|by|with|to)"
                                                          r"\b)[a-z\-]+){0,2} ", gap)) or
                (own.kind == "adjective" and word in VERB_ONLY and re.fullmatch(r"(?: [\w\-]+){1,3} ", gap))):
        # 'Israel’s strike', 'an Iranian drone attack', 'Danish F-16 fighter jets struck'
        initiator = own.actor_id
    elif BY_AFTER.match(text[end:]):
        by = facts.after(end, reach=40)
        initiator = by[0].actor_id if by else None
    elif SELF_CLAIM.search(text[clause_start:start]):
        initiator = facts.speaker_at(start)
    else:
        subject = None if PASSIVE.search(text[:start]) else facts.subject(start)  # 'X had been struck': X is hit
        if subject is not None and (word in VERB_ONLY or re.search(
                r"\b(?:carried out|launched|conducted|staged|fired|mounted|began|pressed)(?: [a-z\-]+){0,4} $",
                text[subject.end:start])):
            initiator = subject.actor_id
    speaker = facts.speaker_at(start)
    if initiator is None:
        return
    if speaker == initiator or SELF_CLAIM.search(text[clause_start:start]):
        mention.initiators, mention.claimants = [initiator], [speaker] if speaker else []
    elif speaker:
        mention.blamed, mention.claimants = [initiator], [speaker]
    else:
        mention.initiators = [initiator]


def _targets(facts: SentenceFacts, mention: EventMention) -> None:
    """Actors after 'on', 'against', 'targeting' … in the clause; claimed targets when someone says so."""
    found = []
    for actor in facts.after(mention.end, reach=90):
        gap = facts.text[mention.end:actor.start].rstrip()
        if TARGET_WORDS.match(gap) and actor.kind not in ("capital", "adjective", "source") and \
                actor.actor_id not in mention.initiators + mention.blamed and not _no_target(facts.text, actor):
            found.append(actor.actor_id)
    speaker = facts.speaker_at(mention.start)
    if found and (mention.claimants or speaker):
        mention.claimants = mention.claimants or [speaker]
        mention.claimed_targets = found[:2]
    else:
        mention.targets = found[:2]


def _no_target(text: str, actor) -> bool:
    """A news outlet ('the state news agency', 'state television') or a region named as a place ('Kanem
    province') is where or by whom a strike is told, not its target."""
    words = set(actor.surface.split())
    return bool(words & MEDIA_WORDS) or re.match(r"(?: [a-z]+)? (?:news agency|agency|television|media|province|"
                                                 r"region|district|state|governorate)\b", text[actor.end:]) is not None


def _blame(facts: SentenceFacts, mention: EventMention) -> None:
    """'X blamed Y for that attack', 'an attack X blamed on Y': Y blamed, by X."""
    text = facts.text
    before = BLAMED_FOR.search(text[:mention.start])
    after = BLAMED_ON.match(text[mention.end:])
    if before:
        claimants = [m.actor_id for m in facts.actors if m.end <= before.start()]
        blamed = [m.actor_id for m in facts.actors if before.start("who") <= m.start < before.end("who")]
    elif after:
        offset = mention.end
        claimants = [m.actor_id for m in facts.actors if offset + after.start("who") <= m.start < offset +
                     after.end("who")]
        blamed = [m.actor_id for m in facts.actors if offset + after.start("whom") <= m.start < offset +
                  after.end("whom")]
    elif BLAMED_AFTER.match(text[mention.end:]):
        found = BLAMED_AFTER.match(text[mention.end:])
        subject = facts.subject(max(0, text.rfind(" ", 0, mention.start)))
        claimants = [subject.actor_id] if subject else []
        blamed = [m.actor_id for m in facts.actors if mention.end + found.start("whom") <= m.start < mention.end +
                  found.end("whom")]
    else:
        return
    if blamed:
        mention.blamed, mention.claimants = blamed[:1], claimants[-2:]


def find_violence(facts: SentenceFacts) -> list[EventMention]:
    text, found, taken = facts.text, [], []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken) or NOT_VIOLENT.search(
                    text[:match.start()]) or NOT_VIOLENT.match(text[match.start():match.end() + 7]) or \
                    DENIED.search(text[:match.start()]) or (INSTRUMENT.search(text[:match.start()]) and
                                                             WEAPON.search(match.group())):
                continue
            if re.fullmatch(r"(?:re)?captured", match.group()) and \
                    re.search(r"\b(?:been|was|were) $", text[:match.start()]):
                continue  # 'inmates had since been recaptured': people taken, not ground
            clause_start, _ = facts.clause(match.start())
            on_ground = kind == "air_strike" and match.group() in ("struck", "bombed", "pounded") and \
                GROUND.search(text[clause_start:match.start()]) is not None and \
                not AIRBORNE.search(text[:match.start()])
            if match.group() == "fighting" and FIGHTING_SIDE.search(text[:match.start()]):
                continue
            if SUPPORT.search(text[:match.start()]) or SUPPOSED.search(text[clause_start:match.start()]) or \
                    MAY_COME.search(text[clause_start:match.start()]):
                continue
            if match.group().lower().startswith("suicide bomber") and re.search(r"\bby(?: [a-z\d]+)? $",
                                                                                text[:match.start()]):
                continue  # 'set off by two suicide bombers': who did an act named by its own words
            if match.group().lower() in ("forces", "troops", "police") and COUNTED.search(text[:match.start()]):
                continue  # '20 troops killed in a clash': the troops are its victims
            if match.group() in ("strike", "strikes") and not (STRIKE_CONTEXT.search(text[:match.start()])
                                                             or STRIKE_CONTEXT.match(text[match.start():])):
                continue
            taken.append(match.span())
            word = match.group().lower().split()[-1]
            # 'jets had carried out a chemical attack on the town'
            aerial = word.startswith("attack") and FROM_THE_AIR.search(text[:match.start()]) is not None
            mention = EventMention("air_strike" if aerial else "armed_clash" if on_ground else kind, "violence", facts,
                                   *match.span())
            mention.mutual = bool(MUTUAL.search(text[max(0, match.start() - 30):match.end() + 20])) and \
                not match.group().endswith("fire")  # an exchange of fire is a clash of its own
            definite = bool(DEFINITE.search(text[:match.start()])) and not re.match(r"(?:fired|launched) ",
                                                                                     match.group())
            mention.cited = not definite and bool(EARLIER.search(text[:match.start()])) and not mention.mutual
            mention.reference = (definite or mention.cited) and not mention.mutual
            _initiator(facts, mention, match.group().lower())
            if re.search(r"(?:launched|fired)$", match.group()):
                mention.reference = True  # 'the drone had been launched by X': who is behind an event named before
            if mention.type == "armed_clash" and word.startswith("attack") and not mention.initiators:
                mention.reference = True  # 'the attack', 'an attack': which kind it is is told where it is named
                # 'a car-ramming attack in the city wounded seven': news of its own when nothing came before
                mention.cited = mention.cited or (not definite and bool(INDEFINITE.search(text[:match.start()])))
            if kind == "armed_clash" and GOES_ON.match(text[match.end():]):
                mention.reference, mention.cited = True, False
            if re.search(r"\b(?:down|brought down)$", match.group()) and DEFINITE_PASSIVE.search(text[:match.start()]):
                mention.reference = True  # 'the plane had been shot down': the downing named before
            if NAMED_AS.search(text[:match.start()]):
                mention.reference, mention.cited = True, False
            if not mention.mutual:
                _targets(facts, mention)
                _blame(facts, mention)
            mention.places = facts.places_after(mention.end)
            found.append(mention)
    return sorted(found, key=lambda m: m.start)

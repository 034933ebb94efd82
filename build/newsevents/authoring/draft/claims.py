"""Casualty claims in the many ways outlets word them: "N were killed and M others injured, the ministry said",
"the attack left N dead, among them M children", "three of its soldiers had died", "killing at least N, state
television reported", "resulted in the deaths of N", numbers in words or digits. The claimant is whoever the
sentence attributes the number to (none: the outlet's own voice). A number under a qualifier without a
documented rule ('about 20') is not drafted.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from newsevents.authoring.draft.attribution import attribution_at
from newsevents.authoring.draft.facts import SentenceFacts
from newsevents.authoring.draft.mentions import ClaimMention
from newsevents.resolve.counts import TENS, UNITS, qualifier_rules, vague_rules

# one victim named in an aside ('including two children and a soldier', 'among them an American aid worker')
SINGULAR = {"soldier": "soldiers", "policeman": "soldiers", "police officer": "soldiers", "officer": "soldiers",
            "civilian": "civilians", "child": "children", "boy": "children", "girl": "children", "woman": "women",
            "man": "people", "person": "people", "citizen": "people", "fighter": "militants", "gunman": "militants",
            "militant": "militants", "attacker": "militants", "guest": "civilians", "pilot": "soldiers",
            "marine": "soldiers", "sailor": "soldiers", "airman": "soldiers", "cadet": "soldiers",
            "crew member": "people", "passenger": "civilians", "national": "people"}
GROUPS = {  # victim wording → victim_group vocabulary value
    "people": "people", "persons": "people", "victims": "people", "others": "people",
    "civilians": "civilians", "residents": "civilians", "villagers": "civilians",
    "tourists": "civilians", "worshippers": "civilians", "patients": "civilians", "passengers": "civilians",
    "children": "children", "minors": "children", "boys": "children", "girls": "children",
    "women": "women", "soldiers": "soldiers", "troops": "soldiers",
    "police officers": "soldiers", "policemen": "soldiers", "officers": "soldiers", "peacekeepers": "soldiers",
    "security personnel": "soldiers", "guards": "soldiers", "militants": "militants", "fighters": "militants",
    "insurgents": "militants", "gunmen": "militants", "rebels": "militants", "attackers": "militants",
    "citizens": "people", "employees": "civilians", "workers": "civilians", "staff": "civilians",
    "students": "civilians", "pupils": "civilians", "journalists": "civilians", "pilgrims": "civilians",
    "shoppers": "civilians", "protesters": "civilians", "demonstrators": "civilians", "farmers": "civilians",
    "fishermen": "civilians", "miners": "civilians", "refugees": "civilians", "migrants": "civilians",
    "herders": "civilians", "traders": "civilians", "nationals": "people", "men": "people",
    "members": "people", "service members": "soldiers", "servicemen": "soldiers", "personnel": "soldiers",
    "airmen": "soldiers", "sailors": "soldiers", "marines": "soldiers", "conscripts": "soldiers",
    "recruits": "soldiers", "suspects": "militants", "assailants": "militants", "combatants": "militants",
    "members of staff": "civilians", "staff members": "civilians", "guests": "civilians",
    "bandits": "militants", "criminals": "militants",
    "cadets": "soldiers", "pilots": "soldiers", "crew": "people", "crew members": "people", "hostages": "civilians",
    "nurses": "civilians", "medics": "civilians", "paramedics": "civilians", "aid workers": "civilians",
    "youths": "people", "teenagers": "people", "adults": "people", "monks": "civilians", "priests": "civilians",
    "members of the security forces": "soldiers", "members of the armed forces": "soldiers",
    "members of the police": "soldiers", "members of the military": "soldiers", "members of the army": "soldiers",
    **SINGULAR,
}
# a people named by its demonym ('ten Ghanaians', 'two Israelis', 'Chinese'): people
DEMONYM = r"(?-i:[A-Z][a-z]+(?:ans|is|ese))"
VERBS = {"hospital": "injured", "taken to": "injured", "treated": "injured", "being treated": "injured",
         "admitted": "injured", "taken": "injured", "took": "injured", "taking": "injured",
         "still being treated": "injured", "shot and wounded": "injured", "shot": "killed",
         "kill": "killed", "dead": "killed", "died": "killed", "death": "killed", "the death": "killed",
         "bodies": "killed", "number of people killed": "killed",
         "number of those killed": "killed", "number of those wounded": "injured",
         "number of those injured": "injured", "number of dead": "killed", "toll": "killed",
         "wound": "injured", "injur": "injured", "hurt": "injured", "number of people wounded": "injured",
         "number of people injured": "injured", "number of wounded": "injured", "number of injured": "injured",
         "lives": "killed", "lost": "killed", "fatalities": "killed", "hacked": "killed", "stabbed": "killed",
         "beaten": "killed", "burned": "killed", "bludgeoned": "killed"}
# people named by what they do, in words the list above lacks ('spectators', 'bystanders', 'commuters')
PEOPLE_NOUN = r"(?-i:[a-z]{3,}(?:ers|ors|ists|ants|ents|ians|ees))"
# 'said that 142 students, three police officers and two soldiers had been killed': one claim per group listed
# 'nine Italians, seven Japanese and an Indian were among the dead'
LIST_PASSIVE = re.compile(r"(?:^|\bthat |, )(?P<list>[^.;:]{5,160}?) (?:had been|have been|were|are)(?: among the)? "
                          r"(?P<verb>killed|wounded|injured|dead)\b")
SINGLE_DEMONYM = r"(?-i:[A-Z][a-z]+(?:an|i|ese))"  # 'an Indian', 'an American'
# a toll told place by place: '41 people had died at the mosque, seven at the centre and one later in hospital'
PLACE_BY_PLACE = r"(?: [^,;]{{0,60}}?)?(?:,| and|, and) {count} (?=(?:at|in|on|later|inside|near|outside)\b)"
# 'killing 13 service members and at least 170 Afghans', 'the deaths of four police officers and two civilians'
ACTIVE_LIST = re.compile(r"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured|the deaths of) "
                         r"(?P<list>(?:[^.;]|(?<=\b[A-Z])\.){5,160})")
LEFT_LIST = re.compile(r"\b(?:left|leaving) (?P<list>[^.;]{5,160}?) (?P<verb>dead|killed|wounded|injured)\b")
# one person: 'a soldier', 'an American aid worker', 'a volunteer fighter'
_SINGULAR = "|".join(sorted(map(re.escape, SINGULAR), key=len, reverse=True))
ONE = rf"(?P<count>an?|one) (?:U\.S\. |(?-i:[A-Z][a-z]+) |(?-i:[a-z]+) )?(?:aid |(?-i:[a-z]+) )?" \
      rf"(?P<groups>{_SINGULAR}|(?!commander|leader|founder|(?:major|minor|senior|junior|former)\b)" \
      rf"(?-i:[a-z]{{3,}}(?:er|or|ist|ant|ent|ian|ee))|{SINGLE_DEMONYM}(?! [a-z]))"  # 'and a Pakistani'
AND_ONE = re.compile(rf",?(?: and)? {ONE}\b(?! (?:was|is|had|has)\b)")
# words a count may open with; those without a rule in schemas/counts.yaml keep their claim out of the draft
APPROXIMATE = ("about", "around", "nearly", "almost", "roughly", "approximately", "some", "up to", "an estimated",
               "as many as")
# a toll parted by an apposition right after its verb: 'three people had been killed, two Indians and a Thai'
APPOSED = re.compile(r"\b(?:killed|dead|died|wounded|injured|hurt), $")


def _count(root: Path) -> str:
    words = UNITS + list(TENS) + [f"{t}-{u}" for t in TENS for u in UNITS[1:10]] + list(vague_rules(root))
    number = r"(?:\d[\d,]*|" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
    qualifiers = "|".join(map(re.escape, qualifier_rules(root)))
    unruled = "|".join(map(re.escape, (w for w in APPROXIMATE if w not in qualifier_rules(root))))
    return rf"(?:(?P<unruled>{unruled}) )?(?P<count>(?:(?:{qualifiers}) )?{number})"


@cache
def _patterns(root: Path) -> list[tuple[str, re.Pattern]]:
    count = _count(root)
    group_words = "|".join(sorted(map(re.escape, GROUPS), key=len, reverse=True))
    modifier = r"(?:suspected|armed|innocent|unarmed|local|foreign|security|other|more|their own|U\.S\.|" \
               r"(?-i:(?:[A-Z][a-z]+ )?[A-Z][a-z]+(?:i|n|ese|ish|ch)))"
    nouns = rf"(?:{group_words}|{DEMONYM}|{PEOPLE_NOUN})"
    groups = rf"(?P<groups>(?:{modifier} )?{nouns}(?:,? (?:and|including) (?:{modifier} )?{nouns})?)"
    verb = r"(?P<verb>kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)?|hurt|shot dead|shot and (?:killed|" \
           r"wounded))"
    # 'lightly hurt', 'seriously wounded'; 'hacked or shot to death'
    tail = r"(?:(?:shot|found|confirmed|reported) )?(?:(?:lightly|slightly|seriously|critically|severely|badly|" \
           r"moderately) )?(?P<verb>killed|wounded|injured|dead|died|hurt|lost their lives" \
           r"|(?:(?:hacked|stabbed|beaten|shot|burned|bludgeoned) (?:or|and) )?(?:hacked|stabbed|beaten|shot|burned|" \
           r"bludgeoned) to death" \
           r"|hospitali[sz]ed|taken to (?:a |the )?hospitals?|(?:still )?(?:being )?treated (?:in (?:a |the )?" \
           r"hospitals?|for (?:[a-z]+ ){0,2}(?:wounds|injuries|burns))|admitted to (?:[\w\-]+ ){0,2}hospitals?)"
    return [
        # 'killing all 224 people on board': the count is the number
        ("active", re.compile(rf"\b{verb} (?:all )?{count}(?: of)?(?: {groups})?(?P<more> more| others)?\b", re.I)),
        ("deaths", re.compile(rf"\b(?P<verb>taken|took|taking) {count}(?: {groups})? to (?:[\w\-]+ ){{0,2}}"
                              rf"hospitals?\b", re.I)),  # 'it had taken 59 people to eight hospitals'
        ("deaths", re.compile(rf"\brevised the (?P<verb>(?:death )?toll|number of (?:people |those )?(?:killed|dead|"
                              rf"wounded|injured))(?: [^,.;]{{1,60}}?)? (?:down|up) to {count}\b", re.I)),
        ("deaths", re.compile(rf"\b(?:gave|given|giving) (?:a|the|its|their) (?:[a-z]+er )?(?P<verb>(?:death )?toll) "
                              rf"(?:of|at) {count}\b", re.I)),  # 'had given a toll of 235'
        ("passive", re.compile(rf"\b{count} of those (?P<verb>taken to hospital|hospitali[sz]ed|injured|wounded|"
                               rf"killed) (?:were|was)\b", re.I)),  # 'Twelve of those taken to hospital were children'

        ("passive", re.compile(rf"\b{count}(?:(?: of)? [\"“]?{groups}[\"”]?| more| others)?(?: (?:were|was|have been|"
                               rf"had been|are|being|reportedly|also|had|have|were also|were reported))? {tail}\b",
                               re.I)),  # '26 "armed criminals" had been killed'
        ("passive", re.compile(rf"\b{count} of (?:its|their|our|his|her|the) {groups}(?: [^,.;]{{1,50}}?)? (?:were|was|"
                               rf"have been|had been|had|have) {tail}\b", re.I)),
        ("left", re.compile(rf"\b(?:left|leaving) {count}(?: {groups})? {tail}\b", re.I)),
        ("deaths", re.compile(rf"\b(?P<verb>the deaths? of|death toll (?:rose |climbed |stood )?(?:to|at)) {count}"
                              rf"(?: {groups})?\b", re.I)),
        ("deaths", re.compile(rf"\b{count} (?P<verb>deaths)\b", re.I)),
        ("passive", re.compile(rf"\b{count} of (?:them|those|whom)(?: [^,.;]{{1,30}}?)? (?:were|was|have been|"
                               rf"had been) {tail}\b", re.I)),
        ("passive", re.compile(rf"\b{count} (?:of (?:its|their|our)(?: own)? )?{groups}(?:, [^,.;]{{1,80}},)? "
                               rf"(?:were|are) among the {tail}\b", re.I)),
        ("passive", re.compile(rf"\b{count} of the (?P<verb>dead|killed|wounded|injured) (?:were|was|had been|"
                               rf"have been)\b", re.I)),
        ("deaths", re.compile(rf"\b{count} (?P<verb>bodies) (?:had |have )?(?:been |were |was )?(?:buried|found|"
                              rf"recovered|retrieved|pulled out|brought|taken|identified)\b", re.I)),
        ("deaths", re.compile(rf"\b(?:taking|bringing|raising|pushing) the (?P<verb>(?:death )?toll|number of "
                              rf"(?:people |those )?(?:killed|dead|wounded|injured)) to {count}(?: {groups})?\b",
                              re.I)),
        ("deaths", re.compile(rf"\b(?:recovered|found|retrieved|pulled out|received) (?:the )?(?P<verb>bodies) of "
                              rf"{count}(?: {groups})?\b", re.I)),
        ("deaths", re.compile(rf"\b(?:the )?(?P<verb>(?:death )?toll|number of (?:people )?(?:killed|dead|wounded|"
                              rf"injured))(?: [^,.;]{{1,60}}?)? (?:has |had |have )?(?:risen|rose|climbed|jumped|"
                              rf"increased|revised(?: [^,.;]{{1,60}}?)? (?:down|up)) to {count}"
                              rf"(?: {groups})?\b", re.I)),
        ("deaths", re.compile(rf"\b(?:claimed|cost) the (?P<verb>lives) of {count}(?: {groups})?\b", re.I)),
        ("deaths", re.compile(rf"\b(?:recovered|found|retrieved|pulled out|received) {count} (?P<verb>bodies)\b",
                              re.I)),
        ("deaths", re.compile(rf"\bput (?:the|its|their) (?P<verb>(?:death )?toll|number of (?:people |those )?"
                              rf"(?:killed|dead|wounded|injured)) at {count}(?: {groups})?\b", re.I)),
        ("deaths", re.compile(rf"\b{count} (?P<verb>fatalities)\b", re.I)),
        ("deaths", re.compile(rf"\b(?:the )?(?P<verb>(?:death )?toll|number of (?:people )?(?:killed|dead|wounded|"
                              rf"injured))(?: [^,.;]{{1,60}}?)? (?:has |had |have )?(?:reached|stood at|stands at|hit)"
                              rf" {count}(?: {groups})?\b", re.I)),
        ("passive", re.compile(rf"\b{count} {groups}, [^,.;]{{1,80}}, (?:were|have been|had been) {tail}\b", re.I)),
        ("passive", re.compile(rf"\b{count} {groups} (?:were|are) among (?:those|the people) {tail}\b", re.I)),
        ("passive", re.compile(rf"\bthe (?P<verb>dead|killed|wounded|injured) (?:included|include) {count} {groups}\b",
                               re.I)),
        ("including", re.compile(rf"\b(?:including|among them|of them|of whom) {count}(?: {groups})\b", re.I)),
        ("including", re.compile(rf"\b{count} of (?:them|whom) {groups}\b", re.I)),
        ("including", re.compile(rf"(?:(?<=killed, )|(?<=dead, )|(?<=died, )|(?<=wounded, )|(?<=injured, )){count} "
                                 rf"{groups}(?=,| and\b)", re.I)),  # 'killed, two Indians and a Thai,'
        ("including", re.compile(rf"\b{count} of (?:them|whom) (?:seriously|critically|severely|badly|in (?:a )?"
                                 rf"(?:critical|serious) condition|in intensive care)\b", re.I)),
        ("including", re.compile(rf"\b(?:including|among them|among whom) {ONE}\b", re.I)),
        ("active", re.compile(rf"\b{verb} {ONE}\b", re.I)),  # 'killed a U.S. civilian contractor'
        # 'killed two planners and wounded a third'
        ("active", re.compile(rf"\b{verb} (?P<count>a) (?:third|fourth|fifth|sixth)\b(?! of)", re.I)),
        ("passive", re.compile(rf"\b{ONE} (?:was|has been|had been) {tail}\b", re.I)),  # 'a gunman was shot dead'
        ("passive", re.compile(rf"\b{ONE} (?:had |has )?(?P<verb>died)\b", re.I)),  # 'a marine had died'
    ]


def _group(text: str | None) -> str:
    if not text:
        return "unknown"
    found, rest = set(), text.lower()
    for word in sorted(GROUPS, key=len, reverse=True):  # the longest wording first: 'service members'
        if re.search(rf"\b{re.escape(word)}\b", rest):
            found.add(GROUPS[word])
            rest = re.sub(rf"\b{re.escape(word)}\b", " ", rest)
    if not found and re.search(rf"\b(?:{DEMONYM}|{SINGLE_DEMONYM})$", text):
        found = {"people"}
    return found.pop() if len(found) == 1 else ("mixed" if found else "unknown")


def _outcome(verb: str) -> str:
    verb = " ".join(verb.lower().split()).removeprefix("the ").removeprefix("death ")
    return next(value for stem, value in VERBS.items() if verb.startswith(stem))


@cache
def _item(root: Path) -> re.Pattern:
    group_words = "|".join(sorted(map(re.escape, GROUPS), key=len, reverse=True))
    return re.compile(rf"\b(?:{_count(root)}|(?P<one>an?))(?: of (?:its|their|our)(?: own)?)? (?P<groups>(?:U\.S\. |"
                      rf"(?-i:[A-Z][a-z]+) )?(?:[a-z]+ )?(?:{group_words}|{DEMONYM}|{SINGLE_DEMONYM})"
                      rf"(?: and (?:{group_words}))?)\b", re.I)


@cache
def _place_by_place(root: Path) -> re.Pattern:
    return re.compile(PLACE_BY_PLACE.format(count=_count(root)), re.I)


def _listed(facts: SentenceFacts, root: Path) -> list[tuple[str, re.Match]]:
    """'left 920 militants, 165 soldiers and 47 civilians dead': one claim per group listed."""
    found = []
    for listing in [*LEFT_LIST.finditer(facts.text), *LIST_PASSIVE.finditer(facts.text),
                    *ACTIVE_LIST.finditer(facts.text)]:
        items = list(_item(root).finditer(facts.text, listing.start("list"), listing.end("list")))
        end = listing.end()
        if listing.re is not LIST_PASSIVE:  # 'an Indian' is one of a list before 'were among the dead' only
            items = [item for item in items if not item.group("one")]
        if listing.re is ACTIVE_LIST:  # the items that follow the verb, one after another
            chain = [item for item in items[:1] if item.start() == listing.start("list")]
            for item in items[1:] if chain else []:
                if not re.fullmatch(r",(?: and)? | and ", facts.text[chain[-1].end():item.start()]):
                    break
                chain.append(item)
            items = chain
            end = chain[-1].end() if chain else end
        if listing.re is LIST_PASSIVE and APPOSED.search(facts.text, 0, listing.start("list")):
            continue  # 'three had been killed, two Indians and a Thai, and six injured': the list parts the toll before
        if listing.re is LIST_PASSIVE:  # only a plain list that ends at the verb: 'A, B and C had been killed'
            joined = all(re.fullmatch(r",(?: and)? | and ", facts.text[a.end():b.start()])
                         for a, b in zip(items, items[1:]))
            if not (items and joined and items[-1].end() == listing.end("list")):
                continue
        if len(items) >= 2:
            found += [(f"listed:{_outcome(listing.group('verb'))}:{end}", item) for item in items]
    return found


def _read(facts: SentenceFacts, root: Path) -> list[tuple[str, re.Match]]:
    found = [(form, m) for form, m in _listed(facts, root) if not m.group("unruled")]
    taken = [(form, m.span()) for form, m in found]
    for form, pattern in _patterns(root):
        for match in pattern.finditer(facts.text):
            count = match.group("count")
            # an aside may stand inside a toll's own words: 'nine civilians, four of them children, were killed'
            if any(s < match.end() and match.start() < e for other, (s, e) in taken
                   if form != "including" or other == "including") or match.groupdict().get("unruled"):
                continue
            if re.fullmatch(r"(?:19|20)\d{2}", count) or re.match(r"^-year", facts.text[match.end("count"):]):
                continue  # a year or an age, not a count
            taken.append((form, match.span()))
            found.append((form, match))
    return sorted(found, key=lambda item: item[1].start())


def _told_place_by_place(claim: ClaimMention, root: Path) -> list[ClaimMention]:
    """'41 people had died at the mosque, seven at the centre and one later in hospital': one claim a place."""
    found, end = [], claim.end
    while more := _place_by_place(root).match(claim.facts.text, end):
        if more.group("unruled"):
            break
        found.append(ClaimMention(claim.outcome, more.group("count"), claim.victim_group, claim.facts,
                                  more.start("count"), more.end("count"), claim.claimant))
        end = more.end("count")
    return found


def _said_by_someone_unnamed(facts: SentenceFacts, position: int) -> bool:
    """The words are someone's ('the official had earlier said that 67 people died'), but the rules cannot
    tell whose: the claim is left to the coder rather than given to the outlet."""
    found = attribution_at(position, facts.attributions)
    return found is not None and found.speaker is None


def find_claims(facts: SentenceFacts, root: Path) -> list[ClaimMention]:
    """Claims in a sentence, in order; sub-groups ('among them two children') point at the claim before them."""
    claims: list[ClaimMention] = []
    read = _read(facts, root)
    unspoken = None  # a claim left out, whose asides go with it
    for form, match in read:
        previous = claims[-1] if claims else None
        if form == "including" and unspoken is not None and (previous is None or previous.start < unspoken):
            continue
        groups = match.groupdict().get("groups")
        printed = match.group("count") or "a"  # an item of a list: 'an Indian'
        if printed.lower() in ("some", "several") and (form == "including" or not groups) or \
                form == "including" and re.search(rf"{DEMONYM}$", groups or ""):
            continue  # 'some of them children', 'some of those killed' count no one; 'among them five Saudis' is a
            # breakdown by country
        count = "one" if printed.lower() in ("a", "an") else printed
        claim = ClaimMention(outcome="", count=count, victim_group=_group(groups), facts=facts,
                             start=match.start(), end=match.end(),
                             claimant=facts.speaker_at(match.start()) or facts.speaker_at(match.start("count")))
        if form == "including":
            if previous is None:
                continue
            main = previous.part_of or previous  # 'including two children and a soldier': both of the 12
            claim.outcome, claim.part_of, claim.claimant = previous.outcome, main, previous.claimant
        elif form.startswith("listed:"):  # one claimant for the whole list: the one of its end
            _, claim.outcome, end = form.split(":")
            claim.claimant = facts.speaker_at(int(end) - 1)
        else:
            claim.outcome = _outcome(match.group("verb"))
            if match.groupdict().get("more"):  # "wounded 19 others"
                claim.victim_group = "people"
        if form != "including" and claim.claimant is None and _said_by_someone_unnamed(facts, match.start()):
            unspoken = match.start()  # 'the group said it had killed 55': not the outlet's own voice
            continue
        claims.append(claim)
        if form in ("active", "passive"):
            claims += _told_place_by_place(claim, root)
        one = AND_ONE.match(facts.text, claim.end) if groups and match.end("groups") == match.end() else None
        if one and not any(m.start() < one.end() and one.start() < m.end() for _, m in read if m is not match):
            claims.append(ClaimMention(claim.outcome, "one", _group(one.group("groups")), facts, one.start(), one.end(),
                                       claim.claimant, claim.part_of))
    return claims

"""A draft scored against the answers, kind by kind.

- events: a drafted event is right when an answer event of the same type rests on an overlapping passage;
- claims: right when outcome, count (low, high) and claimant (by name) agree;
- claims on their event: as claims, and on the drafted event matched to the answer's event;
- dates: a right event's date is right when its range equals the answer's;
- meetings: a right meeting's form (visit, talks, call …) is right when it equals the answer's;
- summaries: a drafted summary must name no actor outside its own record.
Each match is one to one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsevents.authoring.evaluation.gold import GoldEvent, GoldStory, Span, names
from newsevents.core.errors import Collector
from newsevents.core.yamlfile import Where
from newsevents.ingest.articles import Article
from newsevents.resolve.counts import parse_count
from newsevents.resolve.event_dates import resolve_event_dates
from newsevents.resolve.merge import Event
from newsevents.resolve.quotes import occurrences

NOT_FIELDS = ("evidence", "actors", "claims", "meeting", "participants")


@dataclass
class Tally:
    answers: int = 0
    drafted: int = 0
    matched: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.answers += other.answers
        self.drafted += other.drafted
        self.matched += other.matched

    def figures(self) -> dict:
        return {"answers": self.answers, "drafted": self.drafted, "matched": self.matched,
                "precision": round(self.matched / self.drafted, 3) if self.drafted else None,
                "recall": round(self.matched / self.answers, 3) if self.answers else None}


def _overlap(a: list[Span], b: list[Span]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _spans(entry: dict, article: Article) -> list[Span]:
    spans = []
    for item in entry.get("evidence", []):
        quote, occurrence = (item, 1) if isinstance(item, str) else (item["quote"], item["occurrence"])
        found = occurrences(article.text, quote, article.story.start, article.story.end)
        if len(found) >= occurrence:
            spans.append(found[occurrence - 1])
    return spans


def drafted_dates(events: list[dict], article: Article) -> dict:
    """Each drafted event's date as the build's resolver reads its date spec."""
    merged = {e["id"]: Event(e["id"], fields={k: v for k, v in e.items() if k not in NOT_FIELDS},
                             where=Where("draft", e["id"]), article=article) for e in events if "type" in e}
    return resolve_event_dates(merged, Collector())


def _label(kind: str, dates) -> str:
    when = "undated" if dates is None or dates[0] is None else f"{dates[0]}..{dates[1]}"
    return f"{kind} · {when}"


@dataclass
class StoryScore:
    events: Tally
    claims: Tally
    claims_on_event: Tally
    dates: Tally
    meetings: Tally
    outsiders: list[str]


def _match_events(gold: GoldStory, drafted: list[dict], article: Article, dates: dict):
    pairs, used = [], set()
    for entry in drafted:
        spans = _spans(entry, article)
        candidates = [(i, _overlap(spans, g.spans)) for i, g in enumerate(gold.events)
                      if i not in used and g.type == entry.get("type")]
        best = max((c for c in candidates if c[1] > 0), key=lambda c: c[1], default=None)
        if best is not None:
            used.add(best[0])
            pairs.append((entry, gold.events[best[0]]))
    events = Tally(len(gold.events), len(drafted), len(pairs))
    events.missed = [_label(g.type, g.dates) for i, g in enumerate(gold.events) if i not in used]
    matched = {id(e) for e, _ in pairs}
    events.extra = [_label(e.get("type"), _dated(dates.get(e["id"]))) for e in drafted if id(e) not in matched]
    return pairs, events


def _dated(resolved) -> tuple | None:
    return None if resolved is None or resolved.start is None else (resolved.start, resolved.end)


def _score_dates(gold: GoldStory, pairs: list[tuple[dict, GoldEvent]], dates: dict) -> Tally:
    tally = Tally(answers=sum(g.dates is not None for g in gold.events))
    for entry, answer in pairs:
        mine = _dated(dates.get(entry["id"]))
        if mine is None:
            if answer.dates is not None:
                tally.missed.append(f"{entry['type']}: undated, answer {answer.dates[0]}..{answer.dates[1]}")
            continue
        tally.drafted += 1
        if mine == answer.dates:
            tally.matched += 1
        else:
            wanted = "undated" if answer.dates is None else f"{answer.dates[0]}..{answer.dates[1]}"
            tally.extra.append(f"{entry['type']}: {mine[0]}..{mine[1]}, answer {wanted}")
    return tally


def _score_meetings(pairs: list[tuple[dict, GoldEvent]], gold: GoldStory, drafted: list[dict]) -> Tally:
    tally = Tally(answers=sum(g.meeting_type is not None for g in gold.events),
                  drafted=sum("meeting" in e for e in drafted))
    tally.matched = sum(1 for e, g in pairs if "meeting" in e and e["meeting"]["type"] == g.meeting_type)
    return tally


def _score_claims(gold: GoldStory, drafted: list[dict], who, paired: dict[int, int] | None = None) -> Tally:
    """Claims matched one to one; with ``paired`` (drafted event id() → index of its matched answer event), only
    a claim on the event matched to the answer's own event counts, and no claim is listed as missed or extra."""
    answers = [(c, gold.actors.get(c.claimant, frozenset()) if c.claimant else None, g)
               for g, event in enumerate(gold.events) for c in event.claims]
    mine = [(c, who(c.get("claimant")), id(e)) for e in drafted for c in e.get("claims", [])]
    tally, used = Tally(len(answers), len(mine)), set()
    for claim, claimant, event in mine:
        low, high = parse_count(claim["count"], who.root)
        for i, (answer, answer_claimant, answer_event) in enumerate(answers):
            same_claimant = claimant == answer_claimant if claimant is None or answer_claimant is None \
                else bool(claimant & answer_claimant)
            if i not in used and (answer.outcome, answer.low, answer.high) == (claim["outcome"], low, high) \
                    and same_claimant and (paired is None or paired.get(event) == answer_event):
                used.add(i)
                tally.matched += 1
                break
        else:
            if paired is None:
                tally.extra.append(f"{claim.get('claimant') or 'outlet'}: {claim['outcome']} {claim['count']}")
    if paired is None:
        tally.missed = [f"{a.claimant or 'outlet'}: {a.outcome} {a.low}–{a.high}"
                        for i, (a, _, _) in enumerate(answers) if i not in used]
    return tally


def _own_actors(entry: dict) -> set[str]:
    own = {r["actor"] for key in ("actors", "participants") for r in entry.get(key, [])}
    own |= {r.get("represented_by") for r in entry.get("participants", []) if r.get("represented_by")}
    own |= {c["claimant"] for c in entry.get("claims", []) if c.get("claimant")}
    if entry.get("meeting", {}).get("host"):
        own.add(entry["meeting"]["host"])
    return own


def outsiders(drafted: list[dict], known: dict[str, frozenset[str]], places: dict[str, str]) -> list[str]:
    """'event: name' for every actor a summary names that is not one of its record's actors (the record's own
    place named as a place is no actor)."""
    found = []
    for entry in drafted:
        text = " ".join(entry.get("summary", "").replace("’", "'").lower().split())
        own = _own_actors(entry)
        own_names = {n for a in own for n in known.get(a, ())} | names(places.get(entry.get("place")))
        for own_name in sorted(own_names, key=len, reverse=True):
            text = re.sub(rf"\b{re.escape(own_name)}\b", " ", text)
        for actor_id, actor_names in known.items():
            if actor_id not in own and any(re.search(rf"\b{re.escape(n)}\b", text) for n in actor_names if n):
                found.append(f"{entry['id']}: {actor_id}")
    return found


def score_story(gold: GoldStory, drafted, article: Article, known: dict[str, frozenset[str]], places: dict[str, str],
                root) -> StoryScore:
    """`known`: every actor the drafter knew (registry and its proposals), by id, with its names; `places`: every
    place it knew, by id, with its name."""
    events = drafted.coding["events"]
    dates = drafted_dates(events, article)
    pairs, event_tally = _match_events(gold, events, article, dates)

    def who(actor_id):
        return None if actor_id is None else known.get(actor_id, names(actor_id.replace("-", " ")))
    who.root = root
    paired = {id(entry): next(i for i, g in enumerate(gold.events) if g is answer) for entry, answer in pairs}
    return StoryScore(event_tally, _score_claims(gold, events, who), _score_claims(gold, events, who, paired),
                      _score_dates(gold, pairs, dates),
                      _score_meetings(pairs, gold, events), outsiders(events, known, places))

"""The answers a draft is scored against: gold files of the evaluation set, and the curated seed coding.

Both become the same shape: events with their type, date, evidence spans in the capture, claims and meeting,
and the actors they name with every name the story uses for them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import quote_limit
from newsevents.ingest.articles import Article, load_articles
from newsevents.ingest.coding_files import read_coding_files
from newsevents.ingest.registries import load_registries
from newsevents.resolve.counts import parse_count
from newsevents.resolve.event_dates import resolve_event_dates
from newsevents.resolve.merge import merge_coding
from newsevents.resolve.quotes import occurrences

Span = tuple[int, int]


def names(*values: str | None) -> frozenset[str]:
    """Names as compared across drafts and answers: case, apostrophes, spaces and a leading 'the' set aside."""
    found = set()
    for value in values:
        if value:
            text = " ".join(value.replace("’", "'").lower().split())
            found.add(text.removeprefix("the "))
    return frozenset(found)


@dataclass(frozen=True)
class GoldClaim:
    claimant: str | None
    outcome: str
    low: int
    high: int | None


@dataclass(frozen=True)
class GoldEvent:
    type: str
    status: str
    dates: tuple[date, date] | None
    spans: list[Span]
    claims: list[GoldClaim]
    meeting_type: str | None = None


@dataclass
class GoldStory:
    """One story's answers, and what `make add` would be given for it (headline or date the page lacks)."""

    name: str
    half: str
    capture: Path
    outlet: str
    events: list[GoldEvent]
    actors: dict[str, frozenset[str]]  # actor id → its names
    supplied_headline: str | None = None
    supplied_date: date | None = None
    page: dict | None = None  # headline, byline, published date and truncation as the page prints them
    article: Article | None = None  # the seed stories' own articles, as the build reads them
    unlocated: list[str] = field(default_factory=list)  # evidence quotes not found in the capture
    hidden: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # registry ids a draft may not see


def spans_of(quotes: list[str], text: str, start: int, end: int, unlocated: list[str]) -> list[Span]:
    spans = []
    for quote in quotes:
        found = occurrences(text, quote, start, end)
        if found:
            spans.append(found[0])
        else:
            unlocated.append(quote)
    return spans


def _count(claim: dict, root: Path) -> tuple[int, int | None]:
    """The answer's count by the project's own rule for its wording (schemas/counts.yaml), else as written."""
    try:
        return parse_count(claim["count_text"], root)
    except ValueError:
        return claim["low"], claim["high"]


def _event(entry: dict, text: str, story: GoldStory, root: Path) -> GoldEvent:
    when = entry.get("date")
    claims = [GoldClaim(c["claimant"], c["outcome"], *_count(c, root)) for c in entry.get("claims", [])]
    meeting = entry.get("meeting")
    return GoldEvent(entry["type"], entry["status"], (when["start"], when["end"]) if when else None,
                     spans_of(entry["evidence"], text, 0, len(text), story.unlocated), claims,
                     meeting["type"] if meeting else None)


def load_gold_set(folder: Path, half: str, capture_text, root: Path) -> list[GoldStory]:
    """Every <name>.gold.yaml in the folder; `capture_text(path)` gives the text drafts are made from."""
    stories = []
    for path in sorted(folder.glob("*.gold.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        capture = folder / gold["capture"]
        supply = gold.get("supply") or {}
        story = GoldStory(name=path.name.removesuffix(".gold.yaml"), half=half, capture=capture,
                          outlet=gold["outlet"] or "Unnamed outlet", events=[],
                          actors={a["id"]: names(a["name"], *a.get("aliases", [])) for a in gold["actors"]},
                          supplied_headline=supply.get("headline"), supplied_date=supply.get("published_date"),
                          page=gold.get("page"))
        text = capture_text(capture)
        story.events = [_event(entry, text, story, root) for entry in gold["events"]]
        stories.append(story)
    return stories


def _refers_to(document, merged) -> tuple[set[str], set[str]]:
    """The actor and place ids one story's coding file refers to."""
    actors, places = set(), set()
    for entry in document.data["events"]:
        event = merged.events[entry["id"]]
        places |= {event.fields["place"]} if event.fields.get("place") else set()
        actors |= {event.meeting["host"]} if event.meeting and event.meeting.get("host") else set()
        for key in ("actors", "participants"):
            actors |= {v for r in entry.get(key, []) for v in (r["actor"], r.get("claimed_by"), r.get("represented_by"))
                       if v}
        actors |= {merged.claims[c["id"]].fields.get("claimant") for c in entry.get("claims", [])} - {None}
    return actors, places


def seed_gold(project: Project) -> list[GoldStory]:
    """The curated coding of the project's own stories as answers (read by the build's own reader); each hides
    the registry entries no other story's coding refers to, as a new story would not find them."""
    problems = Collector()
    articles = load_articles(project, problems)
    registries = load_registries(project, problems)
    files = read_coding_files(project, articles, problems)
    merged = merge_coding(files, quote_limit(project.root), problems)
    problems.raise_if_any()
    resolved = resolve_event_dates(merged.events, Collector())
    actors = {actor_id: names(a["name"], *a["aliases"]) for actor_id, a in registries.actors.items()}
    stories = []
    for article, document in files.documents:
        events = []
        for entry in document.data["events"]:
            event = merged.events[entry["id"]]
            mine = [e for e in event.evidence if e.article_id == article.article_id]
            date = resolved.get(entry["id"])
            claims = [GoldClaim(c.fields.get("claimant"), c.fields["outcome"], *parse_count(c.fields["count"],
                                                                                             project.root))
                      for c in merged.claims.values() if c.event_id == entry["id"] and c.fields
                      and any(e.article_id == article.article_id for e in c.evidence)]
            events.append(GoldEvent(event.fields["type"], event.fields["status"],
                                    (date.start, date.end) if date and date.start else None,
                                    [(e.char_start, e.char_end) for e in mine], claims,
                                    event.meeting["type"] if event.meeting else None))
        stories.append(GoldStory(name=article.article_id, half="seed", capture=project.root / article.capture_file,
                                 outlet=article.outlet, events=events, actors=actors, article=article))
    refers = [_refers_to(document, merged) for _, document in files.documents]
    for i, story in enumerate(stories):
        others = [r for j, r in enumerate(refers) if j != i]
        story.hidden = (frozenset(refers[i][0] - set().union(*(o[0] for o in others))),
                        frozenset(refers[i][1] - set().union(*(o[1] for o in others))))
    return stories

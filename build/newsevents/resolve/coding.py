"""Story coding files → merged records: evidence located, references checked, one record per real event.

Each story's file lists the events it reports. The first file (in article order) that gives an event's
fields defines it; every other story that reports the same event lists it by id with its own evidence.
Claims, actor roles and meeting participants merge the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.yamlfile import (
    Document,
    Where,
    check_structure,
    coding_schema,
    read_yaml,
)
from newsevents.ingest.captures import Article
from newsevents.resolve.quotes import QuoteError, locate


@dataclass(frozen=True)
class Evidence:
    article_id: str
    quote: str
    char_start: int
    char_end: int


@dataclass
class Claim:
    claim_id: str
    event_id: str
    first_seen: Where
    fields: dict | None = None
    where: Where | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Event:
    event_id: str
    fields: dict | None = None
    where: Where | None = None
    article: Article | None = None
    evidence: list[Evidence] = field(default_factory=list)
    roles: dict[tuple[str, str], dict] = field(default_factory=dict)
    participants: dict[str, dict] = field(default_factory=dict)
    meeting: dict | None = None
    reported_by: set[str] = field(default_factory=set)
    first_seen: Where | None = None


@dataclass
class Coding:
    events: dict[str, Event]
    claims: dict[str, Claim]
    drafts: list[str]


def _quote_parts(item) -> tuple[str, int | None]:
    return (item, None) if isinstance(item, str) else (item["quote"], item["occurrence"])


def _locate_all(items, article: Article, where: Where, problems: Collector) -> list[Evidence]:
    found = []
    for item in items:
        quote, occurrence = _quote_parts(item)
        try:
            start, end = locate(quote, article.text, article.story.start, article.story.end, occurrence)
        except QuoteError as error:
            problems.add(where.file, str(error), error.fix, line=where.line, record=where.record)
            continue
        found.append(Evidence(article.article_id, quote, start, end))
    return found


def _merge_fields(target: dict, new: dict, keys: tuple[str, ...], where: Where, problems: Collector) -> None:
    for key in keys:
        if new.get(key) is None:
            continue
        if target.get(key) is None:
            target[key] = new[key]
        elif target[key] != new[key]:
            problems.add(where.file, f"'{key}' is '{new[key]}' here but '{target[key]}' in another story's coding",
                         "a role or participant is one record: give the value once, or make them agree",
                         line=where.line, record=where.record)


class _Reader:
    def __init__(self, project: Project, articles: dict[str, Article], problems: Collector):
        self.project, self.articles, self.problems = project, articles, problems
        self.events: dict[str, Event] = {}
        self.claims: dict[str, Claim] = {}
        self.rejected = False  # a definition was refused, so a reference to it may be no mistake

    def read(self, document: Document, article: Article) -> None:
        for e, entry in enumerate(document.data["events"]):
            where = Where(document.path, entry["id"], document, ("events", e))
            event = self.events.setdefault(entry["id"], Event(entry["id"]))
            event.reported_by.add(article.article_id)
            event.first_seen = event.first_seen or where
            if "type" in entry:
                if event.fields is not None:
                    self.problems.add(where.file, f"event '{entry['id']}' is already defined in {event.where.file}"
                                      f":{event.where.line}", "keep one definition; in other stories list the "
                                      "event by id with its evidence only", line=where.line, record=where.record)
                    self.rejected = True
                    continue  # the refused definition adds nothing, so its parts raise no further problems
                event.fields = {k: v for k, v in entry.items() if k not in ("evidence", "actors", "claims",
                                                                            "meeting", "participants")}
                event.where, event.article = where, article
                event.meeting = entry.get("meeting")
            elif "meeting" in entry:
                self.problems.add(where.file, "meeting details given in an entry that does not define the event",
                                  "move them to the defining entry", line=where.line, record=where.record)
            event.evidence += _locate_all(entry["evidence"], article, where, self.problems)
            for r, role in enumerate(entry.get("actors", [])):
                role_where = Where(document.path, entry["id"], document, ("events", e, "actors", r))
                record = event.roles.setdefault((role["actor"], role["role"]), {"evidence": [], "where": role_where})
                _merge_fields(record, role, ("claimed_by", "note"), role_where, self.problems)
                record["evidence"] += _locate_all(role["evidence"], article, role_where, self.problems)
            for p, participant in enumerate(entry.get("participants", [])):
                p_where = Where(document.path, entry["id"], document, ("events", e, "participants", p))
                record = event.participants.setdefault(participant["actor"], {"evidence": [], "where": p_where})
                _merge_fields(record, participant, ("participation", "represented_by", "note"), p_where,
                              self.problems)
                record["evidence"] += _locate_all(participant["evidence"], article, p_where, self.problems)
            for c, claim_entry in enumerate(entry.get("claims", [])):
                self._claim(claim_entry, entry["id"], article,
                            Where(document.path, claim_entry["id"], document, ("events", e, "claims", c)))

    def _claim(self, entry: dict, event_id: str, article: Article, where: Where) -> None:
        claim = self.claims.setdefault(entry["id"], Claim(entry["id"], event_id, where))
        if "outcome" in entry and claim.fields is not None:
            self.problems.add(where.file, f"claim '{entry['id']}' is already defined in {claim.where.file}:"
                              f"{claim.where.line}", "keep one definition; elsewhere give the id and evidence",
                              line=where.line, record=where.record)
            self.rejected = True
            return
        if claim.event_id != event_id:
            self.problems.add(where.file, f"claim '{entry['id']}' is listed under event '{event_id}' but belongs "
                              f"to '{claim.event_id}'", "list it under the event it was defined with",
                              line=where.line, record=where.record)
        if "outcome" in entry:
            claim.fields = {k: v for k, v in entry.items() if k != "evidence"}
            claim.where = where
        claim.evidence += _locate_all(entry["evidence"], article, where, self.problems)


def load_coding(project: Project, articles: list[Article], problems: Collector) -> Coding:
    """Read every story coding file, in article order, and merge them."""
    by_id = {a.article_id: a for a in articles}
    reader = _Reader(project, by_id, problems)
    files = {path.stem: path for path in sorted(project.stories_coding.glob("*.yaml"))}
    drafts, unread = [], False
    for stem, path in files.items():
        if stem not in by_id:
            problems.add(project.rel(path), f"no story '{stem}' in the capture manifest",
                         "name the file after an article_id of data/raw/manifest.yaml")
    for article in articles:
        path = files.get(article.article_id)
        if path is None:
            continue
        document = read_yaml(path, project.rel(path), problems)
        if document is None or not check_structure(document, coding_schema(project.root, "story"), problems):
            unread = True
            continue
        if document.data["article_id"] != article.article_id:
            problems.add(document.path, f"article_id '{document.data['article_id']}' does not match the file name",
                         f"set article_id: {article.article_id}", line=document.line("article_id"))
            unread = True
            continue
        if document.data["review"] != "reviewed":
            problems.add(document.path, "this coding file is a machine draft and has not been reviewed",
                         "check every record against the story, then set `review: reviewed`",
                         line=document.line("review"))
            drafts.append(document.path)
            continue
        reader.read(document, article)
    if unread or drafts or reader.rejected:
        # what the unread files or refused definitions define is unknown: an undefined reference may be none
        return Coding(events=reader.events, claims=reader.claims, drafts=drafts)
    for event in reader.events.values():
        if event.fields is None:
            seen = event.first_seen
            problems.add(seen.file, f"event '{event.event_id}' is referenced but never defined",
                         "define it (type, cameo, plover, summary, status, salience, date) in one story's file, "
                         "or fix the id", line=seen.line, record=event.event_id)
    for claim in reader.claims.values():
        if claim.fields is None:
            seen = claim.first_seen
            problems.add(seen.file, f"claim '{claim.claim_id}' is referenced but never defined",
                         "define it (claimant, outcome, victim_group, count) once, or fix the id",
                         line=seen.line, record=claim.claim_id)
    return Coding(events=reader.events, claims=reader.claims, drafts=drafts)

"""Story coding entries → one merged entry per real event and claim, every quote located in its story.

Each story's file lists the events it reports. The first file (in article order) that gives an event's
fields defines it; every other story that reports the same event lists it by id with its own evidence.
Claims, actor roles and meeting participants merge the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from newsevents.core.errors import Collector, Problem
from newsevents.core.yamlfile import Document, Where
from newsevents.ingest.articles import Article
from newsevents.ingest.coding_files import CodingFiles
from newsevents.resolve.evidence_rules import Located, evidence_slips
from newsevents.resolve.quotes import QuoteError, locate
from newsevents.resolve.records import Evidence


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
    first_seen: Where | None = None


@dataclass
class Merged:
    events: dict[str, Event]
    claims: dict[str, Claim]


# a coding file's evidence lists located in its story: record path → (evidence, problems), see locate_quotes
LocatedQuotes = dict[tuple, tuple[list[Evidence], list[Problem]]]


def _quote_parts(item) -> tuple[str, int | None]:
    return (item, None) if isinstance(item, str) else (item["quote"], item["occurrence"])


@dataclass(frozen=True)
class QuoteRules:
    """The quote column's bounds (schemas/fields.yaml): the longest quote, and the shortest (None: no minimum)."""
    longest: int
    shortest: int | None = None


def _locate_all(items, article: Article, where: Where, rules: QuoteRules, problems: Collector) -> list[Evidence]:
    """Each quote of one evidence list located in the story; the list held to the evidence rules, each slip
    reported at the line of its item."""
    found = []
    for index, item in enumerate(items):
        quote, occurrence = _quote_parts(item)
        try:
            start, end = locate(quote, article.text, article.story.start, article.story.end, occurrence,
                                limit=rules.longest)
        except QuoteError as error:
            problems.add(where.file, str(error), error.fix, line=where.line, record=where.record)
            continue
        found.append(Located(index, article.text[start:end], start, end))
    for slip in evidence_slips(found, article.text, rules.shortest) if rules.shortest else []:
        item = Where(where.file, where.record, where.document, (*where.path, "evidence", slip.index))
        problems.add(where.file, slip.message, slip.fix, line=item.line, record=where.record)
    return [Evidence(article.article_id, q.quote, q.start, q.end) for q in found]


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


def _evidence_lists(document: Document) -> list[tuple[Where, list]]:
    """(where, items) of each evidence list of a coding file, at the record paths merging reads them."""
    lists = []
    for e, entry in enumerate(document.data["events"]):
        lists.append((Where(document.path, entry["id"], document, ("events", e)), entry["evidence"]))
        for kind in ("actors", "participants", "claims"):
            for i, item in enumerate(entry.get(kind, [])):
                record = item["id"] if kind == "claims" else entry["id"]
                lists.append((Where(document.path, record, document, ("events", e, kind, i)), item["evidence"]))
    return lists


def locate_quotes(document: Document, article: Article, rules: QuoteRules) -> LocatedQuotes:
    """Every evidence list of one reviewed coding file located in its story, with the problems of each: the
    part of merging that needs only the story (done per story, resolve/story_stage.py)."""
    found = {}
    for where, items in _evidence_lists(document):
        problems = Collector()
        found[where.path] = (_locate_all(items, article, where, rules, problems), problems.problems)
    return found


class _Merger:
    def __init__(self, rules: QuoteRules, problems: Collector, located: dict[str, LocatedQuotes] | None = None):
        self.rules, self.problems, self.located = rules, problems, located
        self.events: dict[str, Event] = {}
        self.claims: dict[str, Claim] = {}
        self.rejected = False  # a definition was refused, so a reference to it may be no mistake

    def read(self, document: Document, article: Article) -> None:
        for e, entry in enumerate(document.data["events"]):
            where = Where(document.path, entry["id"], document, ("events", e))
            event = self.events.setdefault(entry["id"], Event(entry["id"]))
            event.first_seen = event.first_seen or where
            if not self._define(event, entry, where, article):
                continue  # the refused definition adds nothing, so its parts raise no further problems
            event.evidence += self._locate(entry["evidence"], article, where)
            self._roles(event, entry, where, article)
            self._participants(event, entry, where, article)
            for c, claim_entry in enumerate(entry.get("claims", [])):
                self._claim(claim_entry, entry["id"], article,
                            Where(document.path, claim_entry["id"], document, ("events", e, "claims", c)))

    def _locate(self, items, article: Article, where: Where) -> list[Evidence]:
        """The list's quotes located in the story: as located beforehand (per story), else now."""
        if self.located is None:
            return _locate_all(items, article, where, self.rules, self.problems)
        evidence, problems = self.located[where.file][where.path]
        self.problems.problems += problems
        return evidence

    def _define(self, event: Event, entry: dict, where: Where, article: Article) -> bool:
        """Take the entry's definition of the event, if it gives one; False when it is refused."""
        if "type" in entry:
            if event.fields is not None:
                self.problems.add(where.file, f"event '{entry['id']}' is already defined in {event.where.file}"
                                  f":{event.where.line}", "keep one definition; in other stories list the "
                                  "event by id with its evidence only", line=where.line, record=where.record)
                self.rejected = True
                return False
            event.fields = {k: v for k, v in entry.items() if k not in ("evidence", "actors", "claims",
                                                                        "meeting", "participants")}
            event.where, event.article = where, article
            event.meeting = entry.get("meeting")
        elif "meeting" in entry:
            self.problems.add(where.file, "meeting details given in an entry that does not define the event",
                              "move them to the defining entry", line=where.line, record=where.record)
        return True

    def _roles(self, event: Event, entry: dict, where: Where, article: Article) -> None:
        for r, role in enumerate(entry.get("actors", [])):
            role_where = Where(where.file, entry["id"], where.document, (*where.path, "actors", r))
            record = event.roles.setdefault((role["actor"], role["role"]), {"evidence": [], "where": role_where})
            _merge_fields(record, role, ("claimed_by", "note"), role_where, self.problems)
            record["evidence"] += self._locate(role["evidence"], article, role_where)

    def _participants(self, event: Event, entry: dict, where: Where, article: Article) -> None:
        for p, participant in enumerate(entry.get("participants", [])):
            p_where = Where(where.file, entry["id"], where.document, (*where.path, "participants", p))
            record = event.participants.setdefault(participant["actor"], {"evidence": [], "where": p_where})
            _merge_fields(record, participant, ("participation", "represented_by", "note"), p_where, self.problems)
            record["evidence"] += self._locate(participant["evidence"], article, p_where)

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
        claim.evidence += self._locate(entry["evidence"], article, where)


def _undefined(merger: _Merger, problems: Collector) -> None:
    for event in merger.events.values():
        if event.fields is None:
            seen = event.first_seen
            problems.add(seen.file, f"event '{event.event_id}' is referenced but never defined",
                         "define it (type, cameo, plover, summary, status, salience, date) in one story's file, "
                         "or fix the id", line=seen.line, record=event.event_id)
    for claim in merger.claims.values():
        if claim.fields is None:
            seen = claim.first_seen
            problems.add(seen.file, f"claim '{claim.claim_id}' is referenced but never defined",
                         "define it (claimant, outcome, victim_group, count) once, or fix the id",
                         line=seen.line, record=claim.claim_id)


def merge_coding(coding_files: CodingFiles, limit: int, problems: Collector, *, shortest: int | None = None,
                 located: dict[str, LocatedQuotes] | None = None) -> Merged:
    """Merge every reviewed coding file, in article order; a reference to an undefined event or claim is a
    problem only when every file was read and no definition was refused (else it may be defined there).
    ``limit`` and ``shortest``: the longest and shortest quote allowed (schemas/fields.yaml); ``located``:
    each file's quotes as locate_quotes found them (by file), when the per-story stage located them."""
    merger = _Merger(QuoteRules(limit, shortest), problems, located)
    for article, document in coding_files.documents:
        merger.read(document, article)
    if coding_files.complete and not merger.rejected:
        _undefined(merger, problems)
    return Merged(events=merger.events, claims=merger.claims)

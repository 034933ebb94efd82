"""The resolve stage: the ingested inputs settled into typed records (resolve/records.py).

Quotes become offsets, date phrases date ranges, counts numbers; every id a coding file names is checked
against the registries and code lists at the line it is written. Problems are collected, never raised here.
"""
from __future__ import annotations

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import load_tables
from newsevents.ingest.articles import Article
from newsevents.ingest.reference import country, reference_tables
from newsevents.ingest.registries import Registries
from newsevents.resolve.cameo_actors import check_actor_codes
from newsevents.resolve.counts import check_rules, parse_count
from newsevents.resolve.date_phrases import Resolved
from newsevents.resolve.event_dates import resolve_event_dates
from newsevents.resolve.merge import Claim, Event, Merged
from newsevents.resolve.records import (
    ActorRecord,
    ClaimRecord,
    EventRecord,
    MeetingRecord,
    Mention,
    ParticipantRecord,
    PlaceRecord,
    Records,
    RoleRecord,
)
from newsevents.resolve.references import References


def _actors(registries: Registries) -> list[ActorRecord]:
    return [ActorRecord(actor_id, a["name"], a["type"], a.get("country"), a.get("role_title"), a.get("affiliation"),
                        a.get("cameo"), a.get("wikidata"), list(dict.fromkeys(a["aliases"])))
            for actor_id, a in registries.actors.items()]


def _places(registries: Registries) -> list[PlaceRecord]:
    return [PlaceRecord(place_id, p["name"], p["type"], p.get("country"), p.get("lat"), p.get("lon"),
                        p["precision"], p.get("geonames"), p.get("notes"))
            for place_id, p in registries.places.items()]


def _countries(registries: Registries, problems: Collector) -> list[dict]:
    """The ISO 3166-1 rows of every country an actor or place names; an unknown code is a problem."""
    rows = {}
    for entries, lines in ((registries.actors, registries.actor_lines), (registries.places, registries.place_lines)):
        for entry_id, entry in entries.items():
            code = entry.get("country")
            if code and code not in rows:
                found = country(code)
                if found is None:
                    file, line = lines[entry_id].file, lines[entry_id].line
                    problems.add(file, f"'{code}' is not an ISO 3166-1 alpha-3 country code",
                                 "use the three-letter ISO code, e.g. IRN, PAK, AFG", line=line, record=entry_id)
                else:
                    rows[code] = found
    return list(rows.values())


def _roles(event: Event, refs: References) -> list[RoleRecord]:
    roles = []
    for (actor_id, role), record in event.roles.items():
        refs.actor(actor_id, record["where"], "actor")
        refs.actor(record.get("claimed_by"), record["where"], "claimed_by")
        roles.append(RoleRecord(actor_id, role, record.get("claimed_by"), record.get("note"), record["evidence"]))
    return roles


def _participants(event: Event, refs: References, problems: Collector) -> list[ParticipantRecord]:
    participants = []
    for actor_id, record in event.participants.items():
        where = record["where"]
        refs.actor(actor_id, where, "participant")
        refs.actor(record.get("represented_by"), where, "represented_by")
        if record.get("participation") is None:
            problems.add(where.file, f"participant '{actor_id}' has no participation",
                         "give participation (host, attended, invited_declined, invited, expected) once",
                         line=where.line, record=event.event_id)
        participants.append(ParticipantRecord(actor_id, record.get("participation"), record.get("represented_by"),
                                              record.get("note"), record["evidence"]))
    if participants and event.meeting is None:
        problems.add(event.where.file, "participants are given but the event has no meeting details",
                     "add a meeting block (type, level, title) to the event", line=event.where.line,
                     record=event.event_id)
    return participants


def _meeting(event: Event, refs: References) -> MeetingRecord | None:
    if event.meeting is None:
        return None
    m = event.meeting
    refs.actor(m.get("host"), event.where, "host")
    return MeetingRecord(m["type"], m["level"], m.get("host"), m["title"], m.get("outcome"))


def _event(event: Event, date: Resolved, refs: References, problems: Collector) -> EventRecord:
    f, where = event.fields, event.where
    refs.cameo_code(f["cameo"], where)
    refs.place(f.get("place"), where)
    spec = f.get("date") or {}
    notes = f.get("notes")
    if spec.get("source"):
        notes = (notes + " " if notes else "") + f"Date from outside reporting: {spec['source']}."
    return EventRecord(
        event_id=event.event_id, event_type=f["type"], cameo_code=f["cameo"], plover_type=f["plover"],
        summary=f["summary"], date=date, date_expression=spec.get("expression"),
        date_article_id=event.article.article_id if spec.get("expression") else None, status=f["status"],
        place_id=f.get("place"), salience=f["salience"], notes=notes, evidence=event.evidence,
        roles=_roles(event, refs), participants=_participants(event, refs, problems), meeting=_meeting(event, refs),
        where=where)


def _claim(claim: Claim, claims: dict[str, Claim], refs: References, project: Project,
           problems: Collector) -> ClaimRecord:
    f, where = claim.fields, claim.where
    refs.actor(f.get("claimant"), where, "claimant")
    try:
        low, high = parse_count(f["count"], project.root)
    except ValueError as error:
        problems.add(where.file, str(error), "write the number as printed, or add the word's rule to "
                     "schemas/counts.yaml", line=where.line, record=claim.claim_id)
        low, high = None, None
    printed = " ".join(f["count"].split())
    if low is not None and not any(printed in " ".join(e.quote.split()) for e in claim.evidence):
        problems.add(where.file, f"count '{f['count']}' does not appear in the claim's evidence",
                     "count is the number as printed in the quote", line=where.line, record=claim.claim_id)
    part_of = f.get("part_of")
    if part_of and part_of not in claims:
        problems.add(where.file, f"part_of '{part_of}' is not a defined claim", "fix the claim id",
                     line=where.line, record=claim.claim_id)
    return ClaimRecord(claim.claim_id, claim.event_id, f.get("claimant"), f["outcome"], f["victim_group"], low, high,
                       f["count"], part_of, f.get("notes"), claim.evidence, where)


def resolve_records(project: Project, articles: list[Article], registries: Registries, merged: Merged,
                    mentions: list[Mention], problems: Collector) -> Records:
    """Every record the build publishes, from the merged coding (merge.py) and the actor mentions the
    per-story stage found, settled; problems collected with their file and line."""
    reference = reference_tables(project, load_tables(project.root))
    if not check_rules(project, problems):
        problems.raise_if_any()  # the count rules cannot be read, so no claim can be counted
    check_actor_codes(registries, reference, problems)
    refs = References(registries, set(reference["cameo_event_codes"]["code"]), problems)
    dates = resolve_event_dates(merged.events, problems)
    events = [_event(event, dates[event_id], refs, problems) for event_id, event in merged.events.items()
              if event.fields is not None]
    claims = [_claim(claim, merged.claims, refs, project, problems) for claim in merged.claims.values()
              if claim.fields is not None]
    return Records(articles=articles, actors=_actors(registries), places=_places(registries),
                   countries=_countries(registries, problems), mentions=mentions,
                   events=events, claims=claims, reference=reference)


"""Records → the published tables (pandas DataFrames), with every reference checked where it is written."""
from __future__ import annotations

import pandas as pd

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import load_tables
from newsevents.ingest.captures import Article
from newsevents.ingest.reference import cameo_codes, country, plover_types
from newsevents.ingest.registries import Registries
from newsevents.resolve.coding import Coding, Where
from newsevents.resolve.counts import check_rules, parse_count
from newsevents.resolve.event_dates import resolve_event_dates
from newsevents.resolve.mentions import find_mentions


class _Refs:
    """Checks that ids written in coding files exist, reporting at the line they are written."""

    def __init__(self, registries: Registries, coding: Coding, cameo: set[str], plover: set[str],
                 problems: Collector):
        self.registries, self.coding, self.problems = registries, coding, problems
        self.cameo, self.plover = cameo, plover

    def actor(self, actor_id: str | None, where: Where, what: str) -> None:
        if actor_id is not None and actor_id not in self.registries.actors:
            self.problems.add(where.file, f"{what} '{actor_id}' is not in the actor registry",
                              "add the actor to data/coding/actors.yaml, or fix the id",
                              line=where.line, record=where.record)

    def place(self, place_id: str | None, where: Where) -> None:
        if place_id is not None and place_id not in self.registries.places:
            self.problems.add(where.file, f"place '{place_id}' is not in the place registry",
                              "add it to data/coding/places.yaml, or fix the id", line=where.line,
                              record=where.record)

    def codes(self, fields: dict, where: Where) -> None:
        if fields["cameo"] not in self.cameo:
            self.problems.add(where.file, f"'{fields['cameo']}' is not a CAMEO event code",
                              "pick a code from data/reference/cameo_event_codes.tsv (quote it: \"042\")",
                              line=where.line, record=where.record)


def _evidence_rows(keys: dict, evidence) -> list[dict]:
    return [keys | {"article_id": e.article_id, "quote": e.quote, "char_start": e.char_start,
                    "char_end": e.char_end} for e in evidence]


def _frame(name: str, rows: list[dict], project: Project) -> pd.DataFrame:
    table = load_tables(project.root)[name]
    frame = pd.DataFrame(rows, columns=table.columns)
    return frame.sort_values(table.primary_key, kind="stable").reset_index(drop=True)


def _actor_rows(registries: Registries) -> tuple[list[dict], list[dict]]:
    actors, aliases = [], []
    for actor_id, a in registries.actors.items():
        actors.append({"actor_id": actor_id, "name": a["name"], "actor_type": a["type"],
                       "country_iso3": a.get("country"), "role_title": a.get("role_title"),
                       "affiliation_actor_id": a.get("affiliation"), "cameo_actor_code": a.get("cameo"),
                       "wikidata_id": a.get("wikidata")})
        aliases += [{"actor_id": actor_id, "alias": alias} for alias in dict.fromkeys(a["aliases"])]
    return actors, aliases


def _place_rows(registries: Registries) -> list[dict]:
    return [{"place_id": place_id, "name": p["name"], "place_type": p["type"], "country_iso3": p.get("country"),
             "latitude": p.get("lat"), "longitude": p.get("lon"), "geo_precision": p["precision"],
             "geonames_id": p.get("geonames"), "notes": p.get("notes")}
            for place_id, p in registries.places.items()]


def _country_rows(registries: Registries, problems: Collector) -> list[dict]:
    rows = {}
    for kind, entries, lines in (("actor", registries.actors, registries.actor_lines),
                                 ("place", registries.places, registries.place_lines)):
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


def _claim_rows(coding: Coding, refs: _Refs, project: Project, problems: Collector):
    claims, sources = [], []
    for claim_id, claim in coding.claims.items():
        if claim.fields is None:
            continue
        f, where = claim.fields, claim.where
        refs.actor(f.get("claimant"), where, "claimant")
        try:
            low, high = parse_count(f["count"], project.root)
        except ValueError as error:
            problems.add(where.file, str(error), "write the number as printed, or add the word's rule to "
                         "schemas/counts.yaml", line=where.line, record=claim_id)
            low, high = None, None
        if low is not None and not any(f["count"] in e.quote for e in claim.evidence):
            problems.add(where.file, f"count '{f['count']}' does not appear in the claim's evidence",
                         "count is the number as printed in the quote", line=where.line, record=claim_id)
        part_of = f.get("part_of")
        if part_of and part_of not in coding.claims:
            problems.add(where.file, f"part_of '{part_of}' is not a defined claim", "fix the claim id",
                         line=where.line, record=claim_id)
        claims.append({"claim_id": claim_id, "event_id": claim.event_id, "claimant_actor_id": f.get("claimant"),
                       "outcome": f["outcome"], "victim_group": f["victim_group"], "count_low": low,
                       "count_high": high, "count_text": f["count"], "part_of_claim_id": part_of,
                       "notes": f.get("notes")})
        sources += _evidence_rows({"claim_id": claim_id}, claim.evidence)
    return claims, sources


def build_tables(project: Project, articles: list[Article], registries: Registries, coding: Coding,
                 problems: Collector) -> dict[str, pd.DataFrame]:
    """Every published table, sorted by primary key."""
    cameo, plover = cameo_codes(project), plover_types(project)
    check_rules(project, problems)
    refs = _Refs(registries, coding, set(cameo["code"]), set(plover["type"]), problems)
    dates = resolve_event_dates(coding.events, problems)
    rows: dict[str, list[dict]] = {name: [] for name in load_tables(project.root)}
    rows["articles"] = [a.row() for a in articles]
    rows["actors"], rows["actor_aliases"] = _actor_rows(registries)
    rows["places"] = _place_rows(registries)
    rows["countries"] = _country_rows(registries, problems)
    rows["actor_mentions"] = find_mentions(articles, registries.actors)
    for event_id, event in coding.events.items():
        if event.fields is None:
            continue
        f, where, resolved = event.fields, event.where, dates[event_id]
        refs.codes(f, where)
        refs.place(f.get("place"), where)
        spec = f.get("date") or {}
        notes = f.get("notes")
        if spec.get("source"):
            notes = (notes + " " if notes else "") + f"Date from outside reporting: {spec['source']}."
        rows["events"].append({
            "event_id": event_id, "event_type": f["type"], "cameo_code": f["cameo"], "plover_type": f["plover"],
            "summary": f["summary"], "date_start": resolved.start, "date_end": resolved.end,
            "date_precision": resolved.precision, "date_basis": resolved.basis,
            "date_expression": spec.get("expression"),
            "date_article_id": event.article.article_id if spec.get("expression") else None,
            "status": f["status"], "place_id": f.get("place"), "salience": f["salience"], "notes": notes,
        })
        rows["event_sources"] += _evidence_rows({"event_id": event_id}, event.evidence)
        for (actor_id, role), record in event.roles.items():
            refs.actor(actor_id, record["where"], "actor")
            refs.actor(record.get("claimed_by"), record["where"], "claimed_by")
            rows["event_actors"].append({"event_id": event_id, "actor_id": actor_id, "role": role,
                                         "claimed_by_actor_id": record.get("claimed_by"),
                                         "note": record.get("note")})
            rows["event_actor_sources"] += _evidence_rows({"event_id": event_id, "actor_id": actor_id,
                                                           "role": role}, record["evidence"])
        if event.meeting is not None:
            m = event.meeting
            refs.actor(m.get("host"), where, "host")
            rows["meetings"].append({"event_id": event_id, "meeting_type": m["type"], "level": m["level"],
                                     "host_actor_id": m.get("host"), "title": m["title"],
                                     "outcome": m.get("outcome")})
        for actor_id, record in event.participants.items():
            refs.actor(actor_id, record["where"], "participant")
            refs.actor(record.get("represented_by"), record["where"], "represented_by")
            if record.get("participation") is None:
                problems.add(record["where"].file, f"participant '{actor_id}' has no participation",
                             "give participation (host, attended, invited_declined, invited, expected) once",
                             line=record["where"].line, record=event_id)
            rows["meeting_participants"].append({"event_id": event_id, "actor_id": actor_id,
                                                 "participation": record.get("participation"),
                                                 "represented_by_actor_id": record.get("represented_by"),
                                                 "note": record.get("note")})
            rows["participant_sources"] += _evidence_rows({"event_id": event_id, "actor_id": actor_id},
                                                          record["evidence"])
        if event.participants and event.meeting is None:
            problems.add(where.file, "participants are given but the event has no meeting details",
                         "add a meeting block (type, level, title) to the event", line=where.line,
                         record=event_id)
    rows["casualty_claims"], rows["claim_sources"] = _claim_rows(coding, refs, project, problems)
    frames = {name: _frame(name, table_rows, project) for name, table_rows in rows.items()
              if name not in ("cameo_event_codes", "plover_event_types")}
    frames["cameo_event_codes"] = cameo.sort_values("code").reset_index(drop=True)
    frames["plover_event_types"] = plover.sort_values("type").reset_index(drop=True)
    return {name: frames[name] for name in load_tables(project.root)}

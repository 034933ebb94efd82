"""Records → the published tables: a pure mapping from the typed records to rows, sorted by primary key."""
from __future__ import annotations

import pandas as pd

from newsevents.core.schemas import Table
from newsevents.resolve.records import EventRecord, Evidence, Records


def _evidence_rows(keys: dict, evidence: list[Evidence]) -> list[dict]:
    return [keys | {"article_id": e.article_id, "quote": e.quote, "char_start": e.char_start,
                    "char_end": e.char_end} for e in evidence]


def _frame(table: Table, rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=table.columns)
    return frame.sort_values(table.primary_key, kind="stable").reset_index(drop=True)


def _event_rows(event: EventRecord, rows: dict[str, list[dict]]) -> None:
    date = event.date
    rows["events"].append({
        "event_id": event.event_id, "event_type": event.event_type, "cameo_code": event.cameo_code,
        "plover_type": event.plover_type, "summary": event.summary, "date_start": date.start, "date_end": date.end,
        "date_precision": date.precision, "date_basis": date.basis, "date_expression": event.date_expression,
        "date_article_id": event.date_article_id, "status": event.status, "place_id": event.place_id,
        "salience": event.salience, "notes": event.notes,
    })
    rows["event_sources"] += _evidence_rows({"event_id": event.event_id}, event.evidence)
    for role in event.roles:
        keys = {"event_id": event.event_id, "actor_id": role.actor_id, "role": role.role}
        rows["event_actors"].append(keys | {"claimed_by_actor_id": role.claimed_by, "note": role.note})
        rows["event_actor_sources"] += _evidence_rows(keys, role.evidence)
    if event.meeting is not None:
        m = event.meeting
        rows["meetings"].append({"event_id": event.event_id, "meeting_type": m.meeting_type, "level": m.level,
                                 "host_actor_id": m.host, "title": m.title, "outcome": m.outcome})
    for p in event.participants:
        keys = {"event_id": event.event_id, "actor_id": p.actor_id}
        rows["meeting_participants"].append(keys | {"participation": p.participation,
                                                    "represented_by_actor_id": p.represented_by, "note": p.note})
        rows["participant_sources"] += _evidence_rows(keys, p.evidence)


def assemble_tables(records: Records, tables: dict[str, Table]) -> dict[str, pd.DataFrame]:
    """Every published table, sorted by primary key."""
    rows: dict[str, list[dict]] = {name: [] for name in tables}
    rows["articles"] = [a.row() for a in records.articles]
    rows["actors"] = [{"actor_id": a.actor_id, "name": a.name, "actor_type": a.actor_type,
                       "country_iso3": a.country_iso3, "role_title": a.role_title,
                       "affiliation_actor_id": a.affiliation, "cameo_actor_code": a.cameo, "wikidata_id": a.wikidata}
                      for a in records.actors]
    rows["actor_aliases"] = [{"actor_id": a.actor_id, "alias": alias} for a in records.actors for alias in a.aliases]
    rows["places"] = [vars(p).copy() for p in records.places]
    rows["countries"] = records.countries
    rows["actor_mentions"] = [vars(m).copy() for m in records.mentions]
    for event in records.events:
        _event_rows(event, rows)
    for c in records.claims:
        rows["casualty_claims"].append({
            "claim_id": c.claim_id, "event_id": c.event_id, "claimant_actor_id": c.claimant, "outcome": c.outcome,
            "victim_group": c.victim_group, "count_low": c.count_low, "count_high": c.count_high,
            "count_text": c.count_text, "part_of_claim_id": c.part_of, "notes": c.notes})
        rows["claim_sources"] += _evidence_rows({"claim_id": c.claim_id}, c.evidence)
    frames = {name: _frame(tables[name], records.reference[name].to_dict("records") if name in records.reference
                           else table_rows) for name, table_rows in rows.items()}
    return {name: frames[name] for name in tables}

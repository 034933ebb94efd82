"""Checks across tables that gate publication: keys, evidence, dates, claims, meetings. All failures at once.

They need only the package's tables and the text of its captures, so a published package can be checked
alone; a build passes the origins of its records so that a problem points at the coding line.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from newsevents.core.errors import Collector
from newsevents.core.graphs import cycles
from newsevents.core.schemas import Table
from newsevents.resolve.date_phrases import precision_of
from newsevents.validate.report import Origins, TableReport


def _key(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    """One string per row joining the columns, for matching keys across tables (vectorised)."""
    key = frame[columns[0]].astype("string").fillna("")
    for column in columns[1:]:
        key = key + "|" + frame[column].astype("string").fillna("")
    return key


def check_foreign_keys(frames: dict[str, pd.DataFrame], tables: dict[str, Table], report: TableReport) -> None:
    for name, table in tables.items():
        frame = frames[name]
        for fk in table.foreign_keys:
            present = frame[fk.fields].notna().all(axis=1)
            keys = _key(frame[present], fk.fields)
            target = _key(frames[fk.resource], fk.reference)
            for index in keys[~keys.isin(set(target))].index:
                record = "|".join(str(frame.at[index, c]) for c in table.primary_key)
                report.add(name, record, f"{'/'.join(fk.fields)} '{keys[index]}' has no row in {fk.resource}",
                           f"add it to {fk.resource} or fix the reference", row=index + 2)


def check_evidence(frames: dict[str, pd.DataFrame], tables: dict[str, Table], texts: dict[str, str],
                   report: TableReport) -> None:
    """Every record has evidence, and every quote sits verbatim at its offsets inside its story."""
    stories = {row.article_id: (row.capture_file, int(row.char_start), int(row.char_end))
               for row in frames["articles"].itertuples()}
    for source_table, source in tables.items():
        if source.evidence_for is None:
            continue
        table = source.evidence_for
        keys = tables[table].primary_key
        covered = set(_key(frames[source_table], keys))
        target = frames[table]
        for index, key in _key(target, keys).items():
            if key not in covered:
                report.add(table, key, "no evidence: the record rests on no quote",
                           "add an evidence quote from the story", row=index + 2)
        sources = frames[source_table]
        for row in sources.itertuples():
            story = stories.get(row.article_id)
            if story is None:
                continue
            capture_file, story_start, story_end = story
            start, end = int(row.char_start), int(row.char_end)
            inside = story_start <= start < end <= story_end
            if not inside or texts[capture_file][start:end] != row.quote:
                report.add(source_table, "|".join(str(getattr(row, k)) for k in keys),
                           f"quote is not verbatim at offsets {start}–{end} of {capture_file}",
                           "offsets are computed by the build: rebuild; if it persists, report a bug",
                           row=row.Index + 2)


def _day(value) -> date | None:
    return None if value is None or pd.isna(value) else date.fromisoformat(value)


def check_event_dates(frames: dict[str, pd.DataFrame], report: TableReport) -> None:
    events, sources = frames["events"], frames["event_sources"]
    reporting = sources.groupby("event_id")["article_id"].agg(list).to_dict()
    published = {row.article_id: (_day(row.published_date_earliest), _day(row.published_date_latest))
                 for row in frames["articles"].itertuples()}
    for row in events.itertuples():
        start, end = _day(row.date_start), _day(row.date_end)
        if (start is None) != (end is None):
            report.add("events", row.event_id, "only one end of the date range is set",
                       "give both date_start and date_end, or neither", row=row.Index + 2)
            continue
        if start and end and start > end:
            report.add("events", row.event_id, f"date range reversed: {start} > {end}",
                       "date_start must not be after date_end", row=row.Index + 2)
            continue
        if precision_of(start, end) != row.date_precision:
            report.add("events", row.event_id, f"date precision '{row.date_precision}' does not fit the range "
                       f"{start}..{end} ({precision_of(start, end)})", "fix the date phrase or the dates",
                       row=row.Index + 2)
        stories = [published[a] for a in reporting.get(row.event_id, []) if a in published]
        earliest = [first for first, _ in stories if first]
        latest = [last for _, last in stories if last]
        if row.status in ("planned", "proposed") and end and latest and end < max(earliest):
            report.add("events", row.event_id, f"{row.status} event dated {end}, before the story reporting it "
                       f"({max(earliest)})", "a planned event lies after its story: check the date phrase "
                       "and the status", row=row.Index + 2)
        if row.status == "occurred" and start and latest and start > max(latest):
            report.add("events", row.event_id, f"occurred event dated {start}, after every story reporting it "
                       f"({max(latest)})", "check the date phrase, or set status planned",
                       row=row.Index + 2)


def check_claims(frames: dict[str, pd.DataFrame], report: TableReport) -> None:
    claims = frames["casualty_claims"].set_index("claim_id", drop=False)
    links = {c.claim_id: c.part_of_claim_id for c in claims.itertuples() if not pd.isna(c.part_of_claim_id)}
    circular = set()
    for cycle in cycles(links):
        report.add("casualty_claims", cycle[0], "part_of links form a cycle: " + " → ".join(cycle + cycle[:1]),
                   "a sub-group points at its total, never the other way round")
        circular.update(cycle)
    for claim in claims.itertuples():
        low, high = claim.count_low, claim.count_high
        if not pd.isna(high) and low > high:
            report.add("casualty_claims", claim.claim_id, f"count_low {low} exceeds count_high {high}",
                       "check the count as printed and the vague-number rule")
        parent_id = claim.part_of_claim_id
        if pd.isna(parent_id) or parent_id not in claims.index or claim.claim_id in circular:
            continue
        parent = claims.loc[parent_id]
        if parent.event_id != claim.event_id or str(parent.claimant_actor_id) != str(claim.claimant_actor_id):
            report.add("casualty_claims", claim.claim_id, f"part of '{parent_id}', which has another event or "
                       "claimant", "a sub-group belongs to the same event and claimant as its total")
        if parent.outcome != claim.outcome:
            report.add("casualty_claims", claim.claim_id, f"outcome differs from its total '{parent_id}'",
                       "a sub-group counts the same outcome as its total")
        parent_high = parent.count_high
        if not pd.isna(parent_high) and low > parent_high:
            report.add("casualty_claims", claim.claim_id, f"count {low} exceeds its total '{parent_id}' "
                       f"({parent_high})", "a sub-group cannot be larger than its total")


def check_meetings(frames: dict[str, pd.DataFrame], report: TableReport) -> None:
    events, meetings = frames["events"], frames["meetings"]
    meeting_ids = set(meetings["event_id"])
    for row in events.itertuples():
        if (row.event_type == "meeting") != (row.event_id in meeting_ids):
            report.add("events", row.event_id, "event type 'meeting' and a meetings row must go together",
                       "give a meeting event a meeting block, and only meeting events", row=row.Index + 2)


def validate_across(frames: dict[str, pd.DataFrame], tables: dict[str, Table], texts: dict[str, str],
                    origins: Origins, problems: Collector) -> None:
    """Checks across tables (keys, evidence, dates, claims, meetings); run only on well-typed tables.
    `texts`: each capture file's text by its path as the articles table gives it."""
    report = TableReport(problems, origins)
    check_foreign_keys(frames, tables, report)
    check_evidence(frames, tables, texts, report)
    check_event_dates(frames, report)
    check_claims(frames, report)
    check_meetings(frames, report)

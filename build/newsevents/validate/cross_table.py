"""Checks across tables that gate publication: keys, evidence, dates, claims, meetings. All failures at once.

They need only the package's tables and the text of its captures, so a published package can be checked
alone; a build passes the origins of its records so that a problem points at the coding line. Each check is
computed over whole columns (joins, isin, comparisons); Python loops only over the rows that fail, in row order,
to word their problems.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from newsevents.core.errors import Collector
from newsevents.core.graphs import cycles
from newsevents.core.schemas import Table
from newsevents.validate.report import Origins, TableReport


def _key(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    """One string per row joining the columns, for matching keys across tables (vectorised)."""
    key = frame[columns[0]].astype("string").fillna("")
    for column in columns[1:]:
        key = key + "|" + frame[column].astype("string").fillna("")
    return key


def _record(frame: pd.DataFrame, index, columns: list[str]) -> str:
    return "|".join(str(frame.at[index, c]) for c in columns)


class KeyCodes:
    """The key columns of the package as integer codes over one shared vocabulary: each column's text is hashed
    once, and every join across tables then compares integers (numpy), whatever the number of columns."""

    def __init__(self, frames: dict[str, pd.DataFrame], columns: set[tuple[str, str]]):
        self.frames, names = frames, sorted(columns)
        values = [frames[table][column].to_numpy(dtype=object, na_value=None) for table, column in names]
        codes = pd.factorize(np.concatenate(values) if values else np.array([], dtype=object))[0]
        bounds = np.cumsum([0] + [len(v) for v in values])
        self.codes = {name: codes[bounds[i]:bounds[i + 1]] for i, name in enumerate(names)}

    @classmethod
    def of(cls, frames: dict[str, pd.DataFrame], tables: dict[str, Table]) -> KeyCodes:
        """Codes for every column a foreign key or an evidence table joins on."""
        columns = {(name, c) for name, t in tables.items() for fk in t.foreign_keys for c in fk.fields}
        columns |= {(fk.resource, c) for t in tables.values() for fk in t.foreign_keys for c in fk.reference}
        for name, table in tables.items():
            if table.evidence_for is not None:
                key = tables[table.evidence_for].primary_key
                columns |= {(name, c) for c in key} | {(table.evidence_for, c) for c in key}
        return cls(frames, columns)

    def absent(self, table: str, columns: list[str], target: str, reference: list[str]) -> pd.Index:
        """Rows of `table` with every one of `columns` set whose values match no row of `target` in `reference`."""
        own = [self.codes[(table, c)] for c in columns]
        theirs = [self.codes[(target, c)] for c in reference]
        present = np.logical_and.reduce([c >= 0 for c in own])
        joined = _combined([np.concatenate([a[present], b]) for a, b in zip(own, theirs)])
        mine = joined[:int(present.sum())]
        return self.frames[table].index[present][~np.isin(mine, joined[len(mine):])]


def _combined(columns: list[np.ndarray]) -> np.ndarray:
    """One integer per row for several code columns (codes of equal tuples are equal)."""
    key = columns[0] + 1
    for column in columns[1:]:
        key = pd.factorize(key * (int(column.max(initial=0)) + 2) + column + 1)[0]
    return key


def check_foreign_keys(frames: dict[str, pd.DataFrame], tables: dict[str, Table], report: TableReport,
                       keys: KeyCodes | None = None) -> None:
    keys = keys or KeyCodes.of(frames, tables)
    for name, table in tables.items():
        frame = frames[name]
        for fk in table.foreign_keys:
            missing = keys.absent(name, fk.fields, fk.resource, fk.reference)
            for index, key in _key(frame.loc[missing], fk.fields).items():
                report.add(name, _record(frame, index, table.primary_key),
                           f"{'/'.join(fk.fields)} '{key}' has no row in {fk.resource}",
                           f"add it to {fk.resource} or fix the reference", row=index + 2)


def _quotes_off_their_offsets(sources: pd.DataFrame, articles: pd.DataFrame, texts: dict[str, str]) -> pd.Series:
    """The capture file of each row of an evidence table whose quote is not verbatim at its offsets inside its
    story, by row (stories unknown to the articles table are left to the foreign-key check)."""
    story = sources[["article_id"]].merge(articles[["article_id", "capture_file", "char_start", "char_end"]],
                                          on="article_id", how="left").set_axis(sources.index)
    known = story["capture_file"].notna()
    start, end = sources["char_start"].astype("int64"), sources["char_end"].astype("int64")
    inside = known & ((story["char_start"] <= start) & (start < end) & (end <= story["char_end"])).fillna(False)
    verbatim = pd.Series(False, index=sources.index)
    rows = zip(story.loc[inside, "capture_file"].tolist(), start[inside].tolist(), end[inside].tolist(),
               sources.loc[inside, "quote"].tolist())
    verbatim[inside] = [texts[file][first:last] == quote for file, first, last, quote in rows]
    return story.loc[known & ~verbatim, "capture_file"]


def check_evidence(frames: dict[str, pd.DataFrame], tables: dict[str, Table], texts: dict[str, str],
                   report: TableReport, keys: KeyCodes | None = None) -> None:
    """Every record has evidence, and every quote sits verbatim at its offsets inside its story."""
    keys = keys or KeyCodes.of(frames, tables)
    for source_table, source in tables.items():
        if source.evidence_for is None:
            continue
        table = source.evidence_for
        key_columns = tables[table].primary_key
        uncovered = keys.absent(table, key_columns, source_table, key_columns)
        for index, key in _key(frames[table].loc[uncovered], key_columns).items():
            report.add(table, key, "no evidence: the record rests on no quote",
                       "add an evidence quote from the story", row=index + 2)
        sources = frames[source_table]
        for index, capture_file in _quotes_off_their_offsets(sources, frames["articles"], texts).items():
            start, end = int(sources.at[index, "char_start"]), int(sources.at[index, "char_end"])
            report.add(source_table, _record(sources, index, key_columns),
                       f"quote is not verbatim at offsets {start}–{end} of {capture_file}",
                       "offsets are computed by the build: rebuild; if it persists, report a bug", row=index + 2)


def _day(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column, format="%Y-%m-%d", errors="coerce")


def _precision(start: pd.Series, end: pd.Series) -> pd.Series:
    """resolve.date_phrases.precision_of over whole columns: day, week, month, year or unknown."""
    same_year = start.dt.year == end.dt.year
    conditions = [start.isna() | end.isna(), start == end, (end - start).dt.days <= 6,
                  same_year & (start.dt.month == end.dt.month), same_year]
    return pd.Series(pd.NA, index=start.index, dtype="object").case_when(
        list(zip(conditions, ["unknown", "day", "week", "month", "year"]))).fillna("unknown")


def _reporting_dates(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per event: the latest first-possible and the latest last-possible publication date of its stories."""
    articles = frames["articles"]
    articles = pd.DataFrame({"article_id": articles["article_id"],
                             "published_date_earliest": _day(articles["published_date_earliest"]),
                             "published_date_latest": _day(articles["published_date_latest"])})
    reported = frames["event_sources"][["event_id", "article_id"]].merge(articles, on="article_id")
    return reported.groupby("event_id").agg(earliest=("published_date_earliest", "max"),
                                            latest=("published_date_latest", "max"))


def _text(value) -> str:
    return "None" if pd.isna(value) else str(value.date()) if isinstance(value, pd.Timestamp) else str(value)


def check_event_dates(frames: dict[str, pd.DataFrame], report: TableReport) -> None:
    events = frames["events"]
    start, end = _day(events["date_start"]), _day(events["date_end"])
    stories = _reporting_dates(frames).reindex(events["event_id"]).set_axis(events.index)
    earliest, latest = stories["earliest"], stories["latest"]
    one_end = start.isna() != end.isna()
    reversed_ = ~one_end & (start > end).fillna(False)
    precision = _precision(start, end)
    imprecise = ~one_end & ~reversed_ & (precision != events["date_precision"])
    planned = events["status"].isin(["planned", "proposed"]) & (end < earliest).fillna(False) & latest.notna()
    occurred = (events["status"] == "occurred") & (start > latest).fillna(False)
    later = ~one_end & ~reversed_
    for index in events.index[one_end | reversed_ | imprecise | (later & (planned | occurred))]:
        row, first, last = events.loc[index], _text(start[index]), _text(end[index])
        if one_end[index]:
            report.add("events", row.event_id, "only one end of the date range is set",
                       "give both date_start and date_end, or neither", row=index + 2)
            continue
        if reversed_[index]:
            report.add("events", row.event_id, f"date range reversed: {first} > {last}",
                       "date_start must not be after date_end", row=index + 2)
            continue
        if imprecise[index]:
            report.add("events", row.event_id, f"date precision '{row.date_precision}' does not fit the range "
                       f"{first}..{last} ({precision[index]})", "fix the date phrase or the dates", row=index + 2)
        if planned[index]:
            report.add("events", row.event_id, f"{row.status} event dated {last}, before the story reporting it "
                       f"({_text(earliest[index])})", "a planned event lies after its story: check the date phrase "
                       "and the status", row=index + 2)
        if occurred[index]:
            report.add("events", row.event_id, f"occurred event dated {first}, after every story reporting it "
                       f"({_text(latest[index])})", "check the date phrase, or set status planned", row=index + 2)


def _with_totals(claims: pd.DataFrame) -> pd.DataFrame:
    """Each claim beside the claim it is part of (columns suffixed _total; empty when it is part of none)."""
    totals = claims[["claim_id", "event_id", "claimant_actor_id", "outcome", "count_high"]].add_suffix("_total")
    return claims.merge(totals, left_on="part_of_claim_id", right_on="claim_id_total",
                        how="left").set_axis(claims.index)


def check_claims(frames: dict[str, pd.DataFrame], report: TableReport) -> None:
    claims = frames["casualty_claims"]
    links = {c: p for c, p in zip(claims["claim_id"].tolist(), claims["part_of_claim_id"].tolist()) if not pd.isna(p)}
    circular = set()
    for cycle in cycles(links):
        report.add("casualty_claims", cycle[0], "part_of links form a cycle: " + " → ".join(cycle + cycle[:1]),
                   "a sub-group points at its total, never the other way round")
        circular.update(cycle)
    paired = _with_totals(claims)
    reversed_ = (claims["count_low"] > claims["count_high"]).fillna(False)
    checked = paired["claim_id_total"].notna() & ~claims["claim_id"].isin(circular)
    other = checked & ((paired["event_id"] != paired["event_id_total"])
                       | (paired["claimant_actor_id"].astype("string").fillna("<NA>")
                          != paired["claimant_actor_id_total"].astype("string").fillna("<NA>")))
    outcome = checked & (paired["outcome"] != paired["outcome_total"])
    larger = checked & (paired["count_low"] > paired["count_high_total"]).fillna(False)
    for index in claims.index[reversed_ | other | outcome | larger]:
        claim = paired.loc[index]
        parent_id = claim.part_of_claim_id
        if reversed_[index]:
            report.add("casualty_claims", claim.claim_id, f"count_low {claim.count_low} exceeds count_high "
                       f"{claim.count_high}", "check the count as printed and the vague-number rule")
        if other[index]:
            report.add("casualty_claims", claim.claim_id, f"part of '{parent_id}', which has another event or "
                       "claimant", "a sub-group belongs to the same event and claimant as its total")
        if outcome[index]:
            report.add("casualty_claims", claim.claim_id, f"outcome differs from its total '{parent_id}'",
                       "a sub-group counts the same outcome as its total")
        if larger[index]:
            report.add("casualty_claims", claim.claim_id, f"count {claim.count_low} exceeds its total '{parent_id}' "
                       f"({claim.count_high_total})", "a sub-group cannot be larger than its total")


def check_meetings(frames: dict[str, pd.DataFrame], report: TableReport) -> None:
    events = frames["events"]
    mismatched = (events["event_type"] == "meeting") != events["event_id"].isin(frames["meetings"]["event_id"])
    for index in events.index[mismatched]:
        report.add("events", events.at[index, "event_id"], "event type 'meeting' and a meetings row must go together",
                   "give a meeting event a meeting block, and only meeting events", row=index + 2)


def validate_across(frames: dict[str, pd.DataFrame], tables: dict[str, Table], texts: dict[str, str],
                    origins: Origins, problems: Collector) -> None:
    """Checks across tables (keys, evidence, dates, claims, meetings); run only on well-typed tables.
    `texts`: each capture file's text by its path as the articles table gives it."""
    report = TableReport(problems, origins)
    keys = KeyCodes.of(frames, tables)
    check_foreign_keys(frames, tables, report, keys)
    check_evidence(frames, tables, texts, report, keys)
    check_event_dates(frames, report)
    check_claims(frames, report)
    check_meetings(frames, report)

"""Typed records: what the resolve stage settles (offsets, dates, counts, checked references) and assembly
maps to rows. Each record keeps where it was written, so that later problems point at the coding line."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from newsevents.core.yamlfile import Where
from newsevents.ingest.articles import Article
from newsevents.resolve.date_phrases import Resolved


@dataclass(frozen=True)
class Evidence:
    article_id: str
    quote: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class RoleRecord:
    actor_id: str
    role: str
    claimed_by: str | None
    note: str | None
    evidence: list[Evidence]


@dataclass(frozen=True)
class ParticipantRecord:
    actor_id: str
    participation: str | None
    represented_by: str | None
    note: str | None
    evidence: list[Evidence]


@dataclass(frozen=True)
class MeetingRecord:
    meeting_type: str
    level: str
    host: str | None
    title: str
    outcome: str | None


@dataclass(frozen=True)
class EventRecord:
    event_id: str
    event_type: str
    cameo_code: str
    plover_type: str
    summary: str
    date: Resolved
    date_expression: str | None
    date_article_id: str | None
    status: str
    place_id: str | None
    salience: str
    notes: str | None
    evidence: list[Evidence]
    roles: list[RoleRecord]
    participants: list[ParticipantRecord]
    meeting: MeetingRecord | None
    where: Where


@dataclass(frozen=True)
class ClaimRecord:
    claim_id: str
    event_id: str
    claimant: str | None
    outcome: str
    victim_group: str
    count_low: int | None
    count_high: int | None
    count_text: str
    part_of: str | None
    notes: str | None
    evidence: list[Evidence]
    where: Where


@dataclass(frozen=True)
class ActorRecord:
    actor_id: str
    name: str
    actor_type: str
    country_iso3: str | None
    role_title: str | None
    affiliation: str | None
    cameo: str | None
    wikidata: str | None
    aliases: list[str]


@dataclass(frozen=True)
class PlaceRecord:
    place_id: str
    name: str
    place_type: str
    country_iso3: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str
    geonames_id: int | None
    notes: str | None


@dataclass(frozen=True)
class Mention:
    actor_id: str
    article_id: str
    char_start: int
    char_end: int
    surface_text: str


@dataclass
class Records:
    """Everything a build publishes, settled: assembly only maps it to rows."""
    articles: list[Article] = field(default_factory=list)
    actors: list[ActorRecord] = field(default_factory=list)
    places: list[PlaceRecord] = field(default_factory=list)
    countries: list[dict] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    reference: dict[str, pd.DataFrame] = field(default_factory=dict)  # code lists, by table

"""The build, stage by stage: captures → stories → coding → tables → validation → published package."""
from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field

import pandas as pd

from newsevents.assemble.tables import build_tables
from newsevents.core.csvformat import read_table
from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import load_tables
from newsevents.ingest.captures import load_articles
from newsevents.ingest.registries import load_registries
from newsevents.publish.package import finish_interrupted, publish, stage
from newsevents.resolve.coding import load_coding
from newsevents.validate.cross_table import validate_across, validate_tables
from newsevents.validate.frictionless_gate import frictionless_check
from newsevents.validate.stable_ids import check_stable_ids

SUMMARY_ROWS = 15


@dataclass
class BuildResult:
    frames: dict[str, pd.DataFrame]
    timings: dict[str, float] = field(default_factory=dict)


@contextmanager
def _timed(timings: dict[str, float], name: str, on_stage=None):
    if on_stage:
        on_stage(name)
    started = time.perf_counter()
    yield
    timings[name] = time.perf_counter() - started


def build(project: Project = Project(), *, publish_outputs: bool = True, on_stage=None) -> BuildResult:
    """Build, validate and (unless told not to) publish; raises BuildFailed with every problem found."""
    timings: dict[str, float] = {}
    problems = Collector()
    finish_interrupted(project)
    tables = load_tables(project.root)
    with _timed(timings, "parse", on_stage):
        articles = load_articles(project, problems)
        registries = load_registries(project, problems)
    problems.raise_if_any()
    with _timed(timings, "resolve", on_stage):
        coding = load_coding(project, articles, problems)
    problems.raise_if_any()
    with _timed(timings, "assemble", on_stage):
        frames = build_tables(project, articles, registries, coding, problems)
    problems.raise_if_any()
    check_stable_ids(project, frames)
    with _timed(timings, "write", on_stage):
        stage(project, frames, tables, articles)
        published = {name: read_table(project.staging / "data" / f"{name}.csv", table)
                     for name, table in tables.items()}
    with _timed(timings, "pandera", on_stage):
        validate_tables(published, tables, coding, problems)
    problems.raise_if_any()
    with _timed(timings, "cross-table checks", on_stage):
        validate_across(published, tables, articles, coding, problems)
    problems.raise_if_any()
    with _timed(timings, "frictionless", on_stage):
        frictionless_check(project, problems)
    problems.raise_if_any()
    if publish_outputs:
        with _timed(timings, "publish", on_stage):
            publish(project, tables)
    return BuildResult(frames=published, timings=timings)


def summary(frames: dict[str, pd.DataFrame]) -> str:
    """Rows per table, events by type, claims by claimant: what `make data` prints at the end."""
    lines = ["rows per table:"]
    lines += [f"  {name:<22} {len(frame):>6}" for name, frame in frames.items()]
    lines.append("events by type:")
    counts = frames["events"]["event_type"].value_counts().sort_index()
    lines += [f"  {kind:<22} {count:>6}" for kind, count in counts.items()]
    lines.append("casualty claims by claimant:")
    claims = frames["casualty_claims"]["claimant_actor_id"].fillna("(outlet's own voice)")
    by_claimant = claims.value_counts().sort_index()
    lines += [f"  {who:<22} {count:>6}" for who, count in by_claimant.head(SUMMARY_ROWS).items()]
    if len(by_claimant) > SUMMARY_ROWS:
        lines.append(f"  … {len(by_claimant) - SUMMARY_ROWS} more claimants, {by_claimant.iloc[SUMMARY_ROWS:].sum()} claims")
    return "\n".join(lines)

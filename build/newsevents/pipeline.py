"""The build, stage by stage: ingest → resolve → assemble → stage → validate → publish.

Each stage collects every problem it finds; the build stops after a stage that found any, and a build that
stops publishes nothing. The gate is the project's own validation of the staged package (its files, pandera,
the checks across tables), which refuses every kind of defect `frictionless validate` refuses
(tests/test_validation_parity.py); frictionless itself gates `make release` and runs in the tests.
"""
from __future__ import annotations

import gc
import time
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field

import pandas as pd

from newsevents.assemble.row_versions import with_row_versions
from newsevents.assemble.rows import assemble_tables
from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import dataset_metadata, load_tables, quote_limit, quote_minimum
from newsevents.ingest.registries import load_registries
from newsevents.ingest.released_ids import load_released_ids
from newsevents.ingest.released_rows import load_released_rows
from newsevents.publish.staging import stage
from newsevents.publish.swap import finish_interrupted, publish
from newsevents.resolve.merge import merge_coding
from newsevents.resolve.resolver import resolve_records
from newsevents.resolve.story_cache import StoryCache
from newsevents.resolve.story_runner import run_story_stage
from newsevents.validate.cross_table import validate_across
from newsevents.validate.package_files import check_files
from newsevents.validate.report import Origins, TableReport
from newsevents.validate.stable_ids import check_stable_ids
from newsevents.validate.table_schemas import check_schemas

SUMMARY_ROWS = 15


@dataclass
class BuildResult:
    frames: dict[str, pd.DataFrame]
    timings: dict[str, float] = field(default_factory=dict)
    computed: list[str] = field(default_factory=list)  # captures the per-story stage computed (not cached)


@contextmanager
def _timed(timings: dict[str, float], name: str, on_stage=None):
    if on_stage:
        on_stage(name)
    started = time.perf_counter()
    yield
    timings[name] = time.perf_counter() - started


@contextmanager
def _collector_paused():
    """Python's cycle collector paused for the build: the build holds millions of small objects (stories from
    the cache or the workers, records, rows), and each full collection walked them all. Paused, resolve and
    assemble took a third of their time at 10,000 stories; reference counting still frees the rest, and peak
    memory measured no higher (docs/performance.md)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build(project: Project = Project(), *, publish_outputs: bool = True, on_stage=None,
          executor: Executor | None = None, use_cache: bool = True) -> BuildResult:
    """Build, validate and (unless told not to) publish; raises BuildFailed with every problem found.
    ``executor`` maps the per-story stage (resolve/story_runner.py chooses when None); ``use_cache``: reuse
    and keep per-story results in .cache/."""
    with _collector_paused():
        return _build(project, publish_outputs, on_stage, executor, use_cache)


def _build(project: Project, publish_outputs: bool, on_stage, executor: Executor | None,
           use_cache: bool) -> BuildResult:
    timings: dict[str, float] = {}
    problems = Collector()
    finish_interrupted(project)
    tables = load_tables(project.root)
    with _timed(timings, "parse", on_stage):
        registries = load_registries(project, problems)
        stories = run_story_stage(project, registries, problems, executor=executor,
                                  cache=StoryCache.of(project) if use_cache else None)
        articles = stories.articles
    problems.raise_if_any()
    with _timed(timings, "resolve", on_stage):
        coding_files, located = stories.coding_files(project, problems)
        merged = merge_coding(coding_files, quote_limit(project.root), problems, shortest=quote_minimum(project.root),
                              located=located)
    problems.raise_if_any()
    with _timed(timings, "assemble", on_stage):
        records = resolve_records(project, articles, registries, merged, stories.mentions, problems)
        problems.raise_if_any()
        frames = assemble_tables(records, tables)
        version = str(dataset_metadata(project.root)["version"])
        frames = with_row_versions(frames, tables, load_released_rows(project, tables, version, problems), version)
    check_stable_ids(frames, tables, load_released_ids(project, set(tables), problems), problems)
    problems.raise_if_any()
    origins = Origins(events={e.event_id: e.where for e in records.events},
                      claims={c.claim_id: c.where for c in records.claims})
    del coding_files, located, merged, records  # validation reads the staged tables: free what built them
    with _timed(timings, "write", on_stage):
        published = stage(project, frames, tables, articles)
    del frames
    with _timed(timings, "files", on_stage):
        check_files(project.staging, tables, problems)
    problems.raise_if_any()
    with _timed(timings, "pandera", on_stage):
        check_schemas(published, tables, TableReport(problems, origins))
    problems.raise_if_any()
    with _timed(timings, "cross-table checks", on_stage):
        texts = {a.capture_file: a.text for a in articles}
        validate_across(published, tables, texts, origins, problems)
    problems.raise_if_any()
    if publish_outputs:
        with _timed(timings, "publish", on_stage):
            publish(project, tables)
    return BuildResult(frames=published, timings=timings, computed=stories.computed)


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
        lines.append(f"  … {len(by_claimant) - SUMMARY_ROWS} more claimants, {by_claimant.iloc[SUMMARY_ROWS:].sum()} "
                     "claims")
    return "\n".join(lines)

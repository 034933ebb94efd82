"""The per-story stage run for a whole project: inputs read, cached results reused, the rest mapped over an
executor, and the results turned into the articles and coding files the rest of the build takes.

Executors: any `concurrent.futures.Executor` (a Dask cluster's `Client.get_executor()` included). Without one,
the stage runs in this process when few captures need computing, and over a process pool of every core the
build may use when enough do to pay for starting it.
"""
from __future__ import annotations

import hashlib
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import quote_limit, quote_minimum
from newsevents.core.yamlfile import Document, Where, coding_schema
from newsevents.ingest.articles import Article, capture_articles
from newsevents.ingest.captures import capture_bytes, check_unlisted, read_manifest
from newsevents.ingest.coding_files import CodingFiles, add_coding_file, coding_paths
from newsevents.ingest.registries import Registries
from newsevents.resolve.mentions import alias_owners
from newsevents.resolve.merge import LocatedQuotes, QuoteRules
from newsevents.resolve.records import Mention
from newsevents.resolve.story_cache import StoryCache, capture_key, code_version, schemas_digest
from newsevents.resolve.story_stage import (
    CaptureInput,
    CaptureResult,
    CodingInput,
    StoryCoding,
    StoryRules,
    process_captures,
)

PARALLEL_FROM = 200  # captures to compute; below this, starting worker processes costs more than it saves
BATCHES_PER_WORKER = 4  # tasks per worker: few enough to pickle the rules rarely, enough to balance the load


@dataclass
class StoryStage:
    """What the per-story stage gives the build: the articles, each story's coding by article id, the actor
    mentions in article order, and which captures it computed (the others came from the cache)."""
    articles: list[Article] = field(default_factory=list)
    coding: dict[str, StoryCoding] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    computed: list[str] = field(default_factory=list)

    def coding_files(self, project: Project, problems: Collector) -> tuple[CodingFiles, dict[str, LocatedQuotes]]:
        """The coding files in article order (ingest/coding_files.py) and their located quotes by file; the
        problems of reading them, and of coding files no story owns, collected."""
        coding_paths(project, {a.article_id: a for a in self.articles}, problems)
        found, located = CodingFiles(), {}
        for article in self.articles:
            story = self.coding.get(article.article_id)
            if story is not None:
                problems.problems += story.problems
                add_coding_file(found, article, story.document, story.status)
                if story.status == "reviewed":
                    located[story.document.path] = story.located
        return found, located


def story_rules(project: Project, registries: Registries) -> StoryRules:
    quotes = QuoteRules(quote_limit(project.root), quote_minimum(project.root))
    aliases = tuple(sorted(alias_owners(registries.actors).items()))
    return StoryRules(coding_schema(project.root, "story"), quotes, schemas_digest(project) + code_version(),
                      aliases, hashlib.sha256(repr(aliases).encode("utf-8")).hexdigest())


def _names_any(result: CaptureResult, aliases: set[str]) -> bool:
    """Whether one of the capture's stories contains one of the aliases (so its mentions may differ)."""
    return any(alias in result.text[story.start : story.end] for story in result.stories for alias in aliases)


def _cached(cache: StoryCache, keys: list[str], rules: StoryRules) -> list[CaptureResult | None]:
    """The cached result of each key, or None: absent, or made with an alias table that differs from the
    current one in an alias its stories contain."""
    previous, current = cache.aliases(), dict(rules.aliases)
    if previous is None:
        return [None] * len(keys)
    changed = {alias for alias in previous.keys() | current.keys() if previous.get(alias) != current.get(alias)}
    results = [cache.get(key) for key in keys]
    return [None if result is None or (changed and _names_any(result, changed)) else result for result in results]


def _workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _batches(items: list, count: int) -> list[list]:
    size = -(-len(items) // count)
    return [items[i : i + size] for i in range(0, len(items), size)]


def _compute(items: list[CaptureInput], rules: StoryRules, executor: Executor | None) -> list[CaptureResult]:
    """The stage over ``items``, in order: serially, over the given executor, or over a pool of its own."""
    workers = _workers()
    if not items or (executor is None and (len(items) < PARALLEL_FROM or workers < 2)):
        return process_captures(rules, items)
    own = executor is None
    executor = executor or ProcessPoolExecutor(workers)
    try:
        batches = _batches(items, workers * BATCHES_PER_WORKER)
        return [result for batch in executor.map(partial(process_captures, rules), batches) for result in batch]
    finally:
        if own:
            executor.shutdown()


def _inputs(project: Project, document: Document, problems: Collector) -> list[tuple[int, CaptureInput]]:
    """(index in the manifest, input) of each capture whose bytes are as recorded."""
    files = {path.stem: path for path in project.stories_coding.glob("*.yaml")}
    found = []
    for c, entry in enumerate(document.data["captures"]):
        data = capture_bytes(project, entry, Where(document.path, entry["file"], document, ("captures", c)), problems)
        if data is None:
            continue
        ids = tuple(story["article_id"] for story in entry["stories"])
        coding = tuple(CodingInput(project.rel(files[i]), files[i].read_bytes()) if i in files else None for i in ids)
        found.append((c, CaptureInput(project.rel(project.raw / entry["file"]), data, ids, coding,
                                      entry.get("outlet"))))
    return found


def run_story_stage(project: Project, registries: Registries, problems: Collector, *,
                    executor: Executor | None = None, cache: StoryCache | None = None) -> StoryStage:
    """Every capture of the manifest through the per-story stage; the problems of the captures and the
    manifest collected (those of the coding files wait for StoryStage.coding_files)."""
    return _run(project, story_rules(project, registries), problems, executor, cache or StoryCache(None))


def _run(project: Project, rules: StoryRules, problems: Collector, executor: Executor | None,
         cache: StoryCache) -> StoryStage:
    stage = StoryStage()
    document = read_manifest(project, problems)
    if document is None:
        return stage
    check_unlisted(project, document, problems)
    inputs = _inputs(project, document, problems)
    keys = [capture_key(item, rules.digest) for _, item in inputs]
    results = _cached(cache, keys, rules)
    todo = [i for i, result in enumerate(results) if result is None]
    for i, result in zip(todo, _compute([inputs[i][1] for i in todo], rules, executor)):
        results[i] = result
        cache.put(keys[i], result)
    cache.put_aliases(dict(rules.aliases))
    cache.keep_only(set(keys))
    stage.computed = [inputs[i][1].capture_file for i in todo]
    seen_ids: dict[str, Where] = {}
    for (c, _), result in zip(inputs, results):
        problems.problems += result.problems
        if result.text is not None:
            articles = capture_articles(project, document, c, result.text, result.stories, seen_ids, problems)
            stage.articles += articles
            stage.coding |= result.coding
            stage.mentions += [m for article in articles for m in result.mentions[article.article_id]]
    return stage


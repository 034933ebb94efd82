"""The per-story stage: what the build does with one capture and its stories' coding files alone.

`process_captures` is a pure function of picklable values (no paths, no project, no global state it does not
derive from its inputs), so any `concurrent.futures` executor can map it: in this process, over a process
pool, or on a Dask cluster through `Client.get_executor()`. For each capture it decodes the text, splits it
into stories, reads and checks each story's coding file, locates every quote in its story and finds where
the story names a registered actor (by the registry's aliases). What needs more than one story (merging
events across stories, dates, references, counts) is done afterwards, once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsevents.core.errors import Collector, Problem
from newsevents.core.yamlfile import Document, parse_yaml
from newsevents.ingest.captures import decode_capture
from newsevents.ingest.coding_files import coding_status
from newsevents.ingest.stories import Story, parse_capture
from newsevents.resolve.mentions import pattern_of, story_mentions
from newsevents.resolve.merge import LocatedQuotes, QuoteRules, locate_quotes
from newsevents.resolve.records import Mention


@dataclass(frozen=True)
class StoryRules:
    """What every story is held to: the JSON Schema of a story coding file and the quote bounds, and the
    actor registry's aliases (alias, actor id). ``digest`` names the first two (the schemas and the code),
    ``aliases_digest`` the aliases, so that a worker compiles each once."""
    story_schema: dict
    quotes: QuoteRules
    digest: str
    aliases: tuple[tuple[str, str], ...]
    aliases_digest: str


@dataclass(frozen=True)
class CodingInput:
    """A story's coding file: its path as shown to users and its bytes."""
    shown_as: str
    data: bytes


@dataclass(frozen=True)
class CaptureInput:
    """One capture: its path as shown, its checked bytes, the article ids the manifest gives its stories in
    order, each story's coding file (None where it has none), and the outlet the manifest names."""
    capture_file: str
    data: bytes
    article_ids: tuple[str, ...]
    coding: tuple[CodingInput | None, ...]
    outlet: str | None = None


@dataclass
class StoryCoding:
    """One story's coding file as read: the document, its status (ingest/coding_files.py: reviewed, draft,
    unreadable), the problems of reading it and, when reviewed, its quotes located in the story."""
    document: Document | None
    status: str
    problems: list[Problem]
    located: LocatedQuotes = field(default_factory=dict)


@dataclass
class CaptureResult:
    """The per-story stage's answer for one capture: its text (None if it could not be decoded), its stories,
    each story's coding and actor mentions (by article id; only when the stories match the manifest's count)
    and the problems of the capture itself."""
    text: str | None
    stories: list[Story]
    coding: dict[str, StoryCoding]
    mentions: dict[str, list[Mention]]
    problems: list[Problem]


@dataclass(frozen=True)
class _Story:
    """What locating a quote needs of a story: its id, the capture's text and the story's extent."""
    article_id: str
    text: str
    story: Story


_schemas: dict[str, dict] = {}
_patterns: dict[str, tuple[re.Pattern | None, dict[str, str]]] = {}


def _schema(rules: StoryRules) -> dict:
    """One schema object per content in this process, so its compiled validator is reused (core/yamlfile.py)."""
    return _schemas.setdefault(rules.digest, rules.story_schema)


def _aliases(rules: StoryRules) -> tuple[re.Pattern | None, dict[str, str]]:
    """The alias regex and alias → actor map, compiled once per alias table in this process."""
    if rules.aliases_digest not in _patterns:
        owner = dict(rules.aliases)
        _patterns[rules.aliases_digest] = (pattern_of(owner), owner)
    return _patterns[rules.aliases_digest]


def _coding(item: CodingInput, article: _Story, rules: StoryRules) -> StoryCoding:
    problems = Collector()
    document = parse_yaml(item.data, item.shown_as, problems)
    status = coding_status(document, article.article_id, _schema(rules), problems)
    located = locate_quotes(document, article, rules.quotes) if status == "reviewed" else {}
    return StoryCoding(document, status, problems.problems, located)


def process_capture(item: CaptureInput, rules: StoryRules) -> CaptureResult:
    """One capture through the per-story stage (see the module's docstring)."""
    problems = Collector()
    text = decode_capture(item.data, item.capture_file, problems)
    stories = parse_capture(text, item.outlet) if text is not None else []
    coding, mentions = {}, {}
    if len(stories) == len(item.article_ids):  # else the manifest is wrong: reported where it is read
        for story, article_id, source in zip(stories, item.article_ids, item.coding):
            mentions[article_id] = story_mentions(*_aliases(rules), article_id, text, story.start, story.end)
            if source is not None:
                coding[article_id] = _coding(source, _Story(article_id, text, story), rules)
    return CaptureResult(text, stories, coding, mentions, problems.problems)


def process_captures(rules: StoryRules, items: list[CaptureInput]) -> list[CaptureResult]:
    """A batch of captures, in order: the unit an executor is given (one task per batch, not per story)."""
    return [process_capture(item, rules) for item in items]

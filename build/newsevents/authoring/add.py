"""`make add CAPTURE=…`: a new capture into data/raw/, its manifest entry, and a draft coding of each story.

All or nothing: every input is checked before anything is written, the written manifest is read back by the
build's own loader, and on any problem every file written is removed and the manifest restored.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ruamel.yaml.comments import CommentedSeq

from newsevents.core.errors import BuildFailed, Collector, Problem
from newsevents.core.project import Project
from newsevents.core.yamlfile import check_structure, coding_schema, read_yaml, round_trip
from newsevents.ingest.articles import load_articles
from newsevents.ingest.captures import decode_capture, sha256_of
from newsevents.ingest.registries import load_registries
from newsevents.ingest.stories import Story, parse_capture

BASES = ("inferred", "external", "unknown")
HEADLINE_WORDS = 5
SAFE_NAME = re.compile(r"^[^/\\.][^/\\]*$")

Ask = Callable[[str, str | None], str]  # (question, default) → answer; None when nobody can be asked


@dataclass
class DateGiven:
    """A publication date the capture does not print: a day or an earliest..latest range, with its basis."""

    earliest: date | None = None
    latest: date | None = None
    basis: str | None = None
    note: str | None = None

    def manifest_keys(self) -> dict:
        keys: dict = {}
        if self.earliest and self.earliest == self.latest:
            keys["published_date"] = self.earliest.isoformat()
        elif self.earliest:
            keys["published_date_earliest"] = self.earliest.isoformat()
            keys["published_date_latest"] = self.latest.isoformat()
        if self.basis:
            keys["published_date_basis"] = self.basis
        if self.note:
            keys["date_note"] = self.note
        return keys


@dataclass
class Added:
    capture: str
    articles: list[str]
    coding_files: list[str]
    proposal_files: list[str]
    counts: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # events, claims, meetings

    def report(self) -> str:
        lines = [f"capture: {self.capture} (listed in data/raw/manifest.yaml)"]
        for article_id, path in zip(self.articles, self.coding_files):
            events, claims, meetings = self.counts[article_id]
            lines.append(f"draft:   {path}  ({events} events, {claims} claims, {meetings} meetings)")
        lines += [f"proposed registry entries: {path}" for path in self.proposal_files]
        lines.append("next: review each draft against its story (see docs/adding-a-story.md), set "
                     "`review: reviewed`, merge the proposals you keep, then `make data`")
        return "\n".join(lines)


def parse_date_option(value: str) -> tuple[date, date]:
    """'2024-01-22' or '2025-12-14..2025-12-15' → (earliest, latest)."""
    first, _, last = value.partition("..")
    earliest = date.fromisoformat(first.strip())
    latest = date.fromisoformat(last.strip()) if last else earliest
    if latest < earliest:
        raise ValueError(f"the range {value} ends before it starts")
    return earliest, latest


def article_id(outlet: str, day: date | None, headline: str, taken: set[str]) -> str:
    """Slug of outlet, date and the headline's first words: 'reuters-2024-01-22-iran-fm-to-visit-pakistan'."""
    from newsevents.authoring.draft.slug import slug

    base = "-".join([slug(outlet).replace("-", ""), day.isoformat() if day else "undated",
                     slug(headline, max_words=HEADLINE_WORDS)])
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _problem(file: str, message: str, fix: str) -> BuildFailed:
    return BuildFailed([Problem(file, message, fix)])


def _read_capture(project: Project, source: Path) -> tuple[bytes, str, list[Story]]:
    shown = str(source)
    if not source.is_file():
        raise _problem(shown, "no such capture file", "give the path of a saved copy of the story's page")
    if not SAFE_NAME.match(source.name) or source.name == "manifest.yaml":
        raise _problem(shown, f"the file name '{source.name}' cannot be used in data/raw/",
                       "rename the file (no leading dot, not manifest.yaml)")
    data = source.read_bytes()
    problems = Collector()
    text = decode_capture(data, shown, problems)
    problems.raise_if_any()
    stories = parse_capture(text)
    if not stories:
        raise _problem(shown, "no story found in the capture", "capture the story's page again")
    return data, text, stories


def _manifest(project: Project):
    problems = Collector()
    shown = project.rel(project.manifest)
    document = read_yaml(project.manifest, shown, problems)
    if document is not None:
        check_structure(document, coding_schema(project.root, "manifest"), problems)
    problems.raise_if_any()
    return document


def _ask_date(story: Story, number: int, ask: Ask | None, given: DateGiven) -> DateGiven:
    """The date of a story that prints none: from the options, or asked for at a terminal."""
    if given.basis or given.earliest or ask is None:
        return given
    answer = ask(f"Story {number} ('{story.headline[:60]}') prints no date. Publication date "
                 "(YYYY-MM-DD, or EARLIEST..LATEST; empty if unknown)", "")
    if not answer.strip():
        note = ask("What bounds does the text allow? (date_note)", None)
        return DateGiven(basis="unknown", note=note)
    earliest, latest = parse_date_option(answer)
    basis = ask("How is it known? inferred (from the story's text) or external (outside reporting)", "inferred")
    note = ask("Explain the inference or name the outside source (date_note)", None)
    return DateGiven(earliest, latest, basis, note)


def _check_date(given: DateGiven, shown: str, undated: list[str]) -> None:
    if given.basis not in BASES:
        raise _problem(shown, f"{len(undated)} stor{'y' if len(undated) == 1 else 'ies'} print no publication "
                       f"date: {'; '.join(undated)}",
                       "give --published-date YYYY-MM-DD (or EARLIEST..LATEST) with --basis inferred|external "
                       "and --date-note '…', or --basis unknown with --date-note saying what the text allows")
    if given.basis != "unknown" and given.earliest is None:
        raise _problem(shown, f"--basis {given.basis} needs --published-date", "give the date, or --basis unknown")
    if given.basis == "unknown" and given.earliest is not None:
        raise _problem(shown, "a date is given with --basis unknown", "say how it is known: inferred or external")
    if not given.note:
        raise _problem(shown, "a publication date not printed in the capture needs --date-note",
                       "explain the inference, name the outside source, or give the bounds the text allows")


def _appended(manifest: str, entry: dict) -> str:
    """The manifest text with one more capture entry at the end; the comments and layout of the rest are kept
    (a ruamel.yaml round trip gives the unchanged part back byte for byte)."""
    yaml = round_trip()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 110
    data = yaml.load(manifest)
    if not data.get("captures"):  # `captures:` or `captures: []`: start a block list
        data["captures"] = CommentedSeq()
    data["captures"].append(entry)
    text = io.StringIO()
    yaml.dump(data, text)
    return text.getvalue()


def _coded_ids(project: Project) -> set[str]:
    """Event and claim ids the story coding files already use: a draft must not define them again."""
    ids: set[str] = set()
    for path in project.stories_coding.glob("*.yaml"):
        document = read_yaml(path, project.rel(path), Collector())
        data = document.data if document is not None else None
        for event in (data.get("events") or []) if isinstance(data, dict) else []:
            if isinstance(event, dict) and "id" in event:
                ids.add(event["id"])
                ids.update(c["id"] for c in event.get("claims", []) if isinstance(c, dict) and "id" in c)
    return ids


def _atomic_write(path: Path, text: str) -> None:
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as handle:
        handle.write(text)
    os.replace(handle.name, path)


def add_capture(project: Project, source: Path, *, outlet: str | None, published: str | None = None,
                basis: str | None = None, date_note: str | None = None, urls: list[str] | None = None,
                received: str | None = None, ask: Ask | None = None) -> Added:
    """Add one capture and draft its stories; raises BuildFailed (nothing written) on any problem."""
    from newsevents.authoring.draft import draft_story
    from newsevents.authoring.draft.writer import coding_text, proposals_text

    data, text, stories = _read_capture(project, source)
    shown = str(source)
    document = _manifest(project)
    digest = sha256_of(data)
    for entry in document.data["captures"]:
        if entry["sha256"] == digest:
            raise _problem(shown, f"this capture is already in the project as data/raw/{entry['file']}",
                           "nothing to add; its stories' coding files are in data/coding/stories/")
    target = project.raw / source.name
    if target.exists():
        raise _problem(shown, f"data/raw/{source.name} already exists with other content",
                       "rename the new capture file: raw captures are never replaced")
    if outlet is None and ask is not None:
        outlet = ask("Outlet (as it names itself, e.g. Reuters, Arab News)", None)
    if not outlet or not outlet.strip():
        raise _problem(shown, "the outlet is not given", "give --outlet (e.g. --outlet 'Arab News')")
    urls = list(urls or [])
    if len(urls) > len(stories):
        raise _problem(shown, f"{len(urls)} URLs given for {len(stories)} stor{'y' if len(stories) == 1 else 'ies'}",
                       "give at most one --url per story, in the order the stories appear")
    try:
        earliest, latest = parse_date_option(published) if published else (None, None)
    except ValueError as error:
        raise _problem(shown, f"--published-date: {error}", "give YYYY-MM-DD or EARLIEST..LATEST") from None
    given = DateGiven(earliest, latest, basis, date_note)
    undated = [f"story {i + 1} '{s.headline[:60]}'" for i, s in enumerate(stories) if s.published_date is None]
    if undated:
        if ask is not None:
            given = _ask_date(next(s for s in stories if s.published_date is None), 1, ask, given)
        _check_date(given, shown, undated)
    taken = {s["article_id"] for e in document.data["captures"] for s in e["stories"]}
    taken |= {path.stem for path in project.stories_coding.glob("*.yaml")}
    story_entries = []
    for i, story in enumerate(stories):
        day = story.published_date or given.earliest
        story_entry = {"article_id": article_id(outlet, day, story.headline, taken)}
        if story.published_date is None:
            story_entry |= given.manifest_keys()
        if i < len(urls):
            story_entry["url"] = urls[i]
        story_entries.append(story_entry)
    entry = {"file": source.name, "sha256": digest, "outlet": outlet.strip(),
             "received": received or f"added with `make add`, {date.today().isoformat()}", "stories": story_entries}
    written: list[Path] = []
    old_manifest = project.manifest.read_text(encoding="utf-8")
    try:
        shutil.copyfile(source, target)
        written.append(target)
        _atomic_write(project.manifest, _appended(old_manifest, entry))
        problems = Collector()
        articles = {a.article_id: a for a in load_articles(project, problems)}
        registries = load_registries(project, problems)
        problems.raise_if_any()
        added = Added(project.rel(target), [], [], [])
        used = _coded_ids(project)
        project.stories_coding.mkdir(parents=True, exist_ok=True)
        for story_entry in story_entries:
            article = articles[story_entry["article_id"]]
            drafted = draft_story(article, registries.actors, registries.places, project.root, used)
            used |= {e["id"] for e in drafted.coding["events"]}
            used |= {c["id"] for e in drafted.coding["events"] for c in e.get("claims", [])}
            proposals = None
            if drafted.actor_proposals or drafted.place_proposals:
                proposal_path = project.coding / "proposals" / f"{article.article_id}.yaml"
                proposal_path.parent.mkdir(parents=True, exist_ok=True)
                proposal_path.write_text(proposals_text(drafted, article.article_id), encoding="utf-8")
                written.append(proposal_path)
                proposals = project.rel(proposal_path)
                added.proposal_files.append(proposals)
            coding_path = project.stories_coding / f"{article.article_id}.yaml"
            coding_path.write_text(coding_text(drafted, article.headline, proposals), encoding="utf-8")
            written.append(coding_path)
            events = drafted.coding["events"]
            added.articles.append(article.article_id)
            added.coding_files.append(project.rel(coding_path))
            added.counts[article.article_id] = (len(events), sum(len(e.get("claims", [])) for e in events),
                                                sum(1 for e in events if "meeting" in e))
        return added
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        _atomic_write(project.manifest, old_manifest)
        raise

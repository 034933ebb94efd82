"""`make add CAPTURE=…`: a new capture into data/raw/, its manifest entry, and a draft coding of each story.

All or nothing: every input is checked before anything is written (authoring/intake.py, manifest_entry.py),
the written manifest is read back by the build's own loader, and on any problem every file written is
removed and the manifest restored.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ruamel.yaml.comments import CommentedSeq

from newsevents.authoring.intake import Intake, read_intake, refuse
from newsevents.authoring.manifest_entry import Ask, Given, capture_entry
from newsevents.core.errors import Collector
from newsevents.core.files import atomic_write_bytes
from newsevents.core.project import Project
from newsevents.core.yamlfile import check_structure, coding_schema, read_yaml, round_trip
from newsevents.ingest.articles import Article, load_articles
from newsevents.ingest.captures import sha256_of
from newsevents.ingest.registries import Registries, load_registries


@dataclass
class Added:
    capture: str
    articles: list[str] = field(default_factory=list)
    coding_files: list[str] = field(default_factory=list)
    proposal_files: list[str] = field(default_factory=list)
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


def _manifest(project: Project):
    problems = Collector()
    document = read_yaml(project.manifest, project.rel(project.manifest), problems)
    if document is not None:
        check_structure(document, coding_schema(project.root, "manifest"), problems)
    problems.raise_if_any()
    return document


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


def _check_new(project: Project, intake: Intake, document, shown: str) -> None:
    """The capture (or saved page) is not in the project yet, and its files would replace none."""
    given = sha256_of(intake.files[intake.saved_page["file"]] if intake.saved_page else intake.capture_bytes)
    for entry in document.data["captures"]:
        if given in (entry["sha256"], entry.get("saved_page", {}).get("sha256")):
            raise refuse(shown, f"this capture is already in the project as data/raw/{entry['file']}",
                         "nothing to add; its stories' coding files are in data/coding/stories/")
    for name in intake.files:
        if (project.raw / name).exists():
            raise refuse(shown, f"data/raw/{name} already exists with other content",
                         "rename the new file: raw captures are never replaced")


def _draft(project: Project, article: Article, registries: Registries, used: set[str], added: Added,
           written: list[Path]) -> None:
    """Write the draft coding of one story, and the registry entries it proposes."""
    from newsevents.authoring.draft import draft_story
    from newsevents.authoring.draft.writer import coding_text, proposals_text

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


def _write(project: Project, intake: Intake, entry: dict, written: list[Path]) -> Added:
    """Write the capture, its manifest entry and the drafts; the manifest is read back by the build's loader."""
    for name, data in intake.files.items():
        atomic_write_bytes(project.raw / name, data)
        written.append(project.raw / name)
    atomic_write_bytes(project.manifest, _appended(project.manifest.read_text(encoding="utf-8"), entry).encode("utf-8"))
    problems = Collector()
    articles = {a.article_id: a for a in load_articles(project, problems)}
    registries = load_registries(project, problems)
    problems.raise_if_any()
    added = Added(project.rel(project.raw / intake.capture_name))
    used = _coded_ids(project)
    project.stories_coding.mkdir(parents=True, exist_ok=True)
    for story in entry["stories"]:
        _draft(project, articles[story["article_id"]], registries, used, added, written)
    return added


def add_capture(project: Project, source: Path, given: Given, ask: Ask | None = None) -> Added:
    """Add one capture (a text copy or a saved web page) and draft its stories; raises BuildFailed, with
    nothing written, on any problem."""
    shown = str(source)
    intake = read_intake(source)
    document = _manifest(project)
    _check_new(project, intake, document, shown)
    taken = {s["article_id"] for e in document.data["captures"] for s in e["stories"]}
    taken |= {path.stem for path in project.stories_coding.glob("*.yaml")}
    entry = capture_entry(intake, given, taken, ask, shown, date.today())
    old_manifest = project.manifest.read_bytes()
    written: list[Path] = []
    try:
        return _write(project, intake, entry, written)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        atomic_write_bytes(project.manifest, old_manifest)
        raise

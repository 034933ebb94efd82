"""`make draft-eval`: how good is the drafter? Three sets of stories, each drafted as `make add` would draft it
and scored against answers written without the drafter:

- test: evaluation/drafting/test/, written after the rules by a session that saw none, scored only to report
  (a missing or empty folder is reported as no held-out set, with no figures);
- dev: evaluation/drafting/dev/, the stories the rules were written on (history.yaml records the scoring of
  the ones that were held out before);
- seed: the project's own curated stories, with the registry entries only that story uses hidden.
"""
from __future__ import annotations

import yaml

from newsevents.authoring.evaluation.buildable import draft_problems
from newsevents.authoring.evaluation.cases import article_for, capture_text
from newsevents.authoring.evaluation.gold import GoldStory, load_gold_set, names, seed_gold
from newsevents.authoring.evaluation.pages import FIELDS, score_page
from newsevents.authoring.evaluation.report import empty_set_text, render, write
from newsevents.authoring.evaluation.scoring import StoryScore, Tally, score_story
from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.ingest.registries import load_registries

SETS = {
    "test": "held-out stories: written after the rules, never read while they were written",
    "dev": "development stories: the ones the rules were written on",
    "seed": "the project's own curated stories (registry entries only that story uses hidden)",
}
__all__ = ["KINDS", "SETS", "TARGETS", "evaluate", "render", "summary", "write"]
KINDS = ("events", "claims", "claims_on_event", "dates", "meetings")
TARGETS = {"events": {"precision": 0.8, "recall": 0.6}, "claims": {"precision": 0.8, "recall": 0.6},
           "dates": {"precision": 0.9}, "outsiders": 0}  # on the test half


def _known(actors: dict[str, dict], drafted) -> dict[str, frozenset[str]]:
    known = {actor_id: names(a["name"], *a["aliases"]) for actor_id, a in actors.items()}
    for proposal in drafted.actor_proposals.values():
        known[proposal.entry["id"]] = names(proposal.entry["name"], *proposal.entry["aliases"])
    return known


def _hidden(story: GoldStory, registries) -> tuple[dict, dict]:
    """The registries a new story would meet: for a seed story, without the entries only it uses."""
    hidden_actors, hidden_places = story.hidden
    return ({k: v for k, v in registries.actors.items() if k not in hidden_actors},
            {k: v for k, v in registries.places.items() if k not in hidden_places})


def _draft(project: Project, story: GoldStory, registries) -> tuple[StoryScore, list[str]]:
    from newsevents.authoring.draft import draft_story

    article = article_for(story)
    actors, places = _hidden(story, registries)
    drafted = draft_story(article, actors, places, project.root)
    known = story.actors | _known(registries.actors, drafted)  # a drafted id keeps the drafter's names
    places = {k: v["name"] for k, v in registries.places.items()}
    places |= {k: p.entry["name"] for k, p in drafted.place_proposals.items()}
    return score_story(story, drafted, article, known, places, project.root), draft_problems(project, article,
                                                                                             drafted)


def _stories(project: Project, name: str) -> list[GoldStory]:
    if name == "seed":
        return seed_gold(project)
    return load_gold_set(project.root / "evaluation" / "drafting" / name, name, capture_text, project.root)


def _score_set(project: Project, name: str, registries) -> dict:
    """One set's figures, story by story and in total; a set with no story has no figures (None), not zeros."""
    stories = _stories(project, name)
    if not stories:
        return {"meaning": SETS[name], "stories": {}, "totals": None, "outsiders": None, "pages": None}
    totals = {kind: Tally() for kind in KINDS}
    per_story, outsiders, pages = {}, [], {field: {"right": 0, "of": 0} for field in FIELDS}
    for story in stories:
        scored, problems = _draft(project, story, registries)
        per_story[story.name] = {kind: getattr(scored, kind).figures() | {
            "missed": getattr(scored, kind).missed, "extra": getattr(scored, kind).extra} for kind in KINDS}
        per_story[story.name]["outsiders"] = scored.outsiders
        per_story[story.name]["unlocated_answers"] = story.unlocated
        per_story[story.name]["draft_problems"] = problems
        if story.page is not None:
            per_story[story.name]["page"] = read = score_page(story)
            for field in FIELDS:
                pages[field]["of"] += 1
                pages[field]["right"] += read[field]["right"]
        outsiders += scored.outsiders
        for kind in KINDS:
            totals[kind].add(getattr(scored, kind))
    return {"meaning": SETS[name], "stories": per_story, "totals": {kind: totals[kind].figures() for kind in KINDS},
            "outsiders": len(outsiders), "pages": pages if any(p["of"] for p in pages.values()) else None}


def evaluate(project: Project = Project(), sets: tuple[str, ...] = tuple(SETS)) -> dict:
    """The figures of the sets named (all by default), story by story and in total, as one JSON-ready dict."""
    problems = Collector()
    registries = load_registries(project, problems)
    problems.raise_if_any()
    history = yaml.safe_load((project.root / "evaluation" / "drafting" / "history.yaml").read_text(encoding="utf-8"))
    return {"sets": {name: _score_set(project, name, registries) for name in sets}, "targets": TARGETS,
            "history": history}


def summary(result: dict) -> str:
    """What `make draft-eval` prints: each set's precision and recall per kind."""
    lines = []
    for name, figures in result["sets"].items():
        lines.append(f"{name} ({len(figures['stories'])} stories): {figures['meaning']}")
        if figures["totals"] is None:
            lines.append(f"  {empty_set_text(name)}")
            continue
        for kind, t in figures["totals"].items():
            p = "–" if t["precision"] is None else f"{t['precision']:.3f}"
            r = "–" if t["recall"] is None else f"{t['recall']:.3f}"
            lines.append(f"  {kind:<15} answers {t['answers']:>4}  drafted {t['drafted']:>4}  matched "
                         f"{t['matched']:>4}  precision {p}  recall {r}")
        lines.append(f"  summaries naming an actor outside their record: {figures['outsiders']}")
        if figures["pages"]:
            lines.append("  pages read right: " + ", ".join(f"{field} {p['right']}/{p['of']}"
                                                           for field, p in figures["pages"].items()))
    return "\n".join(lines)

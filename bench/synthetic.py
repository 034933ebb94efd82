"""A synthetic corpus shaped like the real one, for benchmarks only (never published).

N stories with captures, a manifest, one coding file per story and actor/place registries, deterministic from
a seed. Stories read like wire copy: a headline, a byline, a datelined body of attributed sentences. Each
coded event quotes sentences of its story at their real offsets; a share of events is reported again by a
later story (evidence added by reference, as the real coding does), claims come with sub-groups, and some
events are meetings with participants.
"""
from __future__ import annotations

import hashlib
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from newsevents.core.project import REPO_ROOT, Project

ACTOR_TYPES = ["state", "government_body", "person", "armed_group"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
EVENT_KINDS = [
    # (type, cameo, plover, status, sentence template)
    ("air_strike", "195", "ASSAULT", "occurred",
     "{a} said its forces struck targets of {b} near {p} on {d}, operation {k}."),
    ("statement", "010", "AGREE", "occurred", "{a} said in statement {k} on {d} that talks with {b} would continue."),
    ("diplomatic_downgrade", "161", "SANCTION", "occurred", "{a} recalled its envoy from {b} on {d}, step {k}."),
    ("meeting", "036", "AGREE", "planned", "{a} will host delegation {k} from {b} in {p} on {d}."),
]


@dataclass
class Corpus:
    project: Project
    stories: int
    events: int
    claims: int


def _slug(*parts: str) -> str:
    return "-".join(p.lower() for p in parts)


def _registries(rng: random.Random, n_actors: int, n_places: int) -> tuple[list[dict], list[dict]]:
    actors = []
    for i in range(n_actors):
        kind = ACTOR_TYPES[i % len(ACTOR_TYPES)]
        name = f"Actor{i:05d} {kind.replace('_', ' ').title()}"
        actors.append({"id": f"actor-{i:05d}", "name": name, "type": kind, "country": rng.choice(["IRN", "PAK", "AFG"]),
                       "cameo": rng.choice(["IRN", "PAK", "AFG"]), "aliases": [name]})
    places = [{"id": f"place-{i:04d}", "name": f"Town{i:04d}", "type": "city", "country": "PAK",
               "lat": round(rng.uniform(24, 37), 4), "lon": round(rng.uniform(61, 75), 4), "precision": "exact"}
              for i in range(n_places)]
    return actors, places


def _story(rng: random.Random, index: int, published: date, actors: list[dict], places: list[dict],
           reused: list[dict]) -> tuple[str, dict]:
    """Capture text and coding for one story; ``reused`` holds events of earlier stories it reports again."""
    article_id = f"synthetic-{index:05d}"
    sentences, events = [], []
    for e in range(rng.randint(3, 6)):
        kind, cameo, plover, status, template = EVENT_KINDS[(index + e) % len(EVENT_KINDS)]
        a, b = rng.sample(actors, 2)
        place = rng.choice(places)
        day = published + timedelta(days=7) if status == "planned" else published - timedelta(days=rng.randint(1, 5))
        phrase = f"{day.strftime('%B')} {day.day}, {day.year}"
        token = f"S{index}E{e}"
        main = template.format(a=a["name"], b=b["name"], p=place["name"], d=phrase, k=token)
        sentences.append(main)
        event = {"id": _slug("event", token), "type": kind, "cameo": cameo, "plover": plover,
                 "summary": f"Synthetic event {token} of type {kind}.", "status": status, "salience": "core",
                 "place": place["id"], "date": {"expression": phrase}, "evidence": [main],
                 "actors": [{"actor": a["id"], "role": "initiator", "evidence": [main]},
                            {"actor": b["id"], "role": "target" if kind != "meeting" else "participant",
                             "evidence": [main]}]}
        if kind == "air_strike":
            total, part = rng.randint(5, 12), rng.randint(2, 4)
            claim = (f"{b['name']} said the attack {token} killed {NUMBER_WORDS[total - 2]} people, including "
                     f"{NUMBER_WORDS[part - 2]} children.")
            sentences.append(claim)
            event["evidence"].append(claim)
            parent = _slug("claim", token, "people")
            event["claims"] = [
                {"id": parent, "claimant": b["id"], "outcome": "killed", "victim_group": "people",
                 "count": NUMBER_WORDS[total - 2], "evidence": [claim]},
                {"id": _slug("claim", token, "children"), "claimant": b["id"], "outcome": "killed",
                 "victim_group": "children", "count": NUMBER_WORDS[part - 2], "part_of": parent, "evidence": [claim]},
            ]
            event["actors"].append({"actor": b["id"], "role": "claimant", "evidence": [claim]})
        if kind == "meeting":
            event["meeting"] = {"type": "bilateral_talks", "level": "minister", "host": a["id"],
                                "title": f"Talks {token}"}
            event["participants"] = [{"actor": a["id"], "participation": "host", "evidence": [main]},
                                     {"actor": b["id"], "participation": "expected", "evidence": [main]}]
        events.append(event)
    for old in reused:
        again = f"Reports of {old['token']} were confirmed again in story {index}."
        sentences.append(again)
        events.append({"id": old["id"], "evidence": [again]})
    headline = f"Synthetic story {index} reports {len(events)} events"
    body = [f"DATELINE{index % 7} (Wire) - {sentences[0]}"] + sentences[1:]
    text = headline + "\n\nBy Synthetic Reporter\n\n" + "\n\n".join(body) + "\n"
    coding = {"article_id": article_id, "review": "reviewed", "coder": "synthetic", "events": events}
    return text, coding


def generate(target: Path, n_stories: int, seed: int = 2024) -> Corpus:
    """Write a project at ``target`` with ``n_stories`` synthetic stories (schemas copied from the repository)."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(REPO_ROOT / "schemas", target / "schemas")
    shutil.copytree(REPO_ROOT / "data" / "reference", target / "data" / "reference")
    shutil.copytree(REPO_ROOT / "datasette", target / "datasette")
    project = Project(target)
    project.raw.mkdir(parents=True)
    project.stories_coding.mkdir(parents=True)
    actors, places = _registries(rng, max(20, n_stories // 2), max(10, n_stories // 10))
    manifest, pool, n_events, n_claims = [], [], 0, 0
    start = date(2020, 1, 6)
    for index in range(n_stories):
        published = start + timedelta(days=index % 1500)
        reused = rng.sample(pool, k=min(len(pool), 2)) if pool and rng.random() < 0.3 else []
        text, coding = _story(rng, index, published, actors, places, reused)
        name = f"{index:05d}.txt"
        data = text.encode("utf-8")
        (project.raw / name).write_bytes(data)
        manifest.append({"file": name, "sha256": hashlib.sha256(data).hexdigest(), "outlet": "Synthetic Wire",
                         "received": "synthetic", "stories": [{
                             "article_id": coding["article_id"], "published_date": published.isoformat(),
                             "published_date_basis": "inferred", "date_note": "synthetic"}]})
        with (project.stories_coding / f"{coding['article_id']}.yaml").open("w", encoding="utf-8") as handle:
            yaml.safe_dump(coding, handle, allow_unicode=True, sort_keys=False, width=1000)
        defined = [e for e in coding["events"] if "type" in e]
        pool += [{"id": e["id"], "token": e["id"].removeprefix("event-").upper()} for e in defined
                 if e["type"] != "meeting"]
        pool = pool[-200:]
        n_events += len(defined)
        n_claims += sum(len(e.get("claims", [])) for e in defined)
    _dump(project.manifest, {"captures": manifest})
    _dump(project.actor_registry, {"actors": actors})
    _dump(project.place_registry, {"places": places})
    return Corpus(project=project, stories=n_stories, events=n_events, claims=n_claims)


def _dump(path: Path, data: dict) -> None:
    with path.open("w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, allow_unicode=True, sort_keys=False, width=1000)

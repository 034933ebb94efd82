"""The actor and place registries: one entry per real actor or place, with aliases and geocodes."""
from __future__ import annotations

from dataclasses import dataclass

from newsevents.core.errors import Collector
from newsevents.core.graphs import cycles
from newsevents.core.project import Project
from newsevents.core.yamlfile import (
    Document,
    Where,
    check_structure,
    coding_schema,
    read_yaml,
)


@dataclass
class Registries:
    actors: dict[str, dict]
    places: dict[str, dict]
    actor_lines: dict[str, Where]
    place_lines: dict[str, Where]


def _entries(project: Project, path, key: str, problems: Collector) -> tuple[list[dict], Document | None]:
    shown = project.rel(path)
    if not path.exists():
        problems.add(shown, f"the {key} registry is missing", f"restore {shown} from git")
        return [], None
    document = read_yaml(path, shown, problems)
    if document is None or not check_structure(document, coding_schema(project.root, key), problems):
        return [], None
    return document.data[key], document


def load_registries(project: Project, problems: Collector) -> Registries:
    registries = Registries({}, {}, {}, {})
    for key, path, target, lines in (
        ("actors", project.actor_registry, registries.actors, registries.actor_lines),
        ("places", project.place_registry, registries.places, registries.place_lines),
    ):
        entries, document = _entries(project, path, key, problems)
        for i, entry in enumerate(entries):
            where = Where(document.path, entry["id"], document, (key, i))
            if entry["id"] in target:
                problems.add(document.path, f"{key[:-1]} id '{entry['id']}' is defined twice",
                             f"merge the two entries or rename one (first at line {lines[entry['id']].line})",
                             line=where.line, record=entry["id"])
                continue
            target[entry["id"]] = entry
            lines[entry["id"]] = where
    _check_actor_links(registries, problems)
    _check_places(registries, problems)
    return registries


def _check_actor_links(registries: Registries, problems: Collector) -> None:
    alias_owner: dict[str, str] = {}
    for actor_id, actor in registries.actors.items():
        where = registries.actor_lines[actor_id]
        affiliation = actor.get("affiliation")
        if affiliation and affiliation not in registries.actors:
            problems.add(where.file, f"affiliation '{affiliation}' is not a registered actor",
                         "add that actor to the registry, or fix the id", line=where.line, record=actor_id)
        if affiliation == actor_id:
            problems.add(where.file, "an actor cannot be affiliated with itself",
                         "name the body or state it belongs to",
                         line=where.line, record=actor_id)
        for alias in actor["aliases"]:
            owner = alias_owner.setdefault(alias, actor_id)
            if owner != actor_id:
                problems.add(where.file, f"alias '{alias}' also belongs to actor '{owner}'",
                             "an alias must name one actor only; remove it from one of them",
                             line=where.line, record=actor_id)
    # affiliation chains must end: a cycle would make "belongs to" meaningless
    links = {actor_id: actor.get("affiliation") for actor_id, actor in registries.actors.items()}
    for cycle in cycles(links):
        if len(cycle) > 1:  # an actor affiliated with itself is reported above
            where = registries.actor_lines[cycle[0]]
            problems.add(where.file, "affiliations form a cycle: " + " → ".join(cycle + cycle[:1]),
                         "make the chain end at a state or body", line=where.line, record=cycle[0])


def _check_places(registries: Registries, problems: Collector) -> None:
    for place_id, place in registries.places.items():
        where = registries.place_lines[place_id]
        has_point = place.get("lat") is not None and place.get("lon") is not None
        if (place.get("lat") is None) != (place.get("lon") is None):
            problems.add(where.file, "only one of lat and lon is given", "give both, or neither", line=where.line,
                         record=place_id)
        elif place["precision"] == "unknown" and has_point:
            problems.add(where.file, "precision 'unknown' but a point is given",
                         "remove the point, or say how well it locates the place", line=where.line, record=place_id)
        elif place["precision"] != "unknown" and not has_point:
            problems.add(where.file, f"precision '{place['precision']}' but no point is given",
                         "add lat and lon, or set precision to unknown", line=where.line, record=place_id)

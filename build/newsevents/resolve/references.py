"""Ids written in coding files checked against the registries and code lists, at the line they are written."""
from __future__ import annotations

from newsevents.core.errors import Collector
from newsevents.core.yamlfile import Where
from newsevents.ingest.registries import Registries


class References:
    """Checks that the ids a coding file names exist, reporting at the line they are written."""

    def __init__(self, registries: Registries, cameo: set[str], problems: Collector):
        self.registries, self.cameo, self.problems = registries, cameo, problems

    def actor(self, actor_id: str | None, where: Where, what: str) -> None:
        if actor_id is not None and actor_id not in self.registries.actors:
            self.problems.add(where.file, f"{what} '{actor_id}' is not in the actor registry",
                              "add the actor to data/coding/actors.yaml, or fix the id",
                              line=where.line, record=where.record)

    def place(self, place_id: str | None, where: Where) -> None:
        if place_id is not None and place_id not in self.registries.places:
            self.problems.add(where.file, f"place '{place_id}' is not in the place registry",
                              "add it to data/coding/places.yaml, or fix the id", line=where.line,
                              record=where.record)

    def cameo_code(self, code: str, where: Where) -> None:
        if code not in self.cameo:
            self.problems.add(where.file, f"'{code}' is not a CAMEO event code",
                              "pick a code from data/reference/cameo_event_codes.tsv (quote it: \"042\")",
                              line=where.line, record=where.record)

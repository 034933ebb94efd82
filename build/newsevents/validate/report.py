"""Problems found in the tables, pointed at the coding line a record was written on when it is known."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from newsevents.core.errors import Collector
from newsevents.core.yamlfile import Where


@dataclass(frozen=True)
class Origins:
    """Where the records of a build were written: event and claim ids → their coding file and line. Empty when
    a package is validated on its own."""
    events: Mapping[str, Where] = field(default_factory=dict)
    claims: Mapping[str, Where] = field(default_factory=dict)


class TableReport:
    """Adds table-level problems, at the coding line of the record when it came from a coding file, else at
    the table's CSV row."""

    def __init__(self, problems: Collector, origins: Origins):
        self.problems, self.origins = problems, origins

    def add(self, table: str, record: str, message: str, fix: str, row: int | None = None) -> None:
        where = None
        if table == "casualty_claims" and record in self.origins.claims:
            where = self.origins.claims[record]
        elif record in self.origins.events:
            where = self.origins.events[record]
        if where is not None:
            self.problems.add(where.file, message, fix, line=where.line, record=record)
        else:
            self.problems.add(f"data/{table}.csv", message, fix, line=row, record=record)

"""Input errors as values: each names where it is, what is wrong and how to fix it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely enough for a coder to act on."""

    file: str
    message: str
    fix: str = ""
    line: int | None = None
    record: str | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        record = f" [{self.record}]" if self.record else ""
        fix = f"\n    fix: {self.fix}" if self.fix else ""
        return f"{where}{record}: {self.message}{fix}"


class BuildFailed(Exception):
    """Raised with every problem found; the build publishes nothing."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.record or "", p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [f"build failed: {count} problem{'s' if count != 1 else ''}; nothing was published"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


class Collector:
    """Gathers problems from a stage and raises them together."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, message: str, fix: str = "", line: int | None = None, record: str | None = None) -> None:
        self.problems.append(Problem(file=file, message=message, fix=fix, line=line, record=record))

    def raise_if_any(self) -> None:
        if self.problems:
            raise BuildFailed(self.problems)

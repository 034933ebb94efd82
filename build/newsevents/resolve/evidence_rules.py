"""What an evidence list must be beyond verbatim: passages that can each support a fact.

Two slips pass the quote locator because every piece is still verbatim: a quote too short to show a fact on its
own (a name, "wrote on X"), and a passage cut into pieces at its commas, which is what a YAML flow list
`[a, b]` does to a quote holding a comma. The shortest quote allowed is the quote column's `min_length` in
schemas/fields.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

COMMA_GAP = re.compile(r",\s*")  # what separates two pieces of one sentence cut at a comma


@dataclass(frozen=True)
class Located:
    """One quote of an evidence list, located in its story: its position in the list and its offsets."""
    index: int
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Slip:
    """A rule an evidence list breaks, at the list item where the coder fixes it."""
    index: int
    message: str
    fix: str


def comma_splits(found: list[Located], text: str) -> list[list[Located]]:
    """Runs of quotes of one list that are adjacent pieces of one passage, each separated only by a comma."""
    runs: list[list[Located]] = []
    ordered = sorted(found, key=lambda q: q.start)
    for previous, quote in zip(ordered, ordered[1:]):
        if not COMMA_GAP.fullmatch(text, previous.end, quote.start):
            continue
        if runs and runs[-1][-1] is previous:
            runs[-1].append(quote)
        else:
            runs.append([previous, quote])
    return runs


def _split_slip(run: list[Located]) -> Slip:
    numbers = sorted(q.index + 1 for q in run)
    which = ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
    pieces = ", ".join(repr(q.quote) for q in run)
    return Slip(numbers[0] - 1, f"quotes {which} of this evidence list are pieces of one passage cut at its commas "
                f"({pieces}): a YAML flow list [a, b] splits at every comma",
                "write the passage as one quote on its own line of a block list (`- a, b`), or quote it")


def evidence_slips(found: list[Located], text: str, shortest: int) -> list[Slip]:
    """Every rule the list breaks. A piece of a comma split is not also reported as too short: one slip, one
    problem."""
    runs = comma_splits(found, text)
    slips = [_split_slip(run) for run in runs]
    in_splits = {q.index for run in runs for q in run}
    slips += [Slip(q.index, f"the quote {q.quote!r} is {len(q.quote)} characters long, too short to show a fact on "
                   f"its own (at least {shortest})", "quote the clause that states the fact, with who did what")
              for q in found if len(q.quote) < shortest and q.index not in in_splits]
    return sorted(slips, key=lambda s: s.index)

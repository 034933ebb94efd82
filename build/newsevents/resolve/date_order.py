"""Order between events narrows their date ranges, and no range is more certain than what narrowed it.

Each event has a span of possible days, each end with the basis it rests on. A link says how two events' days
relate: "two days after" another event (an exact offset, which narrows both), or "after" / "before" another event
(an order, which narrows the event that states it). Links are applied until nothing changes. An end moved by a
link rests on the weaker of the other event's end and the link itself, so certainty never grows along a chain: a
day resolved from an inferred day is inferred.
"""
from __future__ import annotations

from dataclasses import dataclass, field

STRENGTH = ("stated", "resolved_relative", "inferred", "external", "unknown")  # strongest first


def weaker(*bases: str) -> str:
    return max(bases, key=STRENGTH.index)


@dataclass
class End:
    day: int | None  # a proleptic ordinal (date.toordinal()); None when open
    basis: str = "unknown"


@dataclass
class Span:
    """An event's possible days. ``floor``: the best basis its ends can have (an inferred phrase is inferred)."""
    low: End = field(default_factory=lambda: End(None))
    high: End = field(default_factory=lambda: End(None))
    floor: str = "stated"


@dataclass(frozen=True)
class Link:
    """day(event) − day(other) lies within [least, most] (None: unbounded on that side)."""
    event: str
    other: str
    least: int | None
    most: int | None
    basis: str
    both_ways: bool


def _tighten(span: Span, side: str, day: int, basis: str) -> bool:
    """Move one end inward (or keep it with a better basis); True when it changed."""
    end, basis = getattr(span, side), weaker(basis, span.floor)
    inward = end.day is None or (day > end.day if side == "low" else day < end.day)
    if inward or (day == end.day and STRENGTH.index(basis) < STRENGTH.index(end.basis)):
        setattr(span, side, End(day, basis))
        return True
    return False


def _apply(link: Link, spans: dict[str, Span]) -> bool:
    this, other = spans[link.event], spans[link.other]
    moves = [(this, "low", other.low, link.least), (this, "high", other.high, link.most)]
    if link.both_ways:
        moves += [(other, "low", this.low, None if link.most is None else -link.most),
                  (other, "high", this.high, None if link.least is None else -link.least)]
    changed = False
    for span, side, source, offset in moves:
        if source.day is not None and offset is not None:
            changed |= _tighten(span, side, source.day + offset, weaker(source.basis, link.basis))
    return changed


def narrow(spans: dict[str, Span], links: list[Link]) -> set[str]:
    """Apply the links until no end moves; the events whose span is empty, or that a contradictory cycle of
    links keeps moving, are returned (their order cannot be met)."""
    links = [link for link in links if link.event in spans and link.other in spans]
    for _ in range(len(spans) + 1):
        moved = {link.event for link in links if _apply(link, spans)}
        if not moved:
            break
    else:
        return moved | {link.other for link in links if link.event in moved}
    return {event_id for event_id, span in spans.items()
            if span.low.day is not None and span.high.day is not None and span.low.day > span.high.day}

"""Order between events narrows date ranges, and certainty never grows along a chain."""
from __future__ import annotations

from datetime import date

from newsevents.resolve.date_order import End, Link, Span, narrow, weaker


def day(d: int) -> int:
    return date(2024, 1, d).toordinal()


def span(low: int | None, high: int | None, basis: str = "resolved_relative", floor: str = "stated") -> Span:
    return Span(End(day(low) if low else None, basis), End(day(high) if high else None, basis), floor)


def days(s: Span) -> tuple:
    return (date.fromordinal(s.low.day).day if s.low.day else None,
            date.fromordinal(s.high.day).day if s.high.day else None, weaker(s.low.basis, s.high.basis))


def test_an_exact_offset_narrows_both_events_and_carries_the_weaker_basis():
    """Iran's strike "last week" (15–21), Pakistan's two days after it and no later than a caption's 18 January."""
    spans = {"iran": span(15, 21), "pakistan": Span(high=End(day(18), "inferred"), floor="resolved_relative")}
    assert narrow(spans, [Link("pakistan", "iran", 2, 2, "resolved_relative", both_ways=True)]) == set()
    assert days(spans["pakistan"]) == (17, 18, "inferred")
    assert days(spans["iran"]) == (15, 16, "inferred")  # its end moved by the caption: no longer resolved_relative


def test_an_order_narrows_only_the_event_that_states_it():
    spans = {"call": span(15, 21), "announcement": span(19, 19)}
    narrow(spans, [Link("call", "announcement", None, 0, "inferred", both_ways=False)])
    assert days(spans["call"]) == (15, 19, "inferred")
    assert days(spans["announcement"]) == (19, 19, "resolved_relative")


def test_an_order_that_narrows_nothing_leaves_the_basis_alone():
    spans = {"recall": span(15, 21), "strike": span(15, 16, "inferred")}
    narrow(spans, [Link("recall", "strike", 0, None, "inferred", both_ways=False)])
    assert days(spans["recall"]) == (15, 21, "resolved_relative")


def test_an_open_event_takes_both_ends_from_order_and_a_floor_caps_its_basis():
    spans = {"statement": Span(high=End(day(22), "inferred")), "other": span(22, 22, "stated")}
    narrow(spans, [Link("statement", "other", 0, None, "stated", both_ways=False)])
    assert days(spans["statement"]) == (22, 22, "inferred")
    floored = {"a": span(None, None, floor="external"), "b": span(10, 12, "stated")}
    narrow(floored, [Link("a", "b", 0, 0, "resolved_relative", both_ways=True)])
    assert days(floored["a"]) == (10, 12, "external")


def test_an_order_that_cannot_hold_is_returned():
    spans = {"clash": span(4, 4), "talks": span(9, 9)}
    assert narrow(spans, [Link("clash", "talks", 0, None, "inferred", both_ways=False)]) == {"clash"}


def test_a_contradictory_cycle_stops_and_is_returned():
    spans = {"a": span(10, None), "b": span(None, None)}
    links = [Link("a", "b", 2, 2, "resolved_relative", both_ways=True),
             Link("b", "a", 0, None, "inferred", both_ways=False)]
    assert narrow(spans, links) == {"a", "b"}

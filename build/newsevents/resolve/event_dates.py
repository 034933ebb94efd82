"""Each event's date spec → resolved date columns.

An event's own span comes from its date phrase (resolved against its story's publication date), from explicit
dates with their outside source, or, for an occurred event with no date of its own, from its story (it happened
no later than the story). `latest` bounds it by a phrase that dates something later (a photo caption's date).
Links between events then narrow the spans (resolve/date_order.py): `anchor` with a phrase such as "two days
after", and the order the coding states with `after` and `before`.
"""
from __future__ import annotations

from datetime import date

from newsevents.core.errors import Collector
from newsevents.core.graphs import cycles
from newsevents.resolve.date_order import End, Link, Span, narrow, weaker
from newsevents.resolve.date_phrases import (
    DatePhraseError,
    Resolved,
    days_offset,
    needs_anchor,
    precision_of,
    resolve,
)
from newsevents.resolve.merge import Event
from newsevents.resolve.quotes import QuoteError, locate

ORDER_FIX = "check date.after, date.before, date.anchor and date.latest against the story"


def _spec_problem(problems: Collector, event: Event, message: str, fix: str) -> None:
    problems.add(event.where.file, message, fix, line=event.where.line, record=event.event_id)


def _in_story(event: Event, phrase: str, key: str, problems: Collector) -> bool:
    article = event.article
    try:
        locate(phrase, article.text, article.story.start, article.story.end, occurrence=1)
        return True
    except QuoteError:
        _spec_problem(problems, event, f"date {key} {phrase!r} is not in the story verbatim",
                      "copy the date phrase exactly as the story prints it")
        return False


def _span(resolved: Resolved, floor: str = "stated") -> Span:
    if resolved.start is None:
        return Span(floor=floor)
    basis = weaker(resolved.basis, floor)
    return Span(End(resolved.start.toordinal(), basis), End(resolved.end.toordinal(), basis), floor)


def _explicit(event: Event, spec: dict, problems: Collector) -> Span | None:
    """A date given as start/end, from outside reporting (external) or the coder's inference."""
    if "source" not in spec and spec.get("basis") == "external":
        _spec_problem(problems, event, "an outside date needs its source", "name it in date.source")
    try:
        start = _iso(spec.get("start"))
        end = _iso(spec.get("end")) or start
    except ValueError as error:
        _spec_problem(problems, event, f"impossible date: {error}", "give a real date as YYYY-MM-DD")
        return None
    if start is None or spec.get("basis") not in ("external", "inferred"):
        _spec_problem(problems, event, "explicit start/end dates need basis external or inferred and a start",
                      "prefer a date phrase from the story; otherwise give start, end, basis and source")
        return None
    if end < start:
        _spec_problem(problems, event, f"the date range is reversed: start {start} is after end {end}",
                      "give start on or before end")
        return None
    return _span(Resolved(start, end, precision_of(start, end), spec["basis"]))


def _phrase(event: Event, expression: str, spec: dict, problems: Collector) -> Span | None:
    """The span a phrase gives on its own (open for a phrase relative to another event, which a link dates)."""
    floor = "inferred" if spec.get("basis") == "inferred" else "stated"
    if floor == "inferred" and not event.fields.get("notes"):
        _spec_problem(problems, event, "an inferred date needs an explanation", "say how it follows in notes")
    try:
        if needs_anchor(expression) == "event":
            return Span(floor=weaker(floor, "resolved_relative"))
        article = event.article
        resolved = resolve(expression, article.published_range, published_basis=article.published_date_basis,
                           future=event.fields["status"] in ("planned", "proposed"))
    except DatePhraseError as error:
        if spec.get("basis") != "unknown":
            _spec_problem(problems, event, str(error), "fix the phrase, or set date.basis: unknown to record the "
                          "phrase with no date")
        return None
    return _span(resolved, floor)


def _own_span(event: Event, problems: Collector) -> Span | None:
    """The event's span before links narrow it; None when it has no date at all (basis unknown, or a problem)."""
    spec = event.fields.get("date") or {}
    expression = spec.get("expression")
    if expression and not _in_story(event, expression, "expression", problems):
        return None
    if spec.get("basis") == "external" or "start" in spec:
        span = _explicit(event, spec, problems)
    elif expression:
        span = _phrase(event, expression, spec, problems)
    else:
        span = Span()
    if span is None or spec.get("basis") == "unknown":
        return None
    if any(key in spec for key in ("after", "before", "latest")) and not event.fields.get("notes"):
        _spec_problem(problems, event, "an order or a latest day needs an explanation",
                      "say in notes what in the story places the event after, before or by them")
    _bound_by_story(event, span)
    return span if _latest(event, spec.get("latest"), span, problems) else None


def _bound_by_story(event: Event, span: Span) -> None:
    """An occurred event with no date of its own of that end happened no later than its story."""
    published = event.article.published_range
    if span.high.day is None and event.fields["status"] == "occurred" and published is not None:
        basis = weaker("inferred", event.article.published_date_basis)
        span.high = End(published[1].toordinal(), weaker(basis, span.floor))


def _latest(event: Event, phrase: str | None, span: Span, problems: Collector) -> bool:
    """`latest`: a phrase naming a day the event came no later than (inferred: it dates something else)."""
    if phrase is None:
        return True
    if not _in_story(event, phrase, "latest", problems):
        return False
    try:
        bound = resolve(phrase, event.article.published_range, published_basis=event.article.published_date_basis)
    except DatePhraseError as error:
        _spec_problem(problems, event, f"date.latest: {error}", "give the phrase as the story prints it")
        return False
    if bound.end is not None and (span.high.day is None or bound.end.toordinal() < span.high.day):
        span.high = End(bound.end.toordinal(), weaker(bound.basis, "inferred", span.floor))
    return True


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _undefined(event: Event, other: str, key: str, events: dict[str, Event], problems: Collector) -> bool:
    if other == event.event_id or other not in events or events[other].fields is None:
        what = "the event itself" if other == event.event_id else "not a defined event"
        _spec_problem(problems, event, f"date {key} '{other}' is {what}", "fix the event id")
        return True
    return False


def _anchor_link(event: Event, spec: dict, events: dict[str, Event], problems: Collector) -> Link | None:
    """The exact offset a phrase such as 'two days after' states between this event and its anchor."""
    expression, anchor_id = spec.get("expression"), spec.get("anchor")
    try:
        relative = expression is not None and needs_anchor(expression) == "event"
    except DatePhraseError:
        return None  # reported with the phrase
    if not relative:
        if anchor_id:
            phrase = f"'{expression}' is" if expression else "the date has no phrase"
            _spec_problem(problems, event, f"{phrase} not relative to another event, but an anchor is given",
                          "remove date.anchor")
        return None
    if anchor_id is None:
        _spec_problem(problems, event, f"'{expression}' is relative to another event",
                      "name that event in date.anchor (and date.this_is: before|after)")
        return None
    if _undefined(event, anchor_id, "anchor", events, problems):
        return None
    days = days_offset(expression) * (-1 if spec.get("this_is") == "before" else 1)
    return Link(event.event_id, anchor_id, days, days, "resolved_relative", both_ways=True)


def _links(events: dict[str, Event], problems: Collector) -> list[Link]:
    """Every link the coding states: anchors (an exact offset) and the order given with after and before."""
    links = []
    for event_id, event in events.items():
        spec = event.fields.get("date") or {}
        links += [link for link in [_anchor_link(event, spec, events, problems)] if link]
        for key, least, most in (("after", 0, None), ("before", None, 0)):
            links += [Link(event_id, other, least, most, "inferred", both_ways=False)
                      for other in spec.get(key, []) if not _undefined(event, other, key, events, problems)]
    return links


def _anchor_cycles(events: dict[str, Event], links: list[Link], problems: Collector) -> list[Link]:
    """Links without the anchors that form a cycle (each cycle reported once): a day needs a phrase to start from."""
    anchors = {link.event: link.other for link in links if link.both_ways}
    broken = set()
    for cycle in cycles(anchors):
        if len(cycle) > 1:
            _spec_problem(problems, events[cycle[-1]], "date anchors form a cycle: " + " → ".join(cycle + cycle[:1]),
                          "anchor at least one of these events on its own date phrase")
            broken |= set(cycle)
    return [link for link in links if not (link.both_ways and link.event in broken)]


def _resolved(span: Span | None) -> Resolved:
    if span is None or span.low.day is None or span.high.day is None:
        return Resolved.unknown()
    start, end = date.fromordinal(span.low.day), date.fromordinal(span.high.day)
    return Resolved(start, end, precision_of(start, end), weaker(span.low.basis, span.high.basis))


def resolve_event_dates(events: dict[str, Event], problems: Collector) -> dict[str, Resolved]:
    """Resolved dates of every defined event: its own span, narrowed by the links between events; an order that
    cannot be met is a problem at the event that states it."""
    defined = {event_id: event for event_id, event in events.items() if event.fields is not None}
    spans = {event_id: _own_span(event, problems) for event_id, event in defined.items()}
    links = _anchor_cycles(defined, _links(defined, problems), problems)
    known = {event_id: span for event_id, span in spans.items() if span is not None}
    for event_id in sorted(narrow(known, links)):
        span = known.pop(event_id)
        _spec_problem(problems, defined[event_id], "its date and the order given contradict each other: it would "
                      f"fall on or after {_day(span.low)} and on or before {_day(span.high)}", ORDER_FIX)
    return {event_id: _resolved(known.get(event_id)) for event_id in defined}


def _day(end: End) -> str:
    return date.fromordinal(end.day).isoformat() if end.day is not None else "an open end"

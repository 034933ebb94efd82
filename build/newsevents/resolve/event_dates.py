"""Each event's date spec (phrase, anchor, override or outside source) → resolved date columns."""
from __future__ import annotations

from datetime import date

from newsevents.core.errors import Collector
from newsevents.resolve.date_phrases import (
    DatePhraseError,
    Resolved,
    needs_anchor,
    precision_of,
    resolve,
)
from newsevents.resolve.merge import Event
from newsevents.resolve.quotes import QuoteError, locate


def _spec_problem(problems: Collector, event: Event, message: str, fix: str) -> None:
    problems.add(event.where.file, message, fix, line=event.where.line, record=event.event_id)


def _explicit(event: Event, spec: dict, problems: Collector) -> Resolved:
    """A date given as start/end, from outside reporting (external) or the coder's inference."""
    if "source" not in spec and spec.get("basis") == "external":
        _spec_problem(problems, event, "an outside date needs its source", "name it in date.source")
    try:
        start = _iso(spec.get("start"))
        end = _iso(spec.get("end")) or start
    except ValueError as error:
        _spec_problem(problems, event, f"impossible date: {error}", "give a real date as YYYY-MM-DD")
        return Resolved.unknown()
    if start is None or spec.get("basis") not in ("external", "inferred"):
        _spec_problem(problems, event, "explicit start/end dates need basis external or inferred and a start",
                      "prefer a date phrase from the story; otherwise give start, end, basis and source")
        return Resolved.unknown()
    return Resolved(start, end, precision_of(start, end), spec["basis"])


def _anchor(event: Event, expression: str, spec: dict, events: dict[str, Event], done: dict[str, Resolved],
            stack: list[str], problems: Collector) -> tuple[bool, Resolved | None]:
    """(usable, the resolved anchor event) for a phrase relative to another event ('two days after')."""
    anchor_id = spec.get("anchor")
    if needs_anchor(expression) != "event":
        if anchor_id:
            _spec_problem(problems, event, f"'{expression}' is not relative to another event, but an anchor is "
                          "given", "remove date.anchor")
        return True, None
    if anchor_id is None:
        _spec_problem(problems, event, f"'{expression}' is relative to another event",
                      "name that event in date.anchor (and date.this_is: before|after)")
        return False, None
    if anchor_id not in events or events[anchor_id].fields is None:
        _spec_problem(problems, event, f"date anchor '{anchor_id}' is not a defined event", "fix the event id")
        return False, None
    if anchor_id in stack:
        _spec_problem(problems, event, "date anchors form a cycle: " + " → ".join(stack + [anchor_id]),
                      "anchor at least one of these events on its own date phrase")
        return False, None
    return True, _resolved(anchor_id, events, done, stack, problems)


def _inferred(event: Event, resolved: Resolved, problems: Collector) -> Resolved:
    """A phrase the coder marks inferred: it needs notes, and never hides a weaker basis (a date resting on
    outside reporting stays external)."""
    if not event.fields.get("notes"):
        _spec_problem(problems, event, "an inferred date needs an explanation", "say how it follows in notes")
    basis = resolved.basis if resolved.basis in ("external", "unknown") else "inferred"
    return Resolved(resolved.start, resolved.end, resolved.precision, basis)


def _resolve_one(event: Event, events: dict[str, Event], done: dict[str, Resolved], stack: list[str],
                 problems: Collector) -> Resolved:
    spec = event.fields.get("date") or {}
    article = event.article
    expression = spec.get("expression")
    if expression:
        try:
            locate(expression, article.text, article.story.start, article.story.end, occurrence=1)
        except QuoteError:
            _spec_problem(problems, event, f"date expression {expression!r} is not in the story verbatim",
                          "copy the date phrase exactly as the story prints it")
    if spec.get("basis") == "external" or "start" in spec:
        return _explicit(event, spec, problems)
    if not expression:
        return Resolved.unknown()
    try:
        usable, anchor = _anchor(event, expression, spec, events, done, stack, problems)
    except DatePhraseError as error:
        if spec.get("basis") != "unknown":
            _spec_problem(problems, event, str(error), "or set date.basis: unknown to record the phrase with no date")
        return Resolved.unknown()
    if not usable:
        return Resolved.unknown()
    try:
        resolved = resolve(expression, article.published_range,
                           future=event.fields["status"] in ("planned", "proposed"),
                           published_basis=article.published_date_basis, anchor_event=anchor,
                           this_is=spec.get("this_is", "after"))
    except DatePhraseError as error:
        _spec_problem(problems, event, str(error), "fix the phrase, or set date.basis: unknown")
        return Resolved.unknown()
    if spec.get("basis") == "inferred":
        return _inferred(event, resolved, problems)
    if spec.get("basis") == "unknown":
        return Resolved.unknown()
    return resolved


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _resolved(event_id: str, events: dict[str, Event], done: dict[str, Resolved], stack: list[str],
              problems: Collector) -> Resolved:
    if event_id not in done:
        done[event_id] = _resolve_one(events[event_id], events, done, stack + [event_id], problems)
    return done[event_id]


def resolve_event_dates(events: dict[str, Event], problems: Collector) -> dict[str, Resolved]:
    """Resolved dates of every defined event; anchors resolved first, cycles reported."""
    done: dict[str, Resolved] = {}
    for event_id, event in events.items():
        if event.fields is not None:
            _resolved(event_id, events, done, [], problems)
    return done

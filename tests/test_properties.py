"""Property-based tests of the three pure parsers: the story parser, the date resolver and the quote locator.

Each is fed arbitrary text and text shaped like its real input; it must never crash, and what it returns must
hold the invariants the dataset promises (offsets that point at the text, dates that follow from their phrase).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from newsevents.core.project import REPO_ROOT
from newsevents.core.schemas import load_vocabularies, quote_limit
from newsevents.ingest.stories import parse_capture
from newsevents.resolve.date_phrases import (
    DatePhraseError,
    Resolved,
    classify,
    precision_of,
    resolve,
)
from newsevents.resolve.quotes import QuoteError, locate

MAX_QUOTE_LENGTH = quote_limit(REPO_ROOT)
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # timing varies on a shared machine

# --- the story parser -------------------------------------------------------------------------------------

HEADLINES = ["Pakistan joins regional talks", "Iran’s FM to visit Pakistan", "ISLAMABAD: talks begin",
             "A sentence that ends with a full stop."]
FURNITURE = ["Short Url", "Follow", "Updated 22 January 2024", "Updated 6 sec ago", "Updated 31 February 2024"]
BODY = ["By Gibran Naiyyar Peshimam", "ISLAMABAD (Reuters) -Pakistan said on Monday", "TEHRAN: Officials met.",
        "  • a bullet point", "(Reporting by A. Writer; editing by B. Editor)", "A photo caption (AFP/File)",
        "Body text with a “quote” and a\u00a0no-break space.", "", " ", "\t"]
LINE_ENDS = ["\n", "\r\n", "\r", "\u2028", "\x0c"]


@st.composite
def capture_like(draw) -> str:
    """Lines in the shapes captures take: headlines repeated after page furniture, bylines, datelines."""
    lines = draw(st.lists(st.one_of(st.sampled_from(HEADLINES + FURNITURE + BODY), st.text(max_size=40)),
                          max_size=40))
    ends = draw(st.lists(st.sampled_from(LINE_ENDS), min_size=len(lines), max_size=len(lines)))
    return "".join(line + end for line, end in zip(lines, ends))


def check_stories(text: str) -> None:
    stories = parse_capture(text)
    if not text.strip():
        assert stories == []
    previous_end = 0
    for number, story in enumerate(stories):
        assert story.index == number
        assert previous_end <= story.start < story.end <= len(text), "stories are inside, ordered, disjoint"
        previous_end = story.end
        if story.headline is not None:  # a story may print none: the person adding it supplies one
            assert story.headline and story.headline == story.headline.strip()
            assert text.startswith(story.headline, story.start), "the story starts with its headline"
            assert [s.kind for s in story.spans][:1] == ["headline"]
        for span in story.spans:
            assert story.start <= span.start < span.end <= story.end
            assert text[span.start : span.end] == span.text
        assert story.word_count >= 0
        if story.published_date is not None:
            assert story.published_date_phrase in text[story.start : story.end]


@RELAXED
@given(st.text())
@example("Headline\nShort Url\nUpdated 22 January 2024\nFollow\nHeadline\nBody.\n")
@example("\u2028\x85Headline\x1c\nShort Url\nHeadline\x1c\n")
def test_story_parser_never_crashes_on_any_text(text: str) -> None:
    check_stories(text)


@RELAXED
@given(capture_like())
def test_story_parser_on_capture_shaped_text(text: str) -> None:
    check_stories(text)


@RELAXED
@given(capture_like(), capture_like())
@example("", "ISLAMABAD (Reuters) -Pakistan said on Monday\nUpdated 22 January 2024\n")
@example("", "Short Url\nPakistan joins regional talks\n")  # a story's own tools are not the site's header
def test_a_repeated_headline_after_furniture_starts_a_second_story(first: str, body: str) -> None:
    headline = "Pakistan joins regional talks on Afghanistan"
    assume(headline not in first + body)
    second_start = f"{headline}\nUpdated 6 sec ago\nFollow\n{headline}\n"
    text = f"Opening headline\n{first}\n{second_start}{body}"
    stories = parse_capture(text)
    assert any(story.headline == headline and story.start == text.index(second_start) for story in stories)
    check_stories(text)


# --- the date resolver ------------------------------------------------------------------------------------

MONTH_NAMES = [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + ["Sept", "Sep.",
                                                                                             "Janvier", "Mayo"]
WEEKDAY_NAMES = list(calendar.day_name) + ["Funday", "monday", "FRIDAY"]
BACKWARD = ("last", "yesterday", "earlier", "before")
FORWARD = ("next", "tomorrow", "this", "later", "after")


@st.composite
def date_phrases(draw) -> str:
    """Phrases in the resolver's grammar and near misses: leads, day numbers 0–39, real and false names."""
    lead = draw(st.sampled_from(["", "on ", "by ", "in ", "since ", "until ", "as of ", "On "]))
    day = str(draw(st.integers(0, 39)))
    month = draw(st.sampled_from(MONTH_NAMES))
    year = draw(st.sampled_from(["0000", "0001", "1999", "2024", "2025", "9999"]))
    weekday = draw(st.sampled_from(WEEKDAY_NAMES))
    count = draw(st.sampled_from(["0", "1", "two", "a", "ten", "eleven", "99999999999", "3"]))
    return draw(st.sampled_from([
        f"{lead}{day} {month} {year}", f"{lead}{month} {day}, {year}", f"{lead}{day} {month}",
        f"{lead}{month} {day}", f"{lead}{month}{day}", f"{lead}{month} {year}", f"{lead}{year}", f"{lead}{month}",
        f"{weekday}", f"on {weekday}", f"last {weekday}", f"next {weekday}", f"this {weekday}",
        f"on last {weekday}", "last week", "next week", "this week", "yesterday", "today", "tomorrow",
        f"{count} days after", f"{count} days before", f"{count} days later", f"{count} day earlier",
        "the next day after", "the following day after", "the day before",
    ]))


publication_days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def publications(draw) -> tuple[date, date] | None:
    """None (unknown), one day, or a range of up to ten days."""
    if draw(st.booleans()) and draw(st.booleans()):
        return None
    earliest = draw(publication_days)
    return earliest, earliest + timedelta(days=draw(st.sampled_from([0, 0, 1, 3, 10])))


anchors = st.one_of(st.none(), st.just(Resolved.unknown()),
                    st.builds(lambda d, n: Resolved(d, d + timedelta(days=n), precision_of(d, d + timedelta(days=n)),
                                                    "stated"), publication_days, st.integers(0, 40)))


def resolve_or_reject(phrase, published, future, anchor, this_is) -> Resolved | None:
    try:
        return resolve(phrase, published, future=future, anchor_event=anchor, this_is=this_is)
    except DatePhraseError:
        return None


@RELAXED
@given(st.one_of(st.text(), date_phrases()), publications(), st.booleans(), anchors,
       st.sampled_from(["after", "before"]))
@example("0000", (date(2024, 1, 22),) * 2, False, None, "after")
@example("Feb 29", (date(2024, 1, 22),) * 2, False, None, "after")
@example("Jan 0", (date(2024, 1, 22),) * 2, False, None, "after")
@example("99999999999 days after", None, False, Resolved(date(2024, 1, 1), date(2024, 1, 1), "day", "stated"),
         "after")
def test_date_resolver_resolves_or_rejects_and_stays_consistent(phrase, published, future, anchor, this_is):
    resolved = resolve_or_reject(phrase, published, future, anchor, this_is)
    if resolved is None:
        return
    vocabularies = load_vocabularies(REPO_ROOT)
    assert resolved.precision in vocabularies["date_precision"].values
    assert resolved.basis in vocabularies["date_basis"].values
    if resolved.start is None:
        assert resolved.end is None and resolved.precision == "unknown"
        return
    assert resolved.start <= resolved.end
    assert resolved.precision == precision_of(resolved.start, resolved.end)
    kind, match = classify(phrase)
    words = phrase.lower().split()
    if kind == "weekday":
        weekday = list(calendar.day_name).index(match.group("weekday").capitalize())
        assert resolved.start.weekday() == weekday and resolved.end.weekday() == weekday
    if kind in ("day_month_year", "month_day_year"):
        assert resolved.start == resolved.end and resolved.start.year == int(match.group("year"))
        assert resolved.start.day == int(match.group("day"))
    if kind in ("days_offset", "day_month_year", "month_day_year", "month_year", "year") or published is None:
        return  # absolute phrases and offsets from another event do not depend on the story's date
    earliest, latest = published
    if not future and not any(word in FORWARD for word in words):
        assert resolved.start <= latest, "a past phrase does not land after the story"
    if future and not any(word in BACKWARD for word in words):
        assert resolved.end >= earliest, "a planned phrase does not land before the story"
    if kind in ("weekday", "relative_day", "day_month", "month_day") and earliest == latest:
        assert resolved.precision == "day"


@RELAXED
@given(publications(), st.booleans())
def test_absolute_phrases_ignore_the_publication_date(published, future):
    resolved = resolve("29 January 2024", published, future=future)
    assert (resolved.start, resolved.end, resolved.precision, resolved.basis) == \
        (date(2024, 1, 29), date(2024, 1, 29), "day", "stated")


# --- the quote locator ------------------------------------------------------------------------------------

texts = st.text(alphabet=st.sampled_from("ab \n’\u00a0.Iran"), max_size=300) | st.text(max_size=300)


@st.composite
def text_and_window(draw) -> tuple[str, int, int]:
    text = draw(texts)
    start = draw(st.integers(0, len(text)))
    return text, start, draw(st.integers(start, len(text)))


def rightly_rejected(text: str, quote: str, start: int, end: int, occurrence: int | None) -> bool:
    """Whether a quote may not be placed: blank, over the limit, absent, ambiguous, or a wrong occurrence."""
    count = sum(text.startswith(quote, i) for i in range(start, end - len(quote) + 1)) if quote else 0
    return (not quote.strip() or len(quote) > MAX_QUOTE_LENGTH or count == 0
            or (occurrence is None and count > 1) or (occurrence is not None and not 1 <= occurrence <= count))


def locate_or_reject(quote: str, text: str, start: int, end: int, occurrence: int | None) -> None:
    try:
        found_start, found_end = locate(quote, text, start, end, occurrence, limit=MAX_QUOTE_LENGTH)
    except QuoteError as error:
        assert error.fix and rightly_rejected(text, quote, start, end, occurrence)
        return
    assert not rightly_rejected(text, quote, start, end, occurrence)
    assert text[found_start:found_end] == quote
    assert start <= found_start <= found_end <= end


@RELAXED
@given(text_and_window(), st.data())
def test_a_quote_taken_from_the_story_is_located_at_its_exact_offsets(window, data):
    text, start, end = window
    assume(end > start)
    quote_start = data.draw(st.integers(start, end - 1))
    quote = text[quote_start : data.draw(st.integers(quote_start + 1, min(end, quote_start + MAX_QUOTE_LENGTH)))]
    locate_or_reject(quote, text, start, end, data.draw(st.one_of(st.none(), st.integers(-1, 5))))


@RELAXED
@given(text_and_window(), texts, st.one_of(st.none(), st.integers(-1, 3)))
def test_any_quote_is_located_exactly_or_rejected(window, quote, occurrence):
    text, start, end = window
    locate_or_reject(quote, text, start, end, occurrence)


@RELAXED
@given(texts.filter(lambda t: t.strip()))
def test_a_quote_missing_from_the_story_is_rejected(quote):
    story = "The story text holds none of it: 0123456789"
    assume(" ".join(quote.split()) not in story)  # whitespace is read flexibly: "\nn" is found as " n"
    try:
        locate(quote, story, 0, len(story))
    except QuoteError as error:
        assert "not in the story verbatim" in str(error) or "over the limit" in str(error)
    else:
        raise AssertionError("a missing quote was located")


def test_a_quote_over_the_limit_is_rejected_even_when_present():
    text = "x" * (MAX_QUOTE_LENGTH + 1)
    try:
        locate(text, text, 0, len(text), limit=MAX_QUOTE_LENGTH)
    except QuoteError as error:
        assert "over the limit" in str(error)
    else:
        raise AssertionError("an overlong quote was located")


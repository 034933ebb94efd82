"""The date resolver on every date phrase of the seed stories, and on the edge cases around them."""
from __future__ import annotations

from datetime import date

import pytest

from newsevents.resolve.date_phrases import (
    DatePhraseError,
    Resolved,
    needs_anchor,
    precision_of,
    resolve,
)

MONDAY_2024_01_22 = (date(2024, 1, 22), date(2024, 1, 22))
TEHRAN_STORY = (date(2025, 12, 14), date(2025, 12, 15))  # outside reporting: published 14–15 December 2025
D = date


@pytest.mark.parametrize(
    "phrase, future, expected",
    [
        # Reuters, published (inferred) Monday 22 January 2024
        ("on Monday", False, (D(2024, 1, 22), D(2024, 1, 22), "day", "resolved_relative")),
        ("next week", True, (D(2024, 1, 29), D(2024, 2, 4), "week", "resolved_relative")),
        ("last week", False, (D(2024, 1, 15), D(2024, 1, 21), "week", "resolved_relative")),
        ("Jan. 26", True, (D(2024, 1, 26), D(2024, 1, 26), "day", "stated")),
        ("on Friday", True, (D(2024, 1, 26), D(2024, 1, 26), "day", "resolved_relative")),
        ("29 January 2024", True, (D(2024, 1, 29), D(2024, 1, 29), "day", "stated")),
        ("Oct. 7", False, (D(2023, 10, 7), D(2023, 10, 7), "day", "stated")),
        # Arab News, "Updated 22 January 2024"
        ("Jan.29", True, (D(2024, 1, 29), D(2024, 1, 29), "day", "stated")),
        ("Jan. 29", True, (D(2024, 1, 29), D(2024, 1, 29), "day", "stated")),
        ("26 January 2024", True, (D(2024, 1, 26), D(2024, 1, 26), "day", "stated")),
        ("January 17, 2024", False, (D(2024, 1, 17), D(2024, 1, 17), "day", "stated")),
        ("January 18, 2024", False, (D(2024, 1, 18), D(2024, 1, 18), "day", "stated")),
        ("last Friday", False, (D(2024, 1, 19), D(2024, 1, 19), "day", "resolved_relative")),
    ],
)
def test_seed_phrases_of_the_january_2024_stories(phrase, future, expected):
    assert resolve(phrase, MONDAY_2024_01_22, future=future) == Resolved(*expected)


@pytest.mark.parametrize("phrase, basis", [("on Monday", "inferred"), ("last week", "inferred"),
                                           ("Oct. 7", "inferred"), ("29 January 2024", "stated")])
def test_a_phrase_resolved_from_an_inferred_publication_date_is_inferred(phrase, basis):
    """The Reuters story's date is inferred; what rests on it is no surer, unless the phrase gives its own year."""
    assert resolve(phrase, MONDAY_2024_01_22, published_basis="inferred").basis == basis


@pytest.mark.parametrize(
    "phrase, future, expected",
    [
        ("on Sunday", False, (D(2025, 12, 14), D(2025, 12, 14), "day")),
        ("Oct. 9", False, (D(2025, 10, 9), D(2025, 10, 9), "day")),
        ("since October", False, (D(2025, 10, 1), D(2025, 10, 31), "month")),
        ("in November", False, (D(2025, 11, 1), D(2025, 11, 30), "month")),
        ("in March", True, (D(2026, 3, 1), D(2026, 3, 31), "month")),
    ],
)
def test_tehran_story_phrases_resolve_from_its_outside_date_with_basis_external(phrase, future, expected):
    resolved = resolve(phrase, TEHRAN_STORY, future=future, published_basis="external")
    assert resolved == Resolved(*expected, "external")


@pytest.mark.parametrize("phrase, expected", [
    ("in August 2021", (D(2021, 8, 1), D(2021, 8, 31), "month")),
    ("2021", (D(2021, 1, 1), D(2021, 12, 31), "year")),
    ("in 2021", (D(2021, 1, 1), D(2021, 12, 31), "year")),
])
def test_absolute_phrases_need_no_story_date(phrase, expected):
    assert needs_anchor(phrase) is None
    assert resolve(phrase, None) == Resolved(*expected, "stated")


def test_uncertain_publication_date_widens_the_range_instead_of_guessing():
    # published Sunday or Monday: "on Saturday" is the 13th either way, "last week" is not one week
    saturday = D(2025, 12, 13)
    assert resolve("on Saturday", TEHRAN_STORY) == Resolved(saturday, saturday, "day", "resolved_relative")
    wide = resolve("last week", TEHRAN_STORY)
    assert (wide.start, wide.end, wide.precision) == (D(2025, 12, 1), D(2025, 12, 14), "month")


def test_a_story_with_no_date_turns_no_relative_phrase_into_a_day():
    for phrase in ("on Sunday", "last week", "Oct. 9", "in March"):
        assert resolve(phrase, None) == Resolved.unknown()


def test_weekday_equal_to_the_publication_weekday():
    # Monday story: "on Monday" is that day for a past event, the next Monday for a planned one
    assert resolve("on Monday", MONDAY_2024_01_22).start == D(2024, 1, 22)
    assert resolve("on Monday", MONDAY_2024_01_22, future=True).start == D(2024, 1, 29)
    assert resolve("last Monday", MONDAY_2024_01_22).start == D(2024, 1, 15)
    assert resolve("next Monday", MONDAY_2024_01_22).start == D(2024, 1, 29)


def test_year_boundary():
    new_year = (D(2024, 1, 2), D(2024, 1, 2))
    assert resolve("Dec. 30", new_year).start == D(2023, 12, 30)
    assert resolve("in December", new_year).start == D(2023, 12, 1)
    assert resolve("last week", new_year) == Resolved(D(2023, 12, 25), D(2023, 12, 31), "week", "resolved_relative")
    year_end = (D(2023, 12, 29), D(2023, 12, 29))
    assert resolve("Jan. 3", year_end, future=True).start == D(2024, 1, 3)
    assert resolve("next week", year_end, future=True).start == D(2024, 1, 1)


def test_leap_day_without_a_year_takes_the_nearest_leap_year_in_the_right_direction():
    assert resolve("Feb. 29", (D(2024, 3, 10),) * 2).start == D(2024, 2, 29)
    assert resolve("Feb. 29", (D(2023, 3, 10),) * 2).start == D(2020, 2, 29)
    assert resolve("Feb. 29", (D(2023, 3, 10),) * 2, future=True).start == D(2024, 2, 29)


def test_days_after_another_event():
    pakistani_strike = Resolved(D(2024, 1, 18), D(2024, 1, 18), "day", "inferred")
    iranian = resolve("two days after", MONDAY_2024_01_22, anchor_event=pakistani_strike, this_is="before")
    assert iranian == Resolved(D(2024, 1, 16), D(2024, 1, 16), "day", "inferred")  # no surer than its anchor
    stated = Resolved(D(2024, 1, 18), D(2024, 1, 18), "day", "stated")
    assert resolve("two days after", None, anchor_event=stated).basis == "resolved_relative"
    later = resolve("3 days after", None, anchor_event=pakistani_strike)
    assert later.start == D(2024, 1, 21)
    assert resolve("two days after", None, anchor_event=Resolved.unknown()) == Resolved.unknown()
    with pytest.raises(DatePhraseError, match="anchor"):
        resolve("two days after", MONDAY_2024_01_22)


@pytest.mark.parametrize("phrase", ["31 February 2024", "Foo. 3", "sometime soon", "on Funday", "32 January 2024",
                                    "in Smarch"])
def test_malformed_or_impossible_phrases_are_rejected(phrase):
    with pytest.raises(DatePhraseError):
        resolve(phrase, MONDAY_2024_01_22)


def test_precision_of_ranges():
    assert precision_of(D(2024, 1, 1), D(2024, 1, 1)) == "day"
    assert precision_of(D(2024, 1, 1), D(2024, 1, 7)) == "week"
    assert precision_of(D(2024, 1, 1), D(2024, 1, 31)) == "month"
    assert precision_of(D(2024, 1, 1), D(2024, 12, 31)) == "year"
    assert precision_of(D(2023, 12, 1), D(2024, 1, 31)) == "unknown"
    assert precision_of(None, None) == "unknown"

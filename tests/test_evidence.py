"""The quote locator: exact, ambiguous, missing, too long; offsets hold for anyone who opens the file."""
from __future__ import annotations

import pytest

from newsevents.core.project import Project
from newsevents.core.schemas import quote_limit
from newsevents.resolve.quotes import QuoteError, closest_passage, locate

TEXT = "Iran said nine were killed.\n\nPakistan said two children were killed. Iran said nine were killed.\u00a0"


def test_exact_quote_gives_offsets_into_the_text():
    start, end = locate("Pakistan said two children", TEXT, 0, len(TEXT))
    assert TEXT[start:end] == "Pakistan said two children"
    assert start == TEXT.index("Pakistan")


def test_ambiguous_quote_fails_and_occurrence_picks_one():
    with pytest.raises(QuoteError, match="occurs 2 times"):
        locate("Iran said nine were killed.", TEXT, 0, len(TEXT))
    second = locate("Iran said nine were killed.", TEXT, 0, len(TEXT), occurrence=2)
    assert second[0] == TEXT.rindex("Iran said")
    with pytest.raises(QuoteError, match="occurrence 3"):
        locate("Iran said nine were killed.", TEXT, 0, len(TEXT), occurrence=3)


def test_search_stays_inside_the_story_extent():
    story_start = TEXT.index("Pakistan")
    start, _ = locate("Iran said nine were killed.", TEXT, story_start, len(TEXT))
    assert start > story_start
    with pytest.raises(QuoteError, match="not in the story"):
        locate("Iran said nine were killed.", TEXT, 0, story_start - 3)


def test_missing_quote_shows_the_closest_passage():
    with pytest.raises(QuoteError) as error:
        locate("Pakistan said three children", TEXT, 0, len(TEXT))
    assert "not in the story verbatim" in str(error.value)
    assert "Pakistan said two children" in error.value.fix


def test_straight_quote_for_a_curly_one_is_a_missing_quote():
    text = "Iran’s foreign ministry confirmed"
    with pytest.raises(QuoteError):
        locate("Iran's foreign ministry", text, 0, len(text))
    assert locate("Iran’s foreign ministry", text, 0, len(text)) == (0, 23)


def test_no_break_space_must_be_kept():
    with pytest.raises(QuoteError):
        locate("were killed. ", TEXT, 0, len(TEXT), occurrence=2)
    start, end = locate("were killed.\u00a0", TEXT, 0, len(TEXT))
    assert TEXT[start:end].endswith("\u00a0")


def test_empty_and_overlong_quotes_are_rejected():
    with pytest.raises(QuoteError, match="empty"):
        locate("  ", TEXT, 0, len(TEXT))
    limit = quote_limit(Project().root)  # the quote column's maximum length in schemas/fields.yaml
    with pytest.raises(QuoteError, match=f"over the limit of {limit}"):
        locate("x" * (limit + 1), "x" * (limit + 100), 0, limit + 100, limit=limit)


def test_closest_passage_on_the_real_capture():
    text = (Project().raw / "000_bb079e82a7837695.txt").open(encoding="utf-8", newline="").read()
    near = closest_passage("Iran said the strikes killed ten people", text, 0, len(text))
    assert "Iran said the strikes" in near

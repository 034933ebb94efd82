"""The story parser on both seed captures, and on the shapes real captures take."""
from __future__ import annotations

from datetime import date

import pytest

from newsevents.core.project import Project
from newsevents.ingest.stories import parse_capture

PROJECT = Project()


def capture(name: str) -> str:
    return (PROJECT.raw / name).open(encoding="utf-8", newline="").read()


def test_reuters_capture_is_one_story_with_byline_dateline_and_credit():
    text = capture("000_bb079e82a7837695.txt")
    (story,) = parse_capture(text)
    assert story.headline == "Iran’s FM to visit Pakistan to rebuild ties after missile strikes"
    assert story.byline == "By Gibran Naiyyar Peshimam"
    assert story.dateline == "ISLAMABAD"
    assert story.credit_line.startswith("(Reporting by Gibran Peshimam and Parisa Hafezi;")
    assert story.published_date is None  # the capture prints no date
    assert text[story.start : story.end].startswith(story.headline)
    assert text[story.start : story.end].endswith("Mark Heinrich)")
    kinds = [span.kind for span in story.spans]
    assert kinds[0] == "headline" and kinds[1] == "byline" and kinds[-1] == "credit"


def test_arab_news_capture_holds_two_stories_split_at_the_second_headline():
    text = capture("004_6f2da5bb86da274f.txt")
    first, second = parse_capture(text)
    assert first.headline == "Iran’s foreign minister to visit Pakistan on Jan. 29 after flareup over military strikes"
    assert second.headline == "Pakistan joins regional talks on Afghanistan in Iran as Kabul stays away"
    assert first.end < second.start
    assert text[first.start : first.end].endswith("Both deny the charges.")
    assert text[second.start : second.end].endswith("energy-rich and energy-hungry nations.")
    assert first.published_date == date(2024, 1, 22)
    assert first.published_date_phrase == "Updated 22 January 2024"
    assert second.published_date is None  # "Updated 6 sec ago" dates nothing
    assert (first.dateline, second.dateline) == ("ISLAMABAD", "TEHRAN, Iran")
    assert first.byline is None and second.byline is None


def test_furniture_captions_and_bullets_are_told_apart_from_the_body():
    first, second = parse_capture(capture("004_6f2da5bb86da274f.txt"))
    by_kind = {}
    for span in first.spans:
        by_kind.setdefault(span.kind, []).append(span.text)
    assert by_kind["furniture"] == ["Short Url", "Updated 22 January 2024", "Follow", first.headline]
    assert len(by_kind["caption"]) == 2
    assert by_kind["caption"][0].endswith("(AFP/File)")
    assert by_kind["caption"][1].endswith("(REUTERS)")
    assert [b[:2] for b in by_kind["bullet"]] == ["• ", "• "]
    assert by_kind["body"][0].startswith("ISLAMABAD: Iran’s Foreign Minister")
    assert not any("Short Url" in t or "(REUTERS)" in t for t in by_kind["body"])
    assert [s.kind for s in second.spans][:4] == ["headline", "furniture", "furniture", "furniture"]


def test_no_break_spaces_and_curly_quotes_survive_in_spans():
    first, _ = parse_capture(capture("004_6f2da5bb86da274f.txt"))
    text = capture("004_6f2da5bb86da274f.txt")
    for span in first.spans:
        assert text[span.start : span.end] == span.text
    assert "\u00a0" in text[first.start : first.end]  # kept inside the story, trimmed only at span ends
    assert any("“" in s.text for s in first.spans)


def test_word_count_leaves_out_furniture_captions_and_the_repeated_headline():
    text = ("Talks resume in Quetta\n\nA photo caption here. (AFP/File)\nShort Url\nUpdated 1 May 2024\nFollow\n\n"
            "Talks resume in Quetta\n\n  • One bullet point\n\nQUETTA: Body has Iran’s words, eight in all.\n\n"
            "A picture of things (REUTERS)\n")
    (story,) = parse_capture(text)
    # headline 4 + bullet 3 + body 8 (QUETTA, Body, has, Iran’s, words, eight, in, all); captions and furniture
    # excluded
    assert story.word_count == 4 + 3 + 8


@pytest.mark.parametrize("text", ["", "\n\n", "   \n"])
def test_empty_capture_gives_no_story(text):
    assert parse_capture(text) == []


def test_updated_line_with_a_date_is_the_stated_publication_date():
    text = ("Karachi port reopens after strike\n\nShort Url\nUpdated 3 March 2025\nFollow\n\n"
            "Karachi port reopens after strike\n\nKARACHI: The port reopened on Monday, officials said.\n")
    (story,) = parse_capture(text)
    assert story.published_date == date(2025, 3, 3)
    assert story.dateline == "KARACHI"
    assert [s.kind for s in story.spans] == ["headline", "furniture", "furniture", "furniture", "furniture", "body"]


def test_crlf_line_ends_keep_offsets_exact():
    text = "Lahore court rules on appeal\r\n\r\nBy Someone\r\n\r\nLAHORE (Reuters) - The court ruled on Monday.\r\n"
    (story,) = parse_capture(text)
    assert story.byline == "By Someone" and story.dateline == "LAHORE"
    for span in story.spans:
        assert text[span.start : span.end] == span.text

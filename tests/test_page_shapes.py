"""The story parser on the page shapes of national dailies and portals: a site's own header (name, tagline,
menus, tickers, cookie notices) above the story, and publication stamps printed as numbers."""
from datetime import date

import pytest

from newsevents.ingest.page_dates import read_stamp
from newsevents.ingest.page_lines import furniture_kind
from newsevents.ingest.stories import parse_capture

BODY = ("HARBOURTOWN - Two ferries collided in fog off the northern coast on Monday, the coastguard said, and "
        "rescuers pulled dozens of passengers from the water.\n")


@pytest.mark.parametrize("header", [
    "THE COASTAL LEDGER\nFearless reporting for the islands since 1952\nHome | Islands | World | Sport | Opinion\n",
    "Coast Today\nHome  Islands  World  Business  Sport  Weather\nWe use cookies to improve this site. Accept\n",
    "HARBOUR NOW\nNews | Islands | World\nBREAKING >> Port closed after collision >> Ferries suspended\n",
    "ISLAND PORTAL\nLIVE ▸ Rescue under way off the northern coast ▸ Updates every hour\n",
])
def test_a_tagline_or_header_line_above_the_menus_is_not_the_headline(header):
    headline = "Two ferries collide in thick fog off the northern coast"
    text = f"{header}\nISLANDS\n\n{headline}\n\nBy Mara Ostrander\n3 May 2022 | 08:15\n\n{BODY}"
    (story,) = parse_capture(text)
    assert story.headline == headline
    assert story.published_date == date(2022, 5, 3)
    assert text[story.start:].startswith(headline)


def test_without_byline_or_stamp_the_headline_still_comes_after_the_menus():
    headline = "Two ferries collide in thick fog off the northern coast"
    header = "Coast Today\nThe voice of the islands, every day since 1952\nHome | Islands | World | Sport\n"
    text = f"{header}\n{headline}\n\n{BODY}"
    (story,) = parse_capture(text)
    assert story.headline == headline


def test_a_headline_under_a_stamp_printed_twice_starts_at_its_first_print():
    headline = "Two ferries collide in thick fog off the northern coast"
    text = f"{headline}\nShort Url\nUpdated 3 May 2022\nFollow\n\n{headline}\n\n{BODY}"
    (story,) = parse_capture(text)
    assert story.start == 0 and story.published_date == date(2022, 5, 3)


@pytest.mark.parametrize("line, kind", [
    ("We use cookies to improve your experience. By continuing you agree to our cookie policy. [OK]", "cookies"),
    ("Accept cookies to see embedded content. Manage preferences", "cookies"),
    ("BREAKING >> Port closed >> Ferries suspended", "ticker"),
    ("Latest » Port reopens after collision", "ticker"),
    ("Home  Islands  World  Business  Sport", "navigation"),
    ("The coastguard said the cookies and tea served on board were not the cause.", None),
    ("Rescuers said  two  of the passengers were still missing after the ferries collided.", None),
])
def test_header_furniture_by_its_shape(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line, day", [
    ("25.06.2023 | 14:32", date(2023, 6, 25)),  # dotted: day first
    ("16/03/2019 • 10:05 NZDT", date(2019, 3, 16)),  # 16 can only be the day
    ("03/16/2019 10:05 AM", date(2019, 3, 16)),  # 16 can only be the day
    ("05/05/2019 10:05", date(2019, 5, 5)),  # either order is the same day
    ("03/04/2019 10:05", None),  # 3 April or 4 March: the page does not say, so no date
    ("27-11-2011 14:30 PKT", date(2011, 11, 27)),  # hyphenated, like slashed
    ("04-05-2019", None),
    ("31.02.2023 | 09:00", None),  # printed, but no such day
])
def test_numeric_stamps_are_read_only_where_their_order_is_clear(line, day):
    stamp = read_stamp(line)
    assert stamp is not None and stamp.day == day


def test_a_sentence_with_a_numeric_date_is_no_stamp():
    assert read_stamp("The ferry company said on 16/03/2019 that it would appeal against the fine.") is None


@pytest.mark.parametrize("tail, truncated", [
    ("Harbour Media Ltd, Northport. © 2022. Terms | Privacy | Contact", False),
    ("Reuse of this content: rights@coast.example", False),
    ("Full coverage: pages 4-6", False),
    ("Tags: Ferries, Northport, Coastguard\nRepublishing: rights@coast.example", False),
    ("Share | Print | Email\nCoast Ledger - independent reporting from the islands", False),
    ("(Additional reporting by Ana Ferreira in Northport; Writing by\nTom Iles; Editing by Ruth Crane)", False),
    ("Most viewed\n1. Storm warning for the islands\n2. Port reopens after repairs", False),
    ("Get the Coast Ledger's morning briefing in your inbox. Sign up", False),
    ("The coastguard said the second ferry had been carrying more than", True),
    ("Related stories\n- Storm warning for the islands\n\nThe coastguard said the second ferry had been carrying "
     "more than two hundred passengers and crew when it", True),
])
def test_a_footer_after_the_last_paragraph_is_not_a_story_cut_short(tail, truncated):
    text = f"Two ferries collide in thick fog off the northern coast\n\n{BODY}\nDivers searched the wreck.\n\n{tail}\n"
    (story,) = parse_capture(text)
    assert story.truncated is truncated


def test_a_wrapped_wire_credit_is_the_credit_line():
    credit = "(Reporting by Ana Ferreira in Northport; Writing by\nTom Iles; Editing by Ruth Crane)"
    (story,) = parse_capture(f"Two ferries collide in thick fog off the northern coast\n\n{BODY}\n{credit}\n")
    assert story.credit_line == credit and story.spans[-1].kind == "credit"


@pytest.mark.parametrize("byline", ["Mara Ostrander", "Harbour Ledger staff and wires", "Staff Correspondent",
                                    "Coast Ledger reporters", "Coast Web Desk / Agencies",
                                    "Mara Ostrander, Coast24",
                                    "Mara Ostrander in Northport and Tom Iles in Harbourtown"])
@pytest.mark.parametrize("stamp_first", [False, True])
def test_a_name_line_beside_the_stamp_is_the_byline_without_by(byline, stamp_first):
    header = f"3 May 2022 | 08:15\n{byline}" if stamp_first else f"{byline}\n3 May 2022 | 08:15"
    (story,) = parse_capture(f"Two ferries collide in thick fog off the northern coast\n\n{header}\n\n{BODY}")
    assert story.byline == byline


@pytest.mark.parametrize("stamp", ["Updated 3 hours ago", "Last updated: 04/10/2022 - 09:15 GMT"])
def test_a_name_line_beside_a_stamp_that_names_no_day_is_still_the_byline(stamp):
    (story,) = parse_capture(f"Two ferries collide in thick fog off the northern coast\n\nStaff Reporter\n{stamp}"
                             f"\n\n{BODY}")
    assert story.byline == "Staff Reporter" and story.published_date is None


@pytest.mark.parametrize("line, byline", [
    ("Coast Web Desk | 3 May 2022 - 08:15 WAT", "Coast Web Desk"),
    ("Mara Ostrander · 3 May 2022", "Mara Ostrander"),
    ("Coast Ledger staff · Tuesday, May 3, 2022 · Updated 08:15 WAT", "Coast Ledger staff"),
    ("ISLANDS | 3 May 2022", None),  # a section label in capitals
    ("Islands | 3 May 2022", None),  # one word: a section, not a name
])
def test_a_name_before_the_stamp_s_bar_is_its_byline(line, byline):
    assert read_stamp(line).byline == byline


def test_a_dated_stamp_in_a_bar_separated_line_is_read_not_taken_for_a_menu():
    stamp = "MARA OSTRANDER | HARBOURTOWN | 19/05/2022 09:30 WAT"
    assert furniture_kind(stamp) == "navigation"  # by its shape alone the line is a menu
    (story,) = parse_capture(f"Two ferries collide in thick fog off the northern coast\n\n{stamp}\n\n{BODY}")
    assert story.published_date == date(2022, 5, 19)
    (story,) = parse_capture(f"Two ferries collide in thick fog off the northern coast\n\n"
                             f"Home | Islands | World | Sport\n\n{BODY}")
    assert story.published_date is None


def test_a_line_away_from_the_stamp_or_a_sentence_beside_it_is_no_byline():
    far = "Two ferries collide in thick fog off the northern coast\nRescue Under Way\n\n3 May 2022\nShare\n\n"
    sentence = "Two ferries collide in thick fog off the northern coast\nRescuers Search The Water.\n3 May 2022\n\n"
    for header in (far, sentence):
        (story,) = parse_capture(header + BODY)
        assert story.byline is None, header


def test_a_line_that_is_the_outlet_s_name_is_its_masthead_not_a_headline():
    text = f"Coast Wire Online\n3 hours ago\n\n{BODY}"
    assert parse_capture(text)[0].headline == "Coast Wire Online"  # without the outlet, nothing tells
    assert parse_capture(text, outlet="Coast  wire online")[0].headline is None

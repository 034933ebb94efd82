"""The key facts of the three seed stories, pinned on the published tables.

These read the committed CSVs; test_build checks elsewhere that they equal a fresh build, so a coding edit that
loses or changes one of these facts fails here by name.
"""
from __future__ import annotations

import csv
from functools import cache

import pytest
import yaml

from newsevents.core.project import Project
from newsevents.core.schemas import quote_minimum

REPO = Project()
REUTERS = "reuters-2024-01-22-iran-fm-to-visit-pakistan"
ARAB_NEWS_JAN = "arabnews-2024-01-22-iran-fm-to-visit-pakistan-jan-29"
TEHRAN = "arabnews-2025-12-14-pakistan-joins-tehran-afghanistan-talks"
TALKS = "regional-talks-on-afghanistan-in-iran-2025-12-14"


@cache
def table(name: str) -> tuple[dict, ...]:
    """Rows of a published table; an empty cell is None."""
    with (REPO.data / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return tuple({k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(handle))


def by_key(name: str, key: str) -> dict[str, dict]:
    return {row[key]: row for row in table(name)}


def event(event_id: str) -> dict:
    events = by_key("events", "event_id")
    assert event_id in events, f"event {event_id} is missing from events.csv"
    return events[event_id]


def reporting_articles(event_id: str) -> set[str]:
    return {row["article_id"] for row in table("event_sources") if row["event_id"] == event_id}


def roles(event_id: str) -> set[tuple[str, str, str | None]]:
    return {(r["actor_id"], r["role"], r["claimed_by_actor_id"]) for r in table("event_actors")
            if r["event_id"] == event_id}


def dates(event_id: str) -> tuple:
    row = event(event_id)
    return row["date_start"], row["date_end"], row["date_precision"], row["date_basis"]


# --- the strikes -----------------------------------------------------------------------------------------------

def test_each_strike_is_one_event_reported_by_both_outlets():
    strikes = [row["event_id"] for row in table("events") if row["event_type"] == "air_strike"]
    assert sorted(strikes) == ["iran-strikes-pakistan-2024-01", "pakistan-strikes-iran-2024-01"]
    for strike in strikes:
        assert reporting_articles(strike) == {REUTERS, ARAB_NEWS_JAN}


def test_strikes_are_dated_by_last_week_two_days_apart_and_the_caption_bounds_them_as_an_inference():
    """Both strikes "last week" (15–21 January), Pakistan's "two days after" Iran's, announced by the photo
    caption's 18 January: Iran 15–16, Pakistan 17–18, both inferred (the caption dates the photo, not a strike)."""
    assert dates("iran-strikes-pakistan-2024-01") == ("2024-01-15", "2024-01-16", "week", "inferred")
    assert event("iran-strikes-pakistan-2024-01")["date_expression"] == "last week"
    assert dates("pakistan-strikes-iran-2024-01") == ("2024-01-17", "2024-01-18", "week", "inferred")
    assert event("pakistan-strikes-iran-2024-01")["date_expression"] == "two days after"
    assert "caption" in event("pakistan-strikes-iran-2024-01")["notes"]


@pytest.mark.parametrize("strike, words", [
    ("iran-strikes-pakistan-2024-01", ["missiles", "drone"]),
    ("pakistan-strikes-iran-2024-01", ["missile strikes", "air strikes"]),
])
def test_each_outlets_weapon_is_kept_and_the_disagreement_noted(strike, words):
    notes = event(strike)["notes"]
    for word in words:
        assert word in notes
    assert "differ" in notes or "disagree" in notes


def test_claimed_targets_are_attributed_to_the_government_that_claims_them():
    assert ("jaish-al-adl", "claimed_target", "iran") in roles("iran-strikes-pakistan-2024-01")
    pakistani = roles("pakistan-strikes-iran-2024-01")
    assert ("baloch-liberation-front", "claimed_target", "pakistan") in pakistani
    assert ("baloch-liberation-army", "claimed_target", "pakistan") in pakistani


def test_strikes_are_placed_where_the_stories_put_them():
    assert event("iran-strikes-pakistan-2024-01")["place_id"] == "southwestern-pakistan"
    place = by_key("places", "place_id")[event("pakistan-strikes-iran-2024-01")["place_id"]]
    assert (place["country_iso3"], place["place_type"]) == ("IRN", "village")


# --- casualty claims -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("claim_id, event_id, claimant, outcome, group, low, high, text, part_of", [
    ("iran-says-pakistan-strike-killed-nine-people", "pakistan-strikes-iran-2024-01", "iran", "killed", "people",
     "9", "9", "nine", None),
    ("iran-says-pakistan-strike-killed-four-children", "pakistan-strikes-iran-2024-01", "iran", "killed", "children",
     "4", "4", "four", "iran-says-pakistan-strike-killed-nine-people"),
    ("pakistan-says-iran-strike-killed-two-children", "iran-strikes-pakistan-2024-01", "pakistan", "killed",
     "children", "2", "2", "two", None),
    ("afghanistan-pakistan-border-clashes-killed-dozens", "afghanistan-pakistan-border-clashes-2025", None, "killed",
     "mixed", "24", "99", "dozens", None),
    ("afghanistan-pakistan-border-clashes-wounded-hundreds", "afghanistan-pakistan-border-clashes-2025", None,
     "injured", "mixed", "200", None, "hundreds", None),
])
def test_casualty_claims(claim_id, event_id, claimant, outcome, group, low, high, text, part_of):
    claim = by_key("casualty_claims", "claim_id")[claim_id]
    assert (claim["event_id"], claim["claimant_actor_id"], claim["outcome"], claim["victim_group"]) == (
        event_id, claimant, outcome, group)
    assert (claim["count_low"], claim["count_high"], claim["count_text"], claim["part_of_claim_id"]) == (
        low, high, text, part_of)


def test_no_other_casualty_claims_and_shared_claims_carry_both_outlets_evidence():
    assert len(table("casualty_claims")) == 5
    sources = {}
    for row in table("claim_sources"):
        sources.setdefault(row["claim_id"], set()).add(row["article_id"])
    assert sources["iran-says-pakistan-strike-killed-nine-people"] == {REUTERS, ARAB_NEWS_JAN}
    assert sources["pakistan-says-iran-strike-killed-two-children"] == {REUTERS, ARAB_NEWS_JAN}
    assert sources["iran-says-pakistan-strike-killed-four-children"] == {REUTERS}


# --- diplomacy after the strikes -------------------------------------------------------------------------------

@pytest.mark.parametrize("event_id, expected, status", [
    ("iran-fm-visit-to-pakistan-2024-01-29", ("2024-01-29", "2024-01-29", "day", "stated"), "planned"),
    ("pakistan-iran-ambassadors-return-2024-01-26", ("2024-01-26", "2024-01-26", "day", "stated"), "planned"),
    ("pakistan-announces-restoring-ties-with-iran-2024-01-19", ("2024-01-19", "2024-01-19", "day",
                                                                "resolved_relative"), "occurred"),
    # "on Monday" in a story whose own date is inferred: no surer than that date
    ("pakistan-foreign-ministry-statement-2024-01-22", ("2024-01-22", "2024-01-22", "day", "inferred"), "occurred"),
    # it "confirmed" Pakistan's Monday statement, no later than the story
    ("iran-foreign-ministry-statement-2024-01", ("2024-01-22", "2024-01-22", "day", "inferred"), "occurred"),
    # after the Iranian strike, before the restoration announced on Friday 19 January
    ("pakistan-recalls-ambassador-from-iran-2024-01", ("2024-01-15", "2024-01-19", "week", "inferred"), "occurred"),
    ("pakistan-bars-iran-ambassador-return-2024-01", ("2024-01-15", "2024-01-19", "week", "inferred"), "occurred"),
    ("pakistan-cancels-engagements-with-iran-2024-01", ("2024-01-15", "2024-01-19", "week", "inferred"), "occurred"),
    ("pakistan-iran-foreign-ministers-phone-call-2024-01", ("2024-01-15", "2024-01-19", "week", "inferred"),
     "occurred"),
])
def test_diplomatic_steps_and_their_dates(event_id, expected, status):
    assert dates(event_id) == expected
    assert event(event_id)["status"] == status


def test_steps_the_notes_place_before_the_announcement_end_by_it_and_no_note_says_more_than_the_stories():
    announced = event("pakistan-announces-restoring-ties-with-iran-2024-01-19")["date_end"]
    for step in ("pakistan-recalls-ambassador-from-iran-2024-01", "pakistan-bars-iran-ambassador-return-2024-01",
                 "pakistan-cancels-engagements-with-iran-2024-01",
                 "pakistan-iran-foreign-ministers-phone-call-2024-01"):
        assert "19 January" in event(step)["notes"] and event(step)["date_end"] <= announced, step
    assert "undone" not in event("pakistan-cancels-engagements-with-iran-2024-01")["notes"]


def test_every_downgrade_and_restoration_step_is_coded_once():
    steps = {row["event_id"]: row["event_type"] for row in table("events")
             if row["event_type"] in ("diplomatic_downgrade", "diplomatic_restoration")}
    assert steps == {
        "pakistan-recalls-ambassador-from-iran-2024-01": "diplomatic_downgrade",
        "pakistan-bars-iran-ambassador-return-2024-01": "diplomatic_downgrade",
        "pakistan-cancels-engagements-with-iran-2024-01": "diplomatic_downgrade",
        "pakistan-announces-restoring-ties-with-iran-2024-01-19": "diplomatic_restoration",
        "pakistan-iran-ambassadors-return-2024-01-26": "diplomatic_restoration",
    }
    for shared in ("pakistan-recalls-ambassador-from-iran-2024-01", "pakistan-bars-iran-ambassador-return-2024-01",
                   "pakistan-iran-ambassadors-return-2024-01-26", "iran-fm-visit-to-pakistan-2024-01-29",
                   "pakistan-foreign-ministry-statement-2024-01-22"):
        assert reporting_articles(shared) == {REUTERS, ARAB_NEWS_JAN}


def participants(event_id: str) -> dict[str, tuple[str, str | None]]:
    return {r["actor_id"]: (r["participation"], r["represented_by_actor_id"]) for r in table("meeting_participants")
            if r["event_id"] == event_id}


def test_the_visit_and_the_foreign_ministers_phone_call():
    assert participants("iran-fm-visit-to-pakistan-2024-01-29") == {
        "pakistan": ("host", "jalil-abbas-jilani"), "iran": ("expected", "hossein-amir-abdollahian")}
    call = "pakistan-iran-foreign-ministers-phone-call-2024-01"
    assert by_key("meetings", "event_id")[call]["meeting_type"] == "phone_call"
    assert participants(call) == {
        "pakistan": ("attended", "jalil-abbas-jilani"), "iran": ("attended", "hossein-amir-abdollahian")}


def test_both_spellings_of_the_iranian_foreign_minister_are_one_actor():
    surfaces = {r["surface_text"] for r in table("actor_mentions") if r["actor_id"] == "hossein-amir-abdollahian"}
    assert surfaces == {"Hossein Amir Abdollahian", "Hossein Amir-Abdollahian"}
    assert by_key("actors", "actor_id")["hossein-amir-abdollahian"]["affiliation_actor_id"] == "iran-foreign-ministry"


# --- the Tehran talks ------------------------------------------------------------------------------------------

def test_talks_participants_and_participation():
    assert participants(TALKS) == {
        "iran": ("host", None),
        "china": ("attended", None),
        "pakistan": ("attended", "pakistan-prime-minister-office"),
        "tajikistan": ("attended", None),
        "uzbekistan": ("attended", "uzbekistan-presidential-envoy-on-afghanistan"),
        "turkmenistan": ("attended", None),
        "russia": ("attended", "russia-presidential-envoy-on-afghanistan"),
        "afghanistan": ("invited_declined", None),
    }
    meeting = by_key("meetings", "event_id")[TALKS]
    assert (meeting["meeting_type"], meeting["level"], meeting["host_actor_id"]) == (
        "multilateral_talks", "special_envoy", "iran")


def test_the_sources_repeated_pakistan_is_coded_once_and_said_so():
    rows = [r for r in table("meeting_participants") if r["event_id"] == TALKS and r["actor_id"] == "pakistan"]
    assert len(rows) == 1
    assert "twice" in rows[0]["note"] and "twice" in event(TALKS)["notes"]


def test_tehran_story_dates_rest_on_its_outside_publication_date():
    article = by_key("articles", "article_id")[TEHRAN]
    assert (article["published_date"], article["published_date_earliest"], article["published_date_latest"],
            article["published_date_basis"]) == (None, "2025-12-14", "2025-12-15", "external")
    assert dates(TALKS) == ("2025-12-14", "2025-12-14", "day", "external")
    assert dates("special-envoys-talks-on-afghanistan-islamabad-2026-03") == (
        "2026-03-01", "2026-03-31", "month", "external")
    assert dates("kabul-explosions-2025-10-09") == ("2025-10-09", "2025-10-09", "day", "external")
    assert dates("afghanistan-pakistan-ceasefire-2025-10") == ("2025-10-01", "2025-10-31", "month", "external")
    assert dates("afghanistan-pakistan-peace-talks-2025") == ("2025-11-01", "2025-11-30", "month", "external")
    assert dates("regional-talks-on-afghanistan-statement-2025-12") == ("2025-12-14", "2025-12-15", "week", "external")
    for row in table("events"):
        if row["date_article_id"] == TEHRAN and row["date_expression"] not in ("in August 2021", "in 2021"):
            assert row["date_basis"] == "external", row["event_id"]


def test_every_date_resting_on_outside_reporting_says_so_in_its_notes():
    for row in table("events"):
        if row["date_basis"] == "external":
            assert "outside reporting" in (row["notes"] or "") or "Associated Press" in (row["notes"] or ""), \
                row["event_id"]


def test_planned_next_meetings():
    ashgabat = event("afghanistan-neighbours-foreign-ministers-meeting-ashgabat")
    assert (ashgabat["status"], ashgabat["place_id"], ashgabat["date_precision"]) == ("planned", "ashgabat", "unknown")
    islamabad = event("special-envoys-talks-on-afghanistan-islamabad-2026-03")
    assert (islamabad["status"], islamabad["place_id"]) == ("planned", "islamabad")
    assert participants("special-envoys-talks-on-afghanistan-islamabad-2026-03") == {"pakistan": ("host", None)}


@pytest.mark.parametrize("event_id, kind, expected", [
    ("taliban-seize-power-in-afghanistan-2021-08", "seizure_of_power", ("2021-08-01", "2021-08-31", "month", "stated")),
    ("us-led-troop-withdrawal-from-afghanistan-2021", "troop_withdrawal", ("2021-01-01", "2021-12-31", "year",
                                                                          "stated")),
    # the outbreak the story reports; its year comes from the story's inferred publication date
    ("israel-hamas-war-2023", "war", ("2023-10-07", "2023-10-07", "day", "inferred")),
    ("afghanistan-pakistan-border-clashes-2025", "armed_clash", ("2025-10-09", "2025-12-15", "year", "external")),
])
def test_background_events(event_id, kind, expected):
    row = event(event_id)
    assert (row["event_type"], row["salience"]) == (kind, "background")
    assert dates(event_id) == expected


def test_kabul_explosions_blame_and_ceasefire_mediator():
    assert ("pakistan", "blamed", "afghanistan") in roles("kabul-explosions-2025-10-09")
    assert ("qatar", "mediator", None) in roles("afghanistan-pakistan-ceasefire-2025-10")


@pytest.mark.parametrize("event_id, speaker", [
    ("esmail-baghaei-statement-2025-12-14", "esmail-baghaei"),
    ("asif-durrani-statement-2025-12", "asif-durrani"),
    ("mohammad-sadiq-statement-2025-12", "mohammad-sadiq"),
    ("afghanistan-foreign-ministry-declines-talks-2025-12", "afghanistan-foreign-ministry"),
    ("pakistan-foreign-ministry-statement-2024-01-22", "pakistan-foreign-ministry"),
    ("iran-foreign-ministry-statement-2024-01", "iran-foreign-ministry"),
])
def test_statements_have_their_speaker_as_initiator(event_id, speaker):
    assert event(event_id)["event_type"] == "statement"
    assert (speaker, "initiator", None) in roles(event_id)


def test_people_are_linked_to_the_body_or_state_they_serve():
    actors = by_key("actors", "actor_id")
    for actor_id, row in actors.items():
        if row["actor_type"] == "person":
            assert row["affiliation_actor_id"] in actors, actor_id
            assert row["country_iso3"], actor_id


def test_every_place_used_is_geocoded():
    places = by_key("places", "place_id")
    used = {row["place_id"] for row in table("events") if row["place_id"]}
    assert used == set(places)
    for place_id, place in places.items():
        assert place["latitude"] and place["longitude"] and place["geo_precision"] != "unknown", place_id


def test_the_talks_and_their_failure_are_one_event_and_the_retired_id_points_at_it():
    assert "afghanistan-pakistan-talks-fail-2025-11" not in by_key("events", "event_id")
    talks = event("afghanistan-pakistan-peace-talks-2025")
    assert (talks["event_type"], talks["cameo_code"], talks["date_expression"]) == ("meeting", "046", "in November")
    assert "No overall agreement" in by_key("meetings", "event_id")["afghanistan-pakistan-peace-talks-2025"]["outcome"]
    renames = yaml.safe_load(REPO.renames.read_text(encoding="utf-8"))["renames"]
    assert {"table": "events", "id": "afghanistan-pakistan-talks-fail-2025-11", "action": "renamed",
            "new_id": "afghanistan-pakistan-peace-talks-2025", "version": "2.0.0"}.items() <= renames[0].items()


@pytest.mark.parametrize("actor_id, code", [("hamas", "PSEREBHMS"), ("taliban", "AFGTAL"),
                                            ("world-economic-forum", "NGOWEF")])
def test_known_groups_carry_their_cameo_known_group_code(actor_id, code):
    assert by_key("actors", "actor_id")[actor_id]["cameo_actor_code"] == code
    assert code[-3:] in by_key("cameo_actor_known_groups", "code")


PARTICIPANTS_OF_THE_TALKS = {"iran", "china", "pakistan", "tajikistan", "uzbekistan", "turkmenistan", "russia"}


def test_the_planned_meetings_have_as_initiators_the_participants_who_agreed_to_them():
    for planned in ("afghanistan-neighbours-foreign-ministers-meeting-ashgabat",
                    "special-envoys-talks-on-afghanistan-islamabad-2026-03"):
        initiators = {actor for actor, role, _ in roles(planned) if role == "initiator"}
        assert initiators == PARTICIPANTS_OF_THE_TALKS, planned


def test_the_statements_call_for_the_return_of_refugees_is_in_its_summary_and_the_outcome():
    assert "refugees" in event("regional-talks-on-afghanistan-statement-2025-12")["summary"]
    assert "refugees" in by_key("meetings", "event_id")[TALKS]["outcome"]


def test_the_ceasefires_sides_rest_on_the_passage_about_the_ceasefire():
    for side in ("afghanistan", "pakistan"):
        quotes = {r["quote"] for r in table("event_actor_sources")
                  if r["event_id"] == "afghanistan-pakistan-ceasefire-2025-10" and r["actor_id"] == side}
        assert quotes and all("ceasefire" in quote for quote in quotes), side


def test_the_border_clash_summary_attaches_the_casualties_to_the_clashes():
    assert "the clashes killed dozens" in event("afghanistan-pakistan-border-clashes-2025")["summary"]


def test_evidence_is_whole_passages_and_each_claim_quotes_its_own_number():
    quotes = {r["quote"] for name in ("event_sources", "event_actor_sources", "claim_sources", "participant_sources")
              for r in table(name)}
    cut = {"according to Islamabad", "Esmail Baghaei", "on Sunday said", "wrote on X", "who was visiting Iran",
           "which have been particularly strained", "killing dozens of civilians", "Writing on X, Durrani said"}
    assert not cut & quotes
    assert min(map(len, quotes)) >= quote_minimum(REPO.root)
    wounded = {r["quote"] for r in table("claim_sources") if r["claim_id"].endswith("wounded-hundreds")}
    assert wounded and all("wounding hundreds more" in quote for quote in wounded)


@pytest.mark.parametrize("event_id", ["asif-durrani-statement-2025-12", "mohammad-sadiq-statement-2025-12",
                                      "afghanistan-foreign-ministry-declines-talks-2025-12"])
def test_statements_bounded_only_by_the_story_stay_undated_and_say_so(event_id):
    assert dates(event_id) == (None, None, "unknown", "unknown")
    assert "no later than the story" in event(event_id)["notes"]

"""The drafter's wordings of events, meetings and their dates: statements as outlets word them, calls and visits,
planned meetings, and the date a clause gives an act. The stories are written for the tests, in no outlet's words
and about no event of the evaluation set."""
from __future__ import annotations

from datetime import date

from newsevents.authoring.draft import draft_story
from newsevents.authoring.evaluation.buildable import draft_problems
from newsevents.authoring.evaluation.scoring import drafted_dates
from newsevents.core.project import REPO_ROOT, Project
from newsevents.ingest.articles import Article
from newsevents.ingest.stories import parse_capture

PUBLISHED = date(2031, 3, 14)  # a Friday


def _draft(body: str) -> tuple[list[dict], dict]:
    text = f"Test headline for a story written for the tests\n\n{body}\n"
    story = parse_capture(text)[0]
    article = Article(article_id="test-story", capture_file="test-story.txt", outlet="Test Outlet", story=story,
                      text=text, capture_sha256="", headline=story.headline, headline_basis="printed", byline=None,
                      byline_basis=None, published_date=PUBLISHED, published_date_earliest=PUBLISHED,
                      published_date_latest=PUBLISHED, published_date_basis="stated", date_note=None, url=None)
    drafted = draft_story(article, {}, {}, REPO_ROOT)
    assert draft_problems(Project(), article, drafted) == []
    dates = drafted_dates(drafted.coding["events"], article)
    return drafted.coding["events"], {e["id"]: (dates[e["id"]].start, dates[e["id"]].end)
                                      for e in drafted.coding["events"]}


def _of(events: list[dict], kind: str) -> list[dict]:
    return [e for e in events if e["type"] == kind]


def _initiators(event: dict) -> list[str]:
    return [r["actor"] for r in event.get("actors", []) if r["role"] == "initiator"]


def test_a_judgement_on_an_act_named_before_is_a_statement_of_its_own():
    events, _ = _draft(
        "A missile strike hit a depot near Tarvo on Tuesday. Foreign Minister Lena Varga called the strike an act "
        "of terror. President Omar Haddad described the attack as cowardly.")
    speakers = [_initiators(e) for e in _of(events, "statement")]
    assert speakers == [["lena-varga"], ["omar-haddad"]]
    assert len(_of(events, "air_strike")) == 1  # 'the strike' is the one named before


def test_a_speaker_set_off_by_an_aside_or_named_before_and():
    events, dates = _draft(
        "President Omar Haddad, who toured the market on Thursday, vowed to find those responsible. "
        "Amnesty International said 40 people had been killed and called for an inquiry.")
    statements = _of(events, "statement")
    assert [_initiators(e) for e in statements] == [["omar-haddad"], ["amnesty-international"]]
    assert dates[statements[0]["id"]] == (None, None)  # Thursday is the touring's


def test_a_toll_in_hospital_a_guest_welcomed_or_a_person_accused_is_no_statement():
    events, _ = _draft(
        "Health Minister Lena Varga said 85 people had been treated in hospital. "
        "President Omar Haddad welcomed Prime Minister Ivo Brandt to the capital for talks. "
        "Two men accused over the 2029 bombing of a bridge were released.")
    assert _of(events, "statement") == []


def test_telephone_calls_and_visits_to_two_states():
    events, dates = _draft(
        "President Omar Haddad telephoned Prime Minister Ivo Brandt on Wednesday to offer his condolences. "
        "Envoy Lena Varga visited Chile and Peru last month.")
    call = next(e for e in events if e.get("meeting", {}).get("type") == "phone_call")
    assert {p["actor"] for p in call["participants"]} == {"omar-haddad", "ivo-brandt"}
    assert dates[call["id"]] == (date(2031, 3, 12), date(2031, 3, 12))
    visits = [e for e in events if e.get("meeting", {}).get("type") == "visit"]
    assert sorted(v["meeting"]["host"] for v in visits) == ["chile", "peru"]
    assert all(dates[v["id"]] == (date(2031, 2, 1), date(2031, 2, 28)) for v in visits)


def test_planned_visits_and_meetings():
    events, dates = _draft(
        "Foreign Minister Lena Varga, who visited Lima this week, is due in Quito on Monday for talks with "
        "President Omar Haddad. The cabinet will meet on Sunday. Leaders said a regional summit that Peru is to "
        "host in Lima would go ahead.")
    meetings = _of(events, "meeting")
    due = next(e for e in meetings if e["meeting"]["type"] == "visit" and e["status"] == "planned")
    assert due["meeting"]["host"] == "ecuador" and dates[due["id"]] == (date(2031, 3, 17), date(2031, 3, 17))
    assert "lena-varga" in {p["actor"] for p in due["participants"]}
    cabinet = next(e for e in meetings if "cabinet" in str(e["evidence"]))
    assert cabinet["status"] == "planned" and dates[cabinet["id"]] == (date(2031, 3, 16), date(2031, 3, 16))
    summit = next(e for e in meetings if e["meeting"]["type"] == "conference")
    assert summit["status"] == "planned"


def test_talks_at_a_resort_have_happened_and_met_with_gunfire_is_no_meeting():
    events, _ = _draft(
        "President Omar Haddad had welcomed Prime Minister Ivo Brandt to the resort for talks on Thursday. "
        "Rebels said their fighters had met the troops with gunfire.")
    assert [e["status"] for e in _of(events, "meeting")] == ["occurred"]


def test_an_emergency_session_is_a_meeting():
    events, dates = _draft("Prime Minister Ivo Brandt chaired an emergency session of the cabinet on Wednesday.")
    session = _of(events, "meeting")[0]
    assert session["meeting"]["type"] == "multilateral_talks"
    assert dates[session["id"]] == (date(2031, 3, 12), date(2031, 3, 12))


def test_dates_an_act_does_not_take():
    events, dates = _draft(
        "Jets of the Republic of Pelora have bombed rebel camps almost daily since March 2, officials said. "
        "Army chief Omar Haddad told a meeting of commanders late on Wednesday that a bomb had exploded on a bus. "
        "The troops are due to leave by Tuesday, ending a 20-year war.")
    assert all(dates[e["id"]] == (None, None) for e in _of(events, "air_strike") + _of(events, "explosion"))
    assert all(dates[e["id"]] == (None, None) for e in _of(events, "war"))


def test_a_suicide_bomber_who_struck_is_one_explosion_and_bombers_named_as_agents_are_none():
    events, dates = _draft(
        "On Thursday a suicide bomber struck crowds at the gate of the airport, killing 13 people. "
        "Officials said the bombs appeared to have been set off by two suicide bombers.")
    assert [e["type"] for e in events if e["type"] != "statement"] == ["explosion"]
    assert dates[events[0]["id"]] == (date(2031, 3, 13), date(2031, 3, 13))


def test_a_speaker_s_word_for_an_act_a_right_to_strike_and_secondary_blasts_are_no_acts():
    events, _ = _draft(
        "A truck rammed a crowd in the port on Thursday, killing 12 people. "
        "President Omar Haddad condemned what he called a horrific terrorist attack. "
        "Spokesman Ivo Brandt said the army had no right to carry out strikes in the valley. "
        "Secondary explosions showed the car had held explosives.")
    assert not [e for e in events if e["type"] in ("air_strike", "explosion", "armed_clash")]


def test_a_pronoun_speaker_denials_and_a_stance_on_such_an_attack():
    events, dates = _draft(
        "Prime Minister Ivo Brandt visited the wounded on Friday. He said on Saturday that the country would not "
        "bow to terror. Interior Minister Lena Varga denied reports that the police had been warned. "
        "President Omar Haddad said there could be no excuse for such a cowardly attack.")
    statements = _of(events, "statement")
    assert [_initiators(e) for e in statements] == [["ivo-brandt"], ["lena-varga"], ["omar-haddad"]]
    assert dates[statements[0]["id"]] == (date(2031, 3, 8), date(2031, 3, 8))


def test_a_speaker_who_said_and_warned_and_a_call_told_is_no_statement():
    events, _ = _draft(
        "Spokesman Omar Haddad, of the rebel movement, said on Saturday that the group had sent drones against "
        "the plants, and warned that it would widen its campaign. "
        "He said he had spoken earlier in the day with President Ivo Brandt.")
    statements = _of(events, "statement")
    assert [_initiators(e) for e in statements] == [["omar-haddad"]]


def test_a_flight_to_another_state_for_talks_is_one_visit_and_a_trip_at_home_or_to_mourners_is_none():
    events, dates = _draft(
        "President Omar Haddad flew to Lima late on Sunday for talks with the government. "
        "Prime Minister Ivo Brandt flew to Tarvo on Tuesday. Minister Lena Varga met the mayor and families of "
        "the victims.")
    meetings = _of(events, "meeting")
    assert [(m["meeting"]["type"], m["meeting"]["host"]) for m in meetings] == [("visit", "peru")]
    assert dates[meetings[0]["id"]] == (date(2031, 3, 9), date(2031, 3, 9))


def test_a_meeting_with_security_chiefs_is_multilateral_and_one_of_two_leaders_no_summit():
    events, _ = _draft(
        "President Omar Haddad held an emergency meeting with his army and police chiefs on Friday. "
        "A meeting between President Ana Ruiz and Prime Minister Ivo Brandt, the first between leaders of the two "
        "countries, is being prepared.")
    assert [e["meeting"]["type"] for e in _of(events, "meeting")][0] == "multilateral_talks"
    assert "conference" not in [e["meeting"]["type"] for e in _of(events, "meeting")]


def test_a_border_closed_flights_suspended_and_a_high_commissioner_withdrawn():
    events, dates = _draft(
        "President Omar Haddad ordered the immediate closure of the border with Peru on Wednesday. "
        "Ecuador suspended all passenger flights to Chile on Monday. "
        "Bolivia withdrew its high commissioner from Lima on Thursday.")
    sanctions = _of(events, "sanctions")
    assert [_initiators(e) for e in sanctions] == [["omar-haddad"], ["ecuador"]]
    assert dates[sanctions[0]["id"]] == (date(2031, 3, 12), date(2031, 3, 12))
    recall = _of(events, "diplomatic_downgrade")[0]
    assert _initiators(recall) == ["bolivia"] and dates[recall["id"]] == (date(2031, 3, 13), date(2031, 3, 13))


def test_suicide_bombers_who_struck_and_a_bomb_that_went_off_are_explosions_not_strikes():
    events, _ = _draft(
        "Suicide bombers struck two cafes in the capital on Sunday night. An hour later a third bomb went off "
        "in a train.")
    assert {e["type"] for e in events} == {"explosion"}


def test_one_speaker_acting_and_saying_in_one_sentence_makes_one_statement():
    events, _ = _draft(
        "A bomb exploded at a market in Tarvo on Tuesday. Foreign Minister Lena Varga condemned the bombing and "
        "said those behind it would be punished.")
    assert len(_of(events, "statement")) == 1


def test_strikes_that_back_another_act_and_fighting_that_goes_on_found_no_event():
    events, _ = _draft(
        "Government troops, backed by air strikes and special forces, retook the town of Tarvo on Tuesday, but "
        "fighting continued in the northern districts.")
    assert _of(events, "air_strike") == []
    assert len(_of(events, "armed_clash")) == 1


def test_an_act_supposed_in_an_if_clause_is_no_event():
    events, _ = _draft(
        "Interior Minister Lena Varga said that if the airliner had been shot down, those responsible would be "
        "found.")
    assert _of(events, "armed_clash") == [] and _of(events, "air_strike") == []


def test_talks_ended_left_or_ruled_out_are_no_meeting():
    events, _ = _draft(
        "President Omar Haddad ended peace talks with the rebels on Friday. The rebels pulled out of the "
        "UN-backed talks on Saturday. Haddad told supporters there would be no more negotiations, and ruled out "
        "any talks before the elections.")
    assert _of(events, "meeting") == []


def test_a_visit_to_an_unnamed_place_is_no_meeting_but_one_to_a_named_village_is():
    events, _ = _draft(
        "President Omar Haddad, who visited the harbour on Sunday evening, said the port would reopen. "
        "General Ivo Brandt visited Karvel village on Monday and apologised to its people.")
    assert len(_of(events, "meeting")) == 1


def test_a_photo_line_and_a_pool_credit_are_captions():
    from newsevents.ingest.page_lines import is_caption
    assert is_caption("[Photo] The two leaders shake hands at the border. Summit Press Pool")
    assert is_caption("The ministers arrive for the talks. Pool photo via Wire")
    assert not is_caption("The leaders met beside the hotel pool on Monday.")


def test_a_vehicle_that_blew_up_is_an_explosion():
    events, dates = _draft("A truck packed with explosives blew up outside a hotel in Tarvo on Thursday, killing "
                           "nine people.")
    explosions = _of(events, "explosion")
    assert len(explosions) == 1
    assert dates[explosions[0]["id"]] == (date(2031, 3, 13), date(2031, 3, 13))


def test_a_war_feared_or_named_in_history_and_a_coup_as_a_word_found_no_event():
    events, _ = _draft(
        "The seizure of the oil field pushed the two neighbours to the brink of all-out war. It was the worst "
        "attack on the city since World War Two. Opposition leader Ana Morel called the council's takeover an "
        "\u201cinstitutional coup\u201d on Tuesday.")
    assert _of(events, "war") == [] and _of(events, "seizure_of_power") == []


def test_attackers_on_the_ground_who_struck_made_a_ground_attack():
    events, _ = _draft("Gunmen armed with rifles struck a police post in Tarvo on Monday, killing four officers.")
    assert _of(events, "air_strike") == []
    assert len(_of(events, "armed_clash")) == 1


def test_steps_of_one_attack_in_one_sentence_are_one_event():
    events, _ = _draft(
        "Two suicide bombers opened fire and then blew themselves up at the railway station in Tarvo on Tuesday, "
        "killing 12 people.")
    assert len([e for e in events if e["type"] in ("armed_clash", "explosion", "air_strike")]) == 1


def test_missiles_fired_and_the_attack_they_made_are_one_strike():
    events, _ = _draft(
        "Two warships fired 40 cruise missiles at an air base near Tarvo early on Friday, in the first direct "
        "attack on the government in the conflict.")
    assert len(_of(events, "air_strike")) == 1 and _of(events, "armed_clash") == []


def test_an_attack_carried_out_by_jets_is_an_air_strike():
    events, _ = _draft("Witnesses said government jets had carried out a chemical attack on the town of Karvel on "
                       "Tuesday, killing 30 people.")
    assert len(_of(events, "air_strike")) == 1 and _of(events, "armed_clash") == []


def test_a_side_told_by_its_fighting_and_an_attack_not_suffered_are_no_clash():
    events, _ = _draft(
        "The country has not suffered a major attack since 2019. Hours later, the coalition fighting in the north "
        "carried out air strikes on the capital.")
    assert _of(events, "armed_clash") == []


def test_an_act_announced_is_the_act_not_a_statement():
    events, _ = _draft(
        "The European Union announced on Monday that it was halting budget support to the government. "
        "Norway severed diplomatic relations with Chile on Sunday, Foreign Minister Ana Morel announced.")
    assert _of(events, "statement") == []
    assert len(_of(events, "sanctions")) == 1 and len(_of(events, "diplomatic_downgrade")) == 1


def test_sanctions_that_remain_are_no_new_sanctions_but_sanctions_on_a_side_are():
    events, _ = _draft("President Omar Haddad said sanctions would remain in place for now.")
    assert _of(events, "sanctions") == []
    events, _ = _draft("Germany has called for European sanctions against the Tarvo government.")
    assert len(_of(events, "sanctions")) == 1


def test_meeting_a_need_or_a_visit_that_sets_a_speech_is_no_meeting():
    events, _ = _draft(
        "On Wednesday President Omar Haddad warned that any further provocation would meet \u201cfierce "
        "retaliation\u201d. Prime Minister Ana Morel, speaking during a visit to Chile, called the raid a crime.")
    assert _of(events, "meeting") == []


def test_a_meeting_of_ambassadors_is_multilateral():
    events, _ = _draft("NATO ambassadors held an emergency meeting in Brussels on Wednesday.")
    assert [e["meeting"]["type"] for e in _of(events, "meeting")] == ["multilateral_talks"]


def test_calls_with_someone_new_a_joint_call_and_a_negotiation_are_meetings_of_their_own():
    events, dates = _draft(
        "President Ivo Brandt agreed the plan with Prime Minister Ana Morel in a phone call on Tuesday morning and "
        "had then negotiated with General Omar Haddad for the rest of the day. "
        "Foreign Minister Lena Varga, in a phone call with Morel the same day, urged restraint. "
        "President Luis Soto spoke on Wednesday with Brandt, Morel and Varga in a joint call about the crisis.")
    meetings = _of(events, "meeting")
    assert sorted(e["meeting"]["type"] for e in meetings) == ["bilateral_talks"] + ["phone_call"] * 3
    talks = next(e for e in meetings if e["meeting"]["type"] == "bilateral_talks")
    assert dates[talks["id"]] == (None, None)  # Tuesday is the call's, told before 'and had then'


def test_a_month_or_year_that_opens_the_sentence_dates_its_act():
    events, dates = _draft("In January, gunmen killed 17 people at a hotel in Tarvo. In 2029, police shot dead nine "
                           "striking miners in Karvel.")
    clashes = _of(events, "armed_clash")
    assert sorted(dates[e["id"]] for e in clashes) == [(date(2029, 1, 1), date(2029, 12, 31)),
                                                       (date(2031, 1, 1), date(2031, 1, 31))]


def test_a_date_in_the_opening_phrase_dates_the_statement_after_it():
    events, dates = _draft(
        "In a televised address on Thursday night, President Omar Haddad said the country would not bow to "
        "terror. On Wednesday, Foreign Minister Lena Varga condemned the bombing.")
    statements = _of(events, "statement")
    assert sorted(dates[e["id"]] for e in statements) == [(date(2031, 3, 12), date(2031, 3, 12)),
                                                          (date(2031, 3, 13), date(2031, 3, 13))]


def test_a_statement_takes_the_date_before_its_verb_in_its_aside_or_of_the_act_it_is_joined_to():
    events, dates = _draft(
        "A bomb exploded at a market in Tarvo on Monday, killing 12 people. "
        "Foreign ministry spokesman Ivo Brandt on Tuesday again accused the rebels of the bombing. "
        "Defence Minister Lena Varga, in a statement issued late on Wednesday, said the army would respond. "
        "Prime Minister Ana Morel telephoned President Omar Haddad on Thursday and condemned the bombing. "
        "Amnesty International also condemned the attack on Friday.")
    statements = _of(events, "statement")
    assert sorted(dates[e["id"]][0] for e in statements) == [date(2031, 3, d) for d in (11, 12, 13, 14)]


def test_an_act_a_speaker_tells_again_in_the_past_perfect_is_the_act_named_before():
    events, _ = _draft(
        "A powerful explosion tore through a bridge near Tarvo early on Saturday. The interior ministry said a "
        "truck had blown up on the bridge, setting fire to a fuel train. Two more explosions followed that "
        "afternoon.")
    assert len(_of(events, "explosion")) == 2


def test_an_act_a_modal_puts_as_what_may_come_is_no_event():
    events, _ = _draft("Officials in Tarvo warned on Monday that the dispute could spill into a direct clash between "
                       "the two armies.")
    assert _of(events, "armed_clash") == []


def test_coups_told_as_a_class_found_no_event():
    events, _ = _draft("Three neighbours, which are suspended from the bloc after coups of their own, were not "
                       "invited to the summit in Tarvo.")
    assert _of(events, "seizure_of_power") == []


def test_a_war_that_only_tells_since_when_is_the_war_known_not_a_new_one():
    events, _ = _draft("A drone struck an outpost near Tarvo on Sunday, killing three soldiers, the first deaths "
                       "in the region since the Karvel war began.")
    assert _of(events, "war") == []

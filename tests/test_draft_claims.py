"""The drafter's casualty claims: who claims how many of whom, in the wordings outlets use."""
from __future__ import annotations

import pytest

from newsevents.authoring.draft.text import _split
from test_draft import _claims, _draft


def _found(body: str) -> list[tuple]:
    drafted, _ = _draft(body)
    return _claims(drafted)


@pytest.mark.parametrize("body, claim", [
    ("A car bomb exploded in Kano on Monday. A spokesman for Nigeria’s Kano province said one civilian had been "
     "killed.", ("spokesman-for-nigeria-kano-province", "killed", "one", "civilians")),
    ("Mortars hit an army post in Kano on Monday, wounding five soldiers, an army spokesman in Kano said.",
     ("army-unnamed", "injured", "five", "soldiers")),
    ("An air strike hit a market in Kano on Monday. The Nigerian army called the strike a provocation and said it "
     "had killed six people.", ("nigeria-army", "killed", "six", "people")),
    ("An air strike hit a market in Kano on Monday. The Sahel Freedom Front (SFF), an alliance of rebel groups, "
     "said the attack had killed 40 people.", ("sahel-freedom-front", "killed", "40", "people")),
    ("A rocket attack hit a school in Kano on Monday, killing 20 people, according to U.S. officials.",
     ("united-states", "killed", "20", "people")),
    ("An air strike hit a school in Gaza on Monday. The Gaza health ministry said 20 people were killed.",
     ("gaza-health-ministry", "killed", "20", "people")),
    ("An air strike hit a school in Kano on Monday. Nigerian authorities said 20 people were killed.",
     ("nigeria-authorities", "killed", "20", "people")),
    ("An air strike hit a school in Kano on Monday. The Freedom Front-run health ministry said 20 people were killed.",
     ("freedom-front-run-health-ministry", "killed", "20", "people")),
    ("DAKAR (Wire) - An air strike hit a school in Kano on Monday. The Kheri-controlled interior ministry said "
     "20 people were killed.", ("kheri-controlled-interior-ministry", "killed", "20", "people")),
    ("South Sudanese officials said warplanes bombed the outskirts of Bentiu on Saturday, killing two soldiers.",
     ("south-sudan", "killed", "two", "soldiers")),  # not Sudan's: a nationality of two words
    ("A bomb exploded in a market in Kano on Monday. The Nigerian Red Cross said 12 people were killed.",
     ("nigerian-red-cross", "killed", "12", "people")),
    ("A bomb exploded in a market in Kano on Monday. Chief Constable Ana Ruiz said 12 people were killed.",
     ("ana-ruiz", "killed", "12", "people")),
    ("A bomb exploded in a market in Kano on Monday. President Aleksandar Vučić said 12 people were killed.",
     ("aleksandar-vucic", "killed", "12", "people")),
    ("A bomb exploded in a market in Kano on Monday. The national ombudsman’s office gave a lower toll on "
     "Tuesday, saying it had confirmed 60 deaths.", ("national-ombudsman-office", "killed", "60", "unknown")),
])
def test_the_claimant_is_the_one_who_speaks(body, claim):
    assert claim in _found(body)


def test_an_aside_before_according_to_is_under_the_source():
    found = _found("An air strike on a school in Kano on Monday killed at least 86 people, 30 of them children, "
                   "according to local health officials.")
    assert {c[0] for c in found} == {"health-officials"}
    assert [c[2] for c in found] == ["at least 86", "30"]


def test_groups_counted_together_are_one_claim_each():
    found = _found("Gunmen attacked a school in Kano on Monday. Police said that 132 children and nine members of "
                   "staff had been killed.")
    assert [c[1:] for c in found] == [("killed", "132", "children"), ("killed", "nine", "civilians")]
    found = _found("A bomber struck a crowd at a market in Kano on Monday, killing 13 soldiers and at least 170 "
                   "Nigerians.")
    assert [c[2] for c in found] == ["13", "at least 170"]
    found = _found("Mines exploded near Kano on Monday. The army said the operation followed the deaths of four "
                   "police officers and two civilians.")
    assert [c[2:] for c in found] == [("four", "soldiers"), ("two", "civilians")]
    found = _found("Gunmen attacked a museum in Kano on Monday, killing 21 foreign tourists and a police officer.")
    assert [c[2:] for c in found] == [("21", "civilians"), ("one", "soldiers")]


def test_sub_groups_in_an_aside():
    drafted, _ = _draft("A rocket attack on Kano on Monday killed 12 people, including two children and a soldier, "
                        "police said.")
    claims = [c for e in drafted.coding["events"] for c in e.get("claims", [])]
    assert [(c["count"], c["victim_group"]) for c in claims] == [("12", "people"), ("two", "children"),
                                                                 ("one", "soldiers")]
    assert claims[1]["part_of"] == claims[2]["part_of"] == claims[0]["id"]
    found = _found("A bomb exploded in a market in Kano on Monday. The police chief said 129 people had been killed "
                   "and 352 wounded, 99 of them critically.")
    assert [c[1:3] for c in found] == [("killed", "129"), ("injured", "352"), ("injured", "99")]


def test_treated_in_hospital_is_wounded():
    found = _found("A bomb exploded in a market in Kano on Monday. The health minister said 86 people had died and "
                   "that 186 were being treated in hospitals, 28 of them in intensive care.")
    assert [c[1:3] for c in found] == [("killed", "86"), ("injured", "186"), ("injured", "28")]
    found = _found("A bomb exploded in a market in Kano on Monday. Police said 59 people had been taken to hospital.")
    assert [c[1:3] for c in found] == [("injured", "59")]


def test_what_is_not_drafted():
    found = _found("A bomb exploded at a concert in Kano on Monday, killing 22 people, some of them children.")
    assert [c[2] for c in found] == ["22"]  # 'some of them' counts no one
    found = _found("A bomb exploded at an airport in Kano on Monday. The governor's office said 13 of the dead were "
                   "foreign nationals, among them five Ghanaians and two Malians.")
    assert [c[2] for c in found] == ["13"]  # a breakdown by nationality is no victim group
    found = _found("A bomb exploded at a market in Kano on Monday. Six people were killed and a child was wounded "
                   "in the blast.")
    assert ("killed", "one") not in [c[1:3] for c in found]  # 'a child was wounded' is no one more killed


def test_an_organisation_keeps_the_words_the_story_names_it_with():
    drafted, _ = _draft("An air strike hit a market in Kano on Monday. The state news agency NAN said nine "
                        "civilians, four of them children, had been killed.")
    assert [c[1:3] for c in _claims(drafted)] == [("killed", "nine"), ("killed", "four")]
    assert "state news agency NAN" in drafted.actor_proposals["nan"].entry["aliases"]


def test_a_speaker_at_the_end_vouches_for_the_last_clause_only():
    found = _found("A suicide bomber killed 27 worshippers at a mosque in Kano on Friday, and in Abuja a man drove "
                   "a van into a factory, prosecutors said.")
    assert [(c[0], c[2]) for c in found] == [(None, "27")]


def test_one_victim_and_other_wordings_of_a_toll():
    found = _found("Gunmen ambushed a patrol near Kano on Sunday. One police officer was killed and a gunman was "
                   "shot dead.")
    assert [c[1:] for c in found] == [("killed", "One", "soldiers"), ("killed", "one", "militants")]
    found = _found("A bomb exploded on an airliner over Kano on Monday, killing all 224 people on board.")
    assert [c[1:3] for c in found] == [("killed", "224")]
    found = _found("A gunman shot dead 38 people on a beach near Kano on Friday. The state news agency NAN had given "
                   "a toll of 40 on Friday evening. The health minister said 85 people had been admitted to a "
                   "hospital in Kano.")
    assert [c[1:3] for c in found] == [("killed", "38"), ("killed", "40"), ("injured", "85")]


def test_vague_parts_and_a_leader_killed_are_not_drafted():
    found = _found("A drone strike hit a car in Kano on Monday. He said some of those killed were fighters.")
    assert found == []
    found = _found("A bomb exploded at a market in Kano on Monday. Police said 48 people were being treated in "
                   "hospital, several of them in a critical condition.")
    assert [c[2] for c in found] == ["48"]
    found = _found("A drone strike in Kano on Monday killed a commander of the militia.")
    assert found == []


def test_a_toll_told_place_by_place_and_a_list_of_nationalities_among_the_dead():
    found = _found("Gunmen attacked two mosques in Kano on Friday. The governor said that 41 people had died at the "
                   "first mosque, seven at the second and one later in hospital.")
    assert [c[2] for c in found] == ["41", "seven", "one"]
    found = _found("Gunmen stormed a cafe in Kano on Friday. According to the foreign ministry, nine Italians, seven "
                   "Japanese and an American were among the dead.")
    assert [(c[0], c[2]) for c in found] == [("foreign-ministry-unnamed", "nine"),
                                             ("foreign-ministry-unnamed", "seven"),
                                             ("foreign-ministry-unnamed", "one")]


def test_a_revised_toll_and_people_taken_to_hospital():
    found = _found("Bombs exploded at three churches in Kano on Sunday. The health ministry on Thursday revised the "
                   "number of people killed in the bombings down to 253. The emergency service said it had taken 59 "
                   "people to eight hospitals.")
    assert [c[1:3] for c in found] == [("killed", "253"), ("injured", "59")]
    assert found[0][0] == "health-ministry-unnamed"  # the ministry that revised it


def _on(drafted) -> dict[str, list[str]]:
    return {e["type"]: [c["count"] for c in e.get("claims", [])] for e in drafted.coding["events"]}


@pytest.mark.parametrize("body, kind, count", [
    ("Jets carried out missile strikes on nine sites in Kano early on Wednesday, two weeks after gunmen killed 26 "
     "people at a market near Kano.", "armed_clash", "26"),
    ("Rockets struck a village in Kano on Thursday. Nigeria recalled its ambassador from Niamey late on Wednesday, "
     "after a landmine blast that morning wounded five soldiers.", "explosion", "five"),
])
def test_a_toll_of_an_act_cited_before_stays_off_the_act_the_sentence_tells(body, kind, count):
    drafted, _ = _draft(body)
    on = _on(drafted)
    assert on[kind] == [count]
    assert count not in on["air_strike"]


def test_a_cited_act_of_the_same_kind_is_still_the_one_named_before():
    drafted, _ = _draft("An air strike hit a market in Kano on Monday. The Nigerian army said on Tuesday, a day "
                        "after the strike, that it had killed six people.")
    assert [e["type"] for e in drafted.coding["events"] if e["type"] != "statement"] == ["air_strike"]


def _pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in _split(text)]


def test_a_month_name_ends_a_sentence_but_a_short_month_before_a_day_does_not():
    assert _pieces("Fighting has gone on since May. The official said 67 people died.") == \
        ["Fighting has gone on since May.", "The official said 67 people died."]
    assert _pieces("The talks began on Aug. 5 in Kano. They ended in Sept. 12 talks.") == \
        ["The talks began on Aug. 5 in Kano.", "They ended in Sept. 12 talks."]
    assert _pieces("Dr. Ana Ruiz met Mr. Smith.") == ["Dr. Ana Ruiz met Mr. Smith."]


def test_a_source_that_speaks_on_a_day_s_morning_before_an_aside_claims_the_toll_and_its_parts():
    found = _found("Gunmen attacked a market in Kano on Thursday. At least nine people were killed in the fighting, "
                   "Nigerian police said on Friday morning, among them a trader and a soldier.")
    assert [c[0] for c in found] == ["nigeria-police"] * 3
    assert [c[1:3] for c in found] == [("killed", "At least nine"), ("killed", "one"), ("killed", "one")]


def test_one_crew_member_named_by_what_he_does_and_one_who_had_died():
    found = _found("Rebels shot down a helicopter near Kano on Monday. General Ana Ruiz said one pilot had been "
                   "killed and that a marine had died when a second helicopter came under fire.")
    assert [c[1:] for c in found] == [("killed", "one", "soldiers"), ("killed", "one", "soldiers")]
    assert [c[1:] for c in _found("A bomb exploded in Kano on Monday. Police said a gunman had killed five "
                                  "people.")] == \
        [("killed", "five", "people")]


def test_shootouts_are_a_clash_that_holds_its_toll():
    found = _found("Gunmen and police fought shootouts in Kano on Thursday. The governor said on Friday that the "
                   "shootouts had left 16 people wounded.")
    assert ("injured", "16") in [c[1:3] for c in found]


def test_a_war_s_own_toll_is_told_on_the_war():
    drafted, _ = _draft("The accord of 2031 ended the 2025-29 war, in which more than 40,000 people were killed, and "
                        "split the country in two.")
    assert [(e["type"], [c["count"] for c in e.get("claims", [])]) for e in drafted.coding["events"]
            if e["type"] == "war"] == [("war", ["more than 40,000"])]


def test_claiming_an_act_is_not_speech_so_the_toll_after_it_is_the_outlet_s():
    found = _found("Gunmen attacked a hotel in Kano on Sunday. The Sahel Freedom Front claimed the siege of a "
                   "hotel in Niamey in May, in which 20 people were killed.")
    assert found == [(None, "killed", "20", "people")]


def test_a_toll_said_by_someone_the_rules_cannot_name_is_left_to_the_coder():
    found = _found("A drone hit a hospital in Kano on Friday. The official, who asked not to be named, had earlier "
                   "said that 67 people died in the attack, among them at least 20 women.")
    assert found == []
    found = _found("A drone hit a hospital in Kano on Friday, killing 12 people, including two children. The "
                   "group said it had killed 30 soldiers, among them a commander.")
    assert found == [(None, "killed", "12", "people"), (None, "killed", "two", "children")]


def test_an_office_whose_first_word_names_a_body_speaks_as_the_office():
    found = _found("A bomb exploded in a market in Kano on Monday. The police chief said 129 people had been killed.")
    assert found == [("police-chief", "killed", "129", "people")]


def _kinds_and_counts(body: str) -> list[tuple[str, list[str]]]:
    drafted, _ = _draft(body)
    return [(e["type"], [c["count"] for c in e.get("claims", [])]) for e in drafted.coding["events"]
            if e["type"] not in ("statement", "meeting")]


def test_an_act_told_with_its_own_toll_is_news_even_when_nothing_came_before():
    assert _kinds_and_counts("Helicopters and jets attacked two border posts near Kano early on Saturday, killing "
                             "24 soldiers.") == [("air_strike", ["24"])]
    assert _kinds_and_counts("Men armed with rifles attacked a village near Kano on Saturday, killing 12 people.") \
        == [("armed_clash", ["12"])]
    assert _kinds_and_counts("The attack on a village near Kano killed 12 people, police said.") == []


def test_a_vehicle_driven_into_a_crowd_and_an_airliner_brought_down():
    assert _kinds_and_counts("A man drove a rented truck into crowds on the seafront in Kano late on Thursday, "
                             "killing at least 40 people.") == [("armed_clash", ["at least 40"])]
    assert _kinds_and_counts("An airliner flying to Kano was brought down over the desert on Thursday, killing all "
                             "180 people on board.") == [("armed_clash", ["180"])]


def test_a_plane_said_to_have_been_shot_down_is_the_downing_named_before():
    kinds = _kinds_and_counts("An airliner was brought down near Kano on Thursday, killing all 180 people on "
                              "board. The president said on Friday that the plane had been shot down by a missile.")
    assert kinds == [("armed_clash", ["180"])]


def test_a_rank_is_no_victim_word():
    found = _found("Jets struck a border post near Kano on Saturday. The army said 24 soldiers, among them a major "
                   "and a captain, had been killed.")
    assert [c[2] for c in found] == ["24"]


@pytest.mark.parametrize("body, claim", [
    ("A bomb exploded at a police college in Kano on Monday. The defence minister said 14 cadets had been killed.",
     ("killed", "14", "soldiers")),
    ("Gunmen stormed a hotel in Kano on Friday. Police said 11 hostages, most of them foreign visitors from across "
     "the region, were hacked or shot to death.", ("killed", "11", "civilians")),
    ("A rocket struck a street in Kano on Tuesday, where police said two people had been lightly "
     "hurt.", ("injured", "two", "people")),
    ("Gunmen fought police in Kano on Thursday. Police said 12 \"armed bandits\" had been killed and nine members "
     "of the security forces had died.", ("killed", "nine", "soldiers")),
])
def test_victim_words_adverbs_and_deaths_by_a_weapon(body, claim):
    assert claim in [c[1:] for c in _found(body)]


def test_community_leaders_speak_for_their_toll():
    found = _found("Soldiers opened fire on villagers in Kano on Friday, killing two people and wounding 12, "
                   "community leaders said.")
    assert [c[0] for c in found] == ["community-leaders", "community-leaders"]


def test_a_toll_parted_right_after_its_verb_is_a_breakdown_not_a_list_of_the_wounded():
    found = _found("A drone struck a depot in Kano on Monday. Police said three people had been killed, two Nigerian "
                   "nationals and a trader, and six others had been injured.")
    assert [c[1:3] for c in found][:2] == [("killed", "three"), ("killed", "two")]
    assert ("injured", "six") in [c[1:3] for c in found]
    assert ("injured", "two") not in [c[1:3] for c in found]


def test_a_body_s_words_at_the_end_of_a_proper_name_are_the_name():
    found = _found("Shells hit an island off Kano on Tuesday. The Oslandia Coast Guard said on Wednesday that it had "
                   "found the bodies of two men.")
    assert [c[0] for c in found] == ["oslandia-coast-guard"]
    found = _found("Shells hit an island off Kano on Tuesday. The coast guard said on Wednesday that it had found the "
                   "bodies of two men.")
    assert [c[0] for c in found] != ["oslandia-coast-guard"] and len(found) == 1


def test_a_toll_in_a_later_sentence_is_the_act_told_not_one_cited_as_background():
    drafted, _ = _draft("A gunman opened fire at a camp near Kano on Friday, killing at least 40 people, hours after a "
                        "car bomb exploded in Jos, killing seven. Police said on Saturday that 41 people had been "
                        "killed at the camp.")
    on = {e["type"]: [c["count"] for c in e.get("claims", [])] for e in drafted.coding["events"]}
    assert on["armed_clash"] == ["at least 40", "41"] and on["explosion"] == ["seven"]


def test_officials_of_a_place_named_before_them_are_that_place_s_officials():
    found = _found("Gunmen fought troops in Kano on Thursday. At least eight people were killed in the fighting, "
                   "Oslandia state officials said on Friday.")
    assert [c[0] for c in found] == ["oslandia-state-officials"]
    found = _found("Gunmen fought troops in Kano on Thursday. At least eight people were killed in the fighting, "
                   "Nigerian officials said on Friday.")
    assert [c[0] for c in found] != ["nigerian-officials"]


def test_a_later_toll_goes_on_the_lead_act_of_the_sentence_that_named_several():
    drafted, _ = _draft("Troops searched a college in Kano on Friday after a siege in which gunmen killed 40 people, "
                        "the deadliest attack since a 2029 bombing in Jos. Police said on Saturday that 41 people had "
                        "been killed and 79 wounded.")
    on = {e["type"]: [c["count"] for c in e.get("claims", [])] for e in drafted.coding["events"]}
    assert on["armed_clash"] == ["40", "41", "79"]


def test_one_person_named_by_nationality_or_as_the_next_of_a_count():
    found = _found("A drone struck a depot in Kano on Monday. Police said three people had been killed, two Nigerian "
                   "nationals and a Ghanaian, and six others had been injured.")
    assert ("killed", "one", "people") in [c[1:] for c in found]
    found = _found("A drone strike near Kano late on Friday killed two militant planners and wounded a third, the "
                   "army said.")
    assert [c[1:3] for c in found] == [("killed", "two"), ("injured", "one")]
    assert all(c[2] != "one" for c in _found("A drone strike near Kano on Friday killed 30 people and wounded a third "
                                            "of the village's residents."))


def test_a_nationality_before_what_a_speaker_is_names_no_victim():
    found = _found("A bomb exploded at a market in Kano on Monday, killing 14 people, a Nigerian hospital official "
                   "said.")
    assert [c[1:3] for c in found] == [("killed", "14")]

"""The drafter of `make add`: every draft is a coding file the build reads, and the rules read the wordings
of conflict and diplomacy news. The stories here are written for the tests, in no outlet's words and about
no event of the evaluation set, so these tests check the rules without scoring them."""
from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from newsevents.authoring.draft import draft_story, lexicon
from newsevents.authoring.draft.dates import find_dates
from newsevents.authoring.draft.slug import slug
from newsevents.authoring.draft.text import quote_around, sentences
from newsevents.authoring.draft.writer import coding_text, proposals_text
from newsevents.authoring.evaluation.buildable import draft_problems
from newsevents.authoring.evaluation.scoring import drafted_dates
from newsevents.core.errors import Collector
from newsevents.core.project import REPO_ROOT, Project
from newsevents.ingest.articles import Article, load_articles
from newsevents.ingest.registries import load_registries
from newsevents.ingest.stories import parse_capture

DRAFTER = REPO_ROOT / "build" / "newsevents" / "authoring" / "draft"
PUBLISHED = date(2031, 3, 14)  # a Friday


def _article(body: str, published: date = PUBLISHED) -> Article:
    text = f"Test headline for a story written for the tests\n\n{body}\n"
    story = parse_capture(text)[0]
    return Article(article_id="test-story", capture_file="test-story.txt", outlet="Test Outlet", story=story,
                   text=text, capture_sha256="", headline=story.headline, headline_basis="printed", byline=None,
                   byline_basis=None, published_date=published, published_date_earliest=published,
                   published_date_latest=published, published_date_basis="stated", date_note=None, url=None)


def _draft(body: str, actors: dict | None = None):
    article = _article(body)
    drafted = draft_story(article, actors or {}, {}, REPO_ROOT)
    assert draft_problems(Project(), article, drafted) == []  # every draft is one the build reads
    dates = drafted_dates(drafted.coding["events"], article)
    return drafted, {e["id"]: (dates[e["id"]].start, dates[e["id"]].end) for e in drafted.coding["events"]}


def _roles(event: dict) -> set[tuple[str, str]]:
    return {(r["role"], r["actor"]) for r in event.get("actors", [])}


def _claims(drafted) -> list[tuple]:
    return [(c.get("claimant"), c["outcome"], c["count"], c["victim_group"]) for e in drafted.coding["events"]
            for c in e.get("claims", [])]


# -- the seed stories: drafts the build reads --------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds():
    project, problems = Project(), Collector()
    articles = {a.article_id: a for a in load_articles(project, problems)}
    registries = load_registries(project, problems)
    problems.raise_if_any()
    drafts = {article_id: draft_story(article, registries.actors, registries.places, project.root)
              for article_id, article in articles.items()}
    return project, articles, registries, drafts


def test_each_seed_draft_is_a_coding_file_the_build_reads(seeds):
    project, articles, _, drafts = seeds
    assert len(drafts) == 3
    for article_id, drafted in drafts.items():
        assert drafted.coding["review"] == "draft" and drafted.coding["article_id"] == article_id
        assert drafted.coding["events"], article_id
        assert draft_problems(project, articles[article_id], drafted) == []
        for event in drafted.coding["events"]:
            assert {"type", "cameo", "plover", "summary", "status", "salience", "date", "evidence"} <= set(event)
        text = coding_text(drafted, articles[article_id].headline, "data/coding/proposals/x.yaml")
        assert yaml.safe_load(text) == drafted.coding
        assert set(yaml.safe_load(proposals_text(drafted, article_id))) == {"actors", "places"}


def test_drafting_is_deterministic(seeds):
    project, articles, registries, drafts = seeds
    for article_id, article in articles.items():
        again = draft_story(article, registries.actors, registries.places, project.root)
        assert again.coding == drafts[article_id].coding


def test_new_names_are_proposed_with_a_guessed_type_and_country(seeds):
    project, articles, registries, _ = seeds
    article = next(a for a in articles.values() if "Durrani" in a.text[a.story.start:a.story.end])
    actors = {k: v for k, v in registries.actors.items() if k not in ("asif-durrani", "russia")}
    places = {k: v for k, v in registries.places.items() if k != "ashgabat"}
    drafted = draft_story(article, actors, places, project.root)
    person = next(p.entry for p in drafted.actor_proposals.values() if p.entry["name"].endswith("Durrani"))
    assert person["type"] == "person"
    state = next(p.entry for p in drafted.actor_proposals.values() if p.entry["name"] == "Russia")
    assert (state["type"], state["country"]) == ("state", "RUS")
    city = next(p.entry for p in drafted.place_proposals.values() if p.entry["name"] == "Ashgabat")
    assert city["country"] == "TKM" and city["precision"] == "exact" and city["geonames"]
    assert 37 < city["lat"] < 39 and 57 < city["lon"] < 59


def test_an_organisation_or_a_seat_of_government_is_not_proposed_as_a_person():
    drafted, _ = _draft(
        "An air strike hit a clinic in Valdor on Monday, killing 12 civilians, Amnesty International said. "
        "Human Rights Watch called for an inquiry. The White House condemned the strike, and Elysee Palace "
        "officials said France would send aid. Maria Santos, a nurse, said the building was full.")
    types = {p.entry["name"]: p.entry["type"] for p in drafted.actor_proposals.values()}
    assert types["Amnesty International"] == "other" and types["Human Rights Watch"] == "other"
    assert types["White House"] == "government_body"
    assert types["Maria Santos"] == "person"


def test_drafter_holds_no_registry_names():
    """The rules are general English news wording: no actor or place of the registries is written into them
    (countries, their adjectives and capitals come from the gazetteer's lists of every country)."""
    registries = load_registries(Project(), Collector())
    names = {n for a in registries.actors.values() for n in [a["name"], *a["aliases"]] if len(n) >= 4}
    names |= {p["name"] for p in registries.places.values() if len(p["name"]) >= 4}
    names = {n for n in names if not (lexicon.country(n) or lexicon.demonym(n) or n in lexicon.capitals())}
    modules = sorted(DRAFTER.glob("*.py"))
    assert len(modules) > 10
    source = "\n".join(path.read_text(encoding="utf-8") for path in modules)
    assert sorted(n for n in names if re.search(rf"\b{re.escape(n)}\b", source)) == []


# -- the rules, on stories written for the tests ---------------------------------------------------------
def test_a_strike_with_its_initiator_target_place_date_and_attributed_claims():
    drafted, dates = _draft(
        "Valdorian drone strikes on the border town of Kherson killed at least 12 people, including four "
        "children, late on Tuesday, the Ukrainian health ministry said.")
    strike = next(e for e in drafted.coding["events"] if e["type"] == "air_strike")
    assert ("claimant", "ukraine-health-ministry") in _roles(strike)
    assert dates[strike["id"]] == (date(2031, 3, 11), date(2031, 3, 11))
    claims = strike["claims"]
    assert [(c["claimant"], c["outcome"], c["count"], c["victim_group"]) for c in claims] == [
        ("ukraine-health-ministry", "killed", "at least 12", "people"),
        ("ukraine-health-ministry", "killed", "four", "children")]
    assert claims[1]["part_of"] == claims[0]["id"]


def test_claims_in_many_wordings_and_none_without_a_counting_rule():
    drafted, _ = _draft(
        "An explosion hit a market in Mosul on Monday. The blast left nine people dead and 30 others wounded, "
        "police said. Chad said three of its soldiers had died in the attack. About 20 people were hurt, "
        "witnesses said. As many as 40 people were wounded, rescuers said.")
    found = _claims(drafted)
    assert (None, "killed", "nine", "people") in [(None, *c[1:]) for c in found]
    assert ("killed", "three", "soldiers") in [c[1:] for c in found]
    assert ("injured", "30", "people") in [c[1:] for c in found]
    assert ("witnesses", "injured", "About 20", "people") in found  # 'about': within a tenth either way
    assert all("40" not in c[2] for c in found)  # 'as many as': no documented rule, nothing drafted


def test_unnamed_sources_claim_but_make_no_statement_and_are_never_targets():
    drafted, _ = _draft(
        "A car bomb exploded at a bus station in Sokoto on Monday, killing 11 people, police said. Witnesses "
        "said the blast killed at least 15 people. The Nigerian health ministry said 20 people were wounded. "
        "The ministry said two more people died. Residents fled the town.")
    found = _claims(drafted)
    police = next(c[0] for c in found if c[2] == "11")
    assert police and drafted.actor_proposals[police].entry["type"] == "government_body"
    assert ("witnesses", "killed", "at least 15", "people") in found
    assert ("nigeria-health-ministry", "injured", "20", "people") in found
    assert ("nigeria-health-ministry", "killed", "two", "people") in found  # 'The ministry': the one named before
    assert not [e for e in drafted.coding["events"] if e["type"] == "statement"]
    roles = {r for e in drafted.coding["events"] for r in _roles(e)}
    assert not {r for r in roles if r[0] in ("target", "initiator") and r[1] in ("witnesses", "residents")}


def test_bombers_gunfire_and_sources_on_the_record():
    drafted, dates = _draft(
        "A suicide bomber killed at least 30 people at a market on Friday, officials said. Medical sources said "
        "50 more were wounded. Gunmen opened fire on a bus on Thursday. Security forces killed 12 militants in a "
        "raid, the Nigerian army said in a statement on Sunday. Gunmen killed 11 villagers overnight, a police "
        "spokesman said.")
    kinds = [e["type"] for e in drafted.coding["events"]]
    assert kinds == ["explosion", "armed_clash", "armed_clash", "armed_clash"]
    found = _claims(drafted)
    assert ("officials", "killed", "at least 30", "people") in found
    assert ("medical-sources", "injured", "50", "unknown") in found
    assert ("nigeria-army", "killed", "12", "militants") in found
    assert ("police-unnamed", "killed", "11", "civilians") in found  # no dateline: whose police is the coder's

def test_an_unnamed_body_is_the_dateline_country_s():
    drafted, _ = _draft("LIMA (Wire) - A car bomb exploded outside a bank on Friday, killing four people, "
                        "police said.")
    assert [c[0] for c in _claims(drafted)] == ["peru-police"]
    assert drafted.actor_proposals["peru-police"].entry["country"] == "PER"


def test_tolls_that_rise_bodies_recovered_sub_groups_and_those_among_the_dead():
    drafted, _ = _draft(
        "A suicide bombing hit a wedding hall in Herat on Saturday. The death toll has risen to 41, the Afghan "
        "health ministry said on Sunday, 17 of them children. Soldiers recovered the bodies of six attackers, the "
        "Afghan army said.")
    found = _claims(drafted)
    assert ("afghanistan-health-ministry", "killed", "41", "unknown") in found  # a toll names no group
    assert ("afghanistan-health-ministry", "killed", "17", "children") in found
    assert ("afghanistan-army", "killed", "six", "militants") in found
    sub = next(c for e in drafted.coding["events"] for c in e.get("claims", []) if c["count"] == "17")
    whole = next(c for e in drafted.coding["events"] for c in e.get("claims", []) if c["count"] == "41")
    assert sub["part_of"] == whole["id"]
    drafted, _ = _draft("A blast tore through a market on Friday. Twelve students were among the dead. Four of "
                        "them had been killed on their way home. Two employees were hurt.")
    assert _claims(drafted) == [(None, "killed", "Twelve", "civilians"), (None, "killed", "Four", "unknown"),
                                (None, "injured", "Two", "civilians")]


def test_tolls_worded_as_lives_lost_bodies_received_and_a_toll_put_at_a_number():
    drafted, _ = _draft(
        "A truck bomb exploded near a stadium in Kano on Saturday. The blast claimed the lives of nine guards, "
        "police said. Fourteen spectators lost their lives, an official at the city’s general hospital said. "
        "The hospital received 22 bodies overnight. The health ministry put the number of wounded at 75.")
    found = _claims(drafted)
    assert ("police-unnamed", "killed", "nine", "soldiers") in found
    official = next(c[0] for c in found if c[2] == "Fourteen")
    assert drafted.actor_proposals[official].entry["aliases"][0].lower() == "an official at the city’s general hospital"
    assert (None, "killed", "22", "unknown") in found
    assert ("health-ministry-unnamed", "injured", "75", "unknown") in found
    drafted, _ = _draft("A truck bomb exploded near a stadium on Saturday. The club put the match back by 30 "
                        "minutes, and nine lives were saved by the stewards.")
    assert _claims(drafted) == []  # no toll: the wording names no dead


def test_offices_named_without_their_holder_give_their_numbers():
    drafted, _ = _draft(
        "Gunmen attacked a bus depot in the north on Tuesday. Six drivers were killed, the regional governor "
        "said. A hospital spokeswoman told reporters that 11 passengers had been wounded. The public prosecutor "
        "said two of the attackers were shot dead. Eight people died, state media reported.")
    found = {c[2]: c[0] for c in _claims(drafted)}
    names = {k: drafted.actor_proposals[v].entry["aliases"][0].lower() for k, v in found.items()}
    assert names == {"Six": "regional governor", "11": "a hospital spokeswoman", "two": "public prosecutor",
                     "Eight": "state media"}
    assert [e["type"] for e in drafted.coding["events"]] == ["armed_clash"]  # 'Gunmen attacked': news of its own


def test_tolls_that_reach_a_number_or_list_the_dead_and_sources_cited_by_a_statement():
    drafted, _ = _draft(
        "A bomb exploded at a ferry terminal on Monday. Local authorities said the number of dead had reached 19. "
        "The dead included four sailors, the governor’s office said. Two guards were among those killed. "
        "Three passengers, including a boy, were killed, according to a statement from the regional "
        "administration.")
    found = _claims(drafted)
    assert ("authorities-unnamed", "killed", "19", "unknown") in found
    assert ("governor-office", "killed", "four", "soldiers") in found
    assert (None, "killed", "Two", "soldiers") in found
    assert ("regional-administration-unnamed", "killed", "Three", "civilians") in found
    drafted, _ = _draft("A bomb exploded at a ferry terminal on Monday. The number of ferries had reached 19 by "
                        "noon, the governor’s office said.")
    assert _claims(drafted) == []  # a number of other things is no toll


def test_a_plain_list_of_groups_before_a_passive_verb_is_one_claim_each():
    drafted, _ = _draft("Gunmen attacked a college on Thursday. Officials said on Friday that 90 students, four "
                        "guards and two soldiers had been killed. Later, 12 people were killed and 30 others were "
                        "wounded, the Kenyan police said.")
    found = [c[1:] for c in _claims(drafted)]
    assert found[:3] == [("killed", "90", "civilians"), ("killed", "four", "soldiers"), ("killed", "two", "soldiers")]
    assert ("injured", "30", "people") in found and ("injured", "12", "people") not in found


def test_an_office_named_bare_is_the_person_last_named_with_that_title():
    drafted, _ = _draft(
        "A bomb exploded at a bus station in the north on Monday. Regional governor Ana Ruiz said the blast "
        "killed nine people. The governor said 20 others were wounded. Later, the interior minister said 11 "
        "people had died.")
    found = _claims(drafted)
    assert [c[0] for c in found] == ["ana-ruiz", "ana-ruiz", "interior-minister"]  # no minister named before


def test_bombs_named_by_kind_shells_that_land_and_forces_that_kill():
    def kinds(body):
        drafted, _ = _draft(body)
        return [e["type"] for e in drafted.coding["events"]]

    assert kinds("A roadside bomb hit an army convoy on Tuesday, killing two soldiers.") == ["explosion"]
    assert kinds("Mortar rounds hit a school in the capital on Monday.") == ["armed_clash"]
    assert kinds("A rocket landed near the airport on Sunday.") == ["air_strike"]
    assert kinds("Security forces killed 14 militants in the hills on Sunday.") == ["armed_clash"]
    assert kinds("Twenty troops killed on the border, officials say") == []  # the troops are victims
    assert kinds("Rebels said their fighters had met the troops with gunfire and roadside bombs.") == []


def test_people_recaptured_a_building_s_name_and_a_visit_to_a_hotel_are_no_acts_or_speakers():
    drafted, _ = _draft("Officials said 49 inmates had escaped and that 25 had since been recaptured.")
    assert drafted.coding["events"] == []
    drafted, _ = _draft("Rebels recaptured the border town on Monday.")
    assert [e["type"] for e in drafted.coding["events"]] == ["armed_clash"]
    drafted, _ = _draft("Witnesses at the Lakeside Road mosque said the gunman fired for minutes. President Ana Ruiz, "
                        "who visited the hotel and the wounded on Friday, called for calm.")
    assert not any(p.entry["name"] == "Lakeside Road" for p in drafted.actor_proposals.values())
    assert not [e for e in drafted.coding["events"] if e["type"] == "meeting"]


def test_an_earlier_act_cited_with_another_date_is_an_event_of_its_own():
    drafted, dates = _draft("Militants attacked an army post on Monday, killing seven soldiers. It was the deadliest "
                            "raid since a suicide bombing killed 20 recruits in 2029.")
    by_type = {e["type"]: e for e in drafted.coding["events"]}
    assert dates[by_type["explosion"]["id"]] == (date(2029, 1, 1), date(2029, 12, 31))
    assert [c["count"] for c in by_type["explosion"]["claims"]] == ["20"]
    drafted, _ = _draft("Militants attacked an army post on Monday, killing seven soldiers. Hours later, following "
                        "the attack on Monday, troops sealed the roads.")
    assert [e["type"] for e in drafted.coding["events"]] == ["armed_clash"]


def test_an_indefinite_attack_is_news_when_nothing_came_before_and_an_attack_drone_is_a_drone():
    drafted, _ = _draft("Schools reopened on Monday. A knife attack at a railway station wounded four people.")
    assert [e["type"] for e in drafted.coding["events"]] == ["armed_clash"]
    assert _claims(drafted) == [(None, "injured", "four", "people")]
    drafted, _ = _draft("An attack drone was seen over the harbour on Monday.")
    assert drafted.coding["events"] == []
    drafted, _ = _draft("Troops launched a large-scale military operation in the hills on Sunday.")
    assert [e["type"] for e in drafted.coding["events"]] == ["armed_clash"]


def test_acts_denied_or_called_off_and_talks_asked_for_are_not_drafted():
    drafted, _ = _draft("Chile said its air force had carried out no strikes near the border. Peru urged both sides "
                        "to keep fighting away from the towns.")
    assert drafted.coding["events"] == []
    drafted, _ = _draft("Chile struck a depot near the border on Monday. Peru called on Chile to hold direct talks "
                        "with the rebels. The council announced a suspension of high-level visits.")
    assert [e["type"] for e in drafted.coding["events"]] == ["air_strike"]
    drafted, _ = _draft("Peru and Chile held direct talks in Lima on Monday.")
    assert [e["type"] for e in drafted.coding["events"]] == ["meeting"]


def test_an_officer_telling_what_forces_did_makes_no_statement_but_a_stance_does():
    drafted, _ = _draft("Troops raided a camp in the hills on Monday. Army spokesman Jon Bakke said the forces had "
                        "destroyed two depots and detained 40 suspects.")
    assert [e["type"] for e in drafted.coding["events"]] == ["armed_clash"]
    drafted, _ = _draft("Troops raided a camp in the hills on Monday. Defence Minister Jon Bakke said the country "
                        "would not let the drones that hit the camp go unanswered.")
    assert sorted(e["type"] for e in drafted.coding["events"]) == ["armed_clash", "statement"]


def test_a_definite_act_is_news_in_the_lead_or_with_its_own_date_but_not_as_a_topic():
    drafted, dates = _draft(
        "Officials counted the damage from Friday’s bombing in the capital. Schools stayed shut on Monday. "
        "Shops reopened slowly across the city. Buses ran again in the evening. The fighting began on March 2, "
        "when police raided a warehouse.")
    assert sorted(e["type"] for e in drafted.coding["events"]) == ["armed_clash", "explosion"]  # one with the raid
    clash = next(e for e in drafted.coding["events"] if e["type"] == "armed_clash")
    assert dates[clash["id"]] == (date(2031, 3, 2), date(2031, 3, 2))
    drafted, _ = _draft("Schools stayed shut on Monday. Shops reopened slowly. Buses ran again. A council will "
                        "hold a meeting on the shelling on Tuesday.")
    assert [e["type"] for e in drafted.coding["events"]] == ["meeting"]  # the shelling is the meeting's topic
    drafted, dates = _draft("Schools stayed shut on Monday. Shops reopened slowly. Buses ran again. Chad blamed "
                            "Sudan for the March 2 attack, which Khartoum denies.")
    (attack,) = drafted.coding["events"]
    assert attack["type"] == "armed_clash" and dates[attack["id"]] == (date(2031, 3, 2), date(2031, 3, 2))


def test_talks_between_two_sides_that_collapsed_are_a_failure_not_a_meeting():
    drafted, _ = _draft("Talks between Chad and Niger collapsed in January.")
    assert [e["type"] for e in drafted.coding["events"]] == ["negotiation_failure"]


def test_a_list_of_groups_left_dead_is_one_claim_each_by_one_claimant():
    drafted, _ = _draft("A car bomb exploded at a checkpoint on Monday. The fighting left 30 rebels, 12 soldiers and "
                        "police officers and four civilians dead, according to the army.")
    assert [c for c in _claims(drafted)] == [
        ("army-unnamed", "killed", "30", "militants"), ("army-unnamed", "killed", "12", "soldiers"),
        ("army-unnamed", "killed", "four", "civilians")]


def test_a_reported_strike_blames_and_a_self_claimed_one_initiates():
    drafted, _ = _draft(
        "Norway said Sweden carried out an air strike on Oslo on Monday. On Wednesday, Denmark said it had "
        "struck targets in Finland.")
    events = [e for e in drafted.coding["events"] if e["type"] == "air_strike"]
    assert ("blamed", "sweden") in _roles(events[0]) and ("claimant", "norway") in _roles(events[0])
    assert ("initiator", "sweden") not in _roles(events[0])
    assert ("initiator", "denmark") in _roles(events[1])


def test_an_act_cited_as_what_came_before_is_dated_back_from_the_later_one():
    drafted, dates = _draft(
        "Peru summoned Chile’s ambassador on Thursday, a day after artillery shelling on a border village. "
        "The shelling killed two farmers, local officials said.")
    by_type = {e["type"]: e for e in drafted.coding["events"]}
    assert dates[by_type["diplomatic_downgrade"]["id"]] == (date(2031, 3, 13), date(2031, 3, 13))
    clash = by_type["armed_clash"]
    assert clash["date"]["anchor"] == by_type["diplomatic_downgrade"]["id"] and clash["date"]["this_is"] == "before"
    assert dates[clash["id"]] == (date(2031, 3, 12), date(2031, 3, 12))
    assert len(clash["evidence"]) == 2  # 'The shelling' in the next sentence is the same event


def test_summons_and_recall_in_one_sentence_are_two_steps_of_one_state():
    drafted, _ = _draft("Ghana summoned Togo’s top diplomat in Accra and recalled its own ambassador from Lome "
                        "on Monday.")
    steps = [e for e in drafted.coding["events"] if e["type"] == "diplomatic_downgrade"]
    assert len(steps) == 2
    assert all(("initiator", "ghana") in _roles(e) and ("target", "togo") in _roles(e) for e in steps)


def test_a_phone_call_between_people_named_with_their_titles():
    drafted, dates = _draft(
        "U.S. Secretary of State Jane Doe spoke by telephone with Peruvian President Juan Perez on Wednesday "
        "and urged him to keep talking.")
    call = next(e for e in drafted.coding["events"] if e.get("meeting", {}).get("type") == "phone_call")
    assert {p["actor"] for p in call["participants"]} == {"jane-doe", "juan-perez"}
    assert dates[call["id"]] == (date(2031, 3, 12), date(2031, 3, 12))
    people = {p.entry["id"]: p.entry for p in drafted.actor_proposals.values()}
    assert people["juan-perez"]["country"] == "PER" and people["jane-doe"]["type"] == "person"


def test_a_call_with_two_people_is_two_calls_and_a_meeting_for_a_summit_is_one_summit():
    drafted, dates = _draft(
        "President Ana Ruiz spoke by telephone with Hugo Vidal and with Prime Minister Eva Lind on Monday. "
        "Leaders of the Andean Community will meet in Quito on Saturday for an emergency summit.")
    calls = [e for e in drafted.coding["events"] if e.get("meeting", {}).get("type") == "phone_call"]
    assert sorted(sorted(p["actor"] for p in c["participants"]) for c in calls) == [
        ["ana-ruiz", "eva-lind"], ["ana-ruiz", "hugo-vidal"]]
    assert all(dates[c["id"]] == (date(2031, 3, 10), date(2031, 3, 10)) for c in calls)
    summits = [e for e in drafted.coding["events"] if e["type"] == "meeting" and e not in calls]
    assert [(s["meeting"]["type"], s["status"]) for s in summits] == [("conference", "planned")]
    assert dates[summits[0]["id"]] == (date(2031, 3, 15), date(2031, 3, 15))


def test_the_form_of_a_meeting_from_who_gathers():
    def forms(body):
        drafted, _ = _draft(body)
        return [e["meeting"]["type"] for e in drafted.coding["events"] if "meeting" in e]

    assert forms("Leaders of the Andean Community will meet in Quito on Saturday to discuss the floods.") == [
        "conference"]
    assert forms("The prime minister held a virtual meeting with chief ministers on Tuesday.") == ["conference"]
    assert forms("The Security Council is due to hold a closed-door meeting on the crisis on Monday.") == [
        "multilateral_talks"]
    assert forms("Talks of the two countries’ joint border commission in Lima ended in June.") == ["bilateral_talks"]
    assert forms("Peru and Chile held talks in Lima on Monday.") == ["bilateral_talks"]
    assert forms("Peru and Chile held regional talks in Lima on Monday, where the participants urged the two "
                 "sides of the border dispute to talk.") == ["multilateral_talks"]  # more sides than the two


def test_a_war_named_by_its_years_and_an_attack_claimed_on_a_day_take_no_other_date():
    drafted, dates = _draft("Islamic State claimed responsibility on Saturday for an attack in which a gunman shot "
                            "dead 20 people. The leaders met on March 2, when they agreed to end the 2011-19 Andean "
                            "war.")
    by_type = {e["type"]: dates[e["id"]] for e in drafted.coding["events"]}
    assert by_type["armed_clash"] == (None, None) and by_type["war"] == (None, None)
    assert by_type["meeting"] == (date(2031, 3, 2), date(2031, 3, 2))


def test_a_planned_act_on_the_story_s_own_weekday_is_left_undated():
    drafted, dates = _draft("The council is due to hold a closed-door meeting on the crisis later on Friday.")
    (meeting,) = drafted.coding["events"]
    assert meeting["status"] == "planned" and dates[meeting["id"]] == (None, None)
    assert "today or a week on" in meeting["notes"]
    drafted, dates = _draft("The council is due to hold a closed-door meeting on the crisis on Monday.")
    (meeting,) = drafted.coding["events"]
    assert dates[meeting["id"]] == (date(2031, 3, 17), date(2031, 3, 17))


def test_dates_of_the_speaking_and_of_another_act_are_not_an_act_s_own():
    drafted, dates = _draft("Later on Wednesday, army spokesman Jon Bakke said troops had shot down two drones.")
    (clash,) = drafted.coding["events"]
    assert dates[clash["id"]] == (None, None)  # Wednesday is the day he spoke
    drafted, dates = _draft("A bomber blew himself up at the gate on Thursday, and gunmen then opened fire on the "
                            "crowd. Talks resumed in April under a truce signed in 2029.")
    by_type = {e["type"]: dates[e["id"]] for e in drafted.coding["events"]}
    assert by_type["explosion"] == (date(2031, 3, 13), date(2031, 3, 13))
    assert by_type["armed_clash"] == (None, None)
    assert by_type["ceasefire"] != (date(2031, 4, 1), date(2031, 4, 30))
    drafted, dates = _draft("Defence chiefs from six states are expected to join their hosts on Tuesday for a wider "
                            "meeting.")
    assert [(e["status"], dates[e["id"]]) for e in drafted.coding["events"]] == [
        ("planned", (date(2031, 3, 18), date(2031, 3, 18)))]


def test_steps_and_meetings_read_from_their_own_words():
    drafted, dates = _draft(
        "Chile expelled two Peruvian diplomats on Thursday and recalled its ambassador from Lima. Foreign Minister "
        "Ana Ruiz will visit Quito on Monday for talks with her Ecuadorian counterpart. Ministers from 12 countries "
        "gathered in Doha on Saturday for talks, their first meeting since the war began. Bolivia summoned "
        "Brazil’s charge d’affaires.")
    steps = [e for e in drafted.coding["events"] if e["type"] == "diplomatic_downgrade"]
    assert [("initiator", "chile") in _roles(e) for e in steps] == [True, True, False]
    assert ("target", "brazil") in _roles(steps[2])
    meetings = [e for e in drafted.coding["events"] if e["type"] == "meeting"]
    assert [m["meeting"]["type"] for m in meetings] == ["visit", "multilateral_talks"]
    assert meetings[0]["status"] == "planned" and "qatar" not in {p["actor"] for p in meetings[1].get(
        "participants", [])}  # Doha is where they met
    assert "war" not in [e["type"] for e in drafted.coding["events"]]


def test_planned_meetings_and_what_is_no_meeting():
    drafted, dates = _draft(
        "The U.N. Security Council will hold an emergency meeting on the crisis on Monday. Both leaders were "
        "invited to talks on the sidelines of a regional summit in Lisbon on March 20.")
    meetings = [e for e in drafted.coding["events"] if e["type"] == "meeting"]
    council = meetings[0]
    assert council["status"] == "planned" and council["meeting"]["type"] == "multilateral_talks"
    assert dates[council["id"]] == (date(2031, 3, 17), date(2031, 3, 17))
    assert not any(e["meeting"]["type"] == "conference" for e in meetings)  # the summit is where, not what


def test_statements_by_people_and_bodies_but_not_a_toll_or_a_bare_state():
    drafted, _ = _draft(
        "Prime Minister Maria Lind said the border would stay closed. The army said 14 soldiers were killed "
        "in the fighting. Norway said it was watching closely. The foreign ministry of Austria denied the "
        "report and blamed the rebels.")
    statements = [e for e in drafted.coding["events"] if e["type"] == "statement"]
    speakers = [next(r["actor"] for r in e["actors"] if r["role"] == "initiator") for e in statements]
    assert "maria-lind" in speakers
    assert "norway" not in speakers
    assert speakers.count(next(s for s in speakers if "austria" in s)) == 1  # denied … and blamed: one
    assert len(statements) == 2


def test_what_is_no_statement_and_no_war():
    drafted, dates = _draft(
        "The defence ministry of Chile said the drone had crossed into its airspace. President Ana Ruiz declared a "
        "ceasefire on Monday. Minister Luis Soto spoke by telephone with Prime Minister Eva Lind and urged calm. "
        "Peru called the raid an act of war and warned of a return to war. Ruiz declared Friday a day of mourning.")
    statements = [e for e in drafted.coding["events"] if e["type"] == "statement"]
    speakers = {r["actor"] for e in statements for r in e["actors"] if r["role"] == "initiator"}
    assert "chile-defence-ministry" not in speakers  # a body that only said something gives facts
    assert "eva-lind" not in speakers  # spoken with, not the one who urged
    assert [e["type"] for e in drafted.coding["events"]].count("ceasefire") == 1
    assert not [e for e in statements if "ceasefire" in e["evidence"][0]]  # declaring it is the ceasefire
    assert "war" not in [e["type"] for e in drafted.coding["events"]]
    mourning = next(e for e in statements if "mourning" in e["evidence"][0])
    assert dates[mourning["id"]] == (None, None)  # Friday is what was declared, not when
    drafted, dates = _draft("President Ana Ruiz declared on Tuesday that the war was over.")
    statement = next(e for e in drafted.coding["events"] if e["type"] == "statement")
    assert dates[statement["id"]] == (date(2031, 3, 11), date(2031, 3, 11))
    drafted, dates = _draft("President Ana Ruiz declared a state of emergency on Monday. Minister Luis Soto said in "
                            "a televised statement late on Wednesday that the border would close.")
    assert sorted(dates.values()) == [(date(2031, 3, 10), date(2031, 3, 10)), (date(2031, 3, 12), date(2031, 3, 12))]


def test_an_agreed_truce_has_happened_and_an_adjective_before_a_place_is_no_actor():
    drafted, dates = _draft(
        "Chile and Peru agreed on Tuesday to a truce after talks in the Bolivian city of Sucre. Peruvian "
        "shelling on the Chilean border town of Arica killed two. The two South American neighbours traded blame.")
    truce = next(e for e in drafted.coding["events"] if e["type"] == "ceasefire")
    assert truce["status"] == "occurred" and dates[truce["id"]] == (date(2031, 3, 11), date(2031, 3, 11))
    assert ("participant", "bolivia") not in _roles(truce)
    shelling = next(e for e in drafted.coding["events"] if e["type"] == "armed_clash")
    assert ("target", "chile") not in _roles(shelling)
    assert "south-american" not in drafted.actor_proposals


def test_an_exchange_of_strikes_named_first_is_news_and_a_deadline_is_still_to_come():
    drafted, dates = _draft(
        "Chad and Sudan exchanged drone strikes last week. Sudan said the strikes killed six people. Envoys of "
        "both states were asked to return to their posts by March 20.")
    strike = next(e for e in drafted.coding["events"] if e["type"] == "air_strike")
    assert dates[strike["id"]] == (None, None)  # one record for the acts of both sides: no one date
    assert [(c["claimant"], c["count"]) for c in strike.get("claims", [])] == [("sudan", "six")]
    restoration = next(e for e in drafted.coding["events"] if e["type"] == "diplomatic_restoration")
    assert restoration["status"] == "planned"  # 'asked to return': the return is still to come
    assert dates[restoration["id"]] == (date(2031, 3, 20), date(2031, 3, 20))  # both sides' one act, dated


def test_a_news_agency_or_a_province_is_no_target():
    for body in ("Chad carried out air strikes on Kanem news agency on Monday.",
                 "Chad carried out air strikes on Mongo Press on Monday."):
        drafted, _ = _draft(body)
        strike = next(e for e in drafted.coding["events"] if e["type"] == "air_strike")
        assert _roles(strike) == {("initiator", "chad")}


def test_a_ceasefire_wanted_or_in_force_is_no_new_ceasefire():
    drafted, _ = _draft(
        "Schools reopened in the border towns on Monday, as a ceasefire between the two neighbours appeared to be "
        "holding. The U.N. chief called for a lasting ceasefire. A Qatar-mediated truce has largely held since "
        "October.")
    truces = [e for e in drafted.coding["events"] if e["type"] == "ceasefire"]
    assert [t["evidence"] for t in truces] == [["A Qatar-mediated truce has largely held since October."]]


def test_a_part_named_with_including_and_the_strikes_named_again_are_one_event():
    drafted, dates = _draft(
        "Chilean F-16 fighter jets struck two Peruvian army posts on Friday, including a strike on a depot. A "
        "Peruvian official said three soldiers were killed by the Chilean air strikes.")
    (strike,) = [e for e in drafted.coding["events"] if e["type"] == "air_strike"]
    assert ("initiator", "chile") in _roles(strike) and len(strike["evidence"]) == 2
    assert dates[strike["id"]] == (date(2031, 3, 14), date(2031, 3, 14))


def test_suspended_aid_or_cooperation_is_sanctions():
    drafted, _ = _draft("Chile suspended all military cooperation with Peru on Friday. Norway said it was halting "
                        "budget support.")
    sanctions = [e for e in drafted.coding["events"] if e["type"] == "sanctions"]
    assert len(sanctions) == 2 and {("initiator", "chile"), ("target", "peru")} <= _roles(sanctions[0])


def test_missiles_fired_and_who_fired_them():
    drafted, _ = _draft("The Houthis said they had fired missiles at a British tanker on Sunday. Chilean troops "
                        "killed three Peruvians in a raid on Monday. Bolivia and Peru signed a peace agreement in "
                        "Santiago on Tuesday.")
    strike = next(e for e in drafted.coding["events"] if e["type"] == "air_strike")
    assert ("initiator", "houthis") in _roles(strike)
    raid = next(e for e in drafted.coding["events"] if e["type"] == "armed_clash")
    assert ("initiator", "peru") not in _roles(raid)  # the people killed, not who raided
    deal = next(e for e in drafted.coding["events"] if e["type"] == "ceasefire")
    assert {r[1] for r in _roles(deal)} == {"bolivia", "peru"}  # Santiago is where it was signed


def test_a_date_said_of_the_speech_dates_only_the_statement():
    drafted, dates = _draft("Minister Karl Berg said on Thursday that rockets had hit the port of Split.")
    strike = next(e for e in drafted.coding["events"] if e["type"] == "air_strike")
    assert dates[strike["id"]] == (None, None)


def test_summaries_name_only_their_own_actors():
    drafted, _ = _draft(
        "Serbia accused Croatia of shelling a village near the border on Sunday. Hungary condemned the "
        "attack. Slovenia's president visited Vienna on Monday.")
    actor_names = {p.entry["id"]: p.entry["name"] for p in drafted.actor_proposals.values()}
    for event in drafted.coding["events"]:
        own = {r["actor"] for r in event.get("actors", [])} | {p["actor"] for p in event.get("participants", [])}
        for actor_id, name in actor_names.items():
            if actor_id not in own:
                assert not re.search(rf"\b{re.escape(name)}\b", event["summary"]), (event["summary"], name)



def test_a_summary_with_a_missing_role_names_no_stand_in():
    """A record with no initiator (or no participants) is summarised without a stand-in noun such as 'a
    government' or 'an official', which could be the alias of an actor outside the record."""
    from newsevents.authoring.draft.summaries import summary
    assert summary("diplomatic_downgrade", "summon", "done", {"target": ["Chile"]}, "") == (
        "An envoy of Chile was summoned.")
    assert summary("diplomatic_downgrade", "summon", "done", {"initiator": ["Peru"], "target": ["Chile"]}, "") == (
        "Peru summoned an envoy of Chile.")
    assert summary("diplomatic_downgrade", "recall", "planned", {"initiator": ["Peru"]}, "") == (
        "Planned: Peru recalled its envoy.")
    stand_ins = re.compile(r"\b(?:government|official|state|states|sides|leaders|delegations?)\b", re.I)
    for kind, action in (("diplomatic_downgrade", "expel"), ("statement", ""), ("sanctions", ""), ("ceasefire", ""),
                         ("meeting", "talks"), ("meeting", "phone_call"), ("meeting", "visit"), ("failed_talks", "")):
        for status in ("done", "planned"):
            text = summary(kind, action, status, {}, "")
            assert not stand_ins.search(text), text

# -- parts -----------------------------------------------------------------------------------------------
def test_sentences_keep_abbreviations_and_drop_the_dateline():
    text = ("Talks set for Jan. 26\n\nKABUL (Reuters) - Officials met on Jan. 26. Mr. Khan said the U.S. envoy "
            "left. A second sentence ends here.\n")
    story = parse_capture(text)[0]
    found = list(sentences(story, text))
    assert [s.text for s in found] == ["Officials met on Jan. 26.", "Mr. Khan said the U.S. envoy left.",
                                      "A second sentence ends here."]
    assert all(text[s.start:s.end] == s.text for s in found)


def test_sentences_run_across_wrapped_lines_and_keep_their_capture_offsets():
    text = ("A headline for a wrapped story in the tests\n\n"
            "Officials in the capital said on Thursday that the main border crossing\n"
            "would reopen on Monday after three weeks of closure, allowing trucks\n"
            "carrying food and fuel to resume deliveries to towns along the river.\n"
            "Traders on both sides of the border welcomed the decision, saying the\n"
            "closure had cost them most of their income since the start of the month.\n")
    story = parse_capture(text)[0]
    sentence = list(sentences(story, text))[0]
    assert sentence.text == ("Officials in the capital said on Thursday that the main border crossing would "
                             "reopen on Monday after three weeks of closure, allowing trucks carrying food and "
                             "fuel to resume deliveries to towns along the river.")
    start, end = sentence.span(sentence.text.index("the main"), sentence.text.index(" would") + 6)
    assert text[start:end] == "the main border crossing\nwould"


def test_date_phrases_are_the_forms_the_resolver_knows():
    text = ("Headline of a story for the date tests\n\nHe left last Friday and will return on 3 March 2025, two "
            "days after the vote in November, not by Dec. 2 or in 2019.\n")
    (sentence,) = list(sentences(parse_capture(text)[0], text))
    found = [(d.phrase, d.kind) for d in find_dates(sentence, text)]
    assert found == [("last Friday", "weekday"), ("3 March 2025", "day_month_year"),
                     ("two days after", "days_offset"), ("in November", "month"), ("by Dec. 2", "month_day"),
                     ("in 2019", "year")]


def test_a_date_phrase_inside_a_longer_one_the_resolver_cannot_read_is_no_date():
    text = ("Headline of a story for the date tests\n\nThe war of 1991–95 ended, a truce held in May last year "
            "and the 2003-04 talks failed.\n")
    (sentence,) = list(sentences(parse_capture(text)[0], text))
    assert find_dates(sentence, text) == []


def test_a_date_belongs_to_the_act_next_to_it_not_to_one_across_another_act():
    drafted, dates = _draft(
        "Chad has fought rebels since 2015 but sought a way out of the war since restoring ties with Sudan in "
        "March 2029. Two soldiers died in a brief exchange of fire in May, and talks in Niamey in June ended "
        "without a deal. Mali recalled its ambassador from Togo and expelled Togo’s envoy on Monday.")
    by_type = {}
    for event in drafted.coding["events"]:
        by_type.setdefault(event["type"], []).append(dates[event["id"]])
    assert by_type["war"] == [(date(2015, 1, 1), date(2015, 12, 31))]  # March 2029 dates the restoring of ties
    assert by_type["diplomatic_restoration"] == [(date(2029, 3, 1), date(2029, 3, 31))]
    assert by_type["armed_clash"] == [(date(2030, 5, 1), date(2030, 5, 31))]
    assert (date(2030, 6, 1), date(2030, 6, 30)) in by_type["negotiation_failure"] + by_type.get("meeting", [])
    assert (date(2030, 5, 1), date(2030, 5, 31)) not in by_type["negotiation_failure"] + by_type.get("meeting", [])
    assert by_type["diplomatic_downgrade"] == [(date(2031, 3, 10), date(2031, 3, 10))] * 2  # joined by 'and'


def test_long_sentences_are_quoted_by_clause():
    body = "Officials said, " + ", ".join(f"clause number {i} of a long list" for i in range(30)) + "."
    text = f"Headline of a story with one long sentence\n\n{body}\n"
    (sentence,) = list(sentences(parse_capture(text)[0], text))
    position = sentence.text.index("clause number 20")
    start, end = quote_around(sentence, position, position + 16, 400)
    assert end - start <= 400 and start <= position and end >= position + 16


def test_slugs_are_readable_ascii():
    assert slug("Chad’s FM to visit Niger") == "chad-fm-to-visit-niger"
    assert slug("Jaish al-Adl (JAA)") == "jaish-al-adl-jaa"
    assert slug("Zürich talks", max_words=1) == "zurich"


def test_victims_named_by_nationality_service_or_status_and_a_body_speaking_as_it():
    drafted, _ = _draft(
        "A drone strike hit an army post near Gao on Monday. Eleven Malians had been killed and 40 wounded, the "
        "Malian army said. Three French service members were killed in the attack, it said. Dozens of people had "
        "been hurt, witnesses said.")
    assert _claims(drafted) == [("mali-army", "killed", "Eleven", "people"), ("mali-army", "injured", "40", "unknown"),
                                ("mali-army", "killed", "Three", "soldiers"),  # 'it said': the army, just before
                                ("witnesses", "injured", "Dozens", "people")]


def test_bodies_recovered_tolls_taken_higher_and_those_of_the_dead():
    drafted, _ = _draft(
        "A bomb exploded at a market in Zamfara on Tuesday. Rescuers said 30 bodies had been recovered. The state "
        "police said eight more traders had died overnight, taking the death toll to 38. Six of the dead were "
        "killed as they fled, according to aid groups.")
    assert _claims(drafted) == [("rescuers", "killed", "30", "unknown"), ("police-unnamed", "killed", "eight",
                                                                          "civilians"),
                                ("police-unnamed", "killed", "38", "unknown"), ("aid-groups", "killed", "Six",
                                                                                 "unknown")]
    drafted, _ = _draft("A car bomb exploded at a checkpoint in Zamfara on Tuesday. Four of their own members, who "
                        "had guarded the gate, were among the dead, a farmers’ union said.")
    assert _claims(drafted) == [("farmers-union", "killed", "Four", "people")]


def test_claimants_behind_an_acronym_a_number_with_a_comma_an_added_clause_and_their_officials():
    drafted, _ = _draft(
        "An explosion at a fuel depot in Kano on Monday killed 1,250 people, according to the Disaster Response "
        "Board. The Disaster Response Board (DRB) said on Tuesday that 14 people were killed in the blast.")
    assert [c[0] for c in _claims(drafted)] == ["disaster-response-board"] * 2
    drafted, _ = _draft("Police killed three gunmen in a gun battle in Kano on Monday, Commissioner Musa Danladi "
                        "said in a radio address, adding that two officers were wounded.")
    assert {c[0] for c in _claims(drafted)} == {"musa-danladi"}  # 'Commissioner' is his title
    drafted, _ = _draft("Artillery shelling hit a depot in Kano on Monday. Nigerian officials said four soldiers "
                        "were killed.")
    assert _claims(drafted) == [("nigeria", "killed", "four", "soldiers")]  # not a group of 'officials'


def test_the_outlet_s_narration_after_a_speaker_is_the_outlet_s_own_claim():
    drafted, _ = _draft("A bomb exploded at a bus stop in Kano on Monday. Governor Musa Danladi said the bombers "
                        "had been caught, as the city buried the 12 people killed in the blast.")
    assert _claims(drafted) == [(None, "killed", "12", "people")]


def test_a_passive_strike_names_what_was_hit_not_who_struck():
    drafted, _ = _draft("The defence ministry of Ghana said in a statement on Monday that its jets had bombed "
                        "rebel camps, adding that no Togolese military posts had been struck.")
    roles = {r for e in drafted.coding["events"] for r in _roles(e)}
    assert not {r for r in roles if r[1].startswith("togo")}


def test_a_visit_to_the_wounded_or_to_troops_is_no_meeting():
    drafted, _ = _draft("Governor Musa Danladi, who visited the wounded in hospital on Monday, said the state would "
                        "pay for their care. The defence minister, visiting a forward base near Kano on Tuesday, said "
                        "the army would stay.")
    assert not [e for e in drafted.coding["events"] if e["type"] == "meeting"]


def test_met_a_list_of_officials_for_talks_is_one_meeting():
    drafted, _ = _draft("Kenya’s foreign minister met Ugandan, Rwandan and Tanzanian officials in Nairobi on Monday "
                        "for talks on the border dispute.")
    meetings = [e for e in drafted.coding["events"] if e["type"] == "meeting"]
    assert len(meetings) == 1 and meetings[0]["meeting"]["type"] == "multilateral_talks"


def test_a_source_speaking_after_an_aside_still_speaks():
    drafted, _ = _draft("A raid hit a rebel camp near Kano on Monday. Security sources, speaking on condition of "
                        "anonymity, said 12 militants were killed in the raid.")
    assert _claims(drafted) == [("security-sources", "killed", "12", "militants")]


def test_people_of_a_country_named_by_what_they_are_speak_for_themselves_not_the_state():
    drafted, _ = _draft("A bomb exploded at a market in Kano on Monday, killing 14 people, a Nigerian hospital "
                        "official said. Nigerian relief volunteers said 30 people were wounded. The Nigerian army "
                        "said two soldiers were killed.")
    assert [c[0] for c in _claims(drafted)] == ["nigerian-hospital-official", "nigerian-relief-volunteers",
                                                "nigeria-army"]

"""The evidence rules: a quote long enough to show a fact, and no passage cut into pieces at its commas."""
from __future__ import annotations

import yaml_rs

from newsevents.core.project import Project
from newsevents.core.schemas import quote_minimum
from newsevents.resolve.evidence_rules import Located, comma_splits, evidence_slips

TEXT = ("Pakistan conducted retaliatory air strikes in a southeastern Iranian border village, two days after an "
        "Iranian drone attack killed two children in southwestern Pakistan, according to Islamabad.")
SHORTEST = quote_minimum(Project().root)


def located(quotes: list[str]) -> list[Located]:
    return [Located(i, q, TEXT.index(q), TEXT.index(q) + len(q)) for i, q in enumerate(quotes)]


def test_a_flow_list_cuts_a_passage_at_its_commas_and_the_pieces_are_one_slip():
    quotes = yaml_rs.loads("evidence: [an Iranian drone attack killed two children in southwestern Pakistan, "
                           "according to Islamabad]")["evidence"]
    assert quotes == ["an Iranian drone attack killed two children in southwestern Pakistan", "according to Islamabad"]
    slips = evidence_slips(located(quotes), TEXT, SHORTEST)
    assert len(slips) == 1  # "according to Islamabad" is too short as well, but that is the same slip
    assert slips[0].index == 0 and "quotes 1 and 2" in slips[0].message and "flow list" in slips[0].message


def test_a_run_of_three_pieces_is_one_slip_in_any_list_order():
    pieces = ["Pakistan conducted retaliatory air strikes in a southeastern Iranian border village",
              "two days after an Iranian drone attack killed two children in southwestern Pakistan",
              "according to Islamabad."]
    found = located([pieces[2], pieces[0], pieces[1]])
    runs = comma_splits(found, TEXT)
    assert [[q.quote for q in run] for run in runs] == [pieces]
    slips = evidence_slips(found, TEXT, SHORTEST)
    assert [(s.index, "quotes 1, 2 and 3" in s.message) for s in slips] == [(0, True)]


def test_the_whole_passage_and_quotes_apart_in_the_text_pass():
    whole = "an Iranian drone attack killed two children in southwestern Pakistan, according to Islamabad"
    assert evidence_slips(located([whole]), TEXT, SHORTEST) == []
    apart = ["Pakistan conducted retaliatory air strikes", "killed two children in southwestern Pakistan"]
    assert evidence_slips(located(apart), TEXT, SHORTEST) == []


def test_a_short_quote_alone_is_too_short_and_the_minimum_comes_from_the_schema():
    slips = evidence_slips(located(["Pakistan conducted retaliatory air strikes", "according to Islamabad"]), TEXT,
                           SHORTEST)
    assert [s.index for s in slips] == [1]
    assert f"at least {SHORTEST}" in slips[0].message and "22 characters" in slips[0].message
    exactly = TEXT[:SHORTEST]
    assert evidence_slips(located([exactly]), TEXT, SHORTEST) == []


def test_the_coding_guide_states_the_schemas_threshold():
    guide = (Project().root / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert f"**{SHORTEST} characters**" in guide

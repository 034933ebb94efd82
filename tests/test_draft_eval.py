"""`make draft-eval`: the three sets are scored, the figures add up, every draft is one the build reads, and
the committed page and JSON are what a fresh evaluation writes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from newsevents.authoring.evaluation import KINDS, SETS, evaluate, render, summary
from newsevents.authoring.evaluation.cases import capture_text
from newsevents.authoring.evaluation.gold import GoldClaim, GoldEvent, GoldStory, load_gold_set
from newsevents.authoring.evaluation.pages import score_page
from newsevents.authoring.evaluation.scoring import _score_claims
from newsevents.core.project import REPO_ROOT, Project

PAGE = REPO_ROOT / "docs" / "draft-evaluation.md"
FIGURES = REPO_ROOT / "docs" / "draft-evaluation.json"
EVALUATION_SET = REPO_ROOT / "evaluation" / "drafting"


@pytest.fixture(scope="module")
def result():
    return evaluate(Project())


def test_the_evaluation_set_is_split_into_halves_of_other_stories():
    """The held-out half may be missing (it is written fresh after each scoring); never a story of both."""
    dev = load_gold_set(EVALUATION_SET / "dev", "dev", capture_text, REPO_ROOT)
    test = load_gold_set(EVALUATION_SET / "test", "test", capture_text, REPO_ROOT)
    assert len(dev) >= 12
    assert not {s.name for s in dev} & {s.name for s in test}
    assert not {s.name.split("-", 1)[1] for s in dev} & {s.name.split("-", 1)[1] for s in test}
    for story in [*dev, *test]:
        assert story.events, story.name
        assert story.unlocated == [], f"{story.name}: every answer quote is in its capture"


def test_figures_add_up(result):
    assert list(result["sets"]) == list(SETS)
    assert result["sets"]["dev"]["stories"] and result["sets"]["seed"]["stories"]
    for name, figures in result["sets"].items():
        if not figures["stories"]:
            assert figures["totals"] is None and figures["outsiders"] is None, name
            continue
        for kind in KINDS:
            total = figures["totals"][kind]
            stories = [story[kind] for story in figures["stories"].values()]
            for count in ("answers", "drafted", "matched"):
                assert total[count] == sum(story[count] for story in stories)
            for story in [total, *stories]:
                assert 0 <= story["matched"] <= min(story["answers"], story["drafted"])
            for story in stories:
                if kind in ("events", "claims"):
                    assert len(story["missed"]) == story["answers"] - story["matched"]
                    assert len(story["extra"]) == story["drafted"] - story["matched"]
        assert figures["outsiders"] == sum(len(s["outsiders"]) for s in figures["stories"].values())
        pages = [story["page"] for story in figures["stories"].values() if "page" in story]
        if name == "seed" or not pages:
            assert figures["pages"] is None and not pages, name
            continue
        for field, total in figures["pages"].items():
            assert total["of"] == len(pages) and total["right"] == sum(page[field]["right"] for page in pages)


def test_a_page_field_is_right_only_when_read_as_printed(tmp_path):
    """A tagline taken for the headline and a date the page prints but was not read are both wrong."""
    story = load_gold_set(EVALUATION_SET / "dev", "dev", capture_text, REPO_ROOT)[0]
    capture = tmp_path / story.capture.name
    capture.write_text("Harbour Ledger\nNews you can trust since 1952\n\n" + capture_text(story.capture)
                       .replace(str(story.page["headline"]), "", 1), encoding="utf-8")
    story.capture, story.page = capture, {"headline": "The ferries collide", "byline": None,
                                          "published_date": "2022-05-03", "truncated": False}
    page = score_page(story)
    assert not page["headline"]["right"] and page["headline"]["read"] == "News you can trust since 1952"
    assert not page["published_date"]["right"]


def test_every_draft_is_one_the_build_reads(result):
    for figures in result["sets"].values():
        for name, story in figures["stories"].items():
            assert story["draft_problems"] == [], name


def test_committed_page_and_figures_equal_a_fresh_evaluation(result):
    """Regenerate with `make draft-eval` after changing the drafter or the answers."""
    assert json.loads(FIGURES.read_text(encoding="utf-8")) == json.loads(json.dumps(result, default=str))
    assert PAGE.read_text(encoding="utf-8") == render(result, FIGURES.name)


@pytest.mark.parametrize("empty_folder", [False, True])
def test_no_held_out_set_is_reported_as_such_not_scored(project, empty_folder):
    """A missing or empty test/ gives no figures (not zeros) and says so, in the summary and on the page."""
    held_out = project.root / "evaluation" / "drafting" / "test"
    shutil.rmtree(held_out, ignore_errors=True)
    if empty_folder:
        held_out.mkdir()
    result = evaluate(project, sets=("test",))
    assert result["sets"]["test"] == {"meaning": SETS["test"], "stories": {}, "totals": None, "outsiders": None,
                                      "pages": None}
    assert "no held-out set: evaluation/drafting/test/ holds no gold story" in summary(result)
    page = render(result, FIGURES.name)
    assert "**No held-out set: evaluation/drafting/test/ holds no gold story, so no figures.**" in page
    assert "| test | 0 |" in page and "### Test half" not in page


@pytest.mark.slow
def test_make_target_writes_page_and_json(project):
    finished = run_cli(project, "draft-eval")
    assert finished.returncode == 0, finished.stderr
    assert all(f"{name} (" in finished.stdout for name in SETS)
    written = json.loads((project.root / "docs" / "draft-evaluation.json").read_text(encoding="utf-8"))
    assert list(written["sets"]) == list(SETS)
    assert (project.root / "docs" / "draft-evaluation.md").read_text(encoding="utf-8").startswith("# Draft evaluation")


def test_a_claim_on_another_event_is_a_claim_but_not_one_on_its_event():
    """The story-wide claims figure counts it; the stricter one counts only a claim on the matched event."""
    toll = GoldClaim("ministry", "killed", 12, 12)
    strike, shelling = (GoldEvent(kind, "occurred", None, [], claims) for kind, claims in
                        (("air_strike", [toll]), ("armed_clash", [])))
    gold = GoldStory("x", "dev", Path("x.txt"), "Outlet", [strike, shelling], {"ministry": frozenset({"ministry"})})
    drafted = [{"type": "air_strike", "claims": []},
               {"type": "armed_clash", "claims": [{"claimant": "ministry", "outcome": "killed", "count": "12"}]}]

    def who(actor_id):
        return None if actor_id is None else frozenset({actor_id})
    who.root = REPO_ROOT
    paired = {id(drafted[0]): 0, id(drafted[1]): 1}
    assert _score_claims(gold, drafted, who).matched == 1
    assert _score_claims(gold, drafted, who, paired).matched == 0
    paired = {id(drafted[1]): 0}  # were the drafted clash matched to the strike, the claim would be on its event
    assert _score_claims(gold, drafted, who, paired).matched == 1

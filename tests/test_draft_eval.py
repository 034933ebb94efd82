"""`make draft-eval`: the evaluation runs on the curated stories, its figures are consistent, and the
committed page and JSON are what a fresh evaluation writes."""
from __future__ import annotations

import json

import pytest

from conftest import run_cli
from newsevents.authoring.evaluation import KINDS, MODES, evaluate, render
from newsevents.core.project import REPO_ROOT, Project

PAGE = REPO_ROOT / "docs" / "draft-evaluation.md"
FIGURES = REPO_ROOT / "docs" / "draft-evaluation.json"


@pytest.fixture(scope="module")
def result():
    return evaluate(Project())


def test_figures_are_consistent(result):
    assert set(result["modes"]) == set(MODES)
    for mode in result["modes"].values():
        assert mode["stories"], "at least one curated story is compared"
        for problems in mode["draft_problems"].values():
            assert problems == []  # every draft is a coding file the build reads without a problem
        for kind in KINDS:
            total = mode["totals"][kind]
            stories = [story[kind] for story in mode["stories"].values()]
            for figures in [total, *stories]:
                assert 0 <= figures["matched"] <= min(figures["curated"], figures["drafted"])
                for measure in ("precision", "recall"):
                    assert figures[measure] is None or 0 <= figures[measure] <= 1
            for story in stories:
                assert len(story["missed"]) == story["curated"] - story["matched"]
                assert len(story["extra"]) == story["drafted"] - story["matched"]
            for count in ("matched", "curated", "drafted"):
                assert total[count] == sum(story[count] for story in stories)
    print(json.dumps({mode: {k: (t["precision"], t["recall"]) for k, t in m["totals"].items()}
                      for mode, m in result["modes"].items()}, indent=1))


def test_held_out_setting_hides_story_only_entries(result):
    held = result["modes"]["held_out"]["stories"]
    full = result["modes"]["full_registry"]["stories"]
    assert any(story["hidden"]["actors"] for story in held.values())
    assert all(not story["hidden"]["actors"] and not story["hidden"]["places"] for story in full.values())


def test_committed_page_and_figures_equal_a_fresh_evaluation(result):
    """Regenerate with `make draft-eval` after changing the drafter or the curated coding."""
    assert json.loads(FIGURES.read_text(encoding="utf-8")) == result
    assert PAGE.read_text(encoding="utf-8") == render(result, FIGURES.name)


@pytest.mark.slow
def test_make_target_writes_page_and_json(project):
    (project.root / "docs").mkdir(exist_ok=True)
    finished = run_cli(project, "draft-eval")
    assert finished.returncode == 0, finished.stderr
    assert "held_out" in finished.stdout
    written = json.loads((project.root / "docs" / "draft-evaluation.json").read_text(encoding="utf-8"))
    assert set(written["modes"]) == set(MODES)
    assert (project.root / "docs" / "draft-evaluation.md").read_text(encoding="utf-8").startswith("# Draft evaluation")

"""The per-story stage: the same outputs over any executor (a local Dask cluster included), and a per-story
cache that recomputes exactly the stories an edit concerns, never serving a stale result."""
from __future__ import annotations

import hashlib
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
import yaml

from conftest import copy_project, snapshot
from newsevents.core.project import REPO_ROOT, Project
from newsevents.pipeline import build
from newsevents.resolve import story_cache, story_runner
from newsevents.resolve.story_cache import ALIASES, FOLDER

sys.path.insert(0, str(REPO_ROOT / "bench"))
from synthetic import generate  # noqa: E402

STORIES = 12


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    """A synthetic corpus of 12 stories, one per capture, built once with its cache filled."""
    project = generate(tmp_path_factory.mktemp("corpus") / "project", STORIES).project
    assert len(build(project).computed) == STORIES
    return project


@pytest.fixture
def corpus(built: Project, tmp_path: Path) -> Project:
    """A copy of the built corpus, cache included, for one test to edit."""
    shutil.copytree(built.root, tmp_path / "project")
    return Project(tmp_path / "project")


def _cold(project: Project) -> dict[str, bytes]:
    """The published outputs of a build that uses no cache."""
    build(project, use_cache=False)
    return snapshot(project)


def _rebuilt(project: Project) -> list[str]:
    """Rebuild with the cache; the captures it computed, after checking the outputs equal a cold build's."""
    computed = build(project).computed
    warm = snapshot(project)
    assert warm == _cold(project)
    return computed


def _capture(project: Project, index: int) -> str:
    return f"data/raw/{index:05d}.txt"


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def test_unchanged_inputs_are_all_served_from_the_cache(corpus):
    assert _rebuilt(corpus) == []


def test_an_edited_capture_recomputes_that_capture_only(corpus):
    path = corpus.raw / "00004.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    manifest = _yaml(corpus.manifest)
    manifest["captures"][4]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    _dump(corpus.manifest, manifest)
    assert _rebuilt(corpus) == [_capture(corpus, 4)]


def test_an_edited_outlet_recomputes_that_capture_only(corpus):
    """The outlet is read with the capture (a line that is its name is a masthead, not a headline)."""
    manifest = _yaml(corpus.manifest)
    manifest["captures"][5]["outlet"] += " Online"
    _dump(corpus.manifest, manifest)
    assert _rebuilt(corpus) == [_capture(corpus, 5)]


def test_an_edited_coding_file_recomputes_its_story_only(corpus):
    path = corpus.stories_coding / "synthetic-00007.yaml"
    coding = _yaml(path)
    coding["events"][0]["summary"] = "Corrected: " + coding["events"][0]["summary"]
    _dump(path, coding)
    assert _rebuilt(corpus) == [_capture(corpus, 7)]
    assert "Corrected: " in (corpus.data / "events.csv").read_text(encoding="utf-8")


def test_registry_entries_no_story_uses_recompute_nothing(corpus):
    actors, places = _yaml(corpus.actor_registry), _yaml(corpus.place_registry)
    actors["actors"][0]["name"] += " Renamed"
    places["places"][0]["name"] += " Renamed"
    _dump(corpus.actor_registry, actors)
    _dump(corpus.place_registry, places)
    assert _rebuilt(corpus) == []
    assert " Renamed" in (corpus.data / "actors.csv").read_text(encoding="utf-8")


def test_a_new_alias_recomputes_exactly_the_stories_that_contain_it(corpus):
    alias = "S5E1"  # an event's token: printed in story 5 and in the later stories that report it again
    actors = _yaml(corpus.actor_registry)
    actors["actors"][0]["aliases"].append(alias)
    _dump(corpus.actor_registry, actors)
    containing = [_capture(corpus, i) for i in range(STORIES) if alias in (corpus.raw / f"{i:05d}.txt").read_text()]
    assert 0 < len(containing) < STORIES
    assert _rebuilt(corpus) == containing
    assert f",{alias}" in (corpus.data / "actor_mentions.csv").read_text(encoding="utf-8")


def test_a_removed_alias_recomputes_exactly_the_stories_that_contained_it(corpus):
    actors = _yaml(corpus.actor_registry)
    texts = [path.read_text(encoding="utf-8") for path in corpus.raw.glob("*.txt")]
    mentioned = next(actor for actor in actors["actors"] if any(actor["aliases"][0] in text for text in texts))
    alias = mentioned["aliases"][0]
    mentioned["aliases"] = [mentioned["name"] + " (renamed)"]
    _dump(corpus.actor_registry, actors)
    containing = [_capture(corpus, i) for i in range(STORIES) if alias in (corpus.raw / f"{i:05d}.txt").read_text()]
    assert 0 < len(containing) < STORIES
    assert _rebuilt(corpus) == containing


def test_an_edited_schema_recomputes_every_story(corpus):
    path = corpus.schemas / "coding" / "story.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# a comment changes the schemas' content\n", encoding="utf-8")
    assert len(_rebuilt(corpus)) == STORIES


def test_a_new_code_version_recomputes_every_story(corpus, monkeypatch):
    monkeypatch.setattr(story_runner, "code_version", lambda: "another version of the code")
    assert len(_rebuilt(corpus)) == STORIES


def test_the_code_version_changes_with_any_source_file(tmp_path):
    package = tmp_path / "newsevents"
    shutil.copytree(story_cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = story_cache.code_version.__wrapped__(package)
    module = package / "resolve" / "quotes.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert story_cache.code_version.__wrapped__(package) != before


def test_a_deleted_or_damaged_cache_is_recomputed_not_trusted(corpus):
    folder = corpus.cache / FOLDER
    damaged = sorted(folder.glob("*.pickle"))[3]
    damaged.write_bytes(damaged.read_bytes()[:100])
    assert len(_rebuilt(corpus)) == 1
    (folder / ALIASES).unlink()
    assert len(_rebuilt(corpus)) == STORIES
    shutil.rmtree(corpus.cache)
    assert len(_rebuilt(corpus)) == STORIES


def test_a_process_pool_publishes_the_same_bytes(corpus):
    ordinary = _cold(corpus)
    with ProcessPoolExecutor(2) as pool:
        assert len(build(corpus, executor=pool, use_cache=False).computed) == STORIES
        assert snapshot(corpus) == ordinary
        assert build(corpus, executor=pool).computed == []  # all cached: nothing to map
    assert snapshot(corpus) == ordinary


def test_a_dask_cluster_publishes_the_same_bytes(corpus, tmp_path):
    from distributed import Client, LocalCluster

    project = copy_project(tmp_path / "real")  # its committed outputs are those of an ordinary build
    ordinary = {"synthetic": _cold(corpus), "real": snapshot(project)}
    with LocalCluster(processes=False, n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        for name, root in (("synthetic", corpus), ("real", project)):
            build(root, executor=client.get_executor(), use_cache=False)
            assert snapshot(root) == ordinary[name], name

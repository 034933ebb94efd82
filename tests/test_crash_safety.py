"""A build killed at any point leaves the published files intact, and the next build succeeds.

Each test starts from a copy whose published files come from its inputs ("old"), then changes the inputs
(tests/bad_inputs/setups/fixture-story.yaml adds a story) so that a finished build publishes different files
("new"). The real build is killed with SIGKILL, either at random moments or at exact steps of writing and
publishing: for the latter the test runs the real CLI in a child process whose `os.replace`, journal removal
or staged-file writes are wrapped to kill the process at a chosen call. The build code itself has no hook.

After each kill every published file is entirely old or entirely new (never torn); when they are mixed, the
publish journal is there so the next start finishes the job. The next build then succeeds and its files are
byte-identical to those of a build that was never interrupted.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import copy_project, run_cli, snapshot
from newsevents.core.project import REPO_ROOT, Project
from newsevents.core.schemas import load_tables
from newsevents.publish.swap import JOURNAL
from test_bad_inputs import apply_changes, load_setup

pytestmark = pytest.mark.slow

# Runs the real CLI, killing itself (SIGKILL) at the KILL_AT step: "replace:N" before the N-th os.replace
# inside the project (0 = the journal's own commit; the cache's own writes in .cache/ are not counted),
# "journal" just before the journal is removed, or "write:N" halfway through writing the N-th staged file.
KILLING_CLI = textwrap.dedent("""
    import os, pathlib, signal, sys
    from newsevents.publish import staging, swap
    from newsevents.cli import main

    root = os.path.realpath(os.environ["NEWSEVENTS_ROOT"])
    kind, _, number = os.environ["KILL_AT"].partition(":")
    calls = {"replace": 0, "write": 0}

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    real_replace, real_unlink, real_write = os.replace, pathlib.Path.unlink, staging.write_durably

    def replace(source, target, *args, **kwargs):
        source_path = os.path.realpath(source)
        if source_path.startswith(root) and not source_path.startswith(os.path.join(root, ".cache", "")):
            if kind == "replace" and calls["replace"] == int(number):
                die()
            calls["replace"] += 1
        return real_replace(source, target, *args, **kwargs)

    def unlink(path, *args, **kwargs):
        if kind == "journal" and path.name == swap.JOURNAL:
            die()
        return real_unlink(path, *args, **kwargs)

    def write(path, data):
        if kind == "write" and calls["write"] == int(number):
            path.parent.mkdir(parents=True, exist_ok=True)
            raw = data.encode("utf-8") if isinstance(data, str) else data
            with path.open("wb") as handle:
                handle.write(raw[: len(raw) // 2])
                handle.flush()
                os.fsync(handle.fileno())
            die()
        calls["write"] += 1
        real_write(path, data)

    os.replace, pathlib.Path.unlink = replace, unlink
    staging.write_durably = swap.write_durably = write
    sys.argv = ["newsevents", "data"]
    main()
""")


@pytest.fixture(scope="module")
def states(tmp_path_factory) -> dict:
    """A template project (published files old, inputs new) and the snapshots of old and new."""
    template = copy_project(tmp_path_factory.mktemp("crash") / "template")
    built = run_cli(template, "data")
    assert built.returncode == 0, built.stderr
    old = snapshot(template)
    apply_changes(template.root, load_setup("fixture-story")["changes"])
    reference = clone(template, tmp_path_factory.mktemp("crash") / "reference")
    started = time.perf_counter()
    built = run_cli(reference, "data")
    duration = time.perf_counter() - started
    assert built.returncode == 0, built.stderr
    new = snapshot(reference)
    assert set(new) == set(old) and new != old
    return {"template": template, "old": old, "new": new, "duration": duration}


def clone(project: Project, target: Path) -> Project:
    shutil.copytree(project.root, target, dirs_exist_ok=True)
    return Project(target)


def assert_intact(project: Project, old: dict, new: dict) -> None:
    """Every published file old or new; a mixture only with the journal that lets the next start finish it."""
    now = snapshot(project)
    assert set(now) == set(old)
    for name, data in now.items():
        assert data in (old[name], new[name]), f"{name} is torn: neither the old nor the new file"
    if not (project.root / JOURNAL).exists():
        assert now in (old, new), "old and new files mixed without a journal to finish the publication"


def assert_next_build_finishes(project: Project, new: dict) -> None:
    result = run_cli(project, "data")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project) == new
    assert not (project.root / JOURNAL).exists() and not project.staging.exists()


def kill_at(project: Project, point: str) -> subprocess.CompletedProcess:
    env = os.environ | {"NEWSEVENTS_ROOT": str(project.root), "KILL_AT": point}
    return subprocess.run([sys.executable, "-c", KILLING_CLI], env=env, capture_output=True, text=True,
                          timeout=300)


FILES = 2 * len(load_tables(REPO_ROOT))  # the files the build writes per table of the package: CSV, then Parquet
POINTS = {
    "mid-write of the first staged table": "write:0",
    "mid-write of the first staged Parquet file": "write:1",
    "mid-write of the last staged file": f"write:{FILES - 1}",
    "mid-write of the staged datapackage.json": f"write:{FILES}",
    "mid-write of the journal": f"write:{FILES + 1}",
    "before the journal is committed": "replace:0",
    "journal committed, nothing moved": "replace:1",
    "one file moved into place": "replace:2",
    "half the tables moved": f"replace:{FILES // 2 + 1}",
    "all but datapackage.json moved": f"replace:{FILES + 1}",
    "everything moved, journal not yet removed": "journal",
}


@pytest.mark.parametrize("point", POINTS.values(), ids=list(POINTS))
def test_a_build_killed_at_a_step_of_writing_or_publishing(point: str, states: dict, tmp_path: Path) -> None:
    project = clone(states["template"], tmp_path / "project")
    killed = kill_at(project, point)
    assert killed.returncode == -signal.SIGKILL, f"the build was not killed at {point}:\n{killed.stderr}"
    assert_intact(project, states["old"], states["new"])
    if (point.startswith("replace:") and point != "replace:0") or point == "journal":
        assert (project.root / JOURNAL).exists(), "an interrupted publication leaves its journal"
    assert_next_build_finishes(project, states["new"])


@pytest.mark.parametrize("run", range(6))
def test_a_build_killed_at_a_random_moment(run: int, states: dict, tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    delay = random.Random(seed).uniform(0.1, states["duration"] * 1.1)
    project = clone(states["template"], tmp_path / "project")
    env = os.environ | {"NEWSEVENTS_ROOT": str(project.root)}
    build = subprocess.Popen([sys.executable, "-m", "newsevents", "data"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    time.sleep(delay)
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=60)
    print(f"seed {seed}: killed after {delay:.2f} s (exit {build.returncode})")
    assert_intact(project, states["old"], states["new"])
    assert_next_build_finishes(project, states["new"])


def test_an_interrupted_publication_is_finished_even_by_a_build_that_then_fails(states: dict, tmp_path: Path):
    """The journal alone completes the validated package: a next build rejecting its input still finishes it."""
    project = clone(states["template"], tmp_path / "project")
    assert kill_at(project, POINTS["half the tables moved"]).returncode == -signal.SIGKILL
    assert snapshot(project) not in (states["old"], states["new"]), "the kill left no half-published state"
    (project.coding / "actors.yaml").write_text("actors: [\n", encoding="utf-8")
    result = run_cli(project, "data")
    assert result.returncode == 1 and "actors.yaml" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(project) == states["new"]
    assert not (project.root / JOURNAL).exists()

"""The catalogue of bad inputs (tests/bad_inputs/*.yaml): each is rejected by the real build, publishing nothing.

A case names the files to change and how (a text replacement, appended text, a whole new file, raw bytes,
a deletion) and the problems the build must report: file, line, record and a fragment of the message. For
every case the build exits 1 with exactly those problems, each with a fix, without a traceback, and leaves
every published file (tables, datapackage.json, the database) byte-identical. The format of a case is in
tests/bad_inputs/README.md.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import copy_project, run_cli, snapshot
from newsevents.core.project import Project
from newsevents.publish.swap import JOURNAL

CASES = Path(__file__).parent / "bad_inputs"
PROBLEM = re.compile(r"^  (?P<file>\S+?)(?::(?P<line>\d+))?(?: \[(?P<record>[^\]]+)\])?: (?P<message>.*)$")
FIX = re.compile(r"^    fix: (?P<fix>.*)$")
SHA256 = re.compile(r"\{\{sha256 (?P<path>[^}]+)\}\}")


@dataclass
class Reported:
    file: str
    line: int | None
    record: str | None
    message: str
    fix: str = ""


def parse_report(output: str) -> list[Reported]:
    """The problems of a `build failed` report, as printed by the CLI."""
    problems: list[Reported] = []
    for text in output.splitlines():
        if (fix := FIX.match(text)) and problems:
            problems[-1].fix = fix.group("fix")
        elif problem := PROBLEM.match(text):
            line = problem.group("line")
            problems.append(Reported(problem.group("file"), int(line) if line else None, problem.group("record"),
                                     problem.group("message")))
    return problems


def _checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes() if path.exists() else b"").hexdigest()


def _with_checksums(path: Path, root: Path) -> None:
    """`{{sha256 data/raw/NAME}}` in a changed file → the SHA-256 of that file once every change is made
    (the checksum of no bytes when a case deleted it)."""
    text = path.read_text(encoding="utf-8")
    if SHA256.search(text):
        path.write_text(SHA256.sub(lambda m: _checksum(root / m.group("path")), text), encoding="utf-8",
                        newline="")


def apply_change(root: Path, change: dict) -> None:
    """One change: replace (with text, or with_hex bytes), append, write (text), write_hex (bytes) or delete."""
    path = root / change["file"]
    if change.get("delete"):
        path.unlink()
    elif "write" in change:
        path.write_bytes(change["write"].encode("utf-8"))
    elif "write_hex" in change:
        path.write_bytes(bytes.fromhex(change["write_hex"]))
    elif "append" in change:
        path.write_bytes(path.read_bytes() + change["append"].encode("utf-8"))
    else:
        data, old = path.read_bytes(), change["replace"].encode("utf-8")
        new = bytes.fromhex(change["with_hex"]) if "with_hex" in change else change["with"].encode("utf-8")
        found = data.count(old)
        assert found == 1, f"{change['file']} holds {change['replace']!r} {found} times; the case needs it once"
        path.write_bytes(data.replace(old, new))


def changes_of(case: dict) -> list[dict]:
    """The case's setups' changes (tests/bad_inputs/setups/NAME.yaml), then its own."""
    changes = [change for name in case.get("setup", []) for change in load_setup(name)["changes"]]
    return changes + case.get("changes", [])


def apply_changes(root: Path, changes: list[dict]) -> None:
    for change in changes:
        apply_change(root, change)
    for path in {root / change["file"] for change in changes}:
        if path.suffix == ".yaml" and path.exists():  # only YAML inputs name checksums
            _with_checksums(path, root)


def load_setup(name: str) -> dict:
    return yaml.safe_load((CASES / "setups" / f"{name}.yaml").read_text(encoding="utf-8"))


def expected_line(root: Path, expected: dict) -> int | None:
    """`line: N`, or `line_of: TEXT` (the line where TEXT first appears in the changed file), or none."""
    if "line_of" not in expected:
        return expected.get("line")
    text = (root / expected["file"]).read_text(encoding="utf-8")
    position = text.find(expected["line_of"])
    assert position >= 0, f"{expected['line_of']!r} is not in {expected['file']}"
    return text.count("\n", 0, position) + 1


def load_cases() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) | {"name": path.stem}
            for path in sorted(CASES.glob("*.yaml"))]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    """A copy of the project as published: tables, datapackage.json and the database built from its inputs."""
    project = copy_project(tmp_path_factory.mktemp("bad-inputs") / "project")
    for command in ("data", "db"):
        result = run_cli(project, command)
        assert result.returncode == 0, result.stderr
    return project


def clone(project: Project, target: Path) -> Project:
    shutil.copytree(project.root, target)
    return Project(target)


@pytest.mark.slow
@pytest.mark.parametrize("case", load_cases(), ids=lambda case: case["name"])
def test_bad_input_is_rejected_and_publishes_nothing(case: dict, built: Project, tmp_path: Path) -> None:
    project = clone(built, tmp_path / "project")
    before = snapshot(project)
    assert any(name.endswith(".db") for name in before) and "datapackage.json" in before
    apply_changes(project.root, changes_of(case))

    result = run_cli(project, "data")

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    assert "nothing was published" in output, output
    reported = parse_report(result.stderr)
    wanted = [(e, expected_line(project.root, e)) for e in case["expect"]]
    assert len(reported) == len(wanted), f"expected {len(wanted)} problem(s), got:\n{result.stderr}"
    unmatched = list(reported)
    for expected, line in wanted:
        match = next((r for r in unmatched if r.file == expected["file"] and r.line == line
                      and r.record == expected.get("record") and expected["message"] in r.message), None)
        assert match is not None, f"no problem {expected['file']}:{line} [{expected.get('record')}] " \
                                  f"'{expected['message']}' in:\n{result.stderr}"
        assert match.fix, f"problem without a fix: {match}"
        unmatched.remove(match)
    assert snapshot(project) == before
    assert not (project.root / JOURNAL).exists(), "a failed build started to publish"


@pytest.mark.parametrize("setup", sorted(p.stem for p in (CASES / "setups").glob("*.yaml")))
def test_a_setup_alone_builds(setup: str, built: Project, tmp_path: Path) -> None:
    """The control: a setup without a case's own changes builds, so each rejection is the case's doing."""
    project = clone(built, tmp_path / "project")
    apply_changes(project.root, load_setup(setup)["changes"])
    result = run_cli(project, "data")
    assert result.returncode == 0, result.stderr


def test_the_catalogue_covers_the_issue() -> None:
    """At least 40 cases, each described, each expecting at least one located problem."""
    cases = load_cases()
    assert len(cases) >= 40
    for case in cases:
        assert case.get("description") and case["expect"], case["name"]

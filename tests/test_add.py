"""`make add` / `python -m newsevents add`: a capture goes in unchanged, its manifest entry is written, each
story gets a draft the build refuses until a coder reviews it; after review the build publishes it."""
from __future__ import annotations

import csv
import hashlib
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import run_cli
from newsevents.authoring.manifest_entry import article_id
from newsevents.core.project import REPO_ROOT

REUTERS_CAPTURE = REPO_ROOT / "data" / "raw" / "000_bb079e82a7837695.txt"
ARAB_NEWS_CAPTURE = REPO_ROOT / "data" / "raw" / "004_6f2da5bb86da274f.txt"
REUTERS_DATE = ["--published-date", "2024-01-22", "--basis", "inferred",
                "--date-note", "It reports what Pakistan said on Monday; the visit next week is on 29 January 2024."]


def _empty(project):
    """The project with its registries but no capture and no story coding: a place to add a story to.
    It is a new dataset, so the released IDs of this one (releases/) do not bind it."""
    shutil.rmtree(project.root / "releases", ignore_errors=True)
    for path in project.raw.glob("*.txt"):
        path.unlink()
    for path in project.stories_coding.glob("*.yaml"):
        path.unlink()
    project.manifest.write_text("# The raw captures as received.\ncaptures: []\n", encoding="utf-8")
    return project


def _files(project) -> dict[str, bytes]:
    return {project.rel(p): p.read_bytes() for p in sorted(project.data.rglob("*")) if p.is_file()}


def _review(project) -> None:
    """What a coder does at the least: merge the proposed registry entries and mark the drafts reviewed."""
    for proposals in sorted((project.coding / "proposals").glob("*.yaml")):
        data = yaml.safe_load(proposals.read_text(encoding="utf-8"))
        for key, registry in (("actors", project.actor_registry), ("places", project.place_registry)):
            text = registry.read_text(encoding="utf-8")
            known = {entry["id"] for entry in yaml.safe_load(text)[key]}
            new = [entry for entry in data[key] if entry["id"] not in known]
            indent = re.search(r"(?m)^(\s*)- id:", text).group(1)
            dumped = yaml.safe_dump(new, sort_keys=False, allow_unicode=True) if new else ""
            appended = "".join(indent + line + "\n" for line in dumped.splitlines())
            registry.write_text(text.rstrip("\n") + "\n" + appended,
                                encoding="utf-8")
        proposals.unlink()
    for path in project.stories_coding.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("review: draft", "review: reviewed", 1),
                        encoding="utf-8")


@pytest.mark.slow
def test_added_story_is_refused_as_a_draft_then_published_after_review(project, tmp_path):
    _empty(project)
    capture = tmp_path / "reuters-capture.txt"
    shutil.copyfile(REUTERS_CAPTURE, capture)
    added = run_cli(project, "add", str(capture), "--outlet", "Reuters", *REUTERS_DATE,
                    "--url", "https://example.org/story")
    assert added.returncode == 0, added.stderr
    assert (project.raw / capture.name).read_bytes() == capture.read_bytes()
    manifest = yaml.safe_load(project.manifest.read_text(encoding="utf-8"))
    [entry] = manifest["captures"]
    assert entry["sha256"] == hashlib.sha256(capture.read_bytes()).hexdigest()
    assert entry["outlet"] == "Reuters" and entry["file"] == capture.name
    [story] = entry["stories"]
    assert story["article_id"] == "reuters-2024-01-22-iran-fm-to-visit-pakistan"
    assert (story["published_date"], story["published_date_basis"]) == ("2024-01-22", "inferred")
    assert story["url"] == "https://example.org/story"
    draft = project.stories_coding / f"{story['article_id']}.yaml"
    assert yaml.safe_load(draft.read_text(encoding="utf-8"))["review"] == "draft"
    assert story["article_id"] in added.stdout

    refused = run_cli(project, "data")
    assert refused.returncode == 1
    assert "machine draft and has not been reviewed" in refused.stderr
    assert "Traceback" not in refused.stderr

    _review(project)
    built = run_cli(project, "data")
    assert built.returncode == 0, built.stderr
    articles = (project.data / "articles.csv").read_text(encoding="utf-8")
    assert story["article_id"] in articles
    events = (project.data / "events.csv").read_text(encoding="utf-8")
    assert events.count("\n") > 3


@pytest.mark.slow
def test_capture_with_two_stories_takes_the_date_only_where_none_is_printed(project, tmp_path):
    _empty(project)
    capture = tmp_path / "arabnews.txt"
    shutil.copyfile(ARAB_NEWS_CAPTURE, capture)
    added = run_cli(project, "add", str(capture), "--outlet", "Arab News", "--published-date",
                    "2025-12-14..2025-12-15", "--basis", "external", "--date-note", "Outside reporting dates it.")
    assert added.returncode == 0, added.stderr
    [entry] = yaml.safe_load(project.manifest.read_text(encoding="utf-8"))["captures"]
    first, second = entry["stories"]
    assert set(first) == {"article_id"}  # prints "Updated 22 January 2024": the manifest must not repeat it
    assert first["article_id"].startswith("arabnews-2024-01-22-")
    assert second["article_id"].startswith("arabnews-2025-12-14-")
    assert (second["published_date_earliest"], second["published_date_latest"]) == ("2025-12-14", "2025-12-15")
    assert second["published_date_basis"] == "external"
    for story in entry["stories"]:
        assert (project.stories_coding / f"{story['article_id']}.yaml").exists()
    _review(project)
    built = run_cli(project, "data")
    assert built.returncode == 0, built.stderr


def test_missing_date_or_outlet_or_repeat_is_refused_and_nothing_written(project, tmp_path):
    _empty(project)
    capture = tmp_path / "reuters-capture.txt"
    shutil.copyfile(REUTERS_CAPTURE, capture)
    before = _files(project)
    no_date = run_cli(project, "add", str(capture), "--outlet", "Reuters")
    assert no_date.returncode == 1
    assert "prints no publication date" in no_date.stderr and "--published-date" in no_date.stderr
    no_outlet = run_cli(project, "add", str(capture), *REUTERS_DATE)
    assert no_outlet.returncode == 1 and "--outlet" in no_outlet.stderr
    bad_date = run_cli(project, "add", str(capture), "--outlet", "X", "--published-date", "2024-02-30",
                       "--basis", "inferred", "--date-note", "n")
    assert bad_date.returncode == 1 and "--published-date" in bad_date.stderr
    for result in (no_date, no_outlet, bad_date):
        assert "Traceback" not in result.stderr
    assert _files(project) == before
    assert run_cli(project, "add", str(capture), "--outlet", "Reuters", *REUTERS_DATE).returncode == 0
    after = _files(project)
    again = run_cli(project, "add", str(REUTERS_CAPTURE), "--outlet", "Reuters", *REUTERS_DATE)
    assert again.returncode == 1 and "already in the project" in again.stderr  # the same bytes again
    assert _files(project) == after


def test_article_ids_are_readable_and_unique():
    taken = {"reuters-2024-01-22-iran-fm-to-visit-pakistan"}
    headline = "Iran’s FM to visit Pakistan to rebuild ties after missile strikes"
    from datetime import date

    assert article_id("Reuters", date(2024, 1, 22), headline, taken) == "reuters-2024-01-22-iran-fm-to-visit-pakistan-2"
    assert article_id("Arab News", None, "Talks end", set()) == "arabnews-undated-talks-end"


PAGES = REPO_ROOT / "tests" / "fixtures" / "pages"


def _add(project, tmp_path, name: str, *options: str):
    capture = tmp_path / name
    shutil.copyfile(PAGES / name, capture)
    return run_cli(project, "add", str(capture), *options)


def _manifest_story(project) -> tuple[dict, dict]:
    entry = yaml.safe_load(project.manifest.read_text(encoding="utf-8"))["captures"][-1]
    return entry, entry["stories"][0]


@pytest.mark.slow
def test_a_page_with_furniture_all_round_is_added_and_builds_after_review(project, tmp_path):
    _empty(project)
    added = _add(project, tmp_path, "portal-wrapped.txt", "--outlet", "Lake Region Observer",
                 "--published-date", "2024-03-05", "--basis", "external", "--date-note", "The page's archive index.")
    assert added.returncode == 0, added.stderr
    _, story = _manifest_story(project)
    assert story["article_id"].startswith("lakeregionobserver-2024-03-05-kenya-summons-somali-envoy")
    assert "headline" not in story  # printed: read from the capture, not supplied
    _review(project)
    built = run_cli(project, "data")
    assert built.returncode == 0, built.stderr
    row = next(r for r in csv.DictReader((project.data / "articles.csv").open(encoding="utf-8")))
    assert row["headline"] == "Kenya summons Somali envoy after border post attack kills four police officers"
    assert (row["headline_basis"], row["byline"], row["byline_basis"]) == ("printed", "By Observer Correspondent",
                                                                           "printed")
    text = (project.raw / "portal-wrapped.txt").read_text(encoding="utf-8")
    story_text = text[int(row["char_start"]):int(row["char_end"])]
    assert story_text.startswith("Kenya summons") and story_text.endswith("over their maritime border.")
    assert "Subscribe" not in story_text and "All rights reserved" not in story_text


@pytest.mark.slow
@pytest.mark.parametrize("outlet, masthead", [("Andean Wire", ""), ("Andean Wire Online", "Andean Wire Online\n")])
def test_a_headline_the_page_does_not_print_is_supplied_and_recorded_as_such(project, tmp_path, outlet, masthead):
    """Also where the page prints only the outlet's name above the story: a masthead is no headline."""
    _empty(project)
    page = tmp_path / "no-headline.txt"
    page.write_text(masthead + (PAGES / "no-headline.txt").read_text(encoding="utf-8"), encoding="utf-8")
    refused = run_cli(project, "add", str(page), "--outlet", outlet)
    assert refused.returncode == 1 and "prints no headline" in refused.stderr and "--headline" in refused.stderr
    headline = "Peru recalls ambassador from Venezuela and expels three diplomats"
    added = run_cli(project, "add", str(page), "--outlet", outlet, "--headline", headline)
    assert added.returncode == 0, added.stderr
    _, story = _manifest_story(project)
    assert (story["headline"], story["headline_basis"]) == (headline, "supplied")
    assert "published_date" not in story  # the page prints "Published March 12, 2024"
    prefix = "".join(outlet.lower().split())
    assert story["article_id"] == f"{prefix}-2024-03-12-peru-recalls-ambassador-from-venezuela"
    _review(project)
    built = run_cli(project, "data")
    assert built.returncode == 0, built.stderr
    row = next(csv.DictReader((project.data / "articles.csv").open(encoding="utf-8")))
    assert (row["headline"], row["headline_basis"]) == (headline, "supplied")
    assert (row["byline"], row["byline_basis"], row["published_date"]) == ("By Staff Reporter", "printed",
                                                                           "2024-03-12")


@pytest.mark.slow
def test_a_saved_web_page_is_kept_as_is_and_its_extracted_text_is_the_capture(project, tmp_path):
    _empty(project)
    added = _add(project, tmp_path, "saved-page.html")
    assert added.returncode == 0, added.stderr
    assert (project.raw / "saved-page.html").read_bytes() == (PAGES / "saved-page.html").read_bytes()
    entry, story = _manifest_story(project)
    assert entry["file"] == "saved-page.txt" and entry["outlet"] == "The Mekong Courier"
    assert entry["saved_page"]["file"] == "saved-page.html"
    assert entry["saved_page"]["sha256"] == hashlib.sha256((PAGES / "saved-page.html").read_bytes()).hexdigest()
    assert entry["saved_page"]["extracted_with"].startswith("trafilatura ")
    assert (story["published_date"], story["published_date_basis"]) == ("2024-06-04", "stated")
    assert (story["byline"], story["byline_basis"]) == ("Somchai Wattana", "extracted")
    assert story["url"] == "https://www.mekongcourier.example/region/2024/06/04/thailand-cambodia-border-talks"
    text = (project.raw / "saved-page.txt").read_text(encoding="utf-8")
    assert text.startswith("Thailand and Cambodia agree to talks after border shooting")
    assert "newsletter" not in text and "More on this topic" not in text and "analytics" not in text
    _review(project)
    built = run_cli(project, "data")
    assert built.returncode == 0, built.stderr
    row = next(csv.DictReader((project.data / "articles.csv").open(encoding="utf-8")))
    assert row["saved_page"] == "data/raw/saved-page.html" and row["capture_file"] == "data/raw/saved-page.txt"
    (project.raw / "saved-page.html").write_bytes((PAGES / "saved-page.html").read_bytes() + b"\n")
    changed = run_cli(project, "data")
    assert changed.returncode == 1 and "data/raw/saved-page.html: the capture's bytes changed" in changed.stderr


def test_extraction_of_a_saved_page_is_deterministic():
    from newsevents.authoring.extract import extract_page

    html = (PAGES / "saved-page.html").read_text(encoding="utf-8")
    assert extract_page(html) == extract_page(html)
    code = ("import sys; from newsevents.authoring.extract import extract_page; "
            "sys.stdout.write(extract_page(open(sys.argv[1], encoding='utf-8').read()).text)")
    runs = {subprocess.run([sys.executable, "-c", code, str(PAGES / "saved-page.html")], capture_output=True,
                           text=True, check=True).stdout for _ in range(2)}
    assert runs == {extract_page(html).text}


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "the capture is empty"),
    ("blank.txt", b"  \n\n \n", "the capture is empty"),
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF document"),
    ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image"),
    ("latin1.txt", "Pakistan’s".encode("utf-16"), "this is text in UTF-16"),
    ("cp1252.txt", b"Pakistan\x92s foreign office said on Monday that talks would resume.", "not valid UTF-8"),
    ("huge.html", b"<html><body>" + b"<p>word</p>" * 500_000 + b"</body></html>", "a capture holds one news page"),
    ("headline-list.txt", None, "no story text found"),
    ("spanish.txt", None, "the story is not in English"),
], ids=lambda value: value if isinstance(value, str) and value.endswith((".txt", ".html")) else "")
def test_bad_input_to_add_is_refused_clearly_and_nothing_is_written(project, tmp_path, name, content, message):
    _empty(project)
    capture = tmp_path / name
    capture.write_bytes(content if content is not None else (PAGES / name).read_bytes())
    before = _files(project)
    result = run_cli(project, "add", str(capture), "--outlet", "Example")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("nothing was added:") and message in result.stderr and "fix:" in result.stderr
    assert _files(project) == before


@pytest.mark.parametrize("stamp", ["Last updated: 04/10/2015 - 09:15 GMT", "Updated 3 hours ago"])
def test_a_stamp_that_names_no_day_is_quoted_in_the_refusal(project, tmp_path, stamp):
    _empty(project)
    capture = tmp_path / "portal.txt"
    body = ("HARBOURTOWN - Two ferries collided in fog off the northern coast on Monday, the coastguard said, and "
            "rescuers pulled dozens of passengers from the water.\n\nThe coastguard said both vessels had been "
            "sailing slowly because of the fog, and that an inquiry into the collision would open on Tuesday.\n\n"
            "The port authority closed the harbour for the rest of the day and suspended all ferry services to the "
            "outer islands until the wrecks could be towed away.\n")
    capture.write_text(f"Two ferries collide in thick fog off the northern coast\n\n{stamp}\n\n{body}",
                       encoding="utf-8")
    before = _files(project)
    refused = run_cli(project, "add", str(capture), "--outlet", "Coast Today")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "prints no publication date" in refused.stderr and f"'{stamp}' names no day" in refused.stderr
    assert "--published-date" in refused.stderr
    assert _files(project) == before

"""The documentation site: a real `mkdocs build --strict`, generated from the published package and schemas."""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
import yaml

from conftest import copy_project
from newsevents.core.project import REPO_ROOT, Project
from newsevents.core.schemas import dataset_metadata, load_tables
from newsevents.docsite.citation import cite_page
from newsevents.docsite.coverage import missing_from_codebook
from newsevents.docsite.pages import generated_pages
from newsevents.docsite.published import load_published
from newsevents.docsite.timeline_chart import DENSE, bars, periods, ticks, timeline_svg
from newsevents.publish.descriptor import table_resources

pytestmark = pytest.mark.slow


def build_site(root: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the repository's docs against the package at `root`, into `site`."""
    env = os.environ | {"NEWSEVENTS_ROOT": str(root), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO_ROOT / "mkdocs.yml"),
                           "-d", str(site)], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("docs") / "site"
    result = build_site(REPO_ROOT, target)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return target


@pytest.fixture(scope="module")
def descriptor() -> dict:
    return json.loads((REPO_ROOT / "datapackage.json").read_text(encoding="utf-8"))


def frame(name: str) -> pd.DataFrame:
    return pd.read_csv(REPO_ROOT / "data" / f"{name}.csv", dtype="string", keep_default_na=False, na_values=[""])


def text_of(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def visible_text(site: Path, page: str) -> str:
    """A built page's text as a reader sees it: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", text_of(site, page)))


def rewrite_csv(project: Project, name: str, edit) -> None:
    """Edit a published table in a temporary copy and record its new hash, as a rebuild would."""
    path = project.data / f"{name}.csv"
    table = pd.read_csv(path, dtype="string", keep_default_na=False)
    edit(table)
    path.write_bytes(table.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    package = json.loads(project.datapackage.read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == name)
    resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    resource["bytes"] = path.stat().st_size
    project.datapackage.write_text(json.dumps(package, indent=2, ensure_ascii=False), encoding="utf-8")


# --- the real site ---------------------------------------------------------------------------------------

def test_every_page_of_the_issue_is_built(site):
    for page in ["index.html", "codebook/index.html", "methodology.html", "validation.html", "sources.html",
                 "timeline.html", "casualty-claims.html", "cite.html", "downloads.html"]:
        assert (site / page).exists(), page
    assert "fonts.googleapis" not in text_of(site, "index.html")
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', text_of(site, "index.html")), \
        "the site must load nothing from the web"


def test_codebook_documents_every_table_and_column(site, descriptor):
    assert missing_from_codebook(descriptor, site) == []
    for resource in table_resources(descriptor):  # a table's Parquet copy has the same schema
        page = text_of(site, f"codebook/{resource['name']}.html")
        for field in resource["schema"]["fields"]:
            for value in field.get("constraints", {}).get("enum", []):
                assert f"<code>{value}</code>" in page, f"{resource['name']}.{field['name']}: {value}"


def test_coverage_check_reports_a_missing_column(site, descriptor, tmp_path):
    extended = json.loads(json.dumps(descriptor))
    extended["resources"][0]["schema"]["fields"].append({"name": "not_documented", "type": "string"})
    extended["resources"].append({"name": "no_such_table", "schema": {"fields": []}})
    assert missing_from_codebook(extended, site) == [f"{extended['resources'][0]['name']}.not_documented",
                                                     "no_such_table"]


def test_build_fails_when_the_package_has_an_undocumented_column(tmp_path):
    project = copy_project(tmp_path / "project")
    package = json.loads(project.datapackage.read_text(encoding="utf-8"))
    events = next(r for r in package["resources"] if r["name"] == "events")
    events["schema"]["fields"].append({"name": "undocumented_column", "type": "string"})
    project.datapackage.write_text(json.dumps(package), encoding="utf-8")
    result = build_site(project.root, tmp_path / "site")
    assert result.returncode != 0
    assert "events.undocumented_column" in result.stderr


def test_build_fails_when_a_table_differs_from_its_recorded_hash(tmp_path):
    project = copy_project(tmp_path / "project")
    with (project.data / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    result = build_site(project.root, tmp_path / "site")
    assert result.returncode != 0
    assert "data/events.csv: differs from the validated version recorded in datapackage.json" in result.stderr


def test_generated_pages_are_not_committed():
    published = load_published(Project(REPO_ROOT))
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=REPO_ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    assert not {f"docs/{path}" for path in generated_pages(published)} & set(tracked)


def test_home_page_gives_version_coverage_and_counts(site):
    text, page = visible_text(site, "index.html"), text_of(site, "index.html")
    assert f"Version {dataset_metadata(REPO_ROOT)['version']}" in text
    articles = frame("articles")
    assert f"{len(articles)} stor" in text
    for outlet in articles["outlet"].unique():
        assert outlet in text
    for name in load_tables(REPO_ROOT):
        rows = len(frame(name))
        assert re.search(rf'codebook/{name}\.html"><code>{name}</code></a></td>\s*<td[^>]*>{rows:,}</td>', page), name


def test_sources_page_lists_every_story_with_its_checksum_and_coding(site):
    page = text_of(site, "sources.html")
    evidence = frame("event_sources")
    for story in frame("articles").itertuples():
        assert f'id="{story.article_id}"' in page
        assert story.capture_sha256 in page and story.capture_file in page
        events = evidence.loc[evidence["article_id"] == story.article_id, "event_id"].nunique()
        section = page.split(f'id="{story.article_id}"')[1].split("<h2")[0]
        assert re.search(rf'codebook/events\.html">Events</a></td>\s*<td[^>]*>{events:,}</td>', section)


def test_timeline_draws_every_dated_event(site):
    page = text_of(site, "timeline.html")
    events = frame("events")
    dated = events.dropna(subset=["date_start"])
    assert page.count('class="event-bar"') == len(dated)
    assert text_of(site, "timeline.svg").count('class="event-bar"') == len(dated)
    for event_id in events["event_id"]:
        assert f'id="event-{event_id}"' in page
    for event_id in dated["event_id"]:
        assert f'data-event="{event_id}"' in page


def test_claims_page_shows_every_claim_with_its_quote(site):
    page = text_of(site, "casualty-claims.html")
    for claim in frame("casualty_claims").itertuples():
        assert f"<code>{claim.claim_id}</code>" in page
    for quote in frame("claim_sources")["quote"]:
        assert quote in html.unescape(page)


def test_downloads_page_gives_each_file_size_and_checksum(site):
    page = text_of(site, "downloads.html")
    data = REPO_ROOT / "data"
    for path in [REPO_ROOT / "datapackage.json", *sorted(data.glob("*.csv")), *sorted(data.glob("*.parquet"))]:
        assert hashlib.sha256(path.read_bytes()).hexdigest() in page
        assert (site / path.relative_to(REPO_ROOT)).read_bytes() == path.read_bytes()
    for database in sorted(REPO_ROOT.glob("*.db")):
        assert hashlib.sha256(database.read_bytes()).hexdigest() in page


def test_cite_page_reads_citation_cff_and_changelog(site):
    cff_path, changelog = REPO_ROOT / "CITATION.cff", REPO_ROOT / "CHANGELOG.md"
    if not cff_path.exists() or not changelog.exists():
        pytest.skip("CITATION.cff or CHANGELOG.md is not in the repository yet")
    page = visible_text(site, "cite.html")
    cff = yaml.safe_load(cff_path.read_text(encoding="utf-8"))
    assert f"(Version {cff['version']}) [Data set]" in page
    assert f"version = {{{cff['version']}}}" in page
    for heading in re.findall(r"^## (.+)$", changelog.read_text(encoding="utf-8"), flags=re.M):
        assert heading.split("]")[0].lstrip("[") in page


def test_quick_start_code_runs():
    published = load_published(Project(REPO_ROOT))
    home = generated_pages(published)["index.md"]
    blocks = re.findall(r"```python\n(.*?)\n```", home, flags=re.S)
    assert len(blocks) == 2
    for block in blocks:
        result = subprocess.run([sys.executable, "-c", block], cwd=REPO_ROOT, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
    assert "valid: True" in result.stdout


# --- generated from other inputs ---------------------------------------------------------------------------

def test_markup_in_the_data_renders_as_text(tmp_path):
    project = copy_project(tmp_path / "project")
    headline = '<script>alert("x")</script> *not bold* | [not a link](http://example.org) `tick`'

    def edit(table):
        table.loc[0, "headline"] = headline

    rewrite_csv(project, "articles", edit)
    result = build_site(project.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "sources.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<em>not bold</em>" not in page
    assert 'href="http://example.org"' not in page
    assert headline in html.unescape(page)


def test_cite_page_from_a_citation_file_with_people_and_doi(tmp_path):
    project = copy_project(tmp_path / "project")
    version = dataset_metadata(REPO_ROOT)["version"]
    (project.root / "CITATION.cff").write_text(yaml.safe_dump({
        "cff-version": "1.2.0", "title": "A & B_data", "version": version, "date-released": "2031-02-03",
        "doi": "10.5281/zenodo.123",
        "authors": [{"family-names": "Doe", "given-names": "Jane Ann"}, {"name": "The Project"}],
    }), encoding="utf-8")
    (project.root / "CHANGELOG.md").write_text("# Changelog\n\n## [9.9.9] - 2031-02-03\n\n### Fixed\n- x\n",
                                               encoding="utf-8")
    page = cite_page(load_published(project))
    assert "Doe, J. A., & The Project (2031). A & B_data (Version " in page
    assert "https://doi.org/10.5281/zenodo.123" in page
    assert "author = {Doe, Jane Ann and {The Project}}" in page
    assert r"title = {{A \& B\_data}}" in page
    assert "### [9.9.9] - 2031-02-03" in page and "#### Fixed" in page and "\n# Changelog" not in page


def test_timeline_panels_ticks_and_escaping():
    events = pd.DataFrame({
        "event_id": ["a", "b", "c", "d"], "event_type": ["war", "meeting", "meeting", "war"],
        "status": ["occurred", "planned", "occurred", "occurred"], "salience": ["core"] * 4,
        "date_start": ["2021-08-15", "2024-01-22", "2024-01-15", None],
        "date_end": ["2021-08-15", "2024-01-29", "2024-01-21", None],
        "summary": ["<b>bold</b> & co", "x", "y", "z"],
    })
    items = bars(events)
    assert [b.event_id for b in items] == ["a", "c", "b"]
    assert [[b.event_id for b in group] for group in periods(items)] == [["a"], ["c", "b"]]
    svg = timeline_svg(events, ["war", "meeting"], ["occurred", "planned"])
    assert svg.count('class="event-bar"') == 3
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in svg and "<b>bold" not in svg
    for first, last in [(date(2024, 1, 10), date(2024, 1, 20)), (date(2020, 1, 1), date(2024, 6, 1)),
                        (date(2024, 1, 1), date(2024, 5, 1))]:
        marks = ticks(first, last)
        assert 2 <= len(marks) <= 10 and all(first <= day <= last for day, _ in marks)


def test_a_dense_period_is_drawn_as_counts_that_add_up():
    n = DENSE + 40
    days = [date(2024, 1, 1) + timedelta(days=i % 90) for i in range(n)]
    events = pd.DataFrame({
        "event_id": [f"e{i}" for i in range(n)], "event_type": ["war", "meeting"] * (n // 2),
        "status": ["occurred", "occurred", "planned"] * (n // 3) + ["occurred"] * (n % 3),
        "salience": ["core"] * n, "date_start": [d.isoformat() for d in days],
        "date_end": [d.isoformat() for d in days], "summary": ["s"] * n,
    })
    svg = timeline_svg(events, ["war", "meeting"], ["occurred", "planned"])
    assert 'class="event-bar"' not in svg
    counted = re.findall(r'<g class="event-bin"><title>[^<]*: ([^<]*)</title>', svg)
    assert sum(int(k) for cell in counted for k in re.findall(r"(\d+) (?:occurred|planned)", cell)) == n

"""Every fact one click from its highlighted quote, on the whole served site: Datasette with the real docs site
(`make serve` as it starts), driven over HTTP and in headless Chromium. The served copy's coding puts markup
into an event summary, which must show as text on the story page. Screenshots go to artifacts/evidence/."""
from __future__ import annotations

import hashlib
import json
import re
from html import unescape
from urllib.parse import urljoin, urlparse

import httpx
import pytest

from conftest import copy_project, datasette_served, run_cli
from newsevents.core.csvformat import read_table
from newsevents.core.project import REPO_ROOT
from newsevents.core.schemas import dataset_metadata, load_tables
from test_datasette import MARKUP, add_markup
from test_docs import build_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = REPO_ROOT / "artifacts" / "evidence"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("evidence") / "project")
    event_id = add_markup(project)
    for command in ("data", "db"):
        result = run_cli(project, command)
        assert result.returncode == 0, result.stdout + result.stderr
    built = build_site(project.root, project.site)
    assert built.returncode == 0, built.stderr
    with datasette_served(project) as url:
        yield url, project, event_id


@pytest.fixture
def page(browser, served):
    """A page that may reach only the local server; JavaScript errors and dialogs are recorded."""
    url, _, _ = served
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors, page.dialogs = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.route("**/*", lambda route: route.continue_() if urlparse(route.request.url).netloc == urlparse(url).netloc
               else route.abort())
    yield page
    assert page.errors == [] and page.dialogs == [], (page.errors, page.dialogs)
    context.close()


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def frame(project, name: str):
    return read_table(project.data / f"{name}.csv", load_tables(project.root)[name])


def jsonld_of(html: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1, "one Dataset document per page"
    return json.loads(found[0])


@pytest.mark.parametrize("home", ["/", "/docs/index.html"])
def test_home_pages_embed_a_dataset_whose_every_download_is_served_with_its_checksum(served, home):
    url, project, _ = served
    meta = dataset_metadata(project.root)
    document = jsonld_of(httpx.get(url + home, timeout=30).text)
    assert document["@context"] == "https://schema.org/" and document["@type"] == "Dataset"
    assert (document["name"], document["version"]) == (meta["title"], str(meta["version"]))
    assert document["license"] == next(lic["path"] for lic in meta["licenses"] if lic["scope"] == "data")
    assert document["creator"] and document["keywords"] == meta["keywords"] and meta["version"] in document["citation"]
    assert re.match(r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$", document["temporalCoverage"])
    assert {"IRN", "PAK"} <= {place["identifier"] for place in document["spatialCoverage"]}
    package = json.loads(project.datapackage.read_text(encoding="utf-8"))
    named = {d["name"] for d in document["distribution"]}
    assert {"datapackage.json", f"{project.database.name}"} <= named
    assert {r["path"].split("/")[-1] for r in package["resources"]} <= named, "every CSV and Parquet file"
    for download in document["distribution"]:
        response = httpx.get(urljoin(url + home, download["contentUrl"]), timeout=60)
        assert response.status_code == 200, download["contentUrl"]
        assert hashlib.sha256(response.content).hexdigest() == download["sha256"], download["contentUrl"]
        assert download["contentSize"] == f"{len(response.content)} B"
        if home == "/" and not download["name"].endswith(".db"):  # the plugin's downloads (not the static docs)
            assert response.headers["content-type"].startswith(download["encodingFormat"]), download["name"]


def test_every_row_link_of_every_story_page_resolves(served):
    url, project, _ = served
    links = set()
    for story in (project.site / "stories").glob("*.html"):
        links |= set(re.findall(r'href="(/[^"#]+)"', story.read_text(encoding="utf-8")))
    assert any("/events/" in link for link in links) and any("/casualty_claims/" in link for link in links)
    for link in sorted(links):
        assert httpx.get(url + unescape(link), timeout=30).status_code == 200, link


def test_a_claim_page_links_each_quote_to_its_highlight_in_the_story(page, served):
    url, project, _ = served
    claim = frame(project, "claim_sources").iloc[0]
    page.goto(f"{url}/{project.database.stem}/casualty_claims/{claim['claim_id']}")
    quotes = frame(project, "claim_sources")
    expected = quotes[quotes["claim_id"] == claim["claim_id"]]
    links = page.locator("ul.site-quotes a")
    assert links.count() == len(expected)
    shoot(page, "claim-row")
    links.first.click()
    page.wait_for_url(re.compile(r"/docs/stories/.+\.html#q-\d+-\d+$"))
    assert page.url.endswith(f"/docs/stories/{claim['article_id']}.html#q-{claim['char_start']}-{claim['char_end']}")
    current = page.locator("mark.current")
    assert "".join(current.all_inner_texts()) == claim["quote"]
    shoot(page, "story-at-quote")


def test_an_event_page_lists_its_quotes_and_shows_how_to_cite_it(page, served):
    url, project, _ = served
    event = frame(project, "events").iloc[0]
    path = f"/{project.database.stem}/events/{event['event_id']}"
    page.goto(url + path)
    sources = frame(project, "event_sources")
    assert page.locator("ul.site-quotes li").count() == int((sources["event_id"] == event["event_id"]).sum())
    cite = page.locator("#cite").inner_text()
    meta = dataset_metadata(project.root)
    assert f"Version {meta['version']}" in cite and f"events/{event['event_id']}" in cite
    assert f"first published in version {event['added_in_version']}" in cite
    stable = page.locator("#cite p a").get_attribute("href")
    assert stable == url + path and httpx.get(stable, timeout=30).status_code == 200
    shoot(page, "event-row")


def test_evidence_table_quotes_link_to_their_stories(page, served):
    url, project, _ = served
    page.goto(f"{url}/{project.database.stem}/event_actor_sources?_size=5")
    link = page.locator("td.col-quote a").first
    href = link.get_attribute("href")
    assert re.match(r"^/docs/stories/[a-z0-9-]+\.html#q-\d+-\d+$", href)
    quote = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"#q-\d+-\d+$"))
    assert "".join(page.locator("mark.current").all_inner_texts()) == quote


def test_a_story_page_shows_markup_in_a_coded_field_as_text(page, served):
    url, project, event_id = served
    sources = frame(project, "event_sources")
    article = sources[sources["event_id"] == event_id]["article_id"].iloc[0]
    page.goto(f"{url}/docs/stories/{article}.html")
    entry = page.locator("ol.evidence li", has_text=f"Event {event_id}:").first
    assert MARKUP in entry.inner_text()
    assert page.locator("ol.evidence script, ol.evidence b").count() == 0
    first = page.locator("mark").first
    first.click()
    target = page.url.split("#")[1]
    assert target.startswith("e-") and page.locator(f"#{target}").is_visible()
    shoot(page, "story")


def test_the_articles_row_and_the_docs_lead_to_the_story_pages(page, served):
    url, project, _ = served
    article = frame(project, "articles")["article_id"].iloc[0]
    page.goto(f"{url}/{project.database.stem}/articles/{article}")
    page.get_by_role("link", name="Read the story with every evidence quote highlighted").click()
    assert page.url == f"{url}/docs/stories/{article}.html"
    page.goto(f"{url}/docs/sources.html")
    page.locator(f'a[href="stories/{article}.html"]').click()
    assert page.url == f"{url}/docs/stories/{article}.html"
    page.goto(f"{url}/docs/index.html")
    page.locator('nav a[href="stories/index.html"]:visible').first.click()
    assert page.url.endswith("/docs/stories/index.html")
    assert page.locator("tbody tr").count() == len(frame(project, "articles"))

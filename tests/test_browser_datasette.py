"""Headless Chromium on the served site: the home page, the events table, a canned query and the maps show
what they should, with no JavaScript errors. Only the local server is reachable (map tiles are refused, as
offline); screenshots go to artifacts/datasette/."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conftest import copy_project, datasette_served, run_cli
from newsevents.core.csvformat import read_table
from newsevents.core.project import REPO_ROOT
from newsevents.core.schemas import dataset_metadata, load_reading_tables, load_tables
from newsevents.database.metadata import load_queries

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO_ROOT / "artifacts" / "datasette"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("browser") / "project")
    result = run_cli(project, "db")
    assert result.returncode == 0, result.stderr
    with datasette_served(project) as url:
        yield url, project


@pytest.fixture
def page(browser, served):
    """A page that may reach only the local server, recording every JavaScript error."""
    url, _ = served
    local = urlparse(url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))

    def console(message):
        remote = urlparse(message.location.get("url", "")).netloc not in ("", local)
        if message.type == "error" and not (remote and message.text.startswith("Failed to load resource")):
            page.errors.append(message.text)

    page.on("console", console)
    page.route("**/*", lambda route: route.continue_() if urlparse(route.request.url).netloc == local
               else route.abort())
    yield page
    context.close()


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_home_page(page, served):
    url, project = served
    meta = dataset_metadata(project.root)
    page.goto(url + "/")
    assert page.locator("h1").inner_text() == meta["title"]
    assert page.locator(".dataset-version").inner_text().startswith(f"Version {meta['version']}")
    assert page.locator("#downloads tbody tr").count() == 2 + 2 * len(load_tables(project.root))  # CSV and Parquet
    assert meta["version"] in page.locator(".site-citation").inner_text()
    for query in load_queries(project).values():
        assert page.get_by_role("link", name=query["title"]).is_visible()
    shoot(page, "home")
    assert page.errors == []


def test_events_table_with_facets_labels_and_search(page, served):
    url, project = served
    db = project.database.stem
    events = read_table(project.data / "events.csv", load_tables(project.root)["events"])
    page.goto(f"{url}/{db}/events")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == len(events)
    assert page.locator(".facet-info").count() >= 3
    assert page.locator("dl.column-descriptions").is_visible()
    placed = events.dropna(subset=["place_id"]).iloc[0]
    places = read_table(project.data / "places.csv", load_tables(project.root)["places"]).set_index("place_id")
    assert page.locator(f'a[href="/{db}/places/{placed.place_id}"]').first.inner_text() == \
        places.loc[placed.place_id, "name"]
    shoot(page, "events")
    word = max((w for w in events["summary"].iloc[0].split() if w.isalpha()), key=len)
    page.fill('input[name="_search"]', word)
    page.locator('input[name="_search"]').press("Enter")
    page.wait_for_url("**_search=*")
    found = page.locator("table.rows-and-columns tbody tr")
    assert 0 < found.count() <= len(events)
    assert all(word.lower() in text.lower() for text in found.all_inner_texts())
    assert page.errors == []


def test_casualty_claims_side_by_side(page, served):
    url, project = served
    db = project.database.stem
    tables = load_tables(project.root)
    claims = read_table(project.data / "casualty_claims.csv", tables["casualty_claims"])
    quotes = read_table(project.data / "claim_sources.csv", tables["claim_sources"])
    question = next(v for v in load_reading_tables(project.root) if v.name == "casualty_claims_by_event")
    page.goto(f"{url}/{db}/casualty_claims_by_event")
    assert page.locator("h1").inner_text().startswith(question.title)
    assert page.locator("table.rows-and-columns tbody tr").count() == len(claims)
    shown = page.locator("table.rows-and-columns").inner_text()
    assert all(quote in shown for quote in quotes["quote"])
    shoot(page, "query-casualty-claims")
    assert page.errors == []


@pytest.mark.parametrize("table", ["places", "events_overview"])
def test_map_shows_markers(page, served, table):
    url, project = served
    db = project.database.stem
    page.goto(f"{url}/{db}/{table}")
    page.locator(".leaflet-container").wait_for(state="visible")
    page.locator(".leaflet-marker-icon").first.wait_for(state="visible")
    assert page.locator(".leaflet-marker-icon").count() >= 1
    page.wait_for_timeout(500)
    shoot(page, f"map-{table}")
    assert page.errors == []

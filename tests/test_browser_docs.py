"""Headless Chromium on the built docs site, served as static files: the home page, the codebook and the
timeline show their content, the site search finds a table by a word of its description, no JavaScript
error occurs and nothing is fetched from anywhere but the local server. Screenshots go to artifacts/docs/."""
from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import urlopen

import pandas as pd
import pytest

from newsevents.core.project import REPO_ROOT
from newsevents.core.schemas import dataset_metadata, load_tables
from test_docs import build_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = REPO_ROOT / "artifacts" / "docs"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("browser-docs") / "site"
    result = build_site(REPO_ROOT, target)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def served(site):
    """`python -m http.server` on a free port, serving the built site."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urlopen(url + "/index.html", timeout=2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the static server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def page(browser, served):
    """A page that may reach only the local server; JavaScript errors and outside requests are recorded."""
    local = urlparse(served).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors, page.remote = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))

    def route(route):
        if urlparse(route.request.url).netloc == local:
            route.continue_()
        else:
            page.remote.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    yield page
    assert page.errors == [], page.errors
    assert page.remote == [], f"the site fetched from outside: {page.remote}"
    context.close()


def title(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.locator("article h1").inner_text().removesuffix("¶").strip()


def shoot(page, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def test_home_page(page, served):
    meta = dataset_metadata(REPO_ROOT)
    page.goto(served + "/index.html")
    assert title(page) == meta["title"]
    assert page.get_by_text(f"Version {meta['version']}").first.is_visible()
    tables = load_tables(REPO_ROOT)
    for name in tables:
        assert page.locator(f'article a[href="codebook/{name}.html"]').first.is_visible()
    assert page.get_by_role("heading", name="Quick start").is_visible()
    shoot(page, "home")


def test_codebook_page(page, served):
    table = load_tables(REPO_ROOT)["events"]
    page.goto(served + "/codebook/events.html")
    assert title(page) == table.title
    for field in table.fields:
        row = page.locator(f"tr:has(#column-{field.name})")
        assert row.is_visible()
        assert field.name in row.inner_text()
    shoot(page, "codebook-events")
    page.locator("#column-event_type").locator("xpath=ancestor::tr").get_by_role("link").first.click()
    assert page.locator("#values-event_type").is_visible()


def test_timeline_page(page, served):
    page.goto(served + "/timeline.html")
    chart = page.locator("svg.events-timeline")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 500 and box["height"] > 100
    dated = _dated_events()
    assert page.locator("svg.events-timeline a.event-bar").count() == len(dated)
    first = page.locator(f'svg.events-timeline a[data-event="{dated[0]}"] rect')
    assert first.is_visible()
    shoot(page, "timeline")
    first.click()
    assert page.url.endswith(f"#event-{dated[0]}")


def _dated_events() -> list[str]:
    events = pd.read_csv(REPO_ROOT / "data" / "events.csv", dtype="string", keep_default_na=False, na_values=[""])
    dated = events.dropna(subset=["date_start"]).sort_values(["date_start", "date_end", "event_id"])
    return list(dated["event_id"])


def _search_word(site: Path) -> tuple[str, str]:
    """(table, word): a word of a table's description that the fewest pages of the site contain."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    for doc in index["docs"]:
        pages[doc["location"].split("#")[0]] = pages.get(doc["location"].split("#")[0], "") + " " + doc["text"]
    candidates = []
    for name, table in load_tables(REPO_ROOT).items():
        for word in set(re.findall(r"[A-Za-z]{7,}", table.description)):
            hits = sum(word.lower() in text.lower() for text in pages.values())
            candidates.append((hits, name, word))
    hits, name, word = min(candidates)
    return name, word


def test_search_finds_a_table_by_a_word_of_its_description(page, served, site):
    table, word = _search_word(site)
    page.goto(served + "/index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type(word, delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(state="visible", timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(urlparse(href).path.endswith(f"/codebook/{table}.html") for href in hrefs if href), (word, hrefs)
    shoot(page, "search", full_page=False)

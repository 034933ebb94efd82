"""The story pages as generated: every quote marked where it stands, overlaps included, rows linked, markup in a
story or a coded field escaped; the release archive named in the Datasette JSON-LD once it is made."""
from __future__ import annotations

import json
import re
from html import unescape

import pytest

from newsevents.core.errors import BuildFailed
from newsevents.core.project import Project
from newsevents.database.metadata import downloads, jsonld
from newsevents.docsite.published import load_published
from newsevents.docsite.stories import Quote, Row, capture_texts, story_pages, text_html

REPO = Project()
MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return story_pages(load_published(REPO))


def marked(html: str, span: str) -> str:
    """The text of every mark covering the quote `span`, in order (what the reader sees highlighted)."""
    pieces = re.findall(r'<mark data-q="([^"]*)"><a [^>]*>(.*?)</a></mark>', html, re.S)
    return "".join(unescape(text) for spans, text in pieces if span in spans.split())


def test_overlapping_quotes_are_each_marked_in_full_and_the_text_is_kept():
    text = "Iran said the strikes killed nine people, including four children."
    quotes = [Quote(10, 40, text[10:40]), Quote(25, 66, text[25:66]), Quote(51, 65, text[51:65])]
    html = text_html(text, 0, quotes)
    for q in quotes:
        assert marked(html, q.span) == q.text
        assert f'id="q-{q.span}"' in html
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text
    innermost = re.search(r'<mark data-q="25-66 51-65"><a href="#e-51-65">', html)
    assert innermost, "a passage inside two quotes links to the shorter one"


def test_markup_in_the_story_and_in_a_quote_is_escaped():
    text = f"Before {MARKUP} after."
    html = text_html(text, 100, [Quote(107, 107 + len(MARKUP), MARKUP)])
    assert "<script>" not in html and "<img" not in html
    assert marked(html, f"107-{107 + len(MARKUP)}") == MARKUP


def test_datasette_row_urls_encode_keys():
    row = Row("event_actors", ("some-event", "iran", "claimed_target"), "label")
    assert row.url("db") == "/db/event_actors/some-event,iran,claimed_target"
    assert Row("t", ("a b/c,d",), "").url("db") == "/db/t/a+b~2Fc~2Cd"


def test_every_story_has_a_page_listed_in_the_index(pages):
    articles = load_published(REPO).frames["articles"]
    assert set(pages) == {"stories/index.html"} | {f"stories/{a}.html" for a in articles["article_id"]}
    for article_id in articles["article_id"]:
        assert f'href="{article_id}.html"' in pages["stories/index.html"]


def test_every_evidence_row_is_marked_in_its_story_and_links_the_row_it_supports(pages):
    published = load_published(REPO)
    texts = capture_texts(published)
    captures = dict(zip(published.frames["articles"]["article_id"], published.frames["articles"]["capture_file"]))
    database = published.metadata["name"]
    checked = 0
    for name, table in published.tables.items():
        if not table.evidence_for:
            continue
        key = published.tables[table.evidence_for].primary_key
        for row in published.frames[name].to_dict("records"):
            page, span = pages[f"stories/{row['article_id']}.html"], f"{row['char_start']}-{row['char_end']}"
            assert marked(page, span) == row["quote"] == texts[captures[row["article_id"]]][
                row["char_start"]:row["char_end"]]
            entry = re.search(rf'<li id="e-{span}">(.*?)</ul></li>', page, re.S).group(1)
            url = Row(table.evidence_for, tuple(row[k] for k in key), "").url(database)
            assert f'href="{url}"' in entry, (name, row)
            checked += 1
    assert checked == sum(len(published.frames[n]) for n, t in published.tables.items() if t.evidence_for)


def test_a_changed_capture_is_refused(project):
    capture = next(project.raw.glob("*.txt"))
    capture.write_bytes(capture.read_bytes() + b" ")
    with pytest.raises(BuildFailed) as failure:
        story_pages(load_published(project))
    assert [p.file for p in failure.value.problems] == [project.rel(capture)]
    assert "differs from the capture" in failure.value.problems[0].message


def test_the_release_archive_is_offered_and_named_once_it_is_made(project):
    version = str(json.loads(project.datapackage.read_text(encoding="utf-8"))["version"])
    assert not [d for d in downloads(project, {}, "db") if d["path"].endswith(".zip")]
    archive = project.root / "dist" / f"name-{version}.zip"
    archive.parent.mkdir()
    archive.write_bytes(b"an archive")
    record = {"version": version, "archive": f"dist/{archive.name}", "bytes": 10, "sha256": "ab" * 32}
    project.release_dir(version).mkdir(exist_ok=True)  # the version may be released already: its record is replaced
    (project.release_dir(version) / "release.json").write_text(json.dumps(record), encoding="utf-8")
    assert [d["path"] for d in downloads(project, {}, "db") if d["path"].endswith(".zip")] == [record["archive"]]
    named = {d["contentUrl"]: d for d in jsonld(project)["distribution"]}
    assert named[f"/{record['archive']}"]["sha256"] == record["sha256"]
    assert named[f"/{record['archive']}"]["encodingFormat"] == "application/zip"

"""Every generated page of the site, by path under docs/."""
from __future__ import annotations

from newsevents.docsite.citation import cite_page
from newsevents.docsite.claims import claims_page
from newsevents.docsite.codebook import codebook_pages
from newsevents.docsite.datasheet import datasheet_page
from newsevents.docsite.downloads import downloads_page
from newsevents.docsite.home import home_page
from newsevents.docsite.published import Published
from newsevents.docsite.reading import reading_page
from newsevents.docsite.sources import sources_page
from newsevents.docsite.stories import story_pages
from newsevents.docsite.timeline import chart, timeline_page


def generated_pages(published: Published) -> dict[str, str]:
    """Path under docs/ → content: the Markdown pages and the timeline chart."""
    svg = chart(published)
    return {
        "index.md": home_page(published),
        **codebook_pages(published),
        "sources.md": sources_page(published),
        "timeline.md": timeline_page(published),
        **({"timeline.svg": svg} if svg else {}),
        "casualty-claims.md": claims_page(published),
        "cite.md": cite_page(published),
        "downloads.md": downloads_page(published),
        "reading.md": reading_page(published),
        "datasheet.md": datasheet_page(published),
        **story_pages(published),
    }

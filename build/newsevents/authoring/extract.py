"""A saved web page (HTML) → the article's text and metadata, by trafilatura, once, when the page is added.

The text becomes a capture of its own, kept beside the page, that evidence offsets refer to; the build never
extracts again (extraction output may change between versions of the tool, so the version is recorded).
Dates come only from the page's structured markup (meta tags, <time>, JSON-LD), never guessed from its text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
TOOL = f"trafilatura {trafilatura.__version__}"


@dataclass(frozen=True)
class Extracted:
    """The article text (one paragraph per block, blank lines between) and what the page's metadata says."""

    text: str
    title: str | None
    author: str | None
    date: str | None  # YYYY-MM-DD
    site_name: str | None
    url: str | None
    tool: str = TOOL


def is_html(name: str, text: str) -> bool:
    return name.lower().endswith((".html", ".htm", ".xhtml")) or bool(HTML_START.match(text[:2000]))


def extract_page(html: str) -> Extracted | None:
    """The page's article, or None when the page holds no article text."""
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True})
    if document is None or not (document.text or "").strip():
        return None
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    return Extracted(text="\n\n".join(paragraphs) + "\n", title=document.title or None,
                     author=document.author or None, date=document.date or None,
                     site_name=document.sitename or None, url=document.url or None)

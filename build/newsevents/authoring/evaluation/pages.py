"""How `make add` reads a page before anyone supplies anything: its headline, byline, publication date and
whether it is cut short, as printed or as a saved page's metadata gives them, against the answers' `page`
block. A field the page does not print is right when nothing is read."""
from __future__ import annotations

import re
from datetime import date

from newsevents.authoring.evaluation.cases import capture_text, saved_page
from newsevents.authoring.evaluation.gold import GoldStory
from newsevents.ingest.stories import parse_capture

FIELDS = ("headline", "byline", "published_date", "truncated")
AUTHORS_JOINED = re.compile(r"\s*(?:[;,&]|\band\b)\s*")


def read_page(gold: GoldStory) -> dict:
    """The page's fields as `make add` reads them (the first story of the capture)."""
    story = parse_capture(capture_text(gold.capture), gold.outlet)[0]
    page = saved_page(gold.capture)
    from_page = {"headline": page.title, "byline": page.author,
                 "published_date": date.fromisoformat(page.date) if page.date else None} if page else {}
    return {"headline": story.headline or from_page.get("headline"),
            "byline": story.byline or from_page.get("byline"),
            "published_date": story.published_date or from_page.get("published_date"),
            "truncated": story.truncated}


def _words(text: str) -> str:
    return " ".join(text.removeprefix("By ").casefold().split())


def _right(field: str, read, answer) -> bool:
    if read is None or answer is None:
        return read is None and answer is None
    if field == "byline":  # right when it names each of the answer's authors, however they are joined
        return all(_words(name) in _words(read) for name in AUTHORS_JOINED.split(answer) if name.strip())
    if field == "headline":
        return _words(read) == _words(answer)
    return str(read) == str(answer)


def score_page(gold: GoldStory) -> dict:
    """Each field: right or not, with what was read where it is wrong."""
    read, answer = read_page(gold), gold.page or {}
    return {field: {"right": _right(field, read[field], answer.get(field, False if field == "truncated" else None)),
                    "read": read[field], "answer": answer.get(field)} for field in FIELDS}

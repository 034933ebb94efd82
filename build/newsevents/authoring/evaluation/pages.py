"""How `make add` reads a page before anyone supplies anything: its headline, byline, publication date and
whether it is cut short, as printed or as a saved page's metadata gives them, against the answers' `page`
block. A field the page does not print is right when nothing is read."""
from __future__ import annotations

import re

from newsevents.authoring.evaluation.cases import read_page
from newsevents.authoring.evaluation.gold import GoldStory

FIELDS = ("headline", "byline", "published_date", "truncated")
AUTHORS_JOINED = re.compile(r"\s*(?:[;,&]|\band\b)\s*")


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
    (_, read), answer = read_page(gold), gold.page or {}
    return {field: {"right": _right(field, read[field], answer.get(field, False if field == "truncated" else None)),
                    "read": read[field], "answer": answer.get(field)} for field in FIELDS}

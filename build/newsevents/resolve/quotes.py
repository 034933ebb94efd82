"""Quote locator: finds a verbatim quote in a story and returns its offsets in the capture."""
from __future__ import annotations

from difflib import SequenceMatcher


class QuoteError(ValueError):
    """The quote cannot be placed: missing, ambiguous, empty or too long."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.fix = fix


def occurrences(text: str, quote: str, start: int, end: int) -> list[int]:
    """Start offsets of every occurrence of `quote` within text[start:end]."""
    found, position = [], text.find(quote, start, end)
    while position != -1:
        found.append(position)
        position = text.find(quote, position + 1, end)
    return found


def closest_passage(quote: str, text: str, start: int, end: int) -> str:
    """The passage of text[start:end] most like the quote, to show a coder what the story really says."""
    window = len(quote)
    step = max(1, window // 8)
    best, best_ratio = "", -1.0
    for position in range(start, max(start + 1, end - window + 1), step):
        candidate = text[position : position + window]
        matcher = SequenceMatcher(None, quote, candidate, autojunk=False)
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = candidate, ratio
    return best


def locate(quote: str, text: str, start: int, end: int, occurrence: int | None = None, *,
           limit: int | None = None) -> tuple[int, int]:
    """Offsets (char_start, char_end) of ``quote`` within text[start:end]; ``occurrence`` picks one of several;
    ``limit``: the longest quote allowed (schemas/fields.yaml), if any."""
    if not quote.strip():
        raise QuoteError("the quote is empty", "copy a passage of the story into the quote")
    if limit is not None and len(quote) > limit:
        raise QuoteError(f"the quote is {len(quote)} characters long, over the limit of {limit}",
                         "shorten it to the words the fact rests on")
    found = occurrences(text, quote, start, end)
    if not found:
        near = closest_passage(quote, text, start, end)
        raise QuoteError(
            f"the quote is not in the story verbatim: {quote!r}",
            f"copy the text exactly as printed (curly quotes, no-break spaces); the closest passage is {near!r}",
        )
    if occurrence is not None:
        if not 1 <= occurrence <= len(found):
            raise QuoteError(f"occurrence {occurrence} asked for, but the quote occurs {len(found)} time(s)",
                             f"use an occurrence between 1 and {len(found)}")
        position = found[occurrence - 1]
    elif len(found) > 1:
        raise QuoteError(f"the quote occurs {len(found)} times in the story: {quote!r}",
                         "lengthen it until it is unique, or add 'occurrence: N' to pick one")
    else:
        position = found[0]
    return position, position + len(quote)

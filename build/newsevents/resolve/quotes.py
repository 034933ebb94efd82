"""Quote locator: finds a verbatim quote in a story and returns its offsets in the capture.

A quote matches where the capture prints it character for character. Where it does not, it matches where the
capture prints the same words in the same order: real copies wrap lines inside sentences, so a line break or
a run of spaces in the capture matches any whitespace in the quote, while a single differing character does
not. The offsets are those of the capture's own text, line breaks included, which is what the published
quote is.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher


class QuoteError(ValueError):
    """The quote cannot be placed: missing, ambiguous, empty or too long."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.fix = fix


def _exact(text: str, quote: str, start: int, end: int) -> list[tuple[int, int]]:
    found, position = [], text.find(quote, start, end)
    while position != -1:
        found.append((position, position + len(quote)))
        position = text.find(quote, position + 1, end)
    return found


def _across_whitespace(text: str, quote: str, start: int, end: int) -> list[tuple[int, int]]:
    words = quote.split()
    if not words:
        return []
    space = r"\s+"
    pattern = re.compile((space if quote[0].isspace() else "") + space.join(map(re.escape, words))
                         + (space if quote[-1].isspace() else ""))
    found, position = [], start
    while (match := pattern.search(text, position, end)) is not None:
        found.append((match.start(), match.end()))
        position = match.start() + 1
    return found


def occurrences(text: str, quote: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of `quote` within text[start:end]: the exact ones, else those where the
    words match with any whitespace between them."""
    return _exact(text, quote, start, end) or _across_whitespace(text, quote, start, end)


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
        located = found[occurrence - 1]
    elif len(found) > 1:
        raise QuoteError(f"the quote occurs {len(found)} times in the story: {quote!r}",
                         "lengthen it until it is unique, or add 'occurrence: N' to pick one")
    else:
        located = found[0]
    if limit is not None and located[1] - located[0] > limit:
        raise QuoteError(f"the quote spans {located[1] - located[0]} characters of the capture, over the limit "
                         f"of {limit}", "shorten it to the words the fact rests on")
    return located

"""Publication stamps as news pages print them: a date in one of the common forms (month named, ISO, or
numeric where its order is clear), with or without a "Published"/"Updated"/"Posted" label, a time of day
before or after, a time zone, and a byline run into the same line. A relative stamp ("36 sec ago", "2 hours
ago") dates nothing.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from newsevents.ingest.page_lines import LINES_REMEMBERED

_MONTH_NAMES = sorted({m for m in calendar.month_name if m} | {m for m in calendar.month_abbr if m} | {"Sept"},
                      key=len, reverse=True)
_MONTH = r"(?P<month>" + "|".join(_MONTH_NAMES) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
DATE_FORMS = [
    re.compile(r"\b" + _WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(r"\b" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(r"\b" + _YEAR + r"-(?P<month_number>\d{2})-(?P<day>\d{2})"
               r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])"),
    re.compile(r"\b(?P<first>\d{1,2})(?P<separator>[./-])(?P<second>\d{1,2})(?P=separator)" + _YEAR + r"(?![\d./])"),
]
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?![\w-])|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)",
                  re.IGNORECASE)
ZONE = re.compile(r"\b(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|\b(?:IST|PKT|EST|EDT|CET|CEST|BST|AST|EAT|"
                  r"WAT|CAT|ICT|ET|PT|PST|PDT|AEST|AEDT|JST|KST|MSK|SAST|IRST|AFT|GST|WIB|HKT|SGT)\b")
LABEL = re.compile(r"\b(?P<label>first published|last updated|last modified|published|updated|modified|posted|"
                   r"date)\b(?:\s+on)?\s*:?", re.IGNORECASE)
RELATIVE = re.compile(r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:\d+\s*(?:s|sec|secs|seconds?|m|mins?|minutes?|"
                      r"h|hrs?|hours?|d|days?)\s+ago|just now|moments? ago|an? (?:minute|hour) ago)$",
                      re.IGNORECASE)
BYLINE = re.compile(r"^By\s+[A-Z]")
NAME_BEFORE_BAR = re.compile(r"^(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|in|of))*\s+"
                             r"(?:[A-Z][\w'’.-]*|staff|reporters|correspondents?))"
                             r"\s*[|·]\s*$")  # "Web Desk | ", "Ana Ferreira · ", "Coast Ledger staff · "
SEPARATORS = re.compile(r"[|·•,–—\-/]+")
MAX_LEFTOVER_WORDS = 6
UPDATE_LABELS = ("updated", "last updated", "modified", "last modified")


@dataclass(frozen=True)
class Stamp:
    """A line read as a publication stamp: the day it names (None for a relative stamp or an impossible date),
    whether it is labelled as an update, and a byline run into it."""

    day: date | None
    updated: bool
    byline: str | None


def _numeric_day_month(first: int, second: int, separator: str) -> tuple[int, int] | None:
    """Day and month of "25.06.2023" (dotted: day first) or "16/03/2019", "27-11-2011" (slashed or hyphenated:
    whichever order the numbers allow; "03/04/2019" is either, so no date)."""
    if separator == ".":
        return first, second
    if first > 12 >= second:
        return first, second
    if second > 12 >= first or first == second:
        return second, first
    return None


def _day(match: re.Match) -> date | None:
    groups = match.groupdict()
    if groups.get("separator"):
        day_month = _numeric_day_month(int(groups["first"]), int(groups["second"]), groups["separator"])
        if day_month is None:
            return None
        try:
            return date(int(groups["year"]), day_month[1], day_month[0])
        except ValueError:
            return None
    if groups.get("month_number"):
        month = int(groups["month_number"])
    else:
        name = groups["month"].rstrip(".").lower()
        month = next(i for i, m in enumerate(calendar.month_abbr) if m and name.startswith(m.lower()))
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:  # "31 February": printed, but no date
        return None


def _dates(line: str) -> list[tuple[re.Match, str | None]]:
    """Every date in the line with the label that precedes it (if any), in order."""
    found = sorted((m for form in DATE_FORMS for m in form.finditer(line)), key=lambda m: m.start())
    kept, end = [], -1
    for match in found:
        if match.start() >= end:
            labels = list(LABEL.finditer(line, 0, match.start()))
            kept.append((match, labels[-1].group("label").lower() if labels else None))
            end = match.end()
    return kept


def _leftover(line: str, dates: list[re.Match]) -> str:
    """The line without its dates, times, zones, labels and separators."""
    for match in reversed(dates):
        line = line[:match.start()] + " " + line[match.end():]
    for pattern in (TIME, ZONE, LABEL):
        line = pattern.sub(" ", line)
    return " ".join(SEPARATORS.sub(" ", line).split())


@lru_cache(maxsize=LINES_REMEMBERED)
def read_stamp(line: str) -> Stamp | None:
    """The line as a publication stamp, or None when it is something else (a sentence that names a date)."""
    text = line.strip()
    if RELATIVE.match(text):
        return Stamp(None, text.lower().startswith("updated"), None)
    dates = _dates(text)
    if not dates:
        return None
    leftover = _leftover(text, [m for m, _ in dates])
    byline = None
    if leftover and BYLINE.match(text):
        byline = " ".join(text[:min(m.start() for m, _ in dates)].split())
        byline = LABEL.sub("", byline).strip(" |·,–—-")
    elif leftover and (named := NAME_BEFORE_BAR.match(text[:min(m.start() for m, _ in dates)])) \
            and not named["name"].isupper():
        byline = named["name"]
    elif leftover and (len(leftover.split()) > MAX_LEFTOVER_WORDS or text.rstrip().endswith((".", "?", "!"))):
        return None
    published = [(m, label) for m, label in dates if label not in UPDATE_LABELS]
    match, label = (published or dates)[0]
    return Stamp(_day(match), label in UPDATE_LABELS, byline)

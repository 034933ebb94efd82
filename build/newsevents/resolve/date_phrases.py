"""Date phrases resolved against a story's publication date (or another event), never invented.

A story's publication date is a range (earliest, latest); a phrase is resolved against both ends and the
result is the union, so an uncertain publication date widens the event's range instead of guessing a day.
Past events take the most recent matching day, planned ones the next.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_LEAD = r"^(?:(?:on|by|in|since|from|until|during|as of|of)\s+)?"
PATTERNS = {
    "day_month_year": re.compile(_LEAD + r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})$"),
    "month_day_year": re.compile(_LEAD + _MONTH + r"\s*(?P<day>\d{1,2}),?\s+(?P<year>\d{4})$"),
    "day_month": re.compile(_LEAD + r"(?P<day>\d{1,2})\s+" + _MONTH + r"$"),
    "month_day": re.compile(_LEAD + _MONTH + r"\s*(?P<day>\d{1,2})$"),
    "month_year": re.compile(_LEAD + _MONTH + r"\s+(?P<year>\d{4})$"),
    "year": re.compile(_LEAD + r"(?P<year>\d{4})$"),
    "month": re.compile(_LEAD + _MONTH + r"$"),
    "weekday": re.compile(r"^(?:(?P<which>on|last|next|this|on last|on next)\s+)?(?P<weekday>[A-Za-z]+day)$"),
    "week": re.compile(r"^(?P<which>last|next|this|earlier this|later this)\s+week$"),
    "month_relative": re.compile(r"^(?P<which>last|next|this|earlier this|later this)\s+month$"),
    "year_relative": re.compile(r"^(?P<which>last|next|this)\s+year$"),
    "relative_day": re.compile(r"^(?P<word>yesterday|today|tomorrow)$"),
    "days_offset": re.compile(r"^(?:(?P<count>\d+|[a-z]+)\s+days?|the\s+(?:next|following)\s+day|the\s+day)\s+"
                              r"(?P<relation>after|before|later|earlier)$"),
}


LOWERCASE_KINDS = ("weekday", "week", "month_relative", "year_relative", "relative_day", "days_offset")


class DatePhraseError(ValueError):
    """The phrase is not one the resolver understands, or names an impossible date."""


@dataclass(frozen=True)
class Resolved:
    start: date | None
    end: date | None
    precision: str
    basis: str

    @classmethod
    def unknown(cls) -> Resolved:
        return cls(None, None, "unknown", "unknown")


def precision_of(start: date | None, end: date | None) -> str:
    """The coarsest unit a range needs: day, week, month or year."""
    if start is None or end is None:
        return "unknown"
    if start == end:
        return "day"
    if (end - start).days <= 6:
        return "week"
    if (start.year, start.month) == (end.year, end.month):
        return "month"
    if start.year == end.year:
        return "year"
    return "unknown"


def _month(name: str, phrase: str) -> int:
    month = MONTHS.get(name.lower())
    if month is None:
        raise DatePhraseError(f"'{name}' in '{phrase}' is not a month name")
    return month


def _day(year: int, month: int, day: int, phrase: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise DatePhraseError(f"'{phrase}' is not a real date ({error})") from None


def _year(match: re.Match, phrase: str) -> int:
    year = int(match.group("year"))
    if year < 1:
        raise DatePhraseError(f"'{phrase}' names year {match.group('year')}, which is not a real year")
    return year


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _nearest_year(month: int, day: int | None, anchor: date, future: bool, phrase: str) -> tuple[date, date]:
    """The occurrence of a month (and day) nearest to the anchor in the event's direction."""
    candidates = []
    for year in range(anchor.year - 8, anchor.year + 9):  # wide enough to reach a leap day
        if day is None:
            candidates.append(_month_range(year, month))
        else:
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                continue
            candidates.append((date(year, month, day),) * 2)
    if not candidates:
        raise DatePhraseError(f"'{phrase}' is not a real date in any year")
    if future:
        return min(c for c in candidates if c[1] >= anchor)
    return max(c for c in candidates if c[0] <= anchor)


def _weekday(anchor: date, weekday: int, which: str | None, future: bool) -> date:
    if which in ("next", "on next") or (future and which not in ("last", "on last")):
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    back = (anchor.weekday() - weekday) % 7
    if which in ("last", "on last") and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _week(anchor: date, which: str) -> tuple[date, date]:
    monday = anchor - timedelta(days=anchor.weekday())
    if which == "earlier this":
        return monday, anchor
    if which == "later this":
        return anchor, monday + timedelta(days=6)
    shift = {"last": -7, "this": 0, "next": 7}[which]
    start = monday + timedelta(days=shift)
    return start, start + timedelta(days=6)


def _relative_month(anchor: date, which: str) -> tuple[date, date]:
    if which in ("last", "next"):
        month = anchor.replace(day=1) - timedelta(days=1) if which == "last" else \
            anchor.replace(day=calendar.monthrange(anchor.year, anchor.month)[1]) + timedelta(days=1)
        return _month_range(month.year, month.month)
    first, last = _month_range(anchor.year, anchor.month)
    return {"this": (first, last), "earlier this": (first, anchor), "later this": (anchor, last)}[which]


def _relative_year(anchor: date, which: str) -> tuple[date, date]:
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[which]
    return date(year, 1, 1), date(year, 12, 31)


def needs_anchor(phrase: str) -> str | None:
    """'story' when the phrase needs the story's date, 'event' when another event's, None for absolute."""
    kind, _ = classify(phrase)
    if kind in ("day_month_year", "month_day_year", "month_year", "year"):
        return None
    return "event" if kind == "days_offset" else "story"


def classify(phrase: str) -> tuple[str, re.Match]:
    text = " ".join(phrase.strip().split()).replace("’", "'")
    for kind, pattern in PATTERNS.items():
        match = pattern.match(text.lower() if kind in LOWERCASE_KINDS else text)
        if match and (kind != "weekday" or match.group("weekday").lower() in WEEKDAYS):
            if "month" in match.groupdict() and match.group("month").lower() not in MONTHS:  # "since 2015"
                continue
            return kind, match
    raise DatePhraseError(
        f"date phrase '{phrase}' is not understood; use a form such as '29 January 2024', 'Jan. 26', "
        "'on Monday', 'last Friday', 'last week', 'earlier this month', 'in March', 'August 2021', "
        "'two days after'"
    )


def _resolve_at(kind: str, match: re.Match, phrase: str, anchor: date, future: bool) -> tuple[date, date]:
    if kind in ("day_month", "month_day"):
        month = _month(match.group("month"), phrase)
        return _nearest_year(month, int(match.group("day")), anchor, future, phrase)
    if kind == "month":
        return _nearest_year(_month(match.group("month"), phrase), None, anchor, future, phrase)
    if kind == "weekday":
        day = _weekday(anchor, WEEKDAYS[match.group("weekday").lower()], match.group("which"), future)
        return day, day
    if kind == "week":
        return _week(anchor, match.group("which"))
    if kind == "month_relative":
        return _relative_month(anchor, match.group("which"))
    if kind == "year_relative":
        return _relative_year(anchor, match.group("which"))
    if kind == "relative_day":
        day = anchor + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[match.group("word")])
        return day, day
    raise AssertionError(kind)


def days_offset(phrase: str) -> int:
    """The number of days a phrase such as 'two days after' places an event from another one."""
    kind, match = classify(phrase)
    if kind != "days_offset":
        raise DatePhraseError(f"'{phrase}' does not place the event a number of days from another one")
    return _offset_days(match, phrase)


def _offset_days(match: re.Match, phrase: str) -> int:
    count = match.group("count")
    if count is None:
        return 1
    if count.isdigit():
        return int(count)
    if count not in NUMBER_WORDS:
        raise DatePhraseError(f"'{count}' in '{phrase}' is not a number of days")
    return NUMBER_WORDS[count]


def resolve(phrase: str, published: tuple[date, date] | None, *, future: bool = False,
            published_basis: str = "stated", anchor_event: Resolved | None = None,
            this_is: str = "after") -> Resolved:
    """Resolve a date phrase.

    ``published`` is the story's (earliest, latest) publication date or None when unknown; ``future`` is
    True for planned events; ``anchor_event`` and ``this_is`` ('after' or 'before') serve phrases such as
    'two days after', which place this event relative to another one.
    """
    kind, match = classify(phrase)
    if kind == "day_month_year" or kind == "month_day_year":
        day = _day(int(match.group("year")), _month(match.group("month"), phrase), int(match.group("day")), phrase)
        return Resolved(day, day, "day", "stated")
    if kind == "month_year":
        start, end = _month_range(_year(match, phrase), _month(match.group("month"), phrase))
        return Resolved(start, end, "month", "stated")
    if kind == "year":
        year = _year(match, phrase)
        return Resolved(date(year, 1, 1), date(year, 12, 31), "year", "stated")
    if kind == "days_offset":
        if anchor_event is None:
            raise DatePhraseError(f"'{phrase}' places the event relative to another one: name it with 'anchor'")
        if anchor_event.start is None:
            return Resolved.unknown()
        days = _offset_days(match, phrase)
        sign = -1 if this_is == "before" else 1
        try:
            start = anchor_event.start + timedelta(days=sign * days)
            end = anchor_event.end + timedelta(days=sign * days)
        except OverflowError:
            raise DatePhraseError(f"'{phrase}' lands outside the calendar") from None
        basis = anchor_event.basis if anchor_event.basis in ("inferred", "external", "unknown") else "resolved_relative"
        return Resolved(start, end, precision_of(start, end), basis)
    if published is None:
        return Resolved.unknown()
    earliest, latest = (_resolve_at(kind, match, phrase, anchor, future) for anchor in published)
    start, end = min(earliest[0], latest[0]), max(earliest[1], latest[1])
    if published_basis in ("inferred", "external", "unknown"):  # no more certain than the date it rests on
        basis = published_basis
    else:
        basis = "stated" if kind in ("day_month", "month_day", "month") else "resolved_relative"
    return Resolved(start, end, precision_of(start, end), basis)

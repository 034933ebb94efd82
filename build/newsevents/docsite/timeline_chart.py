"""The events timeline as a static SVG, written from the data at build time (nothing is fetched).

One panel per period of activity, a row per event type, colours by status. A panel with few events draws
each event as a bar over the dates the stories allow; a dense panel counts events per day, week, month,
quarter or year (at their first possible day) as bars stacked by status.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

import pandas as pd

# Okabe–Ito colours (distinguishable with colour-blindness), given to statuses in vocabulary order.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
GAP_DAYS = 60          # a gap longer than this between events starts a new panel
DENSE = 60             # a panel with more events than this is drawn as counts
MAX_BINS = 60
WIDTH, LABELS, RIGHT = 720, 150, 16
LANE, LANE_GAP, PANEL_HEAD, AXIS, PANEL_GAP, COUNT_ROW = 18, 6, 30, 26, 18, 44
MIN_BAR = 8


@dataclass(frozen=True)
class Bar:
    number: int
    event_id: str
    event_type: str
    status: str
    background: bool
    start: date
    end: date
    summary: str

    @property
    def stop(self) -> date:
        return self.end + timedelta(days=1)


def bars(events: pd.DataFrame) -> list[Bar]:
    """Dated events in chronological order, numbered from 1."""
    dated = events.dropna(subset=["date_start", "date_end"]).sort_values(["date_start", "date_end", "event_id"])
    columns = ["event_id", "event_type", "status", "salience", "date_start", "date_end", "summary"]
    return [Bar(number, event_id, kind, status, salience == "background", date.fromisoformat(start),
                date.fromisoformat(end), summary)
            for number, (event_id, kind, status, salience, start, end, summary)
            in enumerate(zip(*(dated[c].tolist() for c in columns)), start=1)]


def periods(items: list[Bar]) -> list[list[Bar]]:
    """Runs of events with no gap longer than GAP_DAYS between them."""
    groups: list[list[Bar]] = []
    reach = date.min
    for bar in sorted(items, key=lambda b: (b.start, b.number)):
        if groups and (bar.start - reach).days <= GAP_DAYS:
            groups[-1].append(bar)
            reach = max(reach, bar.stop)
        else:
            groups.append([bar])
            reach = bar.stop
    return groups


def _next_month(day: date, months: int = 1) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_starts(first: date, last: date, step: int) -> list[date]:
    days, current = [], date(first.year, first.month, 1)
    while current <= last:
        if current >= first and (current.year * 12 + current.month - 1) % step == 0:
            days.append(current)
        current = _next_month(current)
    return days


def ticks(first: date, last: date) -> list[tuple[date, str]]:
    """The finest spacing of days, weeks (from Mondays), months or years that gives 2 to 8 ticks."""
    every_day = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    mondays = [d for d in every_day if d.weekday() == 0]
    candidates = [[(d, f"{d.day} {calendar.month_abbr[d.month]}") for d in days]
                  for days in [every_day, every_day[::2], every_day[::3], mondays, mondays[::2]]]
    candidates += [[(d, f"{calendar.month_abbr[d.month]} {d.year}") for d in _month_starts(first, last, step)]
                   for step in (1, 2, 3, 6)]
    years = [date(y, 1, 1) for y in range(first.year, last.year + 1) if date(y, 1, 1) >= first]
    candidates += [[(d, str(d.year)) for d in years if d.year % step == 0] for step in (1, 2, 5, 10, 25, 50)]
    fitting = [c for c in candidates if len(c) <= 8]
    return next((c for c in fitting if len(c) >= 2), fitting[0] if fitting else candidates[-1])


BIN_UNITS = {
    "day": (lambda d: d, lambda d: d + timedelta(days=1)),
    "week": (lambda d: d - timedelta(days=d.weekday()), lambda d: d + timedelta(days=7)),
    "month": (lambda d: d.replace(day=1), _next_month),
    "quarter": (lambda d: date(d.year, (d.month - 1) // 3 * 3 + 1, 1), lambda d: _next_month(d, 3)),
    "year": (lambda d: date(d.year, 1, 1), lambda d: date(d.year + 1, 1, 1)),
}


def bins(first: date, last: date) -> tuple[str, list[date]]:
    """The finest unit that cuts first..last into at most MAX_BINS bins, and the bins' start days."""
    for unit, (floor, step) in BIN_UNITS.items():
        starts, current = [], floor(first)
        while current <= last and len(starts) <= MAX_BINS:
            starts.append(current)
            current = step(current)
        if len(starts) <= MAX_BINS or unit == "year":
            return unit, starts
    raise AssertionError("unreachable")


def _when(first: date, last: date) -> str:
    if first == last:
        return f"{first.day} {calendar.month_name[first.month]} {first.year}"
    if first.year == last.year:
        return (f"{first.day} {calendar.month_abbr[first.month]} – {last.day} "
                f"{calendar.month_abbr[last.month]} {last.year}")
    return f"{first.isoformat()} – {last.isoformat()}"


def _lanes(items: list[Bar], x) -> list[list[Bar]]:
    """Stack bars of one row so that no two (with their number label) overlap."""
    lanes: list[list[tuple[float, Bar]]] = []
    for bar in sorted(items, key=lambda b: (b.start, b.number)):
        left = x(bar.start)
        right = max(x(bar.stop), left + MIN_BAR) + 6 + 7 * len(str(bar.number))
        for lane in lanes:
            if lane[-1][0] <= left:
                lane.append((right, bar))
                break
        else:
            lanes.append([(right, bar)])
    return [[bar for _, bar in lane] for lane in lanes]


def _bar(bar: Bar, x, y: float, colour: str) -> str:
    left = x(bar.start)
    width = max(x(bar.stop) - left, MIN_BAR)
    style = (f'fill="{colour}" fill-opacity="0.3" stroke="{colour}" stroke-dasharray="3 2"' if bar.background
             else f'fill="{colour}" stroke="{colour}"')
    when = bar.start.isoformat() if bar.start == bar.end else f"{bar.start.isoformat()} to {bar.end.isoformat()}"
    tooltip = (f"{bar.number}. {bar.event_id} ({bar.event_type}, {bar.status}"
               f"{', background' if bar.background else ''}), {when}: {bar.summary}")
    return (f'<a href="#event-{escape(bar.event_id)}" class="event-bar" data-event="{escape(bar.event_id)}">'
            f'<title>{escape(tooltip)}</title>'
            f'<rect x="{left:.1f}" y="{y:.1f}" width="{width:.1f}" height="{LANE}" rx="3" {style}/>'
            f'<text x="{left + width + 4:.1f}" y="{y + LANE - 5:.1f}" font-size="11">{bar.number}</text></a>')


class _Panel:
    """One period: its time scale, and the rows it draws into."""

    def __init__(self, items: list[Bar], top: float):
        self.items, self.first, self.last = items, min(b.start for b in items), max(b.end for b in items)
        actual = (self.last - self.first).days + 1
        span = max(actual, 10)
        extra, pad = (span - actual) // 2, max(1, round(span * 0.06))
        self.lo = self.first - timedelta(days=pad + extra)
        self.hi = self.last + timedelta(days=1 + pad + span - actual - extra)
        self.top = top

    def x(self, day: date) -> float:
        return LABELS + (day - self.lo).days / (self.hi - self.lo).days * (WIDTH - LABELS - RIGHT)

    def row(self, y: float, label: str) -> list[str]:
        return [f'<line x1="0" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="currentColor" '
                f'stroke-opacity="0.12"/>',
                f'<text class="row-label" x="4" y="{y + LANE_GAP + LANE - 4:.1f}">{escape(label)}</text>']

    def frame(self, title: str, body: list[str], bottom: float) -> tuple[list[str], float]:
        out = [f'<text class="panel-title" x="0" y="{self.top + 18}" font-weight="bold">{escape(title)}</text>']
        out += body
        axis_y = bottom + 4
        out.append(f'<line x1="{LABELS}" x2="{WIDTH - RIGHT}" y1="{axis_y:.1f}" y2="{axis_y:.1f}" '
                   f'stroke="currentColor" stroke-opacity="0.5"/>')
        for day, label in ticks(self.lo, self.hi - timedelta(days=1)):
            tx = self.x(day)
            out.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{self.top + PANEL_HEAD:.1f}" y2="{axis_y + 4:.1f}" '
                       f'stroke="currentColor" stroke-opacity="0.15"/>')
            out.append(f'<text x="{tx:.1f}" y="{axis_y + 17:.1f}" text-anchor="middle" font-size="11">'
                       f'{escape(label)}</text>')
        return out, axis_y + AXIS


def _bars_panel(panel: _Panel, type_order: list[str], colours: dict[str, str]) -> tuple[list[str], float]:
    body, y = [], panel.top + PANEL_HEAD
    for kind in [k for k in type_order if any(b.event_type == k for b in panel.items)]:
        lanes = _lanes([b for b in panel.items if b.event_type == kind], panel.x)
        body += panel.row(y, kind)
        for index, lane in enumerate(lanes):
            body += [_bar(bar, panel.x, y + LANE_GAP / 2 + index * (LANE + LANE_GAP), colours[bar.status])
                     for bar in lane]
        y += len(lanes) * (LANE + LANE_GAP)
    count = len(panel.items)
    title = f"{_when(panel.first, panel.last)} · {count} event{'s' if count != 1 else ''}"
    return panel.frame(title, body, y)


def _counts_panel(panel: _Panel, type_order: list[str], colours: dict[str, str]) -> tuple[list[str], float]:
    unit, starts = bins(panel.first, panel.last)
    floor = BIN_UNITS[unit][0]
    counts: dict[tuple[str, date], dict[str, int]] = {}
    for bar in panel.items:
        cell = counts.setdefault((bar.event_type, floor(bar.start)), {})
        cell[bar.status] = cell.get(bar.status, 0) + 1
    tallest = max(sum(cell.values()) for cell in counts.values())
    body, y = [], panel.top + PANEL_HEAD
    for kind in [k for k in type_order if any(b.event_type == k for b in panel.items)]:
        body += panel.row(y, kind)
        for start in starts:
            cell = counts.get((kind, start))
            if not cell:
                continue
            base = y + COUNT_ROW - 3
            left, right = panel.x(max(start, panel.lo)), panel.x(min(BIN_UNITS[unit][1](start), panel.hi))
            width = max(right - left - 1, 1.5)
            what = ", ".join(f"{cell[s]} {s}" for s in colours if s in cell)
            parts = [f'<g class="event-bin"><title>{escape(kind)}, {unit} from {start.isoformat()}: '
                     f'{escape(what)}</title>']
            for status, colour in colours.items():
                if status in cell:
                    height = cell[status] / tallest * (COUNT_ROW - 8)
                    base -= height
                    parts.append(f'<rect x="{left:.1f}" y="{base:.1f}" width="{width:.1f}" height="{height:.1f}" '
                                 f'fill="{colour}"/>')
            body.append("".join(parts) + "</g>")
        y += COUNT_ROW
    title = (f"{_when(panel.first, panel.last)} · {len(panel.items):,} events, counted per {unit} "
             f"(tallest bar: {tallest:,})")
    return panel.frame(title, body, y)


def _legend(colours: dict[str, str], y: float) -> list[str]:
    out, cursor = [], 0.0
    entries = [(status, f'fill="{c}" stroke="{c}"') for status, c in colours.items()]
    entries.append(("background (context only)", 'fill="currentColor" fill-opacity="0.2" stroke="currentColor" '
                                                 'stroke-dasharray="3 2"'))
    for label, style in entries:
        out.append(f'<rect x="{cursor:.1f}" y="{y}" width="14" height="14" rx="2" {style}/>')
        out.append(f'<text x="{cursor + 20:.1f}" y="{y + 12}">{escape(label)}</text>')
        cursor += 34 + 7.2 * len(label)
    return out


def timeline_svg(events: pd.DataFrame, type_order: list[str], status_order: list[str]) -> str:
    """The chart as one <svg> element (empty string when no event is dated)."""
    items = bars(events)
    if not items:
        return ""
    colours = {status: PALETTE[i % len(PALETTE)] for i, status in enumerate(status_order)}
    body = _legend(colours, 4)
    top = 30.0
    for group in periods(items):
        draw = _counts_panel if len(group) > DENSE else _bars_panel
        panel, top = draw(_Panel(group, top), type_order, colours)
        body += panel
        top += PANEL_GAP
    title = f"Timeline of {len(items):,} dated events by type (rows) and status (colour)"
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="events-timeline" role="img" '
            f'aria-label="{escape(title)}" viewBox="0 0 {WIDTH} {round(top)}" width="100%" '
            f'font-size="12" fill="currentColor"><title>{escape(title)}</title>' + "".join(body) + "</svg>")


def is_dense(events: pd.DataFrame) -> bool:
    """Whether some period is drawn as counts rather than one bar per event."""
    return any(len(group) > DENSE for group in periods(bars(events)))

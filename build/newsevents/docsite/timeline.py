"""The events timeline as a static SVG: one panel per period of activity, a row per event type, bars coloured
by status. Written from the data at build time; nothing is fetched."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

import pandas as pd

from .markdown import code, esc, is_missing, plural, table
from .published import Published

# Okabe–Ito colours (distinguishable with colour-blindness), given to statuses in vocabulary order.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
GAP_DAYS = 60          # a gap longer than this between events starts a new panel
WIDTH, LABELS, RIGHT = 720, 150, 16
LANE, LANE_GAP, PANEL_HEAD, AXIS, PANEL_GAP = 18, 6, 30, 26, 18
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
    return [Bar(number, row.event_id, row.event_type, row.status, row.salience == "background",
                date.fromisoformat(row.date_start), date.fromisoformat(row.date_end), row.summary)
            for number, row in enumerate(dated.itertuples(), start=1)]


def periods(items: list[Bar]) -> list[list[Bar]]:
    """Runs of events with no gap longer than GAP_DAYS between them."""
    groups: list[list[Bar]] = []
    for bar in sorted(items, key=lambda b: (b.start, b.number)):
        if groups and (bar.start - max(b.stop for b in groups[-1])).days <= GAP_DAYS:
            groups[-1].append(bar)
        else:
            groups.append([bar])
    return groups


def _month_starts(first: date, last: date, step: int) -> list[date]:
    days, current = [], date(first.year, first.month, 1)
    while current <= last:
        if current >= first and (current.year * 12 + current.month - 1) % step == 0:
            days.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
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


def _panel(items: list[Bar], top: float, type_order: list[str], colours: dict[str, str]) -> tuple[list[str], float]:
    first, last = min(b.start for b in items), max(b.end for b in items)
    actual = (last - first).days + 1
    span = max(actual, 10)
    extra, pad = (span - actual) // 2, max(1, round(span * 0.06))
    lo = first - timedelta(days=pad + extra)
    hi = last + timedelta(days=1 + pad + span - actual - extra)
    plot = WIDTH - LABELS - RIGHT

    def x(day: date) -> float:
        return LABELS + (day - lo).days / (hi - lo).days * plot

    count = len(items)
    out = [f'<text class="panel-title" x="0" y="{top + 18}" font-weight="bold">{escape(_when(first, last))} '
           f'· {count} event{"s" if count != 1 else ""}</text>']
    y = top + PANEL_HEAD
    plot_top = y
    for kind in [k for k in type_order if any(b.event_type == k for b in items)]:
        lanes = _lanes([b for b in items if b.event_type == kind], x)
        height = len(lanes) * (LANE + LANE_GAP)
        out.append(f'<line x1="0" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="currentColor" '
                   f'stroke-opacity="0.12"/>')
        out.append(f'<text class="row-label" x="4" y="{y + LANE_GAP + LANE - 4:.1f}">{escape(kind)}</text>')
        for index, lane in enumerate(lanes):
            lane_y = y + LANE_GAP / 2 + index * (LANE + LANE_GAP)
            for bar in lane:
                out.append(_bar(bar, x, lane_y, colours[bar.status]))
        y += height
    axis_y = y + 4
    out.append(f'<line x1="{LABELS}" x2="{WIDTH - RIGHT}" y1="{axis_y:.1f}" y2="{axis_y:.1f}" '
               f'stroke="currentColor" stroke-opacity="0.5"/>')
    for day, label in ticks(lo, hi - timedelta(days=1)):
        tx = x(day)
        out.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{plot_top:.1f}" y2="{axis_y + 4:.1f}" '
                   f'stroke="currentColor" stroke-opacity="0.15"/>')
        out.append(f'<text x="{tx:.1f}" y="{axis_y + 17:.1f}" text-anchor="middle" font-size="11">'
                   f'{escape(label)}</text>')
    return out, axis_y + AXIS


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
        panel, top = _panel(group, top, type_order, colours)
        body += panel
        top += PANEL_GAP
    height = round(top)
    title = f"Timeline of {len(items)} dated events by type (rows) and status (colour)"
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="events-timeline" role="img" '
            f'aria-label="{escape(title)}" viewBox="0 0 {WIDTH} {height}" width="100%" '
            f'font-size="12" fill="currentColor"><title>{escape(title)}</title>' + "".join(body) + "</svg>")


def chart(published: Published) -> str:
    """The published events' chart, types and statuses in the order of their vocabularies."""
    events = published.tables["events"]
    return timeline_svg(published.frames["events"], list(events.field("event_type").vocabulary.values),
                        list(events.field("status").vocabulary.values))


def timeline_page(published: Published) -> str:
    events = published.frames["events"]
    table_def = published.tables["events"]
    type_order = list(table_def.field("event_type").vocabulary.values)
    status_order = list(table_def.field("status").vocabulary.values)
    numbers = {bar.event_id: bar.number for bar in bars(events)}
    svg = chart(published)
    undated = len(events) - len(numbers)
    places = published.frames["places"].set_index("place_id")["name"]

    counts = pd.crosstab(events["event_type"], events["status"])
    statuses = [s for s in status_order if s in counts.columns]
    matrix = [[code(kind)] + [f"{int(counts.at[kind, s]):,}" if counts.at[kind, s] else "" for s in statuses]
              + [f"{int(counts.loc[kind].sum()):,}"] for kind in type_order if kind in counts.index]

    ordered = events.assign(_n=events["event_id"].map(numbers)).sort_values(["_n", "event_id"], na_position="last")
    rows = []
    for row in ordered.itertuples():
        if is_missing(row.date_start):
            dates = "undated"
        else:
            dates = row.date_start if row.date_start == row.date_end else f"{row.date_start} – {row.date_end}"
        kind = f"{code(row.event_type)}, {code(row.status)}"
        if row.salience != "core":
            kind += f", {code(row.salience)}"
        place = "" if is_missing(row.place_id) else esc(places.get(row.place_id, row.place_id))
        rows.append([str(numbers[row.event_id]) if row.event_id in numbers else "",
                     f'<span id="event-{row.event_id}"></span>{code(row.event_id)}', kind,
                     f"{dates}<br>{code(row.date_precision)}, {code(row.date_basis)}", place, esc(row.summary)])
    parts = [
        "---\nhide:\n  - toc\n---",
        "# Timeline",
        f"{plural(len(events), 'event')} over time: one row per event type, coloured by status. Each bar spans "
        "the dates the stories allow (`date_start` to `date_end`): one day where a day is known, otherwise "
        "the week, month or year the text supports. Pale dashed bars are background events, mentioned only "
        "as context. Periods far apart are drawn as separate panels, each with its own scale. Point at a bar "
        "for its summary; select it to jump to its row below.",
    ]
    if svg:
        parts.append(f'<div class="timeline-chart">{svg}</div>')
        parts.append("The chart as a file: [timeline.svg](timeline.svg).")
    if undated:
        parts.append(f"{plural(undated, 'event has', 'events have')} no date the stories support; they are "
                     "not drawn and are listed as undated below.")
    parts += [
        "## Events by type and status",
        table(["Event type"] + [code(s) for s in statuses] + ["All"], matrix, "l" + "r" * (len(statuses) + 1)),
        "## All events",
        "Numbered as in the chart, in order of date. See the codebook for "
        "[events](codebook/events.md) for what each column means.",
        table(["#", "Event", "Type, status", "Date (precision, basis)", "Place", "Summary"], rows, "rlllll"),
    ]
    return "\n\n".join(parts) + "\n"

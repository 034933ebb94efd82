"""The timeline page: the chart, events by type and status, and the list of events in order of date."""
from __future__ import annotations

import pandas as pd

from newsevents.docsite.markdown import LIST_LIMIT, code, esc, is_missing, plural, table
from newsevents.docsite.published import Published, records
from newsevents.docsite.timeline_chart import bars, is_dense, timeline_svg


def chart(published: Published) -> str:
    """The published events' chart, types and statuses in the order of their vocabularies."""
    events = published.tables["events"]
    return timeline_svg(published.frames["events"], list(events.field("event_type").vocabulary.values),
                        list(events.field("status").vocabulary.values))


def _by_type_and_status(published: Published) -> str:
    events = published.frames["events"]
    table_def = published.tables["events"]
    counts = pd.crosstab(events["event_type"], events["status"])
    statuses = [s for s in table_def.field("status").vocabulary.values if s in counts.columns]
    rows = [[code(kind)] + [f"{int(counts.at[kind, s]):,}" if counts.at[kind, s] else "" for s in statuses]
            + [f"{int(counts.loc[kind].sum()):,}"]
            for kind in table_def.field("event_type").vocabulary.values if kind in counts.index]
    return table(["Event type"] + [code(s) for s in statuses] + ["All"], rows, "l" + "r" * (len(statuses) + 1))


def _event_list(published: Published, numbers: dict[str, int]) -> str:
    places = dict(zip(published.frames["places"]["place_id"], published.frames["places"]["name"]))
    events = sorted(records(published.frames["events"]),
                    key=lambda e: (numbers.get(e.event_id, len(numbers) + 1), e.event_id))
    rows = []
    for e in events:
        dates = ("undated" if is_missing(e.date_start) else e.date_start if e.date_start == e.date_end
                 else f"{e.date_start} – {e.date_end}")
        kind = f"{code(e.event_type)}, {code(e.status)}" + (f", {code(e.salience)}" if e.salience != "core" else "")
        rows.append([str(numbers.get(e.event_id, "")), f'<span id="event-{e.event_id}"></span>{code(e.event_id)}',
                     kind, f"{dates}<br>{code(e.date_precision)}, {code(e.date_basis)}",
                     "" if is_missing(e.place_id) else esc(places.get(e.place_id, e.place_id)), esc(e.summary)])
    return table(["#", "Event", "Type, status", "Date (precision, basis)", "Place", "Summary"], rows, "rlllll")


def timeline_page(published: Published) -> str:
    events = published.frames["events"]
    numbers = {bar.event_id: bar.number for bar in bars(events)}
    svg = chart(published)
    listed = len(events) <= LIST_LIMIT
    reading = ("Point at a bar for its summary; select it to jump to its row below." if listed else
               "Point at a bar for its summary.")
    parts = [
        "---\nhide:\n  - toc\n---",
        "# Timeline",
        f"{plural(len(events), 'event')} over time: one row per event type, coloured by status. Each bar spans "
        "the dates the stories allow (`date_start` to `date_end`): one day where a day is known, otherwise "
        "the week, month or year the text supports. Pale dashed bars are background events, mentioned only "
        f"as context. Periods far apart are drawn as separate panels, each with its own scale. {reading}",
    ]
    if is_dense(events):
        parts.append("Periods with many events are drawn as counts instead: events per day, week, month, "
                     "quarter or year, placed at their first possible day and stacked by status.")
    if svg:
        parts += [f'<div class="timeline-chart">{svg}</div>', "The chart as a file: [timeline.svg](timeline.svg)."]
    undated = len(events) - len(numbers)
    if undated:
        parts.append(f"{plural(undated, 'event has', 'events have')} no date the stories support; they are "
                     "not drawn" + (" and are listed as undated below." if listed else "."))
    parts += ["## Events by type and status", _by_type_and_status(published), "## All events"]
    if listed:
        parts += ["Numbered as in the chart, in order of date. See the codebook for "
                  "[events](codebook/events.md) for what each column means.", _event_list(published, numbers)]
    else:
        parts.append(f"{len(events):,} events are too many for one page: read them in "
                     "[data/events.csv](data/events.csv) or browse and filter them in Datasette (`make serve`).")
    return "\n\n".join(parts) + "\n"

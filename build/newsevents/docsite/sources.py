"""The sources page: every story, where it came from, how its date is known, and what was coded from it."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from newsevents.docsite.markdown import LIST_LIMIT, code, esc, is_missing, plural, table
from newsevents.docsite.published import Published, records


@dataclass(frozen=True)
class Tally:
    """Per story, how many rows of one table point at it, and how many distinct records or actors they are."""
    label: str       # Markdown link to the codebook page of what is counted
    rows: dict[str, int]      # article_id → rows
    distinct: dict[str, int]  # article_id → distinct records
    detail: str      # what `rows` and `distinct` count, as Markdown


def _per_article(frame: pd.DataFrame, key: list[str]) -> dict[str, int]:
    return frame.drop_duplicates(["article_id", *key]).groupby("article_id").size().to_dict()


def tallies(published: Published) -> list[Tally]:
    """One tally per table that points at articles: evidence tables count the records they are evidence
    for; other tables (actor mentions) count their rows and the distinct things they name."""
    found = []
    for t in published.tables.values():
        if not any(fk.resource == "articles" and fk.fields == ["article_id"] for fk in t.foreign_keys):
            continue  # tables that merely name a story elsewhere (events.date_article_id) tally nothing
        frame = published.frames[t.name]
        rows = frame.groupby("article_id").size().to_dict()
        others = [fk for fk in t.foreign_keys if fk.resource != "articles"]
        if any(f.evidence for f in t.fields) and others:
            target = others[0]
            found.append(Tally(f"[{esc(published.tables[target.resource].title)}](codebook/{target.resource}.md)",
                               rows, _per_article(frame, target.fields),
                               f"in [{code(t.name)}](codebook/{t.name}.md)"))
        else:
            key = others[0].fields if others else []
            found.append(Tally(f"[{esc(t.title)}](codebook/{t.name}.md)", rows, _per_article(frame, key),
                               f"distinct {code('/'.join(key))}" if key else "rows"))
    return found


def _published(row) -> str:
    if not is_missing(row.published_date):
        return row.published_date
    if not is_missing(row.published_date_earliest):
        return f"between {row.published_date_earliest} and {row.published_date_latest}"
    return "unknown"


def _link(url) -> str:
    if is_missing(url):
        return ""
    if re.match(r"^https?://[^\s\"'<>]+$", url):
        return f"<{url}>"
    return esc(url)


def story_section(row, basis_meaning: dict[str, str], counts: list[Tally], events: list) -> str:
    facts = [
        ["Article ID", code(row.article_id)],
        ["Outlet", esc(row.outlet)],
        ["Byline", esc(row.byline) or "*none printed*"],
        ["Credit line", esc(row.credit_line) or "*none printed*"],
        ["Dateline", esc(row.dateline) or "*none printed*"],
        ["Published", _published(row)],
        ["Date basis", f"{code(row.published_date_basis)}: {esc(basis_meaning[row.published_date_basis])}"],
        ["Date note", esc(row.date_note)],
        ["URL", _link(row.url) or "*not recorded*"],
        ["Capture file", code(row.capture_file)],
        ["Capture SHA-256", code(row.capture_sha256)],
        ["Extent in capture", f"characters {int(row.char_start):,} to {int(row.char_end):,}"],
        ["Words", f"{int(row.word_count):,}"],
    ]
    coded = [[t.label, f"{int(t.distinct.get(row.article_id, 0)):,}",
              f"{int(t.rows.get(row.article_id, 0)):,} {t.detail}"] for t in counts]
    listed = [f"- {code(e.event_id)} ({code(e.event_type)}, {code(e.status)}): {esc(e.summary)} "
              f"[timeline](timeline.md#event-{e.event_id})" for e in events]
    parts = [
        f"## {esc(row.headline)} {{ #{row.article_id} }}",
        f"[Read the story with every evidence quote highlighted](stories/{row.article_id}.html)",
        table(["Field", "Value"], facts),
        "**Coded from this story**",
        table(["What", "Records", "Rows"], coded, "lrl"),
    ]
    if listed:
        parts += [f"**{plural(len(listed), 'event')} rest on it:**", "\n".join(listed)]
    return "\n\n".join(parts)


def story_sections(published: Published) -> list[str]:
    """One section per story, in order of publication."""
    articles = published.frames["articles"]
    ordered = articles.sort_values(["published_date_earliest", "outlet", "article_id"], na_position="last")
    basis_meaning = published.tables["articles"].field("published_date_basis").vocabulary.values
    counts = tallies(published)
    events = {e.event_id: e for e in records(published.frames["events"])}
    evidence = published.frames["event_sources"]
    events_by_story: dict[str, list] = {}
    for article_id, event_id in sorted(set(zip(evidence["article_id"], evidence["event_id"]))):
        events_by_story.setdefault(article_id, []).append(events[event_id])
    return [story_section(row, basis_meaning, counts, events_by_story.get(row.article_id, []))
            for row in records(ordered)]


def sources_page(published: Published) -> str:
    articles = published.frames["articles"]
    outlets = articles["outlet"].value_counts().sort_index()
    captures = articles["capture_file"].nunique()
    summary = ", ".join(f"{esc(name)} ({count})" for name, count in outlets.items())
    parts = [
        "# Sources",
        f"The dataset is coded from {plural(len(articles), 'story', 'stories')} in "
        f"{plural(captures, 'capture file')}, by outlet: {summary}. Every fact in the tables cites one of "
        "them with a verbatim quote and its character offsets in the capture. The captures are kept byte for "
        "byte with their SHA-256; the build refuses one whose bytes changed. The stories themselves belong to "
        "their publishers: the published tables carry only short evidence quotes.",
        "A story's publication date is taken from the capture where it is printed; otherwise the basis and "
        "note say how it was worked out, or which outside source it rests on.",
        "Each story has a page showing its text as captured, with every evidence quote highlighted and linked "
        "to the rows it supports: see [Stories with their evidence](stories/index.html).",
    ]
    if len(articles) <= LIST_LIMIT:
        parts += story_sections(published)
    else:
        parts.append(f"{len(articles):,} stories are too many for one page: read them in "
                     "[data/articles.csv](data/articles.csv), with what was coded from each in the other tables, "
                     "or browse and search them in Datasette (`make serve`).")
    return "\n\n".join(parts) + "\n"

"""The sources page: every story, where it came from, how its date is known, and what was coded from it."""
from __future__ import annotations

import re

from ..schema import Table
from .markdown import code, esc, is_missing, plural, table
from .published import Published


def article_tables(published: Published) -> list[tuple[Table, list[str] | None]]:
    """Tables that point at articles, each with the key of the record its rows are evidence for (None when
    its rows are not evidence, e.g. actor mentions)."""
    found = []
    for t in published.tables.values():
        if not any(fk.resource == "articles" for fk in t.foreign_keys):
            continue
        quoted = any(f.evidence for f in t.fields)
        record = next((fk.fields for fk in t.foreign_keys if fk.resource != "articles"), None)
        found.append((t, record if quoted else None))
    return found


def coded_from(published: Published, article_id: str) -> list[list[str]]:
    """Rows of 'what was coded from this story': records with evidence, quotes, mentions."""
    rows = []
    for t, record in article_tables(published):
        frame = published.frames[t.name]
        mine = frame[frame["article_id"] == article_id]
        if record:
            target = next(fk.resource for fk in t.foreign_keys if fk.fields == record)
            title = published.tables[target].title
            records = len(mine.drop_duplicates(record))
            rows.append([f"[{esc(title)}](codebook/{target}.md)", f"{records:,}",
                         f"{len(mine):,} in [{code(t.name)}](codebook/{t.name}.md)"])
        else:
            distinct = [f.fields for f in t.foreign_keys if f.resource != "articles"]
            detail = ", ".join(f"{len(mine.drop_duplicates(k)):,} distinct {code('/'.join(k))}" for k in distinct)
            rows.append([f"[{esc(t.title)}](codebook/{t.name}.md)", f"{len(mine):,}", detail])
    return rows


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


def story_section(published: Published, row) -> str:
    basis_meaning = published.tables["articles"].field("published_date_basis").vocabulary.values
    events = published.frames["events"].set_index("event_id")
    sources = published.frames["event_sources"]
    event_ids = sorted(set(sources.loc[sources["article_id"] == row.article_id, "event_id"]))
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
    listed = [f"- {code(e)} ({code(events.at[e, 'event_type'])}, {code(events.at[e, 'status'])}): "
              f"{esc(events.at[e, 'summary'])} [timeline](timeline.md#event-{e})" for e in event_ids]
    parts = [
        f"## {esc(row.headline)} {{ #{row.article_id} }}",
        table(["Field", "Value"], facts),
        "**Coded from this story**",
        table(["What", "Records", "Evidence rows"], coded_from(published, row.article_id), "lrl"),
    ]
    if listed:
        parts += [f"**{plural(len(event_ids), 'event')} rest on it:**", "\n".join(listed)]
    return "\n\n".join(parts)


def sources_page(published: Published) -> str:
    articles = published.frames["articles"]
    ordered = articles.sort_values(["published_date_earliest", "outlet", "article_id"], na_position="last")
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
    ]
    parts += [story_section(published, row) for row in ordered.itertuples()]
    return "\n\n".join(parts) + "\n"

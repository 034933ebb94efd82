"""A page per story: its text as captured, every evidence quote highlighted (<mark>) and linked to the rows it
supports; and an index of the stories. Written as static HTML by this module (not through Markdown, so
that 10,000 stories stay fast), every value escaped with html.escape: markup in a story or a coded field
shows as text and never runs.

Quote offsets are those of the evidence tables (`capture_text[char_start:char_end] == quote`, the capture
read as UTF-8 without newline translation); the capture must still have the SHA-256 `articles` records.
Anchors: `#q-<start>-<end>` is a quote in the text, `#e-<start>-<end>` its entry in the evidence list.
Rows link to their Datasette pages (`/<database>/<table>/<key>`, served beside the docs by `make serve`).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html import escape

from datasette.utils import tilde_encode

from newsevents.core.errors import BuildFailed, Problem
from newsevents.docsite.published import Published, records

STYLESHEET = "../stylesheets/stories.css"
SAFE_KEY = re.compile(r"[A-Za-z0-9_-]+")  # characters Datasette's tilde encoding leaves as they are
SCRIPT = """document.addEventListener("DOMContentLoaded", () => {
  const show = () => {
    document.querySelectorAll("mark.current").forEach(m => m.classList.remove("current"));
    const span = location.hash.replace(/^#[qe]-/, "");
    document.querySelectorAll("mark[data-q]").forEach(m => {
      if (m.dataset.q.split(" ").includes(span)) m.classList.add("current");
    });
  };
  window.addEventListener("hashchange", show);
  show();
});"""


@dataclass(frozen=True)
class Row:
    """A published row a quote supports: its table, key values, what it says, and where to see it."""
    table: str
    key: tuple[str, ...]
    label: str
    docs: str | None = None  # a docs page that shows it, relative to the story page

    def url(self, database: str) -> str:
        return f"/{database}/{self.table}/" + ",".join(_key_part(str(v)) for v in self.key)


def _key_part(value: str) -> str:
    """A key value as Datasette writes it in a row URL (slugs, the usual case, need no encoding)."""
    return value if SAFE_KEY.fullmatch(value) else tilde_encode(value)


@dataclass
class Quote:
    start: int
    end: int
    text: str
    rows: list[Row] = field(default_factory=list)

    @property
    def span(self) -> str:
        return f"{self.start}-{self.end}"


class Labels:
    """What a supported row says, in a few words, for every table that has evidence."""

    def __init__(self, published: Published):
        frames = published.frames
        self.actors = dict(zip(frames["actors"]["actor_id"], frames["actors"]["name"]))
        self.events = dict(zip(frames["events"]["event_id"], frames["events"]["summary"]))
        self.claims = {c.claim_id: c for c in records(frames["casualty_claims"])}

    def row(self, table: str, key: dict) -> Row:
        values = tuple(key.values())
        if table == "events":
            return Row(table, values, f"Event {key['event_id']}: {self.events.get(key['event_id'], '')}")
        if table == "event_actors":
            return Row(table, values, f"{self.actors.get(key['actor_id'], key['actor_id'])} as {key['role']} "
                                      f"in event {key['event_id']}")
        if table == "casualty_claims":
            c = self.claims[key["claim_id"]]
            who = self.actors.get(c.claimant_actor_id, c.claimant_actor_id) if c.claimant_actor_id else "the outlet"
            return Row(table, values, f"Claim {c.claim_id}: {c.count_text} {c.victim_group} {c.outcome}, "
                                      f"claimed by {who}", f"../casualty-claims.html#{c.event_id}")
        if table == "meeting_participants":
            return Row(table, values, f"{self.actors.get(key['actor_id'], key['actor_id'])}, participant in "
                                      f"meeting {key['event_id']}")
        return Row(table, values, f"{table} " + ", ".join(f"{k}={v}" for k, v in key.items()))


def quotes_by_story(published: Published) -> dict[str, dict[tuple[int, int], Quote]]:
    """Article → (start, end) → the quote there and every row it supports, from every evidence table."""
    labels, found = Labels(published), {}
    for name, table in published.tables.items():
        if not table.evidence_for:
            continue
        key = published.tables[table.evidence_for].primary_key
        frame = published.frames[name]
        columns = [frame[c].tolist() for c in [*key, "article_id", "char_start", "char_end", "quote"]]
        for values in zip(*columns):
            *key_values, article, start, end, text = values
            quote = found.setdefault(article, {}).setdefault((int(start), int(end)), Quote(int(start), int(end), text))
            quote.rows.append(labels.row(table.evidence_for, dict(zip(key, key_values))))
    return found


def capture_texts(published: Published) -> dict[str, str]:
    """Capture file → its text, once its bytes are checked against the SHA-256 `articles` records."""
    texts, problems = {}, []
    for path, digest in sorted(set(zip(published.frames["articles"]["capture_file"],
                                       published.frames["articles"]["capture_sha256"]))):
        data = (published.project.root / path).read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            problems.append(Problem(path, "differs from the capture the published articles table records",
                                    "restore the capture (git checkout), or run `make data`"))
            continue
        texts[path] = data.decode("utf-8")  # bytes decoded as is: no newline translation
    if problems:
        raise BuildFailed(problems)
    return texts


def _mark(text: str, covering: list[Quote]) -> str:
    inner = min(covering, key=lambda q: (q.end - q.start, q.start))
    spans = " ".join(q.span for q in covering)
    return f'<mark data-q="{spans}"><a href="#e-{inner.span}">{escape(text)}</a></mark>'


def text_html(text: str, offset: int, quotes: list[Quote]) -> str:
    """The story text (capture[offset:offset + len(text)]) with each quote marked, overlaps included."""
    cuts = sorted({offset, offset + len(text)} | {q.start for q in quotes} | {q.end for q in quotes})
    cuts = [c for c in cuts if offset <= c <= offset + len(text)]
    starting = {}
    for q in quotes:
        starting.setdefault(q.start, []).append(q)
    out, active = [], []
    for a, b in zip(cuts, cuts[1:]):
        active = [q for q in active if q.end > a] + starting.get(a, [])
        out += [f'<span class="anchor" id="q-{q.span}"></span>' for q in starting.get(a, [])]
        piece = text[a - offset:b - offset]
        out.append(_mark(piece, active) if active else escape(piece))
    return "".join(out)


def _row_item(row: Row, database: str) -> str:
    link = f'<a href="{escape(row.url(database))}">row in Datasette</a>'
    if row.docs:
        link += f' · <a href="{escape(row.docs)}">in the docs</a>'
    return f"<li>{escape(row.label)} ({link})</li>"


def evidence_html(quotes: list[Quote], database: str) -> str:
    items = []
    for q in quotes:
        rows = "".join(_row_item(row, database) for row in q.rows)
        items.append(f'<li id="e-{q.span}"><blockquote>“{escape(q.text)}”</blockquote>'
                     f'<p class="where"><a href="#q-{q.span}">See it in the text</a> · characters '
                     f"{q.start:,}–{q.end:,} of the capture · supports {len(q.rows)} "
                     f"row{'s' if len(q.rows) != 1 else ''}:</p><ul>{rows}</ul></li>")
    return '<ol class="evidence">' + "".join(items) + "</ol>"


def _page(title: str, body: str, script: bool = False) -> str:
    tail = f"<script>{SCRIPT}</script>" if script else ""
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{escape(title)}</title><link rel="stylesheet" href="{STYLESHEET}"></head>'
            f"<body>{body}{tail}</body></html>\n")


def _published(article) -> str:
    if article.published_date:
        return article.published_date
    if article.published_date_earliest:
        return f"{article.published_date_earliest} to {article.published_date_latest}"
    return "date unknown"


def story_page(article, text: str, quotes: list[Quote], database: str) -> str:
    """One story's page: its text with the quotes marked, then every quote and the rows it supports."""
    a = article
    rows = sum(len(q.rows) for q in quotes)
    nav = (f'<nav><a href="../index.html">Documentation</a> · <a href="index.html">All stories</a> · '
           f'<a href="../sources.html#{escape(a.article_id)}">Source record</a> · '
           f'<a href="{escape(Row("articles", (a.article_id,), "").url(database))}">Story in Datasette</a></nav>')
    byline = f" · {escape(a.byline)}" if a.byline else ""
    body = (
        f'<header>{nav}<h1>{escape(a.headline)}</h1><p class="meta">{escape(a.outlet)}{byline} · '
        f"{escape(_published(a))} · <code>{escape(a.article_id)}</code> · {len(quotes):,} quotes supporting "
        f"{rows:,} rows</p><p class=\"rights\">The story's text belongs to its publisher ({escape(a.outlet)}). It is "
        "shown here as captured (<code>" + escape(a.capture_file) + "</code>, characters "
        f"{int(a.char_start):,}–{int(a.char_end):,}) so that every fact coded from it can be checked; it is not "
        "part of the dataset's licence. Each highlighted passage is an evidence quote: select it to see the rows "
        "it supports.</p></header>"
        f'<main><article class="story">{text_html(text, int(a.char_start), quotes)}</article>'
        f"<section><h2>Evidence quotes</h2>{evidence_html(quotes, database)}</section></main>"
    )
    return _page(f"{a.headline} ({a.outlet})", body, script=True)


def index_page(articles: list, quotes: dict[str, dict], database: str) -> str:
    rows = "".join(
        f'<tr><td><a href="{escape(a.article_id)}.html">{escape(a.headline)}</a></td><td>{escape(a.outlet)}</td>'
        f"<td>{escape(_published(a))}</td><td>{len(quotes.get(a.article_id, {})):,}</td>"
        f"<td>{sum(len(q.rows) for q in quotes.get(a.article_id, {}).values()):,}</td></tr>" for a in articles)
    body = ('<header><nav><a href="../index.html">Documentation</a> · <a href="../sources.html">Sources</a> · '
            f'<a href="/{escape(database)}/articles">Stories in Datasette</a></nav><h1>Stories with their evidence</h1>'
            f"<p>{len(articles):,} stories. Each page shows a story's text as captured with every evidence quote "
            "highlighted and linked to the rows it supports.</p></header><main><table><thead><tr><th>Story</th>"
            "<th>Outlet</th><th>Published</th><th>Quotes</th><th>Rows supported</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></main>")
    return _page("Stories with their evidence", body)


def story_pages(published: Published) -> dict[str, str]:
    """Path under docs/ → HTML: stories/index.html and stories/<article_id>.html for every story."""
    database = str(published.metadata["name"])
    texts, quotes = capture_texts(published), quotes_by_story(published)
    articles = sorted(records(published.frames["articles"]),
                      key=lambda a: (a.published_date_earliest or "9999", a.outlet, a.article_id))
    pages, problems = {"stories/index.html": index_page(articles, quotes, database)}, []
    for a in articles:
        found = sorted(quotes.get(a.article_id, {}).values(), key=lambda q: (q.start, q.end))
        capture = texts[a.capture_file]
        problems += [Problem(a.capture_file, f"characters {q.start}–{q.end} are not the quote {q.text!r}",
                             "run `make data`: the published evidence no longer matches the capture")
                     for q in found if capture[q.start:q.end] != q.text]
        pages[f"stories/{a.article_id}.html"] = story_page(a, capture[int(a.char_start):int(a.char_end)], found,
                                                           database)
    if problems:
        raise BuildFailed(problems)
    return pages

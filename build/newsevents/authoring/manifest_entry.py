"""The manifest entry of a capture being added: what its page prints, and what the person adding it supplies
for what it does not (outlet, headline, byline, publication date, URL), each recorded as supplied."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from newsevents.authoring.draft.slug import slug
from newsevents.authoring.intake import Intake, refuse
from newsevents.ingest.captures import sha256_of
from newsevents.ingest.stories import Story

BASES = ("inferred", "external", "unknown")
HEADLINE_WORDS = 5

Ask = Callable[[str, str | None], str]  # (question, default) → answer; None when nobody can be asked


@dataclass
class Given:
    """What the person adding a capture says about it (`make add` options, or answers at a terminal)."""

    outlet: str | None = None
    published: str | None = None
    basis: str | None = None
    date_note: str | None = None
    urls: list[str] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)  # for the stories that print none, in order
    bylines: list[str] = field(default_factory=list)
    received: str | None = None


@dataclass
class DateGiven:
    """A publication date the capture does not print: a day or an earliest..latest range, with its basis."""

    earliest: date | None = None
    latest: date | None = None
    basis: str | None = None
    note: str | None = None

    def manifest_keys(self) -> dict:
        keys: dict = {}
        if self.earliest and self.earliest == self.latest:
            keys["published_date"] = self.earliest.isoformat()
        elif self.earliest:
            keys["published_date_earliest"] = self.earliest.isoformat()
            keys["published_date_latest"] = self.latest.isoformat()
        if self.basis:
            keys["published_date_basis"] = self.basis
        if self.note:
            keys["date_note"] = self.note
        return keys


def parse_date_option(value: str) -> tuple[date, date]:
    """'2024-01-22' or '2025-12-14..2025-12-15' → (earliest, latest)."""
    first, _, last = value.partition("..")
    earliest = date.fromisoformat(first.strip())
    latest = date.fromisoformat(last.strip()) if last else earliest
    if latest < earliest:
        raise ValueError(f"the range {value} ends before it starts")
    return earliest, latest


def article_id(outlet: str, day: date | None, headline: str, taken: set[str]) -> str:
    """Slug of outlet, date and the headline's first words: 'reuters-2024-01-22-iran-fm-to-visit-pakistan'."""
    base = "-".join([slug(outlet).replace("-", ""), day.isoformat() if day else "undated",
                     slug(headline, max_words=HEADLINE_WORDS)])
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _ask_date(story: Story, number: int, ask: Ask | None, given: DateGiven) -> DateGiven:
    """The date of a story that prints none: from the options, or asked for at a terminal."""
    if given.basis or given.earliest or ask is None:
        return given
    answer = ask(f"Story {number} ('{(story.headline or '')[:60]}') prints no date. Publication date "
                 "(YYYY-MM-DD, or EARLIEST..LATEST; empty if unknown)", "")
    if not answer.strip():
        note = ask("What bounds does the text allow? (date_note)", None)
        return DateGiven(basis="unknown", note=note)
    earliest, latest = parse_date_option(answer)
    basis = ask("How is it known? inferred (from the story's text) or external (outside reporting)", "inferred")
    note = ask("Explain the inference or name the outside source (date_note)", None)
    return DateGiven(earliest, latest, basis, note)


def _undated(story: Story, number: int) -> str:
    """'story 2', with the stamp it prints when that stamp names no day."""
    if story.undated_stamp is None:
        return f"story {number}"
    return (f"story {number} (its stamp '{story.undated_stamp}' names no day: a relative time, or a numeric date "
            "whose order of day and month is unclear)")


def _check_date(given: DateGiven, shown: str, undated: list[str]) -> None:
    if given.basis not in BASES:
        raise refuse(shown, f"{len(undated)} stor{'y prints' if len(undated) == 1 else 'ies print'} no "
                     f"publication date that can be read: {'; '.join(undated)}",
                     "give --published-date YYYY-MM-DD (or EARLIEST..LATEST) with --basis inferred|external "
                     "and --date-note '…', or --basis unknown with --date-note saying what the text allows")
    if given.basis != "unknown" and given.earliest is None:
        raise refuse(shown, f"--basis {given.basis} needs --published-date", "give the date, or --basis unknown")
    if given.basis == "unknown" and given.earliest is not None:
        raise refuse(shown, "a date is given with --basis unknown", "say how it is known: inferred or external")
    if not given.note:
        raise refuse(shown, "a publication date not printed in the capture needs --date-note",
                     "explain the inference, name the outside source, or give the bounds the text allows")


def _outlet(intake: Intake, given: Given, ask: Ask | None, shown: str) -> str:
    outlet = given.outlet
    if outlet is None and intake.page is not None:
        outlet = intake.page.site_name
    if outlet is None and ask is not None:
        outlet = ask("Outlet (as it names itself, e.g. Reuters, Arab News)", None)
    if not outlet or not outlet.strip():
        raise refuse(shown, "the outlet is not given", "give --outlet (e.g. --outlet 'Arab News')")
    return outlet.strip()


def _texts(intake: Intake, values: list[str], key: str, ask: Ask | None, shown: str) -> list[dict]:
    """Manifest keys of the headline or byline of each story that prints none: supplied in order, else extracted
    from the saved page's metadata, else asked for (a headline is required, a byline is not)."""
    missing = [i for i, story in enumerate(intake.stories) if getattr(story, key) is None]
    if len(values) > len(missing):
        raise refuse(shown, f"{len(values)} {key}s given, but {len(missing)} of the stories print none",
                     f"give --{key} only for a story whose page prints no {key}, in the order of the stories")
    page_value = {"headline": intake.page.title, "byline": intake.page.author}[key] if intake.page else None
    keys: list[dict] = [{} for _ in intake.stories]
    for n, i in enumerate(missing):
        if n < len(values):
            keys[i] = {key: values[n].strip(), f"{key}_basis": "supplied"}
        elif page_value and len(intake.stories) == 1:
            keys[i] = {key: page_value, f"{key}_basis": "extracted"}
        elif key == "headline" and ask is not None:
            keys[i] = {key: ask(f"Story {i + 1} prints no headline. Its headline, as the page showed it", None),
                       "headline_basis": "supplied"}
        elif key == "headline":
            raise refuse(shown, f"story {i + 1} prints no headline", "give the headline the page showed: "
                         "--headline '…' (make add … HEADLINE='…'), once per story that prints none")
    return keys


def _page_date(intake: Intake) -> DateGiven | None:
    if intake.page is None or intake.page.date is None or len(intake.stories) != 1:
        return None
    day = date.fromisoformat(intake.page.date)
    return DateGiven(day, day, "stated", f"from the saved page's metadata, read by {intake.page.tool}")


def _dates(intake: Intake, given: Given, ask: Ask | None, shown: str) -> DateGiven:
    try:
        earliest, latest = parse_date_option(given.published) if given.published else (None, None)
    except ValueError as error:
        raise refuse(shown, f"--published-date: {error}", "give YYYY-MM-DD or EARLIEST..LATEST") from None
    dates = DateGiven(earliest, latest, given.basis, given.date_note)
    undated = [i for i, s in enumerate(intake.stories) if s.published_date is None]
    from_page = _page_date(intake)
    if undated and not given.published and not given.basis and from_page:
        return from_page
    if undated:
        dates = _ask_date(intake.stories[undated[0]], undated[0] + 1, ask, dates)
        _check_date(dates, shown, [_undated(intake.stories[i], i + 1) for i in undated])
    return dates


def capture_entry(intake: Intake, given: Given, taken: set[str], ask: Ask | None, shown: str, today: date) -> dict:
    """The manifest entry for the capture; raises BuildFailed (one clear problem) when something is missing."""
    outlet = _outlet(intake, given, ask, shown)
    intake = intake.for_outlet(outlet)
    urls = list(given.urls) or ([intake.page.url] if intake.page and intake.page.url else [])
    if len(urls) > len(intake.stories):
        raise refuse(shown, f"{len(urls)} URLs given for {len(intake.stories)} stor"
                     f"{'y' if len(intake.stories) == 1 else 'ies'}",
                     "give at most one --url per story, in the order the stories appear")
    headlines = _texts(intake, given.headlines, "headline", ask, shown)
    bylines = _texts(intake, given.bylines, "byline", None, shown)
    dates = _dates(intake, given, ask, shown)
    stories = []
    for i, story in enumerate(intake.stories):
        headline = story.headline or headlines[i]["headline"]
        entry = {"article_id": article_id(outlet, story.published_date or dates.earliest, headline, taken)}
        entry |= headlines[i] | bylines[i]
        if story.published_date is None:
            entry |= dates.manifest_keys()
        if i < len(urls):
            entry["url"] = urls[i]
        stories.append(entry)
    entry = {"file": intake.capture_name, "sha256": sha256_of(intake.capture_bytes)}
    if intake.saved_page:
        entry["saved_page"] = intake.saved_page
    return entry | {"outlet": outlet, "received": given.received or f"added with `make add`, {today.isoformat()}",
                    "stories": stories}

"""The casualty claims page: each event's claims side by side by claimant, with wording and source quote."""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from newsevents.docsite.markdown import LIST_LIMIT, code, esc, is_missing, plural, table
from newsevents.docsite.published import Published, records

OWN_VOICE = "the outlet, in its own voice"


def count_range(claim) -> str:
    low, high = int(claim.count_low), claim.count_high
    if is_missing(high):
        return f"{low:,} or more"
    return f"{low:,}" if int(high) == low else f"{low:,}–{int(high):,}"


def _claimant(actors: dict, actor_id) -> str:
    return OWN_VOICE if is_missing(actor_id) else actors.get(actor_id, actor_id)


def _cell(claim, claims: dict) -> str:
    text = f"**{esc(claim.count_text)}** ({count_range(claim)})"
    parent = claims.get(claim.part_of_claim_id)
    if parent is not None:
        text += f", of the {esc(parent.count_text)} {esc(parent.victim_group)}"
    return text


@dataclass(frozen=True)
class Lookups:
    """What every event's section looks up, built once for the page."""
    actors: dict             # actor_id → name
    articles: dict           # article_id → article
    claims: dict             # claim_id → claim
    quotes: dict             # claim_id → its evidence rows
    outcomes: list[str]
    groups: list[str]

    @classmethod
    def of(cls, published: Published) -> Lookups:
        table_def = published.tables["casualty_claims"]
        quotes: dict[str, list] = {}
        for quote in records(published.frames["claim_sources"]):
            quotes.setdefault(quote.claim_id, []).append(quote)
        actors = published.frames["actors"]
        return cls(actors=dict(zip(actors["actor_id"], actors["name"])),
                   articles={a.article_id: a for a in records(published.frames["articles"])},
                   claims={c.claim_id: c for c in records(published.frames["casualty_claims"])}, quotes=quotes,
                   outcomes=list(table_def.field("outcome").vocabulary.values),
                   groups=list(table_def.field("victim_group").vocabulary.values))


def _by_claimant(claim) -> tuple:
    return (claim.claimant_actor_id is None, claim.claimant_actor_id or "", claim.claim_id)


def _side_by_side(claims: list, look: Lookups) -> str:
    """Rows: outcome and victim group; columns: claimants; cells: what each claimant says."""
    claimants = list(dict.fromkeys(c.claimant_actor_id for c in sorted(claims, key=_by_claimant)))
    cells: dict[tuple, list[str]] = {}
    for c in claims:
        cells.setdefault((c.outcome, c.victim_group, c.claimant_actor_id), []).append(_cell(c, look.claims))
    keys = sorted({(c.outcome, c.victim_group) for c in claims},
                  key=lambda k: (look.outcomes.index(k[0]), look.groups.index(k[1])))
    rows = [[f"{code(outcome)} {code(group)}"] + ["<br>".join(cells.get((outcome, group, claimant), []))
                                                  for claimant in claimants] for outcome, group in keys]
    headers = ["Outcome, victims"] + [esc(_claimant(look.actors, claimant)) for claimant in claimants]
    return table(headers, rows)


def _wording(claims: list, look: Lookups) -> str:
    """Each claim as worded, with every quote it rests on and the story the quote comes from."""
    lines = []
    for claim in sorted(claims, key=_by_claimant):
        lines.append(f"- {code(claim.claim_id)}: **{esc(_claimant(look.actors, claim.claimant_actor_id))}** — "
                     f"{esc(claim.count_text)} {code(claim.victim_group)} {code(claim.outcome)} "
                     f"({count_range(claim)})" + (f". {esc(claim.notes)}" if not is_missing(claim.notes) else ""))
        for quote in look.quotes.get(claim.claim_id, []):
            story = look.articles[quote.article_id]
            lines.append(f"    > “{esc(quote.quote)}”  \n"
                         f"    > — [{esc(story.outlet)}: {esc(story.headline)}](sources.md#{quote.article_id}), "
                         f"characters {int(quote.char_start):,}–{int(quote.char_end):,}")
    return "\n\n".join(lines)


def event_section(event, claims: list, look: Lookups) -> str:
    dates = ("undated" if is_missing(event.date_start) else event.date_start if event.date_start == event.date_end
             else f"{event.date_start} – {event.date_end}")
    return "\n\n".join([
        f"## {code(event.event_id)} {{ #{event.event_id} }}",
        f"{esc(event.summary)} ({code(event.event_type)}, {dates}; [timeline](timeline.md#event-{event.event_id}))",
        _side_by_side(claims, look),
        _wording(claims, look),
    ])


def _qualifier_range(rule: dict) -> tuple[str, str]:
    if "add" in rule:
        return ("N" if rule["add"] == 0 else f"N + {rule['add']}"), "no bound"
    below, above = rule["percent_below"], rule["percent_above"]
    return (f"N − {below}%" if below else "N"), (f"N + {above}%" if above else "N")


def _vague_rule(published: Published) -> str:
    path = published.project.schemas / "counts.yaml"
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = [[f"“{esc(word)} N”", *_qualifier_range(rule), esc(rule["rule"])]
            for word, rule in rules.get("qualifiers", {}).items()]
    rows += [[f"“{esc(word)}”", f"{rule['low']:,}", "no bound" if rule["high"] is None else f"{rule['high']:,}",
              esc(rule["rule"])] for word, rule in rules["vague"].items()]
    return table(["Wording", "count_low", "count_high", "Rule"], rows, "lrrl")


def claims_page(published: Published) -> str:
    look = Lookups.of(published)
    by_event: dict[str, list] = {}
    for claim in look.claims.values():
        by_event.setdefault(claim.event_id, []).append(claim)
    with_claims = sorted((e for e in records(published.frames["events"]) if e.event_id in by_event),
                         key=lambda e: (e.date_start is None, e.date_start or "", e.event_id))
    claimants = {c.claimant_actor_id for c in look.claims.values()}
    parts = [
        "# Casualty claims",
        f"{plural(len(look.claims), 'claim')} about {plural(len(with_claims), 'event')} by "
        f"{plural(len(claimants), 'claimant')}. A claim is recorded as its claimant's assertion, never as a fact: "
        "where claimants disagree, every claim is kept side by side and nothing is averaged or chosen. Each "
        "cell gives the number as printed and the range it allows (`count_low`–`count_high`); a sub-group "
        "(“including four children”) points at its total through `part_of_claim_id`.",
    ]
    if len(with_claims) <= LIST_LIMIT:
        parts += [event_section(event, by_event[event.event_id], look) for event in with_claims]
    else:
        parts.append(f"{len(with_claims):,} events are too many for one page: read their claims in "
                     "[data/casualty_claims.csv](data/casualty_claims.csv) and the quotes in "
                     "[data/claim_sources.csv](data/claim_sources.csv), or side by side in Datasette "
                     "(`make serve`, casualty claims side by side).")
    parts += [
        "## How vague numbers are counted",
        "Words such as “dozens”, and numbers after words such as “at least” or “about”, become a range by one "
        "rule per word, applied everywhere (from `schemas/counts.yaml`; an approximate range is rounded "
        "outwards to whole numbers). Exact numbers, in digits or words, give `count_low` = `count_high`.",
        _vague_rule(published),
    ]
    return "\n\n".join(parts) + "\n"

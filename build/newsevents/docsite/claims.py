"""The casualty claims page: each event's claims side by side by claimant, with wording and source quote."""
from __future__ import annotations

import pandas as pd
import yaml

from .markdown import code, esc, is_missing, plural, table
from .published import Published

OWN_VOICE = "the outlet, in its own voice"


def count_range(claim) -> str:
    low, high = int(claim.count_low), claim.count_high
    if is_missing(high):
        return f"{low:,} or more"
    return f"{low:,}" if int(high) == low else f"{low:,}–{int(high):,}"


def _claimant(actors: pd.Series, actor_id) -> str:
    return OWN_VOICE if is_missing(actor_id) else actors.get(actor_id, actor_id)


def _cell(claim, claims: pd.DataFrame) -> str:
    text = f"**{esc(claim.count_text)}** ({count_range(claim)})"
    if not is_missing(claim.part_of_claim_id):
        parent = claims.loc[claim.part_of_claim_id]
        text += f", of the {esc(parent.count_text)} {esc(parent.victim_group)}"
    return text


def event_section(published: Published, event, claims: pd.DataFrame) -> str:
    actors = published.frames["actors"].set_index("actor_id")["name"]
    articles = published.frames["articles"].set_index("article_id")
    evidence = published.frames["claim_sources"]
    vocab = published.tables["casualty_claims"]
    outcomes = list(vocab.field("outcome").vocabulary.values)
    groups = list(vocab.field("victim_group").vocabulary.values)
    claimants = list(dict.fromkeys(claims.sort_values(["claimant_actor_id"], na_position="last")["claimant_actor_id"]))

    keys = sorted({(c.outcome, c.victim_group) for c in claims.itertuples()},
                  key=lambda k: (outcomes.index(k[0]), groups.index(k[1])))
    rows = []
    for outcome, group in keys:
        cells = []
        for who in claimants:
            mine = claims[(claims["outcome"] == outcome) & (claims["victim_group"] == group)
                          & (claims["claimant_actor_id"].isna() if is_missing(who) else claims["claimant_actor_id"] == who)]
            cells.append("<br>".join(_cell(c, claims) for c in mine.itertuples()))
        rows.append([f"{code(outcome)} {code(group)}"] + cells)
    headers = ["Outcome, victims"] + [esc(_claimant(actors, who)) for who in claimants]

    wording = []
    for claim in claims.sort_values(["claimant_actor_id", "claim_id"], na_position="last").itertuples():
        wording.append(f"- {code(claim.claim_id)}: **{esc(_claimant(actors, claim.claimant_actor_id))}** — "
                       f"{esc(claim.count_text)} {code(claim.victim_group)} {code(claim.outcome)} "
                       f"({count_range(claim)})" + (f". {esc(claim.notes)}" if not is_missing(claim.notes) else ""))
        for quote in evidence[evidence["claim_id"] == claim.claim_id].itertuples():
            story = articles.loc[quote.article_id]
            wording.append(f"    > “{esc(quote.quote)}”  \n"
                           f"    > — [{esc(story.outlet)}: {esc(story.headline)}](sources.md#{quote.article_id}), "
                           f"characters {int(quote.char_start):,}–{int(quote.char_end):,}")
    dates = ("undated" if is_missing(event.date_start) else event.date_start if event.date_start == event.date_end
             else f"{event.date_start} – {event.date_end}")
    return "\n\n".join([
        f"## {code(event.event_id)} {{ #{event.event_id} }}",
        f"{esc(event.summary)} ({code(event.event_type)}, {dates}; [timeline](timeline.md#event-{event.event_id}))",
        table(headers, rows),
        "\n\n".join(wording),
    ])


def _vague_rule(published: Published) -> str:
    path = published.project.schemas / "counts.yaml"
    vague = yaml.safe_load(path.read_text(encoding="utf-8"))["vague"]
    rows = [[f"“{esc(word)}”", f"{rule['low']:,}", "no bound" if rule["high"] is None else f"{rule['high']:,}",
             esc(rule["rule"])] for word, rule in vague.items()]
    return table(["Wording", "count_low", "count_high", "Rule"], rows, "lrrl")


def claims_page(published: Published) -> str:
    claims = published.frames["casualty_claims"].set_index("claim_id", drop=False).rename_axis(None)
    events = published.frames["events"]
    with_claims = events[events["event_id"].isin(claims["event_id"])].sort_values(
        ["date_start", "event_id"], na_position="last")
    claimants = claims["claimant_actor_id"].nunique() + int(claims["claimant_actor_id"].isna().any())
    parts = [
        "# Casualty claims",
        f"{plural(len(claims), 'claim')} about {plural(len(with_claims), 'event')} by "
        f"{plural(claimants, 'claimant')}. A claim is recorded as its claimant's assertion, never as a fact: "
        "where claimants disagree, every claim is kept side by side and nothing is averaged or chosen. Each "
        "cell gives the number as printed and the range it allows (`count_low`–`count_high`); a sub-group "
        "(“including four children”) points at its total through `part_of_claim_id`.",
    ]
    parts += [event_section(published, event, claims[claims["event_id"] == event.event_id])
              for event in with_claims.itertuples()]
    parts += [
        "## How vague numbers are counted",
        "Words such as “dozens” become a range by one rule, applied everywhere (from `schemas/counts.yaml`). "
        "Exact numbers, in digits or words, give `count_low` = `count_high`.",
        _vague_rule(published),
    ]
    return "\n\n".join(parts) + "\n"

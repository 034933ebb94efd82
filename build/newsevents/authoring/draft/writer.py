"""Drafts as files: the story's coding YAML (with a header listing what the drafter found), and the sidecar
of proposed registry entries, written in the registries' own format so that merging them is copying."""
from __future__ import annotations

import yaml

from newsevents.authoring.draft.assemble import Drafted

WIDTH = 110


class _Dumper(yaml.SafeDumper):
    """Quotes strings that a YAML reader could take for numbers (CAMEO codes such as "087")."""


def _string(dumper: yaml.SafeDumper, value: str):
    style = "'" if value.isdigit() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH,
                     default_flow_style=False)


def _comment(lines: list[str]) -> str:
    """Comment lines; text from a story (which may wrap) is kept on its line."""
    return "".join(f"# {' '.join(line.split()) if line.strip() else ''}".rstrip() + "\n" for line in lines)


def coding_text(drafted: Drafted, headline: str, proposals_path: str | None) -> str:
    """The draft coding file: a header for the coder, then the coding in the story-file structure."""
    events = drafted.coding["events"]
    claims = sum(len(e.get("claims", [])) for e in events)
    header = [
        f'Machine draft of the coding of "{headline}".',
        "Nothing here is reviewed. Check every record against the story: fix or delete what is wrong, add what",
        "is missing, rewrite each summary in your own words, then set `review: reviewed`. The build refuses to",
        "publish this file until then.",
        f"Drafted: {len(events)} events, {claims} casualty claims.",
    ]
    if proposals_path:
        header.append(f"Actors and places the registries lack are proposed in {proposals_path}: merge the ones")
        header.append("you keep into data/coding/actors.yaml and places.yaml, then delete that file.")
    if drafted.dates:
        header.append("Date phrases found (resolved as a past event / as a planned one):")
        for entry in drafted.dates:
            past = "..".join(dict.fromkeys(entry["past"][:2])) if entry["past"] else "needs another event"
            planned = "..".join(dict.fromkeys(entry["planned"][:2])) if entry["planned"] else "needs another event"
            basis = entry["past"][2] if entry["past"] else "relative to an event"
            header.append(f"  sentence {entry['sentence']}: '{entry['phrase']}' → {past} / {planned} ({basis})")
    return _comment(header) + _dump(drafted.coding)


def proposals_text(drafted: Drafted, article_id: str) -> str:
    """The sidecar: each proposed entry with a comment saying where it was found and how it was guessed."""
    parts = [_comment([
        f"Registry entries proposed by the drafter for story {article_id}. Not part of the build: nothing",
        "here is published. Check each entry (type, country and coordinates are guesses), copy the ones you",
        "keep into data/coding/actors.yaml or data/coding/places.yaml, reuse an existing id where the actor or",
        "place is already registered under another name, and delete this file.",
    ])]
    for key, proposals in (("actors", drafted.actor_proposals), ("places", drafted.place_proposals)):
        if not proposals:
            parts.append(f"{key}: []\n")
            continue
        parts.append(f"{key}:\n")
        for proposal in proposals.values():
            quote = " ".join(proposal.quote.split())
            found = quote if len(quote) <= 160 else quote[:157] + "…"
            parts.append(f"  # guessed: {proposal.reason}\n  # found in: {found}\n")
            entry = _dump([proposal.entry])
            parts.append("".join("  " + line + "\n" for line in entry.splitlines()))
    return "".join(parts)

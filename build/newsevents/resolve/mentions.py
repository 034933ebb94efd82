"""actor_mentions: every place a story names a registered actor, found from the registry's aliases."""
from __future__ import annotations

import re

from newsevents.resolve.records import Mention


def alias_owners(actors: dict[str, dict]) -> dict[str, str]:
    """Each alias of the registry → the actor it names."""
    return {alias: actor_id for actor_id, actor in actors.items() for alias in actor["aliases"]}


def pattern_of(owner: dict[str, str]) -> re.Pattern | None:
    """One regex over every alias (longest first, whole words); None when there is none."""
    ordered = sorted(owner, key=lambda alias: (-len(alias), alias))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in ordered) + r")(?!\w)") if ordered else None


def alias_pattern(actors: dict[str, dict]) -> tuple[re.Pattern, dict[str, str]]:
    """One regex over every alias (longest first, whole words) and the alias → actor map."""
    owner = alias_owners(actors)
    return pattern_of(owner), owner


def story_mentions(pattern: re.Pattern | None, owner: dict[str, str], article_id: str, text: str, start: int,
                   end: int) -> list[Mention]:
    """Non-overlapping alias matches in text[start:end], one story's extent (furniture and repeated headline
    included)."""
    if pattern is None:
        return []
    return [Mention(owner[match.group()], article_id, match.start(), match.end(), match.group())
            for match in pattern.finditer(text, start, end)]


"""actor_mentions: every place a story names a registered actor, found from the registry's aliases."""
from __future__ import annotations

import re

from newsevents.ingest.articles import Article
from newsevents.resolve.records import Mention


def alias_pattern(actors: dict[str, dict]) -> tuple[re.Pattern, dict[str, str]]:
    """One regex over every alias (longest first, whole words) and the alias → actor map."""
    owner = {alias: actor_id for actor_id, actor in actors.items() for alias in actor["aliases"]}
    ordered = sorted(owner, key=lambda alias: (-len(alias), alias))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in ordered) + r")(?!\w)") if ordered else None
    return pattern, owner


def find_mentions(articles: list[Article], actors: dict[str, dict]) -> list[Mention]:
    """Non-overlapping alias matches in each story's extent (furniture and repeated headline included)."""
    pattern, owner = alias_pattern(actors)
    rows = []
    if pattern is None:
        return rows
    for article in articles:
        for match in pattern.finditer(article.text, article.story.start, article.story.end):
            rows.append(Mention(owner[match.group()], article.article_id, match.start(), match.end(), match.group()))
    return rows

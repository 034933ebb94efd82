"""What a person types into a search box, as an SQLite FTS5 query that cannot fail to parse.

Every word is quoted, so hyphens, apostrophes and other punctuation are read as text ("al-Qaeda", "Pakistan's")
and never as FTS5 syntax; what the search page promises stays: a phrase in double quotes, a word ending in *
for its beginning, and AND, OR, NOT between two terms. An unclosed quote is closed; NUL is a space.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r'"[^"]*"?|[^\s"]+')
OPERATORS = {"AND", "OR", "NOT"}


def _term(token: str) -> str:
    if token.startswith('"'):
        return '"' + token.strip('"') + '"'
    prefix = token.endswith("*") and len(token.rstrip("*")) > 0
    word = token.rstrip("*")
    return '"' + word.replace('"', '""') + '"' + ("*" if prefix else "")


def fts_query(text: str | None) -> str:
    """The FTS5 query for `text`: each word a quoted term, phrases and operators kept; with no words, the empty
    phrase, which matches nothing."""
    tokens = [t for t in _TOKEN.findall((text or "").replace("\x00", " ")) if t.strip('"*')]
    parts: list[str] = []
    for index, token in enumerate(tokens):
        between_terms = parts and parts[-1] not in OPERATORS and index + 1 < len(tokens) \
            and tokens[index + 1] not in OPERATORS
        parts.append(token if token in OPERATORS and between_terms else _term(token))
    return " ".join(parts) or '""'

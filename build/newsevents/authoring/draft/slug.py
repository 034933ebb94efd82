"""Readable slugs for drafted ids: lower-case ASCII words joined by hyphens."""
from __future__ import annotations

import re
import unicodedata


def slug(text: str, max_words: int | None = None) -> str:
    """'Chad’s FM to visit' → 'chad-fm-to-visit' (possessive 's dropped, accents folded)."""
    text = re.sub(r"[’']s\b", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    if max_words is not None:
        words = words[:max_words]
    return "-".join(words) or "item"

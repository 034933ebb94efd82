"""Writing Markdown from data: every data value is escaped so that it renders as the text it is."""
from __future__ import annotations

import re

import pandas as pd

# A page lists at most this many records one by one (stories, events, claims); beyond, it summarises them and
# points at the CSV and Datasette, which serve that many better than one web page (and keep the build fast).
LIST_LIMIT = 1000

# Characters that Markdown, its tables, attribute lists or raw HTML would read as syntax anywhere in a line,
# and the starts of a line that would open a list or a heading; all written as numeric entities.
_SPECIAL = re.compile(r"[&<>\\`*_{}\[\]#|]")
_LINE_START = re.compile(r"^(?:[-+=]|\d+[.)])")


def _entity(match: re.Match) -> str:
    return "".join(f"&#{ord(ch)};" for ch in match.group())


def esc(value) -> str:
    """A data value as inline Markdown text that renders literally (empty for a missing value)."""
    if is_missing(value):
        return ""
    text = _SPECIAL.sub(_entity, " ".join(str(value).split()))
    return _LINE_START.sub(_entity, text)


def code(value) -> str:
    """A value as an inline code span, whatever backticks it holds."""
    text = " ".join(str(value).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def is_missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def table(headers: list[str], rows: list[list[str]], align: str = "") -> str:
    """A Markdown table; cells must already be Markdown. align: one of l/r per column (default left)."""
    marks = [("---:" if a == "r" else "---") for a in (align or "l" * len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")

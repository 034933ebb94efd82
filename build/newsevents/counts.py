"""Casualty counts as printed → (count_low, count_high), by the one rule in schemas/counts.yaml."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .project import Project

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}


@cache
def vague_rules(root: Path) -> dict[str, dict]:
    return yaml.safe_load((Project(root).schemas / "counts.yaml").read_text(encoding="utf-8"))["vague"]


def _number_word(text: str) -> int | None:
    if text in UNITS:
        return UNITS.index(text)
    if text in TENS:
        return TENS[text]
    tens, _, unit = text.partition("-")
    if tens in TENS and unit in UNITS[1:10]:
        return TENS[tens] + UNITS.index(unit)
    return None


def parse_count(count_text: str, root: Path) -> tuple[int, int | None]:
    """(low, high) for a count as printed; ValueError when the wording has no rule."""
    text = " ".join(count_text.lower().replace(",", "").split())
    if text.isdigit():
        return int(text), int(text)
    number = _number_word(text)
    if number is not None:
        return number, number
    rules = vague_rules(root)
    if text in rules:
        return rules[text]["low"], rules[text]["high"]
    known = ", ".join(rules)
    raise ValueError(f"count '{count_text}' is neither a number nor a documented vague word ({known})")

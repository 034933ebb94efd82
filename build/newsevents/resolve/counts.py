"""Casualty counts as printed → (count_low, count_high), by the one rule in schemas/counts.yaml."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.yamlfile import read_yaml

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}


@cache
def _rules(root: Path) -> dict:
    return yaml.safe_load((Project(root).schemas / "counts.yaml").read_text(encoding="utf-8"))


def vague_rules(root: Path) -> dict[str, dict]:
    return _rules(root)["vague"]


def qualifier_rules(root: Path) -> dict[str, dict]:
    return _rules(root).get("qualifiers", {})


def check_rules(project: Project, problems: Collector) -> bool:
    """Every qualifier's rule adds a whole number of at least 0 or spans whole percents from 0 to 100, and every
    vague word's rule gives whole numbers 0 <= low <= high, or no high when unbounded; False when the rules cannot
    be read at all."""
    path = project.schemas / "counts.yaml"
    document = read_yaml(path, project.rel(path), problems)
    if document is None:
        return False
    for qualifier, rule in (document.data.get("qualifiers") or {}).items():
        if "add" in rule:
            if not isinstance(rule["add"], int) or rule["add"] < 0:
                problems.add(document.path, f"the rule for '{qualifier}': add {rule['add']!r} is not a whole "
                             "number of at least 0", "give the number to add to the printed one for count_low "
                             "(0 or more)", line=document.line("qualifiers", qualifier), record=qualifier)
            continue
        for key in ("percent_below", "percent_above"):
            if not isinstance(rule.get(key), int) or not 0 <= rule[key] <= 100:
                problems.add(document.path, f"the rule for '{qualifier}': {key} {rule.get(key)!r} is not a whole "
                             "number from 0 to 100", "give add (added to the printed number for count_low), or "
                             "percent_below and percent_above (the range around it), each from 0 to 100",
                             line=document.line("qualifiers", qualifier), record=qualifier)
    for word, rule in document.data["vague"].items():
        low, high = rule.get("low"), rule.get("high")
        if not isinstance(low, int) or low < 0:
            wrong = f"low {low!r} is not a whole number of at least 0"
        elif high is not None and (not isinstance(high, int) or high < low):
            wrong = f"low {low} exceeds high {high!r}"
        else:
            continue
        problems.add(document.path, f"the rule for '{word}': {wrong}",
                     "give whole numbers with 0 <= low <= high, or high: null when there is no upper bound",
                     line=document.line("vague", word), record=word)
    return True


def _number_word(text: str) -> int | None:
    if text in UNITS:
        return UNITS.index(text)
    if text in TENS:
        return TENS[text]
    tens, _, unit = text.partition("-")
    if tens in TENS and unit in UNITS[1:10]:
        return TENS[tens] + UNITS.index(unit)
    return None


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _number_word(text)


def parse_count(count_text: str, root: Path) -> tuple[int, int | None]:
    """(low, high) for a count as printed; ValueError when the wording has no rule."""
    text = " ".join(count_text.lower().replace(",", "").split())
    number = _number(text)
    if number is not None:
        return number, number
    rules = vague_rules(root)
    if text in rules:
        return rules[text]["low"], rules[text]["high"]
    for qualifier, rule in qualifier_rules(root).items():
        bound = _number(text.removeprefix(qualifier + " ")) if text.startswith(qualifier + " ") else None
        if bound is not None and "add" in rule:
            return bound + rule["add"], None
        if bound is not None:
            return bound * (100 - rule["percent_below"]) // 100, -(-bound * (100 + rule["percent_above"]) // 100)
    known = ", ".join(list(rules) + [f"{q} N" for q in qualifier_rules(root)])
    raise ValueError(f"count '{count_text}' is neither a number nor a documented vague word ({known})")

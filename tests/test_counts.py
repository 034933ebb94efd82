"""Casualty counts as printed become (count_low, count_high) by the one rule per wording in schemas/counts.yaml."""
import pytest

from newsevents.core.project import REPO_ROOT
from newsevents.resolve.counts import parse_count


@pytest.mark.parametrize("count_text, low, high", [
    ("nine", 9, 9), ("1,200", 1200, 1200), ("at least 12", 12, None), ("more than 100", 101, None),
    ("dozens", 24, 99), ("about 40", 36, 44), ("some 3,000", 2700, 3300), ("About 15", 13, 17),
    ("nearly 300", 270, 300), ("almost 1,110", 999, 1110), ("more than\n100", 101, None),
])
def test_counts_as_printed_become_ranges_by_the_documented_rules(count_text, low, high):
    assert parse_count(count_text, REPO_ROOT) == (low, high)


@pytest.mark.parametrize("count_text", ["as many as 40", "up to 40", "umpteen", "about dozens"])
def test_a_count_without_a_rule_is_refused(count_text):
    with pytest.raises(ValueError, match="neither a number nor a documented vague word"):
        parse_count(count_text, REPO_ROOT)

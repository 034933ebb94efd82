"""Chains of id → id links (affiliations, part_of, date anchors): where they close into cycles."""
from __future__ import annotations


def cycles(links: dict[str, str | None]) -> list[list[str]]:
    """Each cycle of id → id links once, in link order from the first id met."""
    found, done = [], set()
    for start in links:
        path, current = [], start
        while current in links and current not in done and current not in path:
            path.append(current)
            current = links[current]
        if current in path:
            found.append(path[path.index(current):])
        done.update(path)
    return found

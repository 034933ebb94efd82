"""Semantic versions (MAJOR.MINOR.PATCH), as the dataset and its releases are numbered."""
from __future__ import annotations

import re

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def version_key(version: str) -> tuple[int, int, int]:
    """A semantic version as a sortable tuple; ValueError when it is not MAJOR.MINOR.PATCH."""
    match = SEMVER.match(str(version))
    if not match:
        raise ValueError(f"'{version}' is not a semantic version (MAJOR.MINOR.PATCH)")
    return tuple(int(part) for part in match.groups())

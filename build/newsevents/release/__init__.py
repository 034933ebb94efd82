"""Releases: version checks, citation files, changelog, row-level diff, archive, stable IDs."""

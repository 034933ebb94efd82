"""Ingest: raw captures and their manifest, story parsing, coding files, registries, reference lists."""

"""Validate: pandera per table, checks across tables, frictionless on the staged package."""

"""Assemble: typed records to the published tables' rows."""

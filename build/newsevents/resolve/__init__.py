"""Resolve: quotes to offsets, date phrases to ranges, counts, references: coding to typed records."""

"""Publish: the staged package swapped into place atomically, and the one reader of what is published."""

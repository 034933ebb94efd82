"""Authoring: adding a capture, drafting its coding, and measuring the drafter."""

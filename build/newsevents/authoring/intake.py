"""What `make add` is given, read and checked before anything is written: a text capture of a news page, or a
saved web page (HTML) whose article text is extracted once into a capture kept beside it.

Each refusal names the file, says what is wrong and what to give instead; nothing is written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from newsevents.authoring.extract import Extracted, extract_page, is_html
from newsevents.core.errors import BuildFailed, Collector, Problem
from newsevents.ingest.captures import decode_capture, sha256_of
from newsevents.ingest.stories import WORD, Story, parse_capture

SAFE_NAME = re.compile(r"^[^/\\.][^/\\]*$")
MIN_STORY_WORDS = 40
# The commonest English function words make up a third or more of any English news story's words, and almost
# none of a story in another language (a French or Spanish one shares only "a" or "in" with the list).
ENGLISH_WORDS = set("the of and to in a is was for on that said with as by at from it he his has have had be "
                    "were are an which after its their they this not but or been will who would".split())
MIN_ENGLISH_SHARE = 0.2


@dataclass(frozen=True)
class Intake:
    """The capture to add: the files to write into data/raw/, its text, its stories and the page it came from."""

    files: dict[str, bytes]  # name in data/raw/ → bytes
    capture_name: str
    text: str
    stories: list[Story]
    page: Extracted | None = None
    saved_page: dict | None = None  # the manifest's record of the saved page

    @property
    def capture_bytes(self) -> bytes:
        return self.files[self.capture_name]

    def for_outlet(self, outlet: str) -> Intake:
        """The stories read as the build will read them, knowing the outlet (its name is a masthead)."""
        return replace(self, stories=parse_capture(self.text, outlet))


def refuse(file: str, message: str, fix: str) -> BuildFailed:
    return BuildFailed([Problem(file, message, fix)])


def _decoded(source: Path) -> tuple[bytes, str]:
    shown = str(source)
    if not source.is_file():
        raise refuse(shown, "no such capture file", "give the path of a saved copy of the story's page")
    if not SAFE_NAME.match(source.name) or source.name == "manifest.yaml":
        raise refuse(shown, f"the file name '{source.name}' cannot be used in data/raw/",
                     "rename the file (no leading dot, not manifest.yaml)")
    data = source.read_bytes()
    problems = Collector()
    text = decode_capture(data, shown, problems)
    problems.raise_if_any()
    return data, text


def _check_story_text(stories: list[Story], text: str, shown: str) -> None:
    """The page holds a story, and the story is in English (the language the dataset is coded in)."""
    words = [w.lower() for story in stories for span in story.body_text() for w in WORD.findall(span.text)]
    if len(words) < MIN_STORY_WORDS:
        raise refuse(shown, f"no story text found: the page holds {len(words)} words of prose, only short lines "
                     "(a list of headlines, links or menus)", "save the page of the story itself, not a section "
                     "front or a list of links")
    share = sum(w in ENGLISH_WORDS for w in words) / len(words)
    if share < MIN_ENGLISH_SHARE:
        raise refuse(shown, f"the story is not in English: {share:.0%} of its words are common English words "
                     f"(English news: a third or more)", "the dataset codes English-language stories: add the "
                     "outlet's English edition of the story, or an English wire version")


def _saved_page(source: Path, data: bytes, html: str) -> Intake:
    page = extract_page(html)
    shown = str(source)
    if page is None:
        raise refuse(shown, "the saved page holds no article text", "save the page of the story itself (File → "
                     "Save Page As, HTML), not a section front or an empty page")
    name = source.with_suffix(".txt").name
    stories = parse_capture(page.text)
    _check_story_text(stories, page.text, shown)
    saved = {"file": source.name, "sha256": sha256_of(data), "extracted_with": page.tool}
    return Intake(files={source.name: data, name: page.text.encode("utf-8")}, capture_name=name, text=page.text,
                  stories=stories, page=page, saved_page=saved)


def read_intake(source: Path) -> Intake:
    """Read and check what `make add` was given; raises BuildFailed with one clear problem."""
    data, text = _decoded(source)
    if is_html(source.name, text):
        return _saved_page(source, data, text)
    stories = parse_capture(text)
    _check_story_text(stories, text, str(source))
    return Intake(files={source.name: data}, capture_name=source.name, text=text, stories=stories)

"""The per-story cache (.cache/stories/): each capture's per-story result, stored under a key of everything
that result depends on, so it can never be stale and is always safe to delete.

The key of a capture hashes: the code version (every source file of the package), the schemas (every file
of schemas/: the coding JSON Schemas, vocabularies and quote bounds the stage applies), the capture's path,
bytes and outlet, the article ids the manifest gives its stories, and each story's coding file (path and
bytes).
The one registry input of the stage is the actors' aliases (the mentions): a story uses an alias when its
text contains it, so the alias table the entries were made with is kept beside them and, when it changes,
exactly the stories whose text contains an alias that was added, removed or moved to another actor are
computed again (resolve/story_runner.py). Entries are pickles of the stage's own results, written whole or
not at all; an unreadable one is a miss.
"""
from __future__ import annotations

import hashlib
import pickle
from functools import cache
from pathlib import Path

from newsevents.core.files import atomic_write_bytes
from newsevents.core.project import Project
from newsevents.resolve.story_stage import CaptureInput, CaptureResult

PACKAGE = Path(__file__).resolve().parents[1]
FOLDER = "stories"
ALIASES = "aliases.table"  # the alias table the entries were made with (not an entry: no .pickle suffix)


def _tree_digest(folder: Path, pattern: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob(pattern)):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def code_version(package: Path = PACKAGE) -> str:
    """A hash of every Python source file of the package: any change of the code is a new version."""
    return _tree_digest(package, "*.py")


def schemas_digest(project: Project) -> str:
    """A hash of every file under schemas/."""
    return _tree_digest(project.schemas, "*")


def capture_key(item: CaptureInput, rules_digest: str) -> str:
    """The cache key of one capture's per-story result; ``rules_digest`` names the schemas and the code."""
    digest = hashlib.sha256(rules_digest.encode("ascii"))
    parts = [item.capture_file, hashlib.sha256(item.data).hexdigest(), item.outlet or "", *item.article_ids]
    for coding in item.coding:
        parts += ["-"] if coding is None else [coding.shown_as, hashlib.sha256(coding.data).hexdigest()]
    digest.update("\0".join(parts).encode("utf-8"))
    return digest.hexdigest()


class StoryCache:
    """Per-story results as files named by their key under .cache/stories/ (None: no cache, every story is
    computed)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    @classmethod
    def of(cls, project: Project) -> StoryCache:
        return cls(project.cache / FOLDER)

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def get(self, key: str) -> CaptureResult | None:
        if self.folder is None:
            return None
        try:
            return pickle.loads(self._path(key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None  # absent, or cut short or written by another version: computed again

    def put(self, key: str, result: CaptureResult) -> None:
        if self.folder is not None:
            atomic_write_bytes(self._path(key), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def aliases(self) -> dict[str, str] | None:
        """The alias → actor table the entries were made with; None when unknown (no entry can be trusted)."""
        if self.folder is None:
            return None
        try:
            return pickle.loads((self.folder / ALIASES).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError):
            return None

    def put_aliases(self, owner: dict[str, str]) -> None:
        """Record the alias table once every entry made with it is written."""
        if self.folder is not None:
            atomic_write_bytes(self.folder / ALIASES, pickle.dumps(owner, protocol=pickle.HIGHEST_PROTOCOL))

    def keep_only(self, keys: set[str]) -> None:
        """Delete the entries this build did not use (edited or removed inputs): the cache stays one build's."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.pickle"):
            if path.stem not in keys:
                path.unlink(missing_ok=True)

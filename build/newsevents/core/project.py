"""Where everything lives in a project tree; tests point it at a temporary copy."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Project:
    root: Path = REPO_ROOT

    @property
    def schemas(self) -> Path:
        return self.root / "schemas"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def raw(self) -> Path:
        return self.data / "raw"

    @property
    def manifest(self) -> Path:
        return self.raw / "manifest.yaml"

    @property
    def coding(self) -> Path:
        return self.data / "coding"

    @property
    def stories_coding(self) -> Path:
        return self.coding / "stories"

    @property
    def actor_registry(self) -> Path:
        return self.coding / "actors.yaml"

    @property
    def place_registry(self) -> Path:
        return self.coding / "places.yaml"

    @property
    def reference(self) -> Path:
        return self.data / "reference"

    @property
    def datapackage(self) -> Path:
        return self.root / "datapackage.json"

    @property
    def staging(self) -> Path:
        return self.root / ".staging"

    @property
    def cache(self) -> Path:
        return self.root / ".cache"

    @property
    def releases(self) -> Path:
        return self.root / "releases"

    def release_dir(self, version: str) -> Path:
        return self.releases / version

    @property
    def renames(self) -> Path:
        return self.releases / "renames.yaml"

    @property
    def identity(self) -> Path:
        return self.releases / "identity.yaml"

    @property
    def datasette(self) -> Path:
        """The Datasette site's own files: canned queries, templates, plugin, styles."""
        return self.root / "datasette"

    @property
    def site(self) -> Path:
        """The built docs site (site_dir in mkdocs.yml)."""
        return self.root / "site"

    @property
    def database(self) -> Path:
        """The SQLite database, named after the dataset (the name is also Datasette's database name)."""
        from newsevents.core.schemas import dataset_metadata

        return self.root / f"{dataset_metadata(self.root)['name']}.db"

    def rel(self, path: Path) -> str:
        """A path as users see it: relative to the project root."""
        if path.is_absolute() and ".." not in path.parts and path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()  # no need to ask the file system (10,000s of files)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

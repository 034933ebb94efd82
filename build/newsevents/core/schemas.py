"""Every fact about a table or column, read from schemas/: nothing else types them again.

- schemas/fields.yaml: columns that recur across tables, defined once (the row-version columns, marked
  `row_version`, end every table of the package);
- schemas/tables/<table>.yaml: a table's columns (a shared column by name, overridden only where its meaning
  differs), keys, the table it is evidence for, and how it is shown (label, facets, search, sort);
- schemas/reading_tables.yaml: the reading tables the database precomputes for people to browse;
- schemas/types.yaml: what each column type is in pandas, SQL, Arrow (Parquet) and the codebook;
- schemas/vocabularies.yaml: every enumerated value, explained; schemas/dataset.yaml: name, version, licences.
"""
from __future__ import annotations

import csv
import heapq
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from newsevents.core.project import Project

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
FIELD_KEYS = {"name", "type", "description", "required", "pattern", "minimum", "maximum", "vocabulary", "evidence",
              "slug", "min_length", "max_length", "row_version"}
ROW_VERSIONS = ("added", "changed")
SHOW_KEYS = {"label", "facets", "search", "sort_desc"}


@dataclass(frozen=True)
class Vocabulary:
    name: str
    description: str
    values: dict[str, str]


@dataclass(frozen=True)
class ColumnType:
    """A column type (Table Schema's name) and what it is in each format."""
    name: str
    pandas: str
    sql: str
    arrow: str  # a pyarrow type alias (pyarrow.type_for_alias)
    note: str


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    required: bool = True
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    vocabulary: Vocabulary | None = None
    evidence: bool = False
    min_length: int | None = None
    max_length: int | None = None
    column_type: ColumnType | None = None  # what `type` is in pandas, SQL, Arrow and the codebook
    row_version: str | None = None  # "added" or "changed": a row-version column the build derives from releases/

    @property
    def enum(self) -> list[str] | None:
        return list(self.vocabulary.values) if self.vocabulary else None


@dataclass(frozen=True)
class ForeignKey:
    fields: list[str]
    resource: str
    reference: list[str]


@dataclass(frozen=True)
class Show:
    """How Datasette shows a table: the column that labels its rows, default facets, searchable columns, and
    the column its pages sort by, latest first."""
    label: str | None = None
    facets: list[str] = field(default_factory=list)
    search: list[str] = field(default_factory=list)
    sort_desc: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: list[Field]
    primary_key: list[str]
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    evidence_for: str | None = None
    show: Show = field(default_factory=Show)
    in_package: bool = True
    reference_file: str | None = None  # a code list copied from data/reference/

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def row_version_column(self, kind: str) -> str:
        """The column holding the version in which a row was `added` or last `changed`."""
        return next(f.name for f in self.fields if f.row_version == kind)

    @property
    def content_columns(self) -> list[str]:
        """Every column but the row-version columns: what a row's versions are derived from."""
        return [f.name for f in self.fields if not f.row_version]

    @property
    def search_columns(self) -> list[str]:
        """Columns of the full-text index: those the table names, then every evidence quote."""
        return self.show.search + [f.name for f in self.fields if f.evidence]


@dataclass(frozen=True)
class ReadingTable:
    """A table the database precomputes from SQL over the published tables, for people to read."""
    name: str
    title: str
    description: str
    sql: str
    key: list[str]
    index: list[str]
    show: Show
    describe_from: list[str]
    columns: dict[str, str]
    question: bool = False  # answers a question over every row: listed on the home page with the canned queries


def _read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@cache
def load_types(root: Path) -> dict[str, ColumnType]:
    return {name: ColumnType(name=name, **spec)
            for name, spec in _read_yaml(Project(root).schemas / "types.yaml").items()}


@cache
def load_vocabularies(root: Path) -> dict[str, Vocabulary]:
    project = Project(root)
    vocabularies = {}
    for name, spec in _read_yaml(project.schemas / "vocabularies.yaml").items():
        if "from_reference" in spec:
            rows = _read_tsv(project.reference / f"{spec['from_reference']}.tsv")
            values = {row["type"]: row["meaning"] for row in rows}
        else:
            values = {str(k): str(v) for k, v in spec["values"].items()}
        vocabularies[name] = Vocabulary(name=name, description=spec["description"], values=values)
    return vocabularies


@cache
def load_fields(root: Path) -> dict[str, dict]:
    """The shared column definitions of schemas/fields.yaml, by name."""
    return _read_yaml(Project(root).schemas / "fields.yaml")


def _field(spec: dict | str, shared: dict[str, dict], vocabularies: dict[str, Vocabulary], types: dict[str, ColumnType],
           where: str) -> Field:
    """A table's column: a shared definition (by name) with the table's overrides, or the table's own."""
    spec = {"name": spec} if isinstance(spec, str) else spec
    merged = shared.get(spec["name"], {}) | spec
    unknown = set(merged) - FIELD_KEYS
    if unknown:  # a stray key is usually a description cut short by an unquoted comma
        raise ValueError(f"{where}: field {merged.get('name')}: unknown keys {sorted(unknown)}")
    if merged.get("row_version") not in (None, *ROW_VERSIONS):
        raise ValueError(f"{where}: field {merged['name']}: row_version must be one of {list(ROW_VERSIONS)}")
    return Field(
        name=merged["name"], type=merged["type"], description=merged["description"],
        required=merged.get("required", True),
        pattern=SLUG_PATTERN if merged.get("slug") else merged.get("pattern"),
        minimum=merged.get("minimum"), maximum=merged.get("maximum"),
        vocabulary=vocabularies[merged["vocabulary"]] if "vocabulary" in merged else None,
        evidence=merged.get("evidence", False), min_length=merged.get("min_length"),
        max_length=merged.get("max_length"),
        column_type=types[merged["type"]], row_version=merged.get("row_version"),
    )


def _show(spec: dict | None, where: str) -> Show:
    spec = spec or {}
    unknown = set(spec) - SHOW_KEYS
    if unknown:
        raise ValueError(f"{where}: show: unknown keys {sorted(unknown)}")
    return Show(label=spec.get("label"), facets=spec.get("facets", []), search=spec.get("search", []),
                sort_desc=spec.get("sort_desc"))


def _table(path: Path, root: Path) -> Table:
    spec = _read_yaml(path)
    where = f"schemas/tables/{path.name}"
    shared, vocabularies, types = load_fields(root), load_vocabularies(root), load_types(root)
    in_package = spec.get("in_package", True)
    versions = [name for name, field_spec in shared.items() if field_spec.get("row_version")] if in_package else []
    return Table(name=spec["name"], title=spec["title"], description=spec["description"],
                 fields=[_field(f, shared, vocabularies, types, where) for f in spec["fields"] + versions],
                 primary_key=spec["primary_key"],
                 foreign_keys=[ForeignKey(**fk) for fk in spec.get("foreign_keys", [])],
                 evidence_for=spec.get("evidence_for"), show=_show(spec.get("show"), where),
                 in_package=in_package, reference_file=spec.get("reference_file"))


def publication_order(tables: dict[str, Table]) -> list[str]:
    """Every table after the tables its foreign keys reference; otherwise in alphabetical order."""
    waiting = {name: {fk.resource for fk in t.foreign_keys} - {name} for name, t in tables.items()}
    ready = [name for name, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    order = []
    while ready:
        name = heapq.heappop(ready)
        order.append(name)
        for other, needs in waiting.items():
            if name in needs:
                needs.discard(name)
                if not needs:
                    heapq.heappush(ready, other)
    cyclic = sorted(set(tables) - set(order))
    if cyclic:
        raise ValueError(f"schemas/tables/: foreign keys form a cycle among {cyclic}")
    return order


@cache
def all_tables(root: Path) -> dict[str, Table]:
    """Every table defined in schemas/tables/: the package's tables in publication order, then the others."""
    defined = {path.stem: _table(path, root) for path in sorted((Project(root).schemas / "tables").glob("*.yaml"))}
    return {name: defined[name] for name in publication_order(defined)}


def load_tables(root: Path) -> dict[str, Table]:
    """The tables of the data package, in publication order."""
    return {name: table for name, table in all_tables(root).items() if table.in_package}


@cache
def load_reading_tables(root: Path) -> list[ReadingTable]:
    return [ReadingTable(name=v["name"], title=v["title"], description=v["description"], sql=v["sql"].strip(),
                         key=v.get("key", []), index=v.get("index", []),
                         show=_show(v.get("show"), "schemas/reading_tables.yaml"),
                         describe_from=v.get("describe_from", []), columns=v.get("columns", {}),
                         question=v.get("question", False))
            for v in _read_yaml(Project(root).schemas / "reading_tables.yaml")]


def quote_limit(root: Path) -> int:
    """The longest evidence quote the schemas allow, in characters."""
    return load_fields(root)["quote"]["max_length"]


def quote_minimum(root: Path) -> int:
    """The shortest evidence quote the schemas allow, in characters."""
    return load_fields(root)["quote"]["min_length"]


def dataset_metadata(root: Path) -> dict:
    return _read_yaml(Project(root).schemas / "dataset.yaml")

"""The table definitions in schemas/ and everything generated from them (pandera, frictionless).

schemas/tables/*.yaml define each table once: columns, types, constraints, vocabularies, descriptions and
keys. schemas/vocabularies.yaml explains every enumerated value. Nothing else types these facts again.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from newsevents.core.project import Project

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
FIELD_KEYS = {"name", "type", "description", "required", "pattern", "minimum", "maximum", "vocabulary", "evidence",
              "slug"}
MAX_QUOTE_LENGTH = 400

# Order of publication: referenced tables before the tables that point at them.
TABLE_ORDER = [
    "articles", "countries", "cameo_event_codes", "plover_event_types", "places", "actors", "actor_aliases",
    "actor_mentions", "events", "event_sources", "event_actors", "event_actor_sources", "casualty_claims",
    "claim_sources", "meetings", "meeting_participants", "participant_sources",
]


@dataclass(frozen=True)
class Vocabulary:
    name: str
    description: str
    values: dict[str, str]


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

    @property
    def enum(self) -> list[str] | None:
        return list(self.vocabulary.values) if self.vocabulary else None

    @property
    def max_length(self) -> int | None:
        return MAX_QUOTE_LENGTH if self.evidence else None


@dataclass(frozen=True)
class ForeignKey:
    fields: list[str]
    resource: str
    reference: list[str]


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: list[Field]
    primary_key: list[str]
    foreign_keys: list[ForeignKey] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@cache
def load_vocabularies(root: Path) -> dict[str, Vocabulary]:
    project = Project(root)
    raw = yaml.safe_load((project.schemas / "vocabularies.yaml").read_text(encoding="utf-8"))
    vocabularies = {}
    for name, spec in raw.items():
        if "from_reference" in spec:
            rows = _read_tsv(project.reference / f"{spec['from_reference']}.tsv")
            values = {row["type"]: row["meaning"] for row in rows}
        else:
            values = {str(k): str(v) for k, v in spec["values"].items()}
        vocabularies[name] = Vocabulary(name=name, description=spec["description"], values=values)
    return vocabularies


@cache
def load_tables(root: Path) -> dict[str, Table]:
    """Every table definition, in publication order."""
    project = Project(root)
    vocabularies = load_vocabularies(root)
    tables = {}
    for name in TABLE_ORDER:
        spec = yaml.safe_load((project.schemas / "tables" / f"{name}.yaml").read_text(encoding="utf-8"))
        fields = []
        for f in spec["fields"]:
            unknown = set(f) - FIELD_KEYS
            if unknown:  # a stray key is usually a description cut short by an unquoted comma
                raise ValueError(f"schemas/tables/{name}.yaml: field {f.get('name')}: unknown keys {sorted(unknown)}")
            fields.append(Field(
                name=f["name"], type=f["type"], description=f["description"],
                required=f.get("required", True),
                pattern=SLUG_PATTERN if f.get("slug") else f.get("pattern"),
                minimum=f.get("minimum"), maximum=f.get("maximum"),
                vocabulary=vocabularies[f["vocabulary"]] if "vocabulary" in f else None,
                evidence=f.get("evidence", False),
            ))
        foreign_keys = [ForeignKey(**fk) for fk in spec.get("foreign_keys", [])]
        tables[name] = Table(name=spec["name"], title=spec["title"], description=spec["description"],
                             fields=fields, primary_key=spec["primary_key"], foreign_keys=foreign_keys)
    return tables


def dataset_metadata(root: Path) -> dict:
    return yaml.safe_load((Project(root).schemas / "dataset.yaml").read_text(encoding="utf-8"))


# --- frictionless -----------------------------------------------------------------------------------------

def frictionless_schema(table: Table) -> dict:
    """The Table Schema descriptor for datapackage.json."""
    fields = []
    for f in table.fields:
        descriptor: dict = {"name": f.name, "type": f.type, "description": f.description}
        if f.type == "date":
            descriptor["format"] = "%Y-%m-%d"
        constraints: dict = {}
        if f.required:
            constraints["required"] = True
        if f.enum:
            constraints["enum"] = f.enum
        if f.pattern:
            constraints["pattern"] = f.pattern.removeprefix("^").removesuffix("$")
        if f.minimum is not None:
            constraints["minimum"] = f.minimum
        if f.maximum is not None:
            constraints["maximum"] = f.maximum
        if f.max_length:
            constraints["maxLength"] = f.max_length
        if constraints:
            descriptor["constraints"] = constraints
        fields.append(descriptor)
    schema: dict = {"fields": fields, "missingValues": [""], "primaryKey": table.primary_key}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": fk.fields, "reference": {"resource": "" if fk.resource == table.name else fk.resource,
                                                 "fields": fk.reference}}
            for fk in table.foreign_keys
        ]
    return schema


# --- pandera ----------------------------------------------------------------------------------------------

def pandera_schema(table: Table):
    """The pandera DataFrameSchema for a table's published CSV as read with read_table()."""
    import pandera.pandas as pa

    columns = {}
    for f in table.fields:
        checks = []
        if f.enum:
            checks.append(pa.Check.isin(f.enum))
        if f.pattern:
            checks.append(pa.Check.str_matches(f.pattern))
        if f.minimum is not None:
            checks.append(pa.Check.ge(f.minimum))
        if f.maximum is not None:
            checks.append(pa.Check.le(f.maximum))
        if f.max_length:
            checks.append(pa.Check.str_length(max_value=f.max_length))
        if f.type == "date":
            checks.append(pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$"))
        columns[f.name] = pa.Column(PANDAS_DTYPES[f.type], checks=checks, nullable=not f.required,
                                    unique=table.primary_key == [f.name], description=f.description)
    return pa.DataFrameSchema(columns, strict=True, ordered=True, unique=table.primary_key,
                              name=table.name, description=table.description)


PANDAS_DTYPES = {"string": "string", "date": "string", "integer": "Int64", "number": "Float64"}

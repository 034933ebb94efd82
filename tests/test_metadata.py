"""Metadata for machines: datapackage.json against the Data Package v2 JSON Schema (vendored), its v2 fields."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from newsevents.core.project import Project
from newsevents.core.schemas import dataset_metadata, load_tables

REPO = Project()
V2_SCHEMA = REPO.schemas / "vendor" / "datapackage-2.0.schema.json"
PROFILE = "https://datapackage.org/profiles/2.0/"


@pytest.fixture(scope="module")
def package() -> dict:
    return json.loads(REPO.datapackage.read_text(encoding="utf-8"))


def v2_errors(descriptor: dict) -> list[str]:
    schema = json.loads(V2_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, error.path))}: {error.message[:200]}" for error in validator.iter_errors(descriptor)]


def test_the_package_is_valid_against_the_data_package_v2_json_schema(package):
    assert v2_errors(package) == []


def test_the_v2_json_schema_rejects_what_v2_forbids(package):
    """The vendored schema is a real check: malformed v2 fields in a copy of the package are refused."""
    broken = copy.deepcopy(package)
    broken["contributors"][0]["roles"] = "creator"  # v2: an array of roles
    broken["resources"][0]["schema"]["fields"][1]["categories"] = {"air_strike": "x"}
    broken["resources"][1]["hash"] = "sha256:not-hex"
    errors = v2_errors(broken)
    assert any(e.startswith("contributors/0/roles") for e in errors), errors
    assert any(e.startswith("resources/0/schema/fields/1") for e in errors), errors
    assert any(e.startswith("resources/1/hash") for e in errors), errors


def test_the_package_and_every_resource_declare_the_v2_profile(package):
    assert package["$schema"] == PROFILE + "datapackage.json"
    assert all(r["$schema"] == PROFILE + "dataresource.json" for r in package["resources"])


def test_contributors_carry_roles_and_vocabularies_are_categorical_fields(package):
    meta = dataset_metadata(REPO.root)
    assert package["contributors"] == [{"title": c["title"], "roles": c["roles"]} for c in meta["contributors"]]
    assert any("creator" in c["roles"] for c in package["contributors"])
    tables = load_tables(REPO.root)
    for resource in package["resources"]:
        table = tables[resource["name"].removesuffix("-parquet")]
        for field in resource["schema"]["fields"]:
            vocabulary = table.field(field["name"]).vocabulary
            assert field.get("categories") == (list(vocabulary.values) if vocabulary else None), field["name"]


def test_every_table_is_published_as_csv_and_parquet(package):
    formats = {(r["name"].removesuffix("-parquet"), r["format"], r["path"]) for r in package["resources"]}
    expected = {(name, kind, f"data/{name}.{kind}") for name in load_tables(REPO.root) for kind in ("csv", "parquet")}
    assert formats == expected

"""CAMEO actor codes composed from the shipped code lists as the CAMEO manual composes them."""
from __future__ import annotations

import csv

import pytest

from newsevents.core.project import Project
from newsevents.core.schemas import load_tables
from newsevents.ingest.reference import reference_tables
from newsevents.resolve.cameo_actors import actor_code_problem, code_parts

PROJECT = Project()
PARTS = code_parts(reference_tables(PROJECT, load_tables(PROJECT.root)))


@pytest.mark.parametrize("code", [
    # the manual's own examples (CAMEO 1.1b3, chapter 3), then this dataset's codes
    "SRBMIL", "ISRGOVLKD", "IGOUNO", "IGOUNOREFHCR", "NGOHRIAMN", "NGOHLHIRC", "NGOWEF", "IGOWSTNAT",
    "IMGMOSALQ", "IGOPKO", "PSEREBHMS", "PSEGOVHMS", "AFGREBTAL", "AFGGOVTAL", "LBNREBHEZ", "PSEGOVFTA", "PSEGZS",
    "PAK", "IRNGOV", "PAKELI", "PAKSEP", "IRNREB", "AFGTAL",
])
def test_codes_composed_as_the_manual_composes_them_pass(code):
    assert actor_code_problem(code, PARTS) is None


@pytest.mark.parametrize("code, wrong", [
    ("PSEHAM", "'HAM' is in no CAMEO actor code list"),
    ("HMS", "'HMS' (known group) cannot open a code"),
    ("GOV", "'GOV' (primary role) cannot open a code"),
    ("GZS", "'GZS' (sub state) cannot open a code"),
    ("PAKELIGOV", "role 'ELI' comes before role 'GOV'"),
    ("PAKRADGOV", "role 'RAD' comes before role 'GOV'"),
    ("AFGTALGOV", "known group 'TAL' is not the last part"),
    ("PAKNGO", "generic international code 'NGO' can only open a code"),
])
def test_codes_the_manual_would_not_write_fail_with_the_reason(code, wrong):
    assert wrong in actor_code_problem(code, PARTS)


def test_every_code_list_has_one_row_per_code_and_every_part_has_a_kind():
    for name in ("countries", "roles", "known_groups", "religions", "ethnicities"):
        with (PROJECT.reference / f"cameo_actor_{name}.tsv").open(encoding="utf-8", newline="") as handle:
            codes = [row["code"] for row in csv.DictReader(handle, delimiter="\t")]
        assert len(codes) == len(set(codes)), name
    assert PARTS["PSE"] == {"country", "known group"} and PARTS["HMS"] == {"known group"}
    assert PARTS["GOV"] == {"primary_role"} and PARTS["NGO"] == {"international"}

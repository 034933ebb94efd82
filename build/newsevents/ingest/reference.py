"""Reference tables shipped with the data: CAMEO event codes, PLOVER types and the ISO countries used."""
from __future__ import annotations

import pandas as pd
import pycountry

from newsevents.core.project import Project


def cameo_codes(project: Project) -> pd.DataFrame:
    frame = pd.read_csv(project.reference / "cameo_event_codes.tsv", sep="\t", dtype=str, keep_default_na=False)
    return frame.astype({"quad_class": "int64", "goldstein": "float64"})


def plover_types(project: Project) -> pd.DataFrame:
    return pd.read_csv(project.reference / "plover_event_types.tsv", sep="\t", dtype=str, keep_default_na=False)


def country(iso3: str) -> dict | None:
    """The ISO 3166-1 row for an alpha-3 code, or None when no such country exists."""
    found = pycountry.countries.get(alpha_3=iso3)
    if found is None:
        return None
    official = getattr(found, "official_name", None)
    return {"iso3": found.alpha_3, "iso2": found.alpha_2, "name": found.name,
            "official_name": official if official and official != found.name else None}

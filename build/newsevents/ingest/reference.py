"""Reference tables shipped with the data (code lists in data/reference/, e.g. CAMEO and PLOVER) and the ISO
countries used."""
from __future__ import annotations

import pandas as pd
import pycountry

from newsevents.core.project import Project
from newsevents.core.schemas import Table


def reference_tables(project: Project, tables: dict[str, Table]) -> dict[str, pd.DataFrame]:
    """Every table the schemas copy from a code list in data/reference/, typed as the schema says."""
    frames = {}
    for name, table in tables.items():
        if table.reference_file:
            frame = pd.read_csv(project.reference / table.reference_file, sep="\t", dtype=str, keep_default_na=False)
            frames[name] = frame.astype({f.name: f.column_type.pandas for f in table.fields
                                         if f.type in ("integer", "number")})
    return frames


def country(iso3: str) -> dict | None:
    """The ISO 3166-1 row for an alpha-3 code, or None when no such country exists."""
    found = pycountry.countries.get(alpha_3=iso3)
    if found is None:
        return None
    official = getattr(found, "official_name", None)
    return {"iso3": found.alpha_3, "iso2": found.alpha_2, "name": found.name,
            "official_name": official if official and official != found.name else None}

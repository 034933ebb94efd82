"""A package's files as `frictionless validate` reads them: each file's hash and size against datapackage.json,
each CSV as UTF-8 with exactly its schema's header, a cell for every column in every row, no blank row, and
every value of its column's type. Tables that pass are returned typed, for pandera and the cross-table checks.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pandas as pd

from newsevents.core.csvformat import read_table
from newsevents.core.errors import Collector
from newsevents.core.files import sha256_file
from newsevents.core.schemas import Table
from newsevents.validate.table_schemas import is_calendar_date

REBUILD = "the build writes this file: rebuild; if it persists, report a bug"
INTEGER = re.compile(r"^[+-]?\d+$")


def check_hashes(folder: Path, problems: Collector) -> None:
    """Every file datapackage.json lists exists with the hash (and, where given, the size) it records."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        path = folder / resource["path"]
        if not path.exists():
            problems.add(resource["path"], "listed in datapackage.json but missing", REBUILD)
            continue
        if "bytes" in resource and path.stat().st_size != resource["bytes"]:
            problems.add(resource["path"], f"{path.stat().st_size} bytes, datapackage.json records "
                         f"{resource['bytes']}", REBUILD)
        if resource.get("hash") != "sha256:" + sha256_file(path):
            problems.add(resource["path"], "its SHA-256 differs from the hash datapackage.json records", REBUILD)


def check_rows(path: Path, table: Table, problems: Collector) -> bool:
    """UTF-8, the schema's header, and as many cells in every row as the header has; False if not."""
    shown, found = f"data/{table.name}.csv", len(problems.problems)
    if not path.exists():
        return False  # reported by check_hashes
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle)
            header = next(rows, [])
            if header != table.columns:
                at = next(i for i, (got, want) in enumerate(zip(header + [None], table.columns + [None]))
                          if got != want)
                found_label = repr(header[at]) if at < len(header) else "nothing"
                expected = repr(table.columns[at]) if at < len(table.columns) else "nothing"
                problems.add(shown, f"header: column {at + 1} is {found_label}, the table's column there is "
                             f"{expected}", REBUILD, line=1)
            width = len(header)
            for line, row in enumerate(rows, start=2):
                if len(row) != width:
                    problems.add(shown, "blank row" if not row else f"row has {len(row)} cells, the header {width}",
                                 REBUILD, line=line)
    except UnicodeDecodeError as error:
        problems.add(shown, f"not valid UTF-8 (byte {error.start})", REBUILD)
    except csv.Error as error:
        problems.add(shown, f"not a well-formed CSV: {error}", REBUILD)
    return len(problems.problems) == found


def _ill_typed(values: pd.Series, kind: str) -> pd.Series:
    """Which non-empty cells (as text) are not of the column type, each distinct value tried once."""
    codes, distinct = pd.factorize(values)
    if kind == "integer":
        good = [INTEGER.match(value) is not None for value in distinct]
    elif kind == "number":
        good = pd.to_numeric(pd.Series(distinct, dtype=object), errors="coerce").notna().tolist()
    elif kind == "date":
        good = [is_calendar_date(value) for value in distinct]
    else:
        good = [True] * len(distinct)
    return pd.Series([not good[code] for code in codes], index=values.index) & (values != "")


def check_types(path: Path, table: Table, problems: Collector) -> bool:
    """Every value of a typed column parses as its type (integer, number, a calendar date); False if not."""
    typed = [f for f in table.fields if f.type in ("integer", "number", "date")]
    text = pd.read_csv(path, dtype=str, keep_default_na=False, usecols=[f.name for f in typed], encoding="utf-8")
    found = len(problems.problems)
    for field in typed:
        for index, value in text[field.name][_ill_typed(text[field.name], field.type)].items():
            problems.add(f"data/{table.name}.csv", f"column '{field.name}' is not of type {field.type}: {value!r}",
                         f"see the codebook for {table.name}.{field.name}", line=index + 2)
    return len(problems.problems) == found


def check_files(folder: Path, tables: dict[str, Table], problems: Collector) -> list[str]:
    """Hashes and rows of every table's CSV (what a build checks of the files it staged and read back typed);
    returns the tables whose rows passed."""
    check_hashes(folder, problems)
    return [name for name, table in tables.items() if check_rows(folder / "data" / f"{name}.csv", table, problems)]


def read_package(folder: Path, tables: dict[str, Table], problems: Collector) -> dict[str, pd.DataFrame]:
    """The package's tables, typed, once its files, rows and types pass; problems collected (tables that fail
    are left out)."""
    frames = {}
    for name in check_files(folder, tables, problems):
        path = folder / "data" / f"{name}.csv"
        if check_types(path, tables[name], problems):
            frames[name] = read_table(path, tables[name])
    return frames

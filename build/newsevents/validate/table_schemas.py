"""pandera, generated from the table definitions: every failing value of every table, all at once."""
from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd
import pandera.errors
import pandera.pandas as pa

from newsevents.core.schemas import Table
from newsevents.validate.report import TableReport


def matches(pattern: str) -> pa.Check:
    """pandera's Check.str_matches, with the pattern tried once per distinct value (key and date columns repeat
    their values many times over); reported under the same name."""
    compiled = re.compile(pattern)

    def check(series: pd.Series) -> pd.Series:
        codes, distinct = pd.factorize(series)
        good = np.array([isinstance(value, str) and compiled.match(value) is not None
                         for value in distinct.tolist()] + [True])
        # code -1 (a missing value) takes the last entry: missing values are left to `nullable`
        return pd.Series(good[codes], index=series.index)

    return pa.Check(check, name="str_matches", error=f"str_matches('{pattern}')")


DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_calendar_date(value) -> bool:
    """A real calendar date written YYYY-MM-DD (2024-02-30 has the shape of one and is none)."""
    if not isinstance(value, str) or DATE_PATTERN.match(value) is None:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def calendar_dates() -> pa.Check:
    """A date column holds calendar dates written YYYY-MM-DD, each distinct value tried once."""

    def check(series: pd.Series) -> pd.Series:
        codes, distinct = pd.factorize(series)
        good = np.array([is_calendar_date(value) for value in distinct.tolist()] + [True])
        return pd.Series(good[codes], index=series.index)

    return pa.Check(check, name="calendar_date", error="a calendar date written YYYY-MM-DD")


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The pandera DataFrameSchema for a table's published CSV as read with read_table()."""
    columns = {}
    for f in table.fields:
        checks = []
        if f.enum:
            checks.append(pa.Check.isin(f.enum))
        if f.pattern:
            checks.append(matches(f.pattern))
        if f.minimum is not None:
            checks.append(pa.Check.ge(f.minimum))
        if f.maximum is not None:
            checks.append(pa.Check.le(f.maximum))
        if f.min_length or f.max_length:
            checks.append(pa.Check.str_length(min_value=f.min_length, max_value=f.max_length))
        if f.type == "date":
            checks.append(calendar_dates())
        columns[f.name] = pa.Column(f.column_type.pandas, checks=checks, nullable=not f.required,
                                    unique=table.primary_key == [f.name], description=f.description)
    return pa.DataFrameSchema(columns, strict=True, ordered=True, unique=table.primary_key,
                              name=table.name, description=table.description)


def check_schemas(frames: dict[str, pd.DataFrame], tables: dict[str, Table], report: TableReport) -> None:
    """pandera, lazily: every failing value of every table."""
    for name, frame in frames.items():
        try:
            pandera_schema(tables[name]).validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as errors:
            cases = errors.failure_cases
            for case in cases.itertuples(index=False):
                index = case.index if case.index is not None and not pd.isna(case.index) else None
                record = None
                if index is not None and int(index) < len(frame):
                    record = "|".join(str(frame.iloc[int(index)][c]) for c in tables[name].primary_key)
                column = case.column if isinstance(case.column, str) else "table"
                report.add(name, record, f"column '{column}' fails {case.check}: {case.failure_case!r}",
                           f"see the codebook for {name}.{column}", row=int(index) + 2 if index is not None else None)

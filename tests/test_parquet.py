"""The published Parquet copies, read back as users read them: DuckDB and pandas get the codebook's types
(codes stay strings, counts integers, dates dates, empty cells nulls) and the same rows as the CSVs."""
from __future__ import annotations

import datetime

import duckdb
import pandas as pd
import pytest

from newsevents.core.csvformat import read_table
from newsevents.core.project import Project
from newsevents.core.schemas import load_tables
from newsevents.publish.parquet import parquet_bytes

REPO = Project()
TABLES = load_tables(REPO.root)
DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE"}
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "date": "object"}


def parquet(name: str) -> str:
    return str(REPO.data / f"{name}.parquet")


@pytest.mark.parametrize("name", list(TABLES))
def test_duckdb_reads_the_codebook_types(name):
    table = TABLES[name]
    described = duckdb.sql(f"DESCRIBE SELECT * FROM '{parquet(name)}'").fetchall()
    assert [(row[0], row[1]) for row in described] == [(f.name, DUCKDB_TYPES[f.type]) for f in table.fields]


@pytest.mark.parametrize("name", list(TABLES))
def test_pandas_reads_the_codebook_types_and_the_csv_rows(name):
    table = TABLES[name]
    frame = pd.read_parquet(parquet(name))
    assert [str(dtype) for dtype in frame.dtypes] == [PANDAS_DTYPES[f.type] for f in table.fields]
    csv = read_table(REPO.data / f"{name}.csv", table)
    for f in table.fields:
        if f.type == "date":
            csv[f.name] = pd.to_datetime(csv[f.name], format="%Y-%m-%d").dt.date.astype(object).where(
                csv[f.name].notna(), None)
    pd.testing.assert_frame_equal(frame, csv, check_dtype=False)


def test_cameo_codes_keep_their_leading_zeros_counts_stay_integers_dates_are_dates():
    cameo = duckdb.sql(f"SELECT cameo_code FROM '{parquet('events')}' WHERE cameo_code LIKE '0%'").fetchall()
    assert cameo, "the data holds a CAMEO code with a leading zero (e.g. 036)"
    claims = duckdb.sql(f"SELECT count_low, count_high FROM '{parquet('casualty_claims')}'").fetchall()
    assert all(isinstance(low, int) for low, _ in claims)
    assert {type(high) for _, high in claims} == {int, type(None)}, "an unbounded claim has a null count_high"
    dates = duckdb.sql(f"SELECT date_start FROM '{parquet('events')}' WHERE date_start IS NOT NULL").fetchall()
    assert dates and all(isinstance(d, datetime.date) for (d,) in dates)
    events = pd.read_parquet(parquet("events"))
    assert events["cameo_code"].str.startswith("0").any()
    assert pd.read_parquet(parquet("casualty_claims"))["count_high"].isna().sum() == \
        read_table(REPO.data / "casualty_claims.csv", TABLES["casualty_claims"])["count_high"].isna().sum()


def test_empty_cells_are_nulls_not_empty_strings():
    for name, table in TABLES.items():
        optional = [f.name for f in table.fields if not f.required and f.type == "string"]
        for column in optional:
            empty = duckdb.sql(f"SELECT count(*) FROM '{parquet(name)}' WHERE \"{column}\" = ''").fetchall()[0][0]
            assert empty == 0, f"{name}.{column}"


def test_columns_carry_their_codebook_descriptions():
    import pyarrow.parquet as pq

    schema = pq.read_schema(parquet("events"))
    for f in TABLES["events"].fields:
        assert schema.field(f.name).metadata[b"description"].decode("utf-8") == f.description
        assert schema.field(f.name).nullable == (not f.required)


def test_the_same_rows_give_the_same_bytes():
    table = TABLES["events"]
    frame = read_table(REPO.data / "events.csv", table)
    published = (REPO.data / "events.parquet").read_bytes()
    assert parquet_bytes(frame, table) == parquet_bytes(frame.copy(), table) == published

"""The typed Parquet copy of each published table, beside its CSV: data/<table>.parquet.

Column types come from schemas/types.yaml (`arrow`), so codes stay strings, dates are dates, integers are
integers and empty cells are nulls in every reader; each column carries its description. The pandas
metadata block makes `pandas.read_parquet` give the codebook's dtypes (nullable Int64, not float). Written
from the staged CSV read back with the schema's dtypes, so both files hold the same rows; the same rows give
the same bytes (no timestamps; the writer is the pinned pyarrow, its version in the file's `created_by`).
"""
from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.core.schemas import Table

MEDIATYPE = "application/vnd.apache.parquet"
COMPRESSION = "snappy"  # read by every Parquet reader (pandas, DuckDB, R arrow, Spark, polars)


def arrow_schema(table: Table, nullable: set[str] = frozenset()) -> pa.Schema:
    """The table's Arrow schema: a required column is NOT NULL unless named in `nullable`."""
    fields = [pa.field(f.name, pa.type_for_alias(f.column_type.arrow), nullable=not f.required or f.name in nullable,
                       metadata={"description": f.description}) for f in table.fields]
    return pa.schema(fields, metadata={"title": table.title, "description": table.description})


def parquet_bytes(frame: pd.DataFrame, table: Table) -> bytes:
    """The Parquet file of a table read with its schema's dtypes (dates still as ISO text)."""
    frame = frame.assign(**{f.name: pd.to_datetime(frame[f.name], format="%Y-%m-%d", errors="coerce")
                            for f in table.fields if f.type == "date"})
    # a required column holding nulls is a build validation will refuse: write it, and let the checks report it
    holes = {f.name for f in table.fields if f.required and frame[f.name].isna().any()}
    arrow = pa.Table.from_pandas(frame[table.columns], schema=arrow_schema(table, holes), preserve_index=False)
    buffer = io.BytesIO()
    pq.write_table(arrow, buffer, compression=COMPRESSION)
    return buffer.getvalue()

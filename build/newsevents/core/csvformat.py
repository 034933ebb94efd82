"""Published CSV format: UTF-8, header row, empty cell = null, LF line ends, shortest round-trip floats."""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from newsevents.core.schemas import Table


def _text_column(values: pd.Series, kind: str) -> pd.Series:
    """A column as the text written to the CSV (vectorised; empty string for null)."""
    missing = values.isna()
    if kind == "integer":
        text = values.astype("Int64").astype("string")
    elif kind == "number":
        text = values.astype("Float64").map(repr, na_action="ignore").astype("string")
    else:  # strings; dates arrive as datetime.date objects or ISO strings
        text = values.astype("string")
    return text.mask(missing, "")


def text_frame(frame: pd.DataFrame, table: Table, columns: list[str] | None = None) -> pd.DataFrame:
    """The table's cells (all its columns, or the given ones) as the text the CSV holds, "" for null."""
    names = columns or table.columns
    return pd.DataFrame({name: _text_column(frame[name], table.field(name).type) for name in names}, columns=names)


def to_csv_text(frame: pd.DataFrame, table: Table) -> str:
    """The table's CSV text, deterministic for the same rows."""
    buffer = io.StringIO()
    text_frame(frame, table).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def read_table(path: Path, table: Table) -> pd.DataFrame:
    """A published CSV read back with the dtypes its schema declares."""
    dtypes = {f.name: f.column_type.pandas for f in table.fields}
    return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")

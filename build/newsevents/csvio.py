"""Published CSV format: UTF-8, header row, empty cell = null, LF line ends, shortest round-trip floats."""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from .schema import PANDAS_DTYPES, Table


def _cell(value, kind: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if kind == "integer":
        return str(int(value))
    if kind == "number":
        return repr(float(value))
    return str(value)


def to_csv_text(frame: pd.DataFrame, table: Table) -> str:
    """The table's CSV text, deterministic for the same rows."""
    text = pd.DataFrame({f.name: [_cell(v, f.type) for v in frame[f.name]] for f in table.fields},
                        columns=table.columns)
    buffer = io.StringIO()
    text.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def read_table(path: Path, table: Table) -> pd.DataFrame:
    """A published CSV read back with the dtypes its schema declares."""
    dtypes = {f.name: PANDAS_DTYPES[f.type] for f in table.fields}
    return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")

"""The page on reading the data: quick starts for pandas, DuckDB and R (arrow) on the typed Parquet files, the
type map (schemas/types.yaml), and which readers were checked, with the versions the project pins.

The tests run every code block of this page as it is written here (tests/test_reading.py).
"""
from __future__ import annotations

import re

from newsevents.core.schemas import load_types
from newsevents.docsite.markdown import code, esc, table
from newsevents.docsite.published import Published

PANDAS = '''import pandas as pd

events = pd.read_parquet("data/events.parquet")
claims = pd.read_parquet("data/casualty_claims.parquet")
print(events[["event_id", "cameo_code", "date_start", "salience"]].dtypes)  # CAMEO "036" stays text
print(claims[["claim_id", "count_low", "count_high"]].dtypes)  # Int64: whole numbers, <NA> for no bound
by_event = claims.merge(events[["event_id", "date_start"]], on="event_id")
print(by_event[["event_id", "date_start", "claimant_actor_id", "outcome", "count_low", "count_high"]])'''

DUCKDB = '''import duckdb

print(duckdb.sql("DESCRIBE SELECT event_id, cameo_code, date_start FROM 'data/events.parquet'"))
print(duckdb.sql("""
    SELECT e.event_id, e.date_start, c.claimant_actor_id, c.outcome, c.count_low, c.count_high
    FROM 'data/casualty_claims.parquet' AS c
    JOIN 'data/events.parquet' AS e USING (event_id)
    ORDER BY e.date_start, c.claim_id
"""))'''

R_ARROW = '''library(arrow)

events <- read_parquet("data/events.parquet")
claims <- read_parquet("data/casualty_claims.parquet")
str(events[, c("event_id", "cameo_code", "date_start")])  # chr, chr ("036"), Date
by_event <- merge(claims, events[, c("event_id", "date_start")], by = "event_id")
print(by_event[, c("event_id", "date_start", "claimant_actor_id", "count_low", "count_high")])'''

READERS = [("pandas", "pandas", "`pd.read_parquet` gives strings, nullable `Int64` and `Float64`, and dates as "
                                "`datetime.date` values; the same rows as the CSV"),
           ("pyarrow", "pyarrow", "writes the Parquet files; column descriptions travel in the file's schema"),
           ("DuckDB", "duckdb", "`DESCRIBE` gives VARCHAR, DATE, BIGINT and DOUBLE; codes keep leading zeros, "
                                "empty cells are NULL"),
           ("frictionless", "frictionless", "`frictionless validate datapackage.json` validates the CSV and the "
                                            "Parquet resources: types, constraints, keys, foreign keys")]


def pinned(published: Published) -> dict[str, str]:
    """Package → version, as requirements.lock pins them."""
    path = published.project.root / "requirements.lock"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M))


def type_map(published: Published) -> str:
    rows = [[code(name), code(t.arrow), code(t.pandas), code(t.sql), esc(t.note)]
            for name, t in load_types(published.project.root).items()]
    return table(["Table Schema type", "Parquet (Arrow) type", "pandas dtype (CSV read with the declared types)",
                  "SQLite type", "Meaning"], rows)


def readers(published: Published) -> str:
    versions = pinned(published)
    rows = [[name, code(versions.get(package, "?")), what] for name, package, what in READERS]
    rows.append(["R (arrow)", "not in the project's environment",
                 "the R example is run by the tests wherever `Rscript` and the arrow package are installed"])
    return table(["Reader", "Version checked", "What the tests check"], rows)


def reading_page(published: Published) -> str:
    parts = [
        "# Reading the data",
        "Every table is published twice: as CSV (`data/<table>.csv`, text: any tool reads it) and as Parquet "
        "(`data/<table>.parquet`), which carries the codebook's types so that no reader has to guess them. "
        "CAMEO code `036` stays the text `036`, counts are integers with a null where a claim has no upper "
        "bound, dates are dates, and an empty cell is a null. Both are listed in `datapackage.json` and on "
        "[Downloads](downloads.md). The examples run from a folder holding `data/`, such as a clone of the "
        "repository or the unpacked release archive.",
        "## pandas",
        "```python\n" + PANDAS + "\n```",
        "## DuckDB",
        "The same SQL works in the `duckdb` command line and in any DuckDB client.",
        "```python\n" + DUCKDB + "\n```",
        "## R (arrow)",
        "```r\n" + R_ARROW + "\n```",
        "## Types",
        "One type map, `schemas/types.yaml`, gives each column type of the codebook in every format:",
        type_map(published),
        "## Readers checked",
        "The tests read the published files with these readers, at the versions `requirements.lock` pins, and "
        "run the examples above as written on this page:",
        readers(published),
        "The CSV files can be read with the same types without Parquet: the home page's quick start reads "
        "them with pandas and the dtypes `datapackage.json` declares.",
    ]
    return "\n\n".join(parts) + "\n"

"""The home page: what the dataset is, what it covers, what is in it, and how to start using it."""
from __future__ import annotations

from newsevents.core.schemas import load_types
from newsevents.docsite.markdown import code, esc, plural, table
from newsevents.docsite.published import Published


def coverage(published: Published) -> list[str]:
    articles, events = published.frames["articles"], published.frames["events"]
    outlets = articles["outlet"].value_counts().sort_index()
    by_outlet = ", ".join(f"{esc(name)} ({count})" for name, count in outlets.items())
    lines = [f"- **Stories:** {plural(len(articles), 'story', 'stories')} from {plural(len(outlets), 'outlet')}: "
             f"{by_outlet}; see [Sources](sources.md)."]
    earliest, latest = articles["published_date_earliest"].dropna(), articles["published_date_latest"].dropna()
    if not earliest.empty:
        lines.append(f"- **Published:** between {earliest.min()} and {latest.max()}.")
    dated = events.dropna(subset=["date_start"])
    salience = events["salience"].value_counts()
    parts = ", ".join(f"{count:,} {esc(kind)}" for kind, count in salience.sort_index().items())
    line = f"- **Events:** {plural(len(events), 'event')} ({parts})"
    if not dated.empty:
        line += (f", dated from {dated['date_start'].min()} to {dated['date_end'].max()}"
                 f" ({len(events) - len(dated):,} undated); see the [Timeline](timeline.md)")
    lines.append(line + ".")
    claims = published.frames["casualty_claims"]
    lines.append(f"- **Casualty claims:** {plural(len(claims), 'claim')}; see [Casualty claims](casualty-claims.md).")
    return lines


PANDAS_SNIPPET = '''import json

import pandas as pd

package = json.load(open("datapackage.json", encoding="utf-8"))
DTYPES = {dtypes}


def load(name):
    """A table with the types its schema declares: codes keep leading zeros, empty cells are missing."""
    resource = next(r for r in package["resources"] if r["name"] == name)
    fields = resource["schema"]["fields"]
    frame = pd.read_csv(resource["path"], dtype={{f["name"]: DTYPES[f["type"]] for f in fields}},
                        keep_default_na=False, na_values=[""], encoding="utf-8")
    for f in fields:
        if f["type"] == "date":
            frame[f["name"]] = pd.to_datetime(frame[f["name"]], format="%Y-%m-%d")
    return frame


events = load("events")
print(events.groupby(["event_type", "status"]).size())
claims = load("casualty_claims").merge(load("actors"), how="left", left_on="claimant_actor_id", right_on="actor_id")
print(claims[["event_id", "name", "outcome", "victim_group", "count_text", "count_low", "count_high"]])'''

FRICTIONLESS_SNIPPET = '''from frictionless import Package

package = Package("datapackage.json")
report = package.validate()
print("valid:", report.valid)
for row in package.get_resource("events").read_rows()[:3]:
    print(row["event_id"], row["date_start"], row["status"])'''


def quick_start(published: Published) -> list[str]:
    databases = published.databases()
    db = databases[0].path if databases else f"{published.metadata['name']}.db"
    types = load_types(published.project.root)
    dtypes = "{" + ", ".join(f'"{kind}": "{t.pandas}"' for kind, t in types.items()) + "}"
    return [
        "## Quick start",
        "### Download",
        "Every table is a CSV file described by `datapackage.json` (a "
        "[Frictionless Data package](https://datapackage.org/)). Get them from [Downloads](downloads.md), "
        "with their sizes and SHA-256 checksums, or clone the repository: the published package is "
        "`datapackage.json` and `data/*.csv` at its root.",
        "Every table also comes as typed Parquet (`data/*.parquet`): [Reading the data](reading.md) loads it "
        "in pandas, DuckDB or R with the codebook's types, nothing to declare.",
        "### Open in Datasette",
        "From a clone of the repository, one command sets everything up, builds and validates the data and "
        "the SQLite database, and serves them (with these pages under `/docs/`):",
        "```sh\nmake serve    # then open http://127.0.0.1:8001/\n```",
        f"With the database file alone: `datasette {db}`.",
        "### Load in pandas",
        "Read each table with the types `datapackage.json` declares, so that codes such as CAMEO `036` keep "
        "their leading zeros and empty cells stay missing:",
        "```python\n" + PANDAS_SNIPPET.format(dtypes=dtypes) + "\n```",
        "### Load with frictionless",
        "```sh\nfrictionless validate datapackage.json\n```",
        "```python\n" + FRICTIONLESS_SNIPPET + "\n```",
    ]


def home_page(published: Published) -> str:
    meta = published.metadata
    licences = "; ".join(f"{esc(lic['scope'])}: [{esc(lic['title'])}]({lic['path']})" for lic in meta["licenses"])
    rows = [[f"[{code(name)}](codebook/{name}.md)", f"{len(published.frames[name]):,}", esc(t.description)]
            for name, t in published.tables.items()]
    parts = [
        f"# {esc(meta['title'])}",
        esc(meta["description"]),
        f"**Version {esc(meta['version'])}**, released {esc(meta['released'])}. Licences: {licences}. "
        "How to cite it: [Cite](cite.md).",
        "## What it covers",
        "\n".join(coverage(published)),
        "## What is in it",
        "Each table is documented column by column in the [Codebook](codebook/index.md); the "
        "[Methodology](methodology.md) explains how stories are coded and how the build validates them.",
        table(["Table", "Rows", "What one row is"], rows, "lrl"),
    ]
    parts += quick_start(published)
    return "\n\n".join(parts) + "\n"

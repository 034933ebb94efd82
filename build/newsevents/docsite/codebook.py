"""The codebook: one page per published table, generated from schemas/ with example values from the data."""
from __future__ import annotations

import pandas as pd

from newsevents.core.schemas import SLUG_PATTERN, Field, Table, load_types
from newsevents.docsite.markdown import code, esc, plural, table, truncate
from newsevents.docsite.published import Published


def column_anchor(column: str) -> str:
    return f"column-{column}"


def page_path(table_name: str) -> str:
    return f"codebook/{table_name}.md"


def example(frame: pd.DataFrame, f: Field) -> str:
    """The first value of the column in primary-key order, as it appears in the CSV."""
    values = frame[f.name].dropna()
    if values.empty:
        return "*none yet*"
    value = values.iloc[0]
    text = str(int(value)) if f.type == "integer" else repr(float(value)) if f.type == "number" else str(value)
    if len(text) <= 80 and " " not in text:
        return code(text)
    return "“" + esc(truncate(text, 90)) + "”"


def _constraints(t: Table, f: Field) -> list[str]:
    notes = []
    if t.primary_key == [f.name]:
        notes.append("primary key (unique)")
    elif f.name in t.primary_key:
        notes.append("part of the primary key")
    if f.pattern == SLUG_PATTERN:
        notes.append("slug: lowercase letters and digits joined by hyphens")
    elif f.pattern:
        notes.append(f"matches {code(f.pattern)}")
    if f.minimum is not None:
        notes.append(f"≥ {f.minimum:g}")
    if f.maximum is not None:
        notes.append(f"≤ {f.maximum:g}")
    if f.max_length:
        notes.append(f"at most {f.max_length} characters")
    if f.vocabulary:
        notes.append(f"one of [{len(f.vocabulary.values)} values](#values-{f.name})")
    for fk in t.foreign_keys:
        if f.name in fk.fields:
            target = fk.reference[fk.fields.index(f.name)]
            page = "" if fk.resource == t.name else f"{fk.resource}.md"
            notes.append(f"refers to [{fk.resource}.{target}]({page}#{column_anchor(target)})")
    return notes


def _keys(t: Table, tables: dict[str, Table]) -> str:
    lines = ["- **Primary key:** " + ", ".join(code(c) for c in t.primary_key)]
    for fk in t.foreign_keys:
        page = "" if fk.resource == t.name else f"{fk.resource}.md"
        lines.append(f"- **Foreign key:** {', '.join(code(c) for c in fk.fields)} → "
                     f"[{fk.resource}]({page}#{column_anchor(fk.reference[0])}) "
                     f"({', '.join(code(c) for c in fk.reference)})")
    referencing = [f"[{other.name}]({other.name}.md) ({', '.join(code(c) for c in fk.fields)})"
                   for other in tables.values() for fk in other.foreign_keys
                   if fk.resource == t.name and other.name != t.name]
    if referencing:
        lines.append("- **Referenced by:** " + ", ".join(referencing))
    return "\n".join(lines)


def _values(frame: pd.DataFrame, f: Field) -> str:
    counts = frame[f.name].value_counts()
    rows = [[code(value), esc(meaning), f"{int(counts.get(value, 0)):,}"]
            for value, meaning in f.vocabulary.values.items()]
    return "\n\n".join([
        f"### {f.name} {{ #values-{f.name} }}",
        f"{esc(f.vocabulary.description)} Vocabulary {code(f.vocabulary.name)}.",
        table(["Value", "Meaning", "Rows"], rows, "llr"),
    ])


def table_page(t: Table, published: Published) -> str:
    frame = published.frames[t.name]
    rows = []
    for f in t.fields:
        constraints = "; ".join(_constraints(t, f))
        rows.append([
            f'<span id="{column_anchor(f.name)}"></span>{code(f.name)}<br>{f.type}, '
            f'{"required" if f.required else "may be empty"}',
            esc(f.description) + (f"<br>*{constraints}*" if constraints else ""),
            example(frame, f),
        ])
    parts = [
        f"# {esc(t.title)}",
        esc(t.description),
        f"Table {code(t.name)}, file [data/{t.name}.csv](../data/{t.name}.csv): "
        f"{plural(len(frame), 'row')}, {plural(len(t.fields), 'column')}. "
        "Rows are sorted by the primary key; an empty cell means the value is missing.",
        "## Keys",
        _keys(t, published.tables),
        "## Columns",
        table(["Column", "Description and constraints", "Example"], rows),
    ]
    vocabulary_fields = [f for f in t.fields if f.vocabulary]
    if vocabulary_fields:
        parts.append("## Allowed values")
        parts += [_values(frame, f) for f in vocabulary_fields]
    return "\n\n".join(parts) + "\n"


def index_page(published: Published) -> str:
    rows = [[f"[{code(name)}]({name}.md)", esc(t.title), f"{len(published.frames[name]):,}",
             str(len(t.fields)), esc(t.description)]
            for name, t in published.tables.items()]
    types = [[code(kind), column_type.note] for kind, column_type in load_types(published.project.root).items()]
    return "\n\n".join([
        "# Codebook",
        "Every published table, column by column: type, whether a value is required, constraints, allowed "
        "values with their meaning, description, an example from the data, and the keys that join the "
        "tables. These pages are generated from the same definitions (`schemas/`) as the validation and "
        "the schemas in `datapackage.json`, so they cannot disagree with the data.",
        "## Tables",
        table(["Table", "Title", "Rows", "Columns", "Description"], rows, "llrrl"),
        "## Conventions",
        "Each table is a CSV file in UTF-8 with a header row. An empty cell means the value is missing; "
        "text is never quoted as `NULL` or `NaN`. Identifiers are readable slugs that do not change between "
        "versions. Offsets (`char_start`, `char_end`) count Unicode code points in the raw capture read as "
        "UTF-8 without newline translation, end exclusive, so that `capture_text[char_start:char_end] == "
        "quote`.",
        "Column types:",
        table(["Type", "Meaning"], types),
    ]) + "\n"


def codebook_pages(published: Published) -> dict[str, str]:
    """Path under docs/ → Markdown, for the index and every table."""
    pages = {"codebook/index.md": index_page(published)}
    pages |= {page_path(name): table_page(t, published) for name, t in published.tables.items()}
    return pages

"""fts_query: what a person types becomes an FTS5 query that parses and finds what the search page promises."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.database.fts import fts_query

TEXTS = ["al-Qaeda fighters crossed the border", "Pakistan's army said the strike hit", "air strike near the town",
         "talks in Tehran continue", "cross-border talks"]


@pytest.fixture(scope="module")
def search():
    connection = sqlite3.connect(":memory:")
    connection.execute("create virtual table t using fts5(x)")
    connection.executemany("insert into t values (?)", [(text,) for text in TEXTS])

    def found(typed: str) -> set[str]:
        return {row[0] for row in connection.execute("select x from t where t match ?", (fts_query(typed),))}

    return found


@pytest.mark.parametrize("typed, expected", [
    ("al-Qaeda", {TEXTS[0]}),
    ("cross-border", {TEXTS[4]}),
    ("Pakistan's", {TEXTS[1]}),
    ("strik*", {TEXTS[1], TEXTS[2]}),
    ('"air strike"', {TEXTS[2]}),
    ("strike army", {TEXTS[1]}),
    ("Tehran OR army", {TEXTS[1], TEXTS[3]}),
    ("talks NOT Tehran", {TEXTS[4]}),
    ("talks AND cross", {TEXTS[4]}),
])
def test_words_phrases_prefixes_and_operators(search, typed, expected):
    assert search(typed) == expected


@pytest.mark.parametrize("typed", ["", "   ", "-", '"', '"unclosed', "NOT", "OR talks", "talks AND", "C++", "a*b",
                                   "(", "x:y", "^start", "NEAR(a b)"])
def test_anything_typed_parses(search, typed):
    search(typed)  # raises sqlite3.OperationalError if FTS5 cannot parse it


@given(st.text(max_size=40))
def test_any_text_parses(typed):
    connection = sqlite3.connect(":memory:")
    connection.execute("create virtual table t using fts5(x)")
    connection.execute("select * from t where t match ?", (fts_query(typed),)).fetchall()

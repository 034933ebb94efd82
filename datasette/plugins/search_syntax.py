"""The SQL function fts_query(text) on every connection, for the search query (datasette/queries.yaml): what a
person types, as a full-text query that cannot fail to parse (newsevents.database.fts)."""
from datasette import hookimpl

from newsevents.database.fts import fts_query


@hookimpl
def prepare_connection(conn):
    conn.create_function("fts_query", 1, fts_query, deterministic=True)

"""The SQLite database and the Datasette that serves it, built from the published package."""

"""The site around the database: the published files as downloads, /docs/ opening the docs site's index
page, what the home page shows (version, downloads, citation, JSON-LD), and on row pages the quotes in their
stories (the docs' story pages) and how to cite the row; all from the metadata's `newsevents` plugin
configuration. Read-only: nothing here writes.
"""
from pathlib import Path

from datasette import hookimpl
from datasette.utils import urlsafe_components
from datasette.utils.asgi import Response, asgi_send_file
from markupsafe import Markup

from newsevents.publish.citation import record_citation
from newsevents.publish.jsonld import script_tag

CONTENT_TYPES = {".csv": "text/csv; charset=utf-8", ".json": "application/json; charset=utf-8",
                 ".cff": "text/yaml; charset=utf-8", ".parquet": "application/vnd.apache.parquet",
                 ".zip": "application/zip"}


def _config(datasette) -> dict:
    return datasette.plugin_config("newsevents") or {}


def _root(datasette, config: dict) -> Path:
    """The project root: the published files sit beside the database file."""
    return Path(datasette.databases[config["database"]].path).parent


async def _not_found(datasette, message: str) -> Response:
    html = await datasette.render_template("error.html", {"ok": False, "error": message, "status": 404,
                                                          "title": "Not found"})
    return Response.html(html, status=404)


def _offered(config: dict) -> set[str]:
    paths = {item["path"] for item in config.get("downloads", []) if not item["path"].endswith(".db")}
    return paths | ({config["citation_file"]} if config.get("citation_file") else set())


async def download(datasette, request, send):
    config = _config(datasette)
    path = request.url_vars["path"]
    if path not in _offered(config):
        return await _not_found(datasette, f"{path} is not a published file")
    file = _root(datasette, config) / path
    await asgi_send_file(send, file, content_type=CONTENT_TYPES[file.suffix],
                         headers={"access-control-allow-origin": "*"})


def _script(document: dict | None) -> Markup | None:
    """The schema.org JSON-LD as a script element."""
    return Markup(script_tag(document)) if document else None


async def docs_index(datasette, request):
    if not _config(datasette).get("docs"):
        return await _not_found(datasette, "The documentation site has not been built (make docs).")
    return Response.redirect(f"/docs/{request.url_vars['path'] or ''}index.html")


@hookimpl
def register_routes(datasette):
    return [
        (r"^/(?P<path>datapackage\.json|CITATION\.cff|data/[a-z0-9_]+\.(?:csv|parquet)|dist/[A-Za-z0-9._-]+\.zip)$",
         download),
        (r"^/docs(?:/(?P<path>(?:[^?]+/)?))?$", docs_index),
    ]


def story_url(article_id: str, start: int, end: int) -> str:
    """Where a quote is highlighted in its story (docs/stories/, docsite/stories.py)."""
    return f"/docs/stories/{article_id}.html#q-{start}-{end}"


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """An evidence quote links to its place in the story, when the docs are served."""
    config = _config(datasette)
    if column != "quote" or table not in config.get("evidence_tables", []) or not config.get("docs"):
        return None
    article = row["article_id"]
    article = article["value"] if isinstance(article, dict) else article  # a foreign key shown with its label
    href = story_url(article, row["char_start"], row["char_end"])
    return Markup('<a href="{}" title="This quote, highlighted in its story">{}</a>').format(href, value)


async def _record(datasette, request, database: str, table: str, config: dict) -> dict:
    """A row page's evidence quotes (with their places in the stories) and, for citable tables, its citation."""
    pks = urlsafe_components(request.url_vars["pks"])
    spec, db = config["records"][table], datasette.get_database(database)
    where = " and ".join(f"[{column}] = ?" for column in spec["key"])
    found = await db.execute(f"select article_id, char_start, char_end, quote from [{spec['evidence']}] "
                             f"where {where} order by article_id, char_start, char_end", pks)
    quotes = [{**dict(q), "url": story_url(q["article_id"], q["char_start"], q["char_end"])} for q in found.rows]
    record = {"quotes": quotes, "docs": config.get("docs")}
    if table in config.get("citable", []):
        added, changed = config["row_versions"]["added"], config["row_versions"]["changed"]
        row = (await db.execute(f"select [{added}], [{changed}] from [{table}] where {where}", pks)).first()
        if row is not None:
            key, url = ",".join(pks), datasette.absolute_url(request, request.path)
            record |= {"table": table, "key": key, "url": url, "added": row[0], "changed": row[1],
                       "version": config.get("version"),
                       "citation": record_citation(config.get("citation", ""), table, key, row[0], row[1], url)}
    return record


@hookimpl
def extra_template_vars(template, database, table, request, datasette):
    config = _config(datasette)
    if template == "row.html" and table in config.get("records", {}):
        async def record():
            return {"record": await _record(datasette, request, database, table, config)}
        return record
    if template == "row.html" and table == "articles" and config.get("docs"):
        return {"story_url": f"/docs/stories/{urlsafe_components(request.url_vars['pks'])[0]}.html"}
    if template != "index.html":
        return {}

    async def site():
        config = _config(datasette)
        root = _root(datasette, config)
        downloads = []
        for item in config.get("downloads", []):
            file = root / item["path"]
            downloads.append({**item, "url": "/" + item["path"],
                              "size": file.stat().st_size if file.exists() else None})
        return {"site": {**config, "downloads": downloads, "jsonld": _script(config.get("jsonld")),
                         "database_url": datasette.urls.database(config["database"]),
                         "tables": datasette.metadata("tables", database=config["database"]) or {},
                         "queries": datasette.metadata("queries", database=config["database"]) or {}}}

    return site

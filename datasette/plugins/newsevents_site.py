"""The site around the database: the published files as downloads, /docs/ opening the docs site's index
page, and what the home page shows (version, downloads, citation), all from the metadata's `newsevents`
plugin configuration. Read-only: nothing here writes.
"""
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Response, asgi_send_file
from markupsafe import Markup

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


@hookimpl
def extra_template_vars(template, datasette):
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

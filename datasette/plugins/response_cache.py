"""A response cache in front of Datasette, for a database served immutable.

The database is opened read-only and immutable (`-i`) and the metadata is fixed when the server starts, so the
bytes of a page cannot change while the server runs. The first answer to a GET is kept and later requests for the
same URL are answered from memory, without Datasette's per-table permission walk (home and database pages) or
the SQL. Bounded: answers over MAX_ENTRY bytes (downloads, CSV exports) pass through unkept, and the least
recently used answers are dropped beyond MAX_BYTES. Never kept: requests carrying credentials, answers that set a
cookie or are not 200, the live pages under /-/, and anything while a mutable database is attached. The key is the
whole URL with its host, since some pages hold absolute links. Each answer says whether it came from the cache
(`x-response-cache: hit` or `miss`).
"""
from collections import OrderedDict

from datasette import hookimpl

MAX_BYTES = 64 * 2**20
MAX_ENTRY = 2 * 2**20
LIVE_PREFIXES = (b"/-/", b"/_internal")


class ResponseCache:
    """Least recently used answers, by URL, within a byte budget."""

    def __init__(self, max_bytes: int = MAX_BYTES):
        self.entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self.size, self.max_bytes = 0, max_bytes

    def get(self, key: tuple):
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: tuple, status: int, headers: list, body: bytes) -> None:
        if key in self.entries:
            return
        self.entries[key] = (status, headers, body)
        self.size += len(body)
        while self.size > self.max_bytes:
            _, (_, _, dropped) = self.entries.popitem(last=False)
            self.size -= len(dropped)


def _header(scope, name: bytes) -> bytes:
    return next((value for key, value in scope.get("headers", []) if key.lower() == name), b"")


def cacheable_request(scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    if scope.get("raw_path", scope["path"].encode()).startswith(LIVE_PREFIXES):
        return False
    return not _header(scope, b"authorization") and b"ds_actor" not in _header(scope, b"cookie")


def request_key(scope) -> tuple:
    return (scope.get("scheme", "http"), _header(scope, b"host"), scope.get("raw_path") or scope["path"].encode(),
            scope.get("query_string", b""))


def _all_immutable(datasette) -> bool:
    return all(not db.is_mutable for name, db in datasette.databases.items() if name != "_internal")


def _with_mark(headers: list, mark: bytes) -> list:
    return [*headers, (b"x-response-cache", mark)]


def cached(app, datasette, cache: ResponseCache):
    """The ASGI app `app` answering repeated GETs from `cache`."""

    async def serve(scope, receive, send):
        if not cacheable_request(scope) or not _all_immutable(datasette):
            return await app(scope, receive, send)
        key = request_key(scope)
        hit = cache.get(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": _with_mark(headers, b"hit")})
            await send({"type": "http.response.body", "body": body})
            return
        answer = {"keep": True, "body": []}

        async def keep(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                answer.update(status=message["status"], headers=headers,
                              keep=message["status"] == 200 and not any(k.lower() == b"set-cookie" for k, _ in headers))
                message = {**message, "headers": _with_mark(headers, b"miss")}
            elif message["type"] == "http.response.body" and answer["keep"]:
                answer["body"].append(message.get("body", b""))
                answer["keep"] = sum(map(len, answer["body"])) <= MAX_ENTRY
                if answer["keep"] and not message.get("more_body", False):
                    cache.put(key, answer["status"], answer["headers"], b"".join(answer["body"]))
            await send(message)

        await app(scope, receive, keep)

    return serve


@hookimpl
def asgi_wrapper(datasette):
    cache = ResponseCache()
    return lambda app: cached(app, datasette, cache)

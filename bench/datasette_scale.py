"""Datasette at scale: one client, the home and database pages, every table page, facet, full-text search, canned
query and row page.

    python bench/datasette_scale.py [--stories 10000] [--requests 20] [--root PROJECT] [--out FILE]

Builds a synthetic corpus of N stories (bench/synthetic.py), its tables and database (or, with --root, serves a
project built before, building only its database if missing), starts the same Datasette command line `make serve`
uses (newsevents.database.server.datasette_command) on a free loopback port, and reports per URL the first
request (computed: the response cache does not hold it yet) and p50/p95 of the requests after it, plus the query
plans of the canned queries. A report, never a test.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from docs_section import write_section  # noqa: E402
from synthetic import generate  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("Datasette did not start")


def _sample(connection: sqlite3.Connection, sql: str) -> str:
    row = connection.execute(sql).fetchone()
    return str(row[0]) if row else ""


def urls(db: Path, metadata: dict) -> list[str]:
    """Every page a user would open, with real parameter values taken from the database."""
    name = db.stem
    connection = sqlite3.connect(db)
    tables = metadata["databases"][name]["tables"]
    queries = metadata["databases"][name].get("queries", {})
    found = ["/", f"/{name}", "/.json", f"/{name}.json"]
    names = [row[0] for row in connection.execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like '%_fts%' "
        "and name not like 'sqlite_%' order by name")]
    for table in names:
        if tables.get(table, {}).get("hidden"):
            continue
        found += [f"/{name}/{table}", f"/{name}/{table}.json?_shape=objects"]
        for facet in tables.get(table, {}).get("facets", []):
            found.append(f"/{name}/{table}?_facet={urllib.parse.quote(str(facet))}")
    fts = [row[0].removesuffix("_fts") for row in connection.execute(
        "select name from sqlite_master where type = 'table' and name like '%\\_fts' escape '\\'")]
    for table in fts:
        found.append(f"/{name}/{table}?_search=strike")
    params = {
        "actor": _sample(connection, "select actor_id from actors order by actor_id limit 1 offset 7"),
        "event": _sample(connection, "select event_id from events order by event_id limit 1 offset 11"),
    }
    for query, spec in queries.items():
        names_in_sql = set(__import__("re").findall(r":(\w+)", spec["sql"]))
        values = {p: params["actor"] if "actor" in p else params["event"] if "event" in p else "strike"
                  for p in names_in_sql}
        found.append(f"/{name}/{query}" + ("?" + urllib.parse.urlencode(values) if values else ""))
    found.append(f"/{name}/events/{urllib.parse.quote(params['event'])}")
    found.append(f"/{name}/actors/{urllib.parse.quote(params['actor'])}")
    return found


def plans(db: Path, metadata: dict) -> dict[str, list[str]]:
    """EXPLAIN QUERY PLAN of each canned query (parameters bound to NULL-safe samples)."""
    from newsevents.database.fts import fts_query

    connection = sqlite3.connect(db)
    connection.create_function("fts_query", 1, fts_query, deterministic=True)
    out = {}
    for query, spec in metadata["databases"][db.stem].get("queries", {}).items():
        sql = spec["sql"]
        names = set(__import__("re").findall(r":(\w+)", sql))
        rows = connection.execute("explain query plan " + sql, {n: "x" for n in names}).fetchall()
        out[query] = [row[-1] for row in rows]
    return out


def _timed_get(url: str) -> tuple[float, bool, str]:
    """Milliseconds, success, and whether the response cache answered."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            source = response.headers.get("x-response-cache", "")
        return (time.perf_counter() - started) * 1000, True, source
    except OSError:
        return (time.perf_counter() - started) * 1000, False, ""


def measure(base: str, paths: list[str], requests: int) -> list[dict]:
    """Per URL: the first request, then `requests` more (p50, p95)."""
    results = []
    for path in paths:
        first, first_ok, source = _timed_get(base + path)
        runs = [_timed_get(base + path) for _ in range(requests)]
        timings = sorted(ms for ms, _, _ in runs)
        results.append({"path": path, "first_ms": first, "first_from": source or "uncached",
                        "p50_ms": statistics.median(timings),
                        "p95_ms": timings[max(0, int(round(0.95 * len(timings))) - 1)],
                        "errors": (not first_ok) + sum(not ok for _, ok, _ in runs)})
    return results


def serve_and_measure(project, requests: int) -> tuple[list[dict], dict[str, list[str]]]:
    """Start Datasette as `make serve` does on the project's database, measure every URL, stop it."""
    from newsevents.database.server import datasette_command

    port = free_port()
    command = datasette_command(project, port)
    metadata = json.loads(Path(command[command.index("--metadata") + 1]).read_text(encoding="utf-8"))
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        return measure(base, urls(project.database, metadata), requests), plans(project.database, metadata)
    finally:
        server.terminate()
        server.wait(timeout=30)


def built_project(root: Path | None, stories: int, workdir: Path):
    """The project to serve: `root` as built before (its database built if missing), else a new corpus."""
    from newsevents.core.project import Project
    from newsevents.database.sqlite import build_database
    from newsevents.pipeline import build

    if root is not None:
        project = Project(root.resolve())
    else:
        project = generate(workdir / "project", stories).project
        build(project)
    if not project.database.exists():
        build_database(project)
    return project


def print_report(stories: int, requests: int, results: list[dict], query_plans: dict[str, list[str]]) -> None:
    width = max(len(r["path"]) for r in results)
    print(f"Datasette at {stories:,} stories, one client: the first request, then {requests} more per URL")
    print(f"{'URL':<{width}}  {'first ms':>9}  {'p50 ms':>8}  {'p95 ms':>8}  errors")
    for r in results:
        flag = "  > 50 ms" if r["p95_ms"] > 50 else ""
        print(f"{r['path']:<{width}}  {r['first_ms']:9.1f}  {r['p50_ms']:8.1f}  {r['p95_ms']:8.1f}  "
              f"{r['errors']:>6}{flag}")
    worst = max(results, key=lambda r: r["p95_ms"])
    slowest_first = max(results, key=lambda r: r["first_ms"])
    print(f"pages: {len(results)}; over the 50 ms target at p95: {sum(r['p95_ms'] > 50 for r in results)}; "
          f"worst p95: {worst['path']} {worst['p95_ms']:.1f} ms; slowest first request: {slowest_first['path']} "
          f"{slowest_first['first_ms']:.1f} ms; errors: {sum(r['errors'] for r in results)}")
    over = sum(r["p95_ms"] >= 50 for r in results)
    print(f"target: every page p95 < 50 ms at 10,000 stories, one client: {len(results) - over} of {len(results)} "
          f"pages under it ({'met' if not over else 'not met'})")
    print("query plans of the canned queries:")
    for query, steps in query_plans.items():
        print(f"  {query}: " + "; ".join(steps))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--root", type=Path, help="serve this project, built before, instead of a new corpus")
    parser.add_argument("--out", type=Path, default=HERE / "datasette-scale.json")
    parser.add_argument("--docs-page", action="store_true", help="write the figures into docs/performance.md")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsevents-scale-") as workdir:
        project = built_project(arguments.root, arguments.stories, Path(workdir))
        with sqlite3.connect(project.database) as connection:
            stories = connection.execute("select count(*) from articles").fetchone()[0]
        results, query_plans = serve_and_measure(project, arguments.requests)
    print_report(stories, arguments.requests, results, query_plans)
    arguments.out.write_text(json.dumps({"stories": stories, "results": results, "plans": query_plans,
                                         "machine": machine()}, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {arguments.out}")
    if arguments.docs_page:
        write_section("datasette-scale", markdown(stories, arguments.requests, results, query_plans))
        print("figures written to docs/performance.md")


def machine() -> dict:
    return {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "load": " / ".join(f"{value:.1f}" for value in os.getloadavg())}


def markdown(stories: int, requests: int, results: list[dict], query_plans: dict[str, list[str]]) -> str:
    """The figures as the Datasette-at-scale section of docs/performance.md."""
    over = [r for r in results if r["p95_ms"] >= 50]
    p95s = sorted(r["p95_ms"] for r in results)
    firsts = sorted(r["first_ms"] for r in results)
    host = machine()
    lines = ["## Serving at scale: `bench/datasette_scale.py`", "",
             f"Measured on {time.strftime('%Y-%m-%d')} on {host['cores']} shared cores ({host['platform']}, "
             f"Python {host['python']}; load average {host['load']} at the end: other work shared the machine): a "
             f"synthetic corpus of {stories:,} stories, its database served by the same command line as `make serve`, "
             f"one client. Per URL the first request, which Datasette computes, then {requests} more, which the "
             f"response cache answers. {len(results)} URLs: the home page and the database page (HTML and JSON), "
             "every table and reading-table page and its JSON, each default facet, full-text search on every "
             "searchable table, every canned query, and row pages.", "",
             f"- **target: every page p95 < 50 ms: {'met' if not over else 'not met'}** "
             f"({len(results) - len(over)} of {len(results)} pages)",
             f"- median of the per-URL p95: {statistics.median(p95s):.1f} ms; worst p95: {p95s[-1]:.1f} ms",
             f"- first request (computed, not cached): median {statistics.median(firsts):.1f} ms, "
             f"slowest {firsts[-1]:.1f} ms",
             f"- errors: {sum(r['errors'] for r in results)}", "",
             "The slowest pages by p95, and the slowest to compute:", "",
             "| URL | first request ms | p50 ms | p95 ms | errors |", "|---|---:|---:|---:|---:|"]
    shown = sorted(results, key=lambda r: -r["p95_ms"])[:8] + sorted(results, key=lambda r: -r["first_ms"])[:8]
    lines += [f"| `{r['path']}` | {r['first_ms']:.1f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['errors']} |"
              for r in {r["path"]: r for r in shown}.values()]
    lines += ["", "Query plans of the canned queries (`EXPLAIN QUERY PLAN`):", ""]
    lines += [f"- `{name}`: " + "; ".join(steps) for name, steps in query_plans.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()

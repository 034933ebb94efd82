"""Load benchmark: the dataset's Datasette, started as `make serve` starts it, under concurrent clients.

    python bench/load.py [--duration 60] [--clients 16] [--root PATH]        (or: make bench-load)

For a bounded time, CLIENTS clients on loopback each send one request after another, cycling through every
table and view page, the JSON API (tables, rows, facets), every canned query (HTML and JSON, parameters filled
from the data) and full-text search on every searchable table. It prints requests per second, p50/p95/p99
latency and errors, overall and per kind of request, as a Markdown table, and exits 1 if any request failed.
It also says where the machine's CPU went while it ran (the server, this benchmark's own client, every other
process) and, from the CPU each request cost, what two idle cores would give. A figure, not a test: nothing
here asserts a time.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import re
import resource
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

from newsevents.core.project import REPO_ROOT, Project
from newsevents.database.server import HOST, SETTINGS, datasette_command

SEARCH_TERM = "Pakistan"
TICK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"Datasette exited with code {server.returncode}")
        try:
            if httpx.get(f"{url}/-/versions.json", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"Datasette did not answer within {timeout:.0f} s")


def sample_value(db: Path, parameter: str) -> str:
    """A real value for a canned query's parameter: the first value of a column named like it."""
    if parameter == "q":
        return SEARCH_TERM
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        tables = [row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")]
        for table in tables:
            columns = [row[1] for row in connection.execute(f'pragma table_info("{table}")')]
            for column in (parameter, f"{parameter}_id", parameter.rstrip("s") + "_id"):
                if column in columns:
                    found = connection.execute(f'select "{column}" from "{table}" where "{column}" is not null '
                                               f'limit 1').fetchone()
                    if found:
                        return str(found[0])
    return ""


def requests_to_make(base: str, db: Path) -> list[tuple[str, str]]:
    """(kind, path) for every page the benchmark cycles through, found from the server's own JSON."""
    name = db.stem
    info = httpx.get(f"{base}/{name}.json", timeout=30).json()
    tables = [t for t in info["tables"] if not t.get("hidden")]
    views = [v["name"] if isinstance(v, dict) else v for v in info.get("views", [])]
    queries = info.get("queries", [])
    found = [("home or database page", "/"), ("home or database page", f"/{name}")]
    for table in tables:
        path = f"/{name}/{table['name']}"
        found += [("table or view page", path), ("JSON API", f"{path}.json?_shape=array&_size=50")]
        if table.get("fts_table"):
            found += [("full-text search", f"{path}?_search={SEARCH_TERM}"),
                      ("full-text search", f"{path}.json?_search={SEARCH_TERM}&_shape=array")]
        if table.get("primary_keys") and len(table["primary_keys"]) == 1 and table.get("count"):
            first = httpx.get(f"{base}{path}.json?_shape=array&_size=1", timeout=30).json()[0]
            found.append(("JSON API", f"{path}/{quote(str(first[table['primary_keys'][0]]), safe='')}.json"))
    found += [("table or view page", f"/{name}/{view}") for view in views]
    found.append(("JSON API", f"/{name}/events.json?_facet=event_type&_facet=status&_shape=objects"))
    for query in queries:
        parameters = dict.fromkeys(re.findall(r"(?<!:):([A-Za-z_]\w*)", query.get("sql", "")))
        arguments = urlencode({parameter: sample_value(db, parameter) for parameter in parameters})
        path = f"/{name}/{query['name']}"
        found += [("canned query", f"{path}?{arguments}"), ("canned query", f"{path}.json?{arguments}&_shape=array")]
    return found


async def client(http: httpx.AsyncClient, pages: list[tuple[str, str]], start: int, deadline: float,
                 results: list[tuple[str, str, float, bool]]) -> None:
    """One client: request after request, from its own place in the cycle, until the deadline."""
    index = start
    while time.perf_counter() < deadline:
        kind, path = pages[index % len(pages)]
        index += 1
        began = time.perf_counter()
        try:
            ok = (await http.get(path)).status_code == 200
        except httpx.HTTPError:
            ok = False
        results.append((kind, path, time.perf_counter() - began, ok))


async def load(base: str, pages: list[tuple[str, str]], clients: int, duration: float, server: int):
    """The timed load, after every page has answered once; the results, the seconds they took, and the CPU
    snapshots before and after."""
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        for _, path in pages:  # warm-up, and every page must answer before it is timed
            response = await http.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code} before the load started")
        results: list[tuple[str, str, float, bool]] = []
        before = cpu_snapshot(server)
        started = time.perf_counter()
        deadline = started + duration
        await asyncio.gather(*(client(http, pages, i * len(pages) // clients, deadline, results)
                               for i in range(clients)))
        elapsed = time.perf_counter() - started
        return results, elapsed, before, cpu_snapshot(server)


def process_cpu(pid: int) -> float:
    """CPU seconds (user and system) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def machine_cpu() -> float:
    """CPU seconds every core of the machine has been busy so far (all but idle and I/O wait)."""
    fields = [int(value) for value in Path("/proc/stat").read_text(encoding="ascii").split("\n")[0].split()[1:8]]
    return (sum(fields) - fields[3] - fields[4]) / TICK


def cpu_snapshot(server: int) -> tuple[float, float, float]:
    return process_cpu(server), own_cpu(), machine_cpu()


def cpu_report(before: tuple, after: tuple, requests: int, elapsed: float, clients: int) -> str:
    """Where the CPU went during the timed load, per request, and what two idle cores would give at that cost."""
    server, client, machine = (b - a for a, b in zip(before, after))
    others = max(machine - server - client, 0.0)
    cores = os.cpu_count() or 1
    per_server, per_client = server / requests, client / requests
    both = cores / (per_server + per_client)
    alone = cores / per_server
    return "\n".join([
        f"CPU during the {elapsed:.0f} s of load ({cores} cores = {cores * elapsed:.0f} core-seconds): server "
        f"{server:.1f} s ({per_server * 1000:.2f} ms per request), this benchmark's client {client:.1f} s "
        f"({per_client * 1000:.2f} ms per request), every other process {others:.1f} s; the machine was busy "
        f"{machine / (cores * elapsed):.0%} of the time.",
        f"At these costs, {cores} idle cores would answer about {both:,.0f} requests per second with this client "
        f"on the same machine, so {clients} clients in a closed loop would wait about {clients / both * 1000:.0f} ms "
        f"each (latency = clients / throughput); with the client on another machine, about {alone:,.0f} per "
        f"second and {clients / alone * 1000:.0f} ms. An estimate from measured costs, not a measurement.",
    ])


def row(label: str, latencies: list[float], errors: int, elapsed: float) -> str:
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    ms = [f"{value * 1000:.1f}" for value in (cuts[49], cuts[94], cuts[98], max(latencies))]
    return f"| {label} | {len(latencies):,} | {len(latencies) / elapsed:,.0f} | {' | '.join(ms)} | {errors} |"


def report(results: list[tuple[str, str, float, bool]], elapsed: float, slowest: int) -> str:
    """The Markdown table by kind of request, then the paths with the highest median latency."""
    by_kind: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    by_path: dict[str, list[float]] = defaultdict(list)
    for kind, path, seconds, ok in results:
        by_kind[kind].append((seconds, ok))
        by_path[path].append(seconds)
    lines = ["| requests | count | per second | p50 ms | p95 ms | p99 ms | max ms | errors |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for kind, samples in sorted(by_kind.items()):
        lines.append(row(kind, [s for s, _ in samples], sum(not ok for _, ok in samples), elapsed))
    lines.append(row("**all**", [s for _, _, s, _ in results], sum(not ok for *_, ok in results), elapsed))
    medians = sorted(((statistics.median(times), path) for path, times in by_path.items()), reverse=True)
    lines += ["", f"slowest {slowest} by median latency:"]
    lines += [f"  {median * 1000:7.1f} ms  {path}" for median, path in medians[:slowest]]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--slowest", type=int, default=5, help="requests to list by median latency (default 5)")
    parser.add_argument("--root", type=Path, default=Path(os.environ.get("NEWSEVENTS_ROOT", REPO_ROOT)))
    arguments = parser.parse_args()
    project = Project(arguments.root.resolve())
    db = project.database
    if not db.exists():
        raise SystemExit(f"{project.rel(db)} has not been built: run `make db` first")
    port = free_port()
    base = f"http://{HOST}:{port}"
    log = project.cache / "bench-load-datasette.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        server = subprocess.Popen(datasette_command(project, port), stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_up(base, server)
        pages = requests_to_make(base, db)
        random.Random(0).shuffle(pages)
        print(f"{len(pages)} distinct requests, {arguments.clients} client(s), {arguments.duration:.0f} s, "
              f"{os.cpu_count()} CPUs (load average {' / '.join(f'{v:.1f}' for v in os.getloadavg())}), "
              f"Python {platform.python_version()}, "
              f"Datasette {httpx.get(f'{base}/-/versions.json').json()['datasette']['version']}, "
              f"database {db.stat().st_size / 1e6:.1f} MB, settings {SETTINGS}", flush=True)
        results, elapsed, before, after = asyncio.run(load(base, pages, arguments.clients, arguments.duration,
                                                           server.pid))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(report(results, elapsed, arguments.slowest))
    errors = sum(not ok for *_, ok in results)
    print(f"{len(results):,} requests in {elapsed:.1f} s: {len(results) / elapsed:,.0f} per second, {errors} errors; "
          f"load average after: {' / '.join(f'{v:.1f}' for v in os.getloadavg())}")
    print(target_line([seconds for *_, seconds, _ in results], errors, arguments.clients))
    print(cpu_report(before, after, len(results), elapsed, arguments.clients))
    return 1 if errors else 0


def target_line(latencies: list[float], errors: int, clients: int) -> str:
    """The issue's target for 16 clients beside the figures: all requests p95 < 150 ms, p99 < 300 ms, no error."""
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    met = cuts[94] < 0.150 and cuts[98] < 0.300 and errors == 0
    return (f"target (16 clients): p95 < 150 ms, p99 < 300 ms, 0 errors; measured with {clients} client(s): "
            f"p95 {cuts[94] * 1000:.1f} ms, p99 {cuts[98] * 1000:.1f} ms, {errors} errors: "
            f"{'met' if met else 'not met'}")


if __name__ == "__main__":
    sys.exit(main())

"""`make bench`: the build stage by stage at growing corpus sizes, against peer tools on the same package.

For each size N (3 = the real seed data, larger = synthetic corpora from bench/synthetic.py):
  cold   a first build from scratch (no cache), stage by stage: wall time and peak memory of the build
         process and of its largest worker process (the per-story stage and frictionless use both cores);
  warm   one coding file edited, rebuilt with the cache of the cold run (.cache/: per-story results and
         frictionless verdicts), and checked byte-identical to a cold build of the same edited inputs;
  peers  `frictionless validate` on the package's CSV tables (what the build's own gate checks; the Parquet
         copies, which frictionless reads row by row, are left to `make release`), and sqlite-utils' Python API
         loading every CSV in this process (rows as text: no keys, indexes, full-text search or reading tables,
         which the own build adds).
Above --full-up-to stories (10,000 by default) only the cold and warm builds run: the peers, the docs and the
second cold build that checks warm = cold each take as long as the build or longer, and the report says so.
Prints a table and the ratios, and writes the figures as JSON (bench/results.json by default).
Benchmarks report; they never fail on timing.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))

from docs_section import write_section  # noqa: E402
from synthetic import generate  # noqa: E402

BUILD_STAGES = ["parse", "resolve", "assemble", "write", "files", "pandera", "cross-table checks", "publish"]
OWN_VALIDATION = ["files", "pandera", "cross-table checks"]
CSV_ONLY = "datapackage-csv.json"


def _copy_real(target: Path) -> Path:
    for name in ("schemas", "data", "datapackage.json", "mkdocs.yml", "docs"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    return target


def _measure(root: Path, docs: bool) -> dict:
    command = [sys.executable, str(HERE / "measure.py"), str(root)] + (["--docs"] if docs else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measurement failed for {root}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def _timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def _sqlite_utils_load(root: Path) -> float:
    """Seconds for sqlite-utils (imported beforehand, in this process) to insert every CSV, 10,000 rows a batch."""
    import sqlite_utils

    db_path = root / "peer.db"
    db_path.unlink(missing_ok=True)
    started = time.perf_counter()
    db = sqlite_utils.Database(db_path)
    for path in sorted((root / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            db[path.stem].insert_all(csv.DictReader(handle), batch_size=10_000)
    db.close()
    return time.perf_counter() - started


def _csv_only(root: Path) -> str:
    """A descriptor of the package's CSV resources only, beside datapackage.json; returns its name."""
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["format"] == "csv"]
    (root / CSV_ONLY).write_text(json.dumps(descriptor), encoding="utf-8")
    return CSV_ONLY


def _peers(root: Path) -> dict:
    frictionless = _timed([str(BIN / "frictionless"), "validate", "--type", "package", _csv_only(root)], root)
    return {"frictionless_validate_seconds": frictionless, "sqlite_utils_insert_seconds": _sqlite_utils_load(root)}


def _outputs(root: Path) -> dict[str, bytes]:
    files = sorted((root / "data").glob("*.csv")) + [root / "datapackage.json"]
    return {path.name: path.read_bytes() for path in files}


def _edit_one_coding_file(root: Path) -> Path:
    """Change one event summary in the middle of the corpus, as a coder's correction would."""
    files = sorted((root / "data" / "coding" / "stories").glob("*.yaml"))
    target = files[len(files) // 2]
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("summary:"))
    if lines[at].rstrip().endswith((">-", ">", "|", "|-")):  # a block scalar: edit its first line
        at += 1
        indent = len(lines[at]) - len(lines[at].lstrip())
        lines[at] = lines[at][:indent] + "Corrected: " + lines[at][indent:]
    else:
        key, _, value = lines[at].partition("summary: ")
        lines[at] = f"{key}summary: Corrected {value}"
    target.write_text("".join(lines), encoding="utf-8")
    return target


def _import_seconds() -> float:
    runs = []
    for _ in range(3):
        runs.append(_timed([sys.executable, "-c", "import pandas, pandera.pandas, frictionless, yaml_rs"], ROOT))
    return min(runs)


def bench_size(n: int, workdir: Path, docs: bool, verify_warm: bool, full: bool) -> dict:
    """One size: cold build, peers, warm build, warm = cold; without the peers, docs and check unless `full`."""
    root = workdir / f"n{n}"
    if n == 3:
        _copy_real(root)
        stories = 3
    else:
        stories = generate(root, n).stories
        shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    cold = _measure(root, docs and full)
    peers = _peers(root) if full else None
    _edit_one_coding_file(root)
    warm = _measure(root, docs=False)
    identical = None
    if verify_warm and full:
        fresh = workdir / f"n{n}-fresh"
        shutil.copytree(root, fresh, ignore=shutil.ignore_patterns(".cache", "site", "*.db"))
        _measure(fresh, docs=False)
        identical = _outputs(fresh) == _outputs(root)
        shutil.rmtree(fresh)
    shutil.rmtree(root)
    return {"stories": stories, "cold": cold, "warm": warm, "peers": peers, "warm_equals_cold": identical}


def _total(stages: dict, names: list[str]) -> float:
    return sum(stages[name]["seconds"] for name in names if name in stages)


def _validation_ratio(size: dict) -> float | None:
    """frictionless validate / own validation (files, pandera, cross-table checks), same CSV tables."""
    if not size["peers"]:
        return None
    return size["peers"]["frictionless_validate_seconds"] / _total(size["cold"]["stages"], OWN_VALIDATION)


def _sqlite_ratio(size: dict) -> float | None:
    """sqlite-utils loading the CSVs / the own SQLite build, same package."""
    if not size["peers"]:
        return None
    return size["peers"]["sqlite_utils_insert_seconds"] / size["cold"]["stages"]["sqlite"]["seconds"]


def _peer(size: dict, key: str, text: str = "{:.1f} s") -> str:
    return text.format(size["peers"][key]) if size["peers"] else "not run (above --full-up-to)"


def _times(value: float | None, text: str = "{:.1f}× faster") -> str:
    return text.format(value) if value is not None else "not run (above --full-up-to)"


def _with_sqlite(size: dict, run: str) -> float:
    return _total(size[run]["stages"], BUILD_STAGES + ["sqlite"])


def _tables_with_import(size: dict, run: str) -> float:
    """Tables built and validated, the libraries' import included: as the real 3-story build is counted."""
    return _total(size[run]["stages"], BUILD_STAGES) + size[run]["import_seconds"]


def _peak_mb(size: dict) -> float:
    """Peak memory of the cold build: its process and its largest worker process at once (an upper bound)."""
    return size["cold"]["peak_rss_mb"] + size["cold"].get("worker_peak_rss_mb", 0)


def limits(results: dict) -> dict:
    """Where one machine stops, from the largest size: stories per GB of peak memory, per minute of cold build."""
    big = _largest(results)
    return {"stories": big["stories"], "per_gb": big["stories"] / (_peak_mb(big) / 1024),
            "per_minute": big["stories"] / _total(big["cold"]["stages"], BUILD_STAGES) * 60,
            "cores": results["machine"]["cores"]}


def _slope(points: list[tuple[int, float]]) -> float | None:
    """Least-squares seconds per story over the synthetic sizes."""
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    denominator = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / denominator if denominator else None


def _largest(results: dict) -> dict:
    return max(results["sizes"], key=lambda size: size["stories"])


def _largest_full(results: dict) -> dict:
    """The largest size measured with its peers (the validation ratio and docs are read there)."""
    full = [size for size in results["sizes"] if size["peers"]]
    return max(full, key=lambda size: size["stories"]) if full else _largest(results)


def growth(results: dict) -> dict | None:
    """From 10,000 to the largest size (when it is larger): how time and peak memory grew, and their slopes."""
    small = next((s for s in results["sizes"] if s["stories"] == 10_000), None)
    big = _largest(results)
    if small is None or big["stories"] <= small["stories"]:
        return None
    span = (big["stories"] - small["stories"]) / 1000
    cold = {s["stories"]: _total(s["cold"]["stages"], BUILD_STAGES) for s in (small, big)}
    memory = {s["stories"]: _peak_mb(s) for s in (small, big)}
    return {"from": small["stories"], "to": big["stories"], "time_ratio": cold[big["stories"]] / cold[10_000],
            "stories_ratio": big["stories"] / small["stories"],
            "seconds_per_1000": (cold[big["stories"]] - cold[10_000]) / span,
            "mb_per_1000": (memory[big["stories"]] - memory[10_000]) / span}


def targets(results: dict) -> list[tuple[str, str, str, str, bool]]:
    """The issue's build figures at the largest size: (figure, measured, target, peer, met)."""
    big, full = _largest(results), _largest_full(results)
    n, real = f"N={big['stories']:,}", results["real_build_seconds"]
    docs = full["cold"]["stages"].get("docs")
    ratio = _validation_ratio(full)
    found = [
        (f"warm rebuild to validated tables, one coding file edited, {n} (import included)",
         f"{_tables_with_import(big, 'warm'):.1f} s ({big['warm'].get('computed', '?')} of {big['stories']:,} "
         "stories computed)",
         f"≤ 2× the real 3-story build ({2 * real:.1f} s)" if real else "≤ 2× the real 3-story build",
         f"cold: {_tables_with_import(big, 'cold'):.1f} s",
         bool(real) and _tables_with_import(big, "warm") <= 2 * real),
        (f"cold build to validated tables, {n}", f"{_total(big['cold']['stages'], BUILD_STAGES):.1f} s", "≤ 15 s",
         f"frictionless validate of the CSVs alone: {_peer(big, 'frictionless_validate_seconds')}",
         _total(big["cold"]["stages"], BUILD_STAGES) <= 15),
        (f"own validation (files, pandera, cross-table) vs frictionless, N={full['stories']:,}",
         _times(ratio), "≥ 20× faster", f"frictionless validate: {_peer(full, 'frictionless_validate_seconds')}",
         ratio is not None and ratio >= 20),
        (f"peak memory of the build, {n}", f"{big['cold']['peak_rss_mb']:.0f} MB + largest worker "
         f"{big['cold'].get('worker_peak_rss_mb', 0):.0f} MB", "< 4 GB at N=100,000", "",
         big["stories"] >= 100_000 and _peak_mb(big) < 4096),
    ]
    grown = growth(results)
    if grown:
        found.append((f"cold build time, N={grown['from']:,} → {grown['to']:,}",
                      f"{grown['time_ratio']:.1f}× ({grown['seconds_per_1000']:.2f} s per 1,000 stories; memory "
                      f"{grown['mb_per_1000']:.0f} MB per 1,000 stories)",
                      f"within {grown['stories_ratio'] * 1.1:.0f}× ({grown['stories_ratio']:.0f}× the stories)", "",
                      grown["time_ratio"] <= grown["stories_ratio"] * 1.1))
    if docs:
        found.append((f"docs (`make docs`), N={full['stories']:,}", f"{docs['seconds']:.1f} s", "< 20 s", "",
                      docs["seconds"] < 20))
    return found


def report(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=160)
    table = Table(title="Build, stage by stage (seconds; peak RSS MB in brackets)")
    table.add_column("stage")
    sizes = results["sizes"]
    for size in sizes:
        table.add_column(f"N={size['stories']:,}", justify="right")
    stages = BUILD_STAGES + ["sqlite", "docs"]
    for stage in stages:
        cells = []
        for size in sizes:
            figure = size["cold"]["stages"].get(stage)
            cells.append(f"{figure['seconds']:.2f} [{figure['peak_rss_mb']:.0f}]" if figure else "–")
        table.add_row(stage, *cells)
    rows = [
        ("tables built + validated", lambda s: f"{_total(s['cold']['stages'], BUILD_STAGES):.2f}"),
        ("… + SQLite", lambda s: f"{_with_sqlite(s, 'cold'):.2f}"),
        ("peak RSS of the build (MB)", lambda s: f"{s['cold']['peak_rss_mb']:.0f}"),
        ("… of its largest worker (MB)", lambda s: f"{s['cold'].get('worker_peak_rss_mb', 0):.0f}"),
        ("warm rebuild, one file edited, + SQLite", lambda s: f"{_with_sqlite(s, 'warm'):.2f}"),
        ("warm: stories computed (rest cached)", lambda s: str(s["warm"].get("computed", "?"))),
        ("warm output = cold output", lambda s: str(s["warm_equals_cold"])),
        ("peer: frictionless validate (CSVs)", lambda s: _peer(s, "frictionless_validate_seconds", "{:.2f}")),
        ("peer: sqlite-utils insert_all, in-process", lambda s: _peer(s, "sqlite_utils_insert_seconds", "{:.2f}")),
        ("ratio frictionless / own validation", lambda s: _times(_validation_ratio(s), "{:.1f}×")),
        ("ratio sqlite-utils / own SQLite", lambda s: _times(_sqlite_ratio(s), "{:.1f}×")),
    ]
    for label, cell in rows:
        table.add_row(label, *[cell(size) for size in sizes])
    console.print(table)
    if results["real_build_seconds"] is not None:
        console.print(f"import of the libraries: {results['import_seconds']:.2f} s; real 3-story build (tables): "
                      f"{results['real_build_seconds']:.2f} s = {results['real_build_over_import']:.1f}× the import")
    goals = Table(title="Targets of the benchmark (measured beside target and peer)")
    for column in ("figure", "measured", "target", "peer", "met"):
        goals.add_column(column)
    for figure, measured, target, peer, met in targets(results):
        goals.add_row(figure, measured, target, peer, "yes" if met else "no")
    console.print(goals)
    if results["slope_seconds_per_1000_stories"] is not None:
        console.print(f"fitted cost (cold, tables + SQLite): {results['slope_seconds_per_1000_stories']:.2f} s per "
                      "1,000 stories")


def markdown(results: dict) -> str:
    """The figures as the build section of docs/performance.md."""
    sizes = results["sizes"]
    head = "| stage | " + " | ".join(f"N = {s['stories']:,}" for s in sizes) + " |\n"
    head += "|---|" + "---:|" * len(sizes) + "\n"
    lines = []
    for stage in BUILD_STAGES + ["sqlite", "docs"]:
        cells = [f"{s['cold']['stages'][stage]['seconds']:.2f} s ({s['cold']['stages'][stage]['peak_rss_mb']:.0f} MB)"
                 if stage in s["cold"]["stages"] else "–" for s in sizes]
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    summary = [
        ("**tables built and validated**", lambda s: f"**{_total(s['cold']['stages'], BUILD_STAGES):.1f} s**"),
        ("**… and the SQLite database**", lambda s: f"**{_with_sqlite(s, 'cold'):.1f} s**"),
        ("peak memory of the build", lambda s: f"{s['cold']['peak_rss_mb']:.0f} MB"),
        ("… and of its largest worker process", lambda s: f"{s['cold'].get('worker_peak_rss_mb', 0):.0f} MB"),
        ("warm rebuild after editing one coding file, tables and SQLite", lambda s: f"{_with_sqlite(s, 'warm'):.1f} s"),
        ("… stories it computed (the rest from the cache)", lambda s: str(s["warm"].get("computed", "?"))),
        ("warm output byte-identical to cold",
         lambda s: {True: "yes", False: "**no**", None: "not checked"}[s["warm_equals_cold"]]),
        ("peer: `frictionless validate` of the CSV tables", lambda s: _peer(s, "frictionless_validate_seconds")),
        ("peer: sqlite-utils `insert_all` of every CSV, in-process (text, no indexes)",
         lambda s: _peer(s, "sqlite_utils_insert_seconds")),
        ("own validation (files, pandera, cross-table) vs frictionless", lambda s: _times(_validation_ratio(s))),
        ("own SQLite build vs sqlite-utils insert_all", lambda s: _times(_sqlite_ratio(s))),
    ]
    lines += [f"| {label} | " + " | ".join(cell(s) for s in sizes) + " |" for label, cell in summary]
    machine = results["machine"]
    notes = [
        f"Measured on {results['date']} with `make bench`: {machine['cores']} shared cores "
        f"({machine['platform']}), Python {machine['python']}, load average {machine['load']} when it started: "
        "the machine is shared, so figures vary between runs.",
        f"Import of the libraries (pandas, pandera, frictionless, yaml-rs): {results['import_seconds']:.2f} s; "
        f"the real 3-story build (imports included, tables only) took {results['real_build_seconds']:.2f} s, "
        f"{results['real_build_over_import']:.1f}× the import." if results["real_build_seconds"] else "",
        f"Fitted cost (cold, tables and SQLite): {results['slope_seconds_per_1000_stories']:.2f} s per 1,000 stories."
        if results["slope_seconds_per_1000_stories"] is not None else "",
    ]
    big = _largest(results)
    warm = ", ".join(f"{stage} {figure['seconds']:.2f} s" for stage, figure in big["warm"]["stages"].items())
    notes.append(f"The warm rebuild at N = {big['stories']:,}, stage by stage (import "
                 f"{big['warm']['import_seconds']:.2f} s): {warm}.")
    goals = ["| figure | measured | target | peer | met |", "|---|---:|---|---|---|"]
    goals += [f"| {figure} | {measured} | {target} | {peer} | {'yes' if met else '**no**'} |"
              for figure, measured, target, peer, met in targets(results)]
    return ("## Building: `make bench`\n\n" + head + "\n".join(lines) + "\n\n" + "\n\n".join(n for n in notes if n)
            + "\n\n" + "\n".join(goals) + "\n")


def limits_markdown(results: dict) -> str:
    """The one-machine figures of the *Beyond one machine* section."""
    found = limits(results)
    return (f"From the largest `make bench` size ({found['stories']:,} stories, {results['date']}, "
            f"{found['cores']} shared cores, load average {results['machine']['load']}): the build holds about "
            f"**{found['per_gb']:,.0f} stories per GB** of peak memory (build process and largest worker together) "
            f"and builds and validates about **{found['per_minute']:,.0f} stories per minute** from cold.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="3,100,1000,10000", help="comma-separated story counts (3 = real data)")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--no-docs", action="store_true", help="skip the docs stage")
    parser.add_argument("--no-verify", action="store_true", help="skip the warm = cold byte comparison")
    parser.add_argument("--docs-page", action="store_true", help="write the figures into docs/performance.md")
    parser.add_argument("--full-up-to", type=int, default=10_000, help="above this many stories, skip the peers, "
                        "the docs and the warm = cold check (default 10,000)")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as workdir:
        measured = [bench_size(n, Path(workdir), not arguments.no_docs, not arguments.no_verify,
                               full=n <= arguments.full_up_to) for n in sizes]
    import_seconds = _import_seconds()
    real = next((m for m in measured if m["stories"] == 3), None)
    synthetic = [(m["stories"], _total(m["cold"]["stages"], BUILD_STAGES + ["sqlite"])) for m in measured
                 if m["stories"] > 3]
    slope = _slope(synthetic)
    results = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": {"python": platform.python_version(), "cores": os.cpu_count(),
                    "platform": platform.platform(), "load": load},
        "sizes": measured,
        "import_seconds": import_seconds,
        "real_build_seconds": (_total(real["cold"]["stages"], BUILD_STAGES) + real["cold"]["import_seconds"]
                               if real else None),
        "real_build_over_import": ((_total(real["cold"]["stages"], BUILD_STAGES) + real["cold"]["import_seconds"])
                                   / import_seconds) if real else None,
        "slope_seconds_per_1000_stories": slope * 1000 if slope is not None else None,
    }
    arguments.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report(results)
    if arguments.docs_page:
        write_section("build-benchmark", markdown(results))
        write_section("one-machine", limits_markdown(results))
        print("figures written to docs/performance.md")
    print(f"figures written to {arguments.out}")


if __name__ == "__main__":
    main()

"""Measure one build of one project, stage by stage: wall time and peak memory (RSS) of each stage.

Run as a subprocess by bench/run.py so that each measurement starts from a fresh interpreter:
    python bench/measure.py PROJECT_ROOT [--docs] [--no-db]
prints one JSON object on stdout.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * PAGE


class StageMeter:
    """Samples RSS every few milliseconds and splits wall time and peak memory at each stage boundary."""

    def __init__(self, interval: float = 0.005):
        self.stages: dict[str, dict] = {}
        self._current: str | None = None
        self._started = time.perf_counter()
        self._peak = rss_bytes()
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(self._interval):
            self._peak = max(self._peak, rss_bytes())

    def enter(self, name: str) -> None:
        """Close the running stage (if any) and open ``name``."""
        now = time.perf_counter()
        if self._current is not None:
            self._peak = max(self._peak, rss_bytes())
            self.stages[self._current] = {"seconds": now - self._started, "peak_rss_mb": self._peak / 2**20}
        self._current, self._started, self._peak = name, now, rss_bytes()

    def close(self) -> dict[str, dict]:
        self.enter("_end")
        self._stop.set()
        return self.stages


def measure(root: Path, docs: bool, db: bool) -> dict:
    started = time.perf_counter()
    from newsevents.core.project import Project
    from newsevents.database.sqlite import build_database
    from newsevents.pipeline import build

    import_seconds = time.perf_counter() - started
    project = Project(root)
    meter = StageMeter()
    result = build(project, on_stage=meter.enter)
    if db:
        meter.enter("sqlite")
        build_database(project)
    stages = meter.close()
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # before mkdocs is a child
    if docs:
        docs_started = time.perf_counter()
        site = root / "site"
        env = os.environ | {"NEWSEVENTS_ROOT": str(root), "NO_MKDOCS_2_WARNING": "1"}
        mkdocs = Path(sys.executable).with_name("mkdocs")
        config = str(Path(__file__).parents[1] / "mkdocs.yml")
        subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "-f", config,
                        "-d", str(site)], check=True, env=env, capture_output=True)
        stages["docs"] = {"seconds": time.perf_counter() - docs_started,
                          "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
    rows = {name: len(frame) for name, frame in result.frames.items()}
    return {"import_seconds": import_seconds, "stages": stages, "rows": rows, "computed": len(result.computed),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_peak_rss_mb": workers_mb}


if __name__ == "__main__":
    arguments = sys.argv[1:]
    print(json.dumps(measure(Path(arguments[0]), "--docs" in arguments, "--no-db" not in arguments)))

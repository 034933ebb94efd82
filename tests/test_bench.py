"""Smoke runs of the benchmarks, so that they cannot rot (figures are reported, never asserted)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsevents.core.project import REPO_ROOT, Project

BENCH = REPO_ROOT / "bench"


def test_build_benchmark_runs_at_100_stories(tmp_path: Path):
    out = tmp_path / "results.json"
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), "--sizes", "100", "--no-docs", "--out", str(out)],
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "tables built + validated" in done.stdout
    results = json.loads(out.read_text(encoding="utf-8"))
    (size,) = results["sizes"]
    assert size["stories"] == 100
    assert {"parse", "resolve", "assemble", "write", "files", "pandera", "cross-table checks",
            "sqlite"} <= set(size["cold"]["stages"])
    assert all(stage["seconds"] > 0 and stage["peak_rss_mb"] > 0 for stage in size["cold"]["stages"].values())
    assert size["cold"]["rows"]["articles"] == 100
    assert size["warm_equals_cold"] is True
    assert size["peers"]["frictionless_validate_seconds"] > 0


def test_build_benchmark_skips_the_peers_above_full_up_to(tmp_path: Path):
    out = tmp_path / "results.json"
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), "--sizes", "30", "--no-docs", "--full-up-to", "10",
                           "--out", str(out)], capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "not run (above --full-up-to)" in done.stdout
    (size,) = json.loads(out.read_text(encoding="utf-8"))["sizes"]
    assert size["peers"] is None and size["warm_equals_cold"] is None
    assert "docs" not in size["cold"]["stages"] and size["warm"]["computed"] == 1


def test_datasette_scale_benchmark_runs(tmp_path: Path):
    out = tmp_path / "scale.json"
    done = subprocess.run([sys.executable, str(BENCH / "datasette_scale.py"), "--stories", "30", "--requests", "1",
                           "--out", str(out)], capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    assert len(results["results"]) > 40
    assert sum(r["errors"] for r in results["results"]) == 0
    assert set(results["plans"]) >= {"actor_profile", "search"}
    home_and_database = {"/", f"/{Project(REPO_ROOT).database.stem}"}
    assert home_and_database <= {r["path"] for r in results["results"]}

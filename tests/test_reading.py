"""The quick starts of the 'Reading the data' page, run as the page prints them, against the published files."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from newsevents.core.project import Project
from newsevents.docsite.pages import generated_pages
from newsevents.docsite.published import load_published

REPO = Project()


@pytest.fixture(scope="module")
def blocks() -> dict[str, list[str]]:
    """Language → the code blocks of the generated page."""
    page = generated_pages(load_published(REPO))["reading.md"]
    found: dict[str, list[str]] = {}
    for language, body in re.findall(r"^```(\w+)\n(.*?)\n```$", page, re.M | re.S):
        found.setdefault(language, []).append(body)
    return found


def run(command: list[str]) -> str:
    result = subprocess.run(command, cwd=REPO.root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_the_page_has_a_quick_start_for_pandas_duckdb_and_r(blocks):
    python = blocks["python"]
    assert len(python) == 2 and any("import pandas" in b for b in python) and any("import duckdb" in b for b in python)
    assert len(blocks["r"]) == 1 and "library(arrow)" in blocks["r"][0]


def test_the_pandas_quick_start_runs_and_shows_the_codebook_types(blocks):
    out = run([sys.executable, "-c", next(b for b in blocks["python"] if "import pandas" in b)])
    assert re.search(r"cameo_code\s+string", out) and re.search(r"count_high\s+Int64", out), out
    assert re.search(r"date_start\s+object", out), out  # datetime.date values: dates, not text or timestamps
    assert "<NA>" in out, "a claim without an upper bound shows a missing count_high"


def test_the_duckdb_quick_start_runs_and_shows_the_codebook_types(blocks):
    out = run([sys.executable, "-c", next(b for b in blocks["python"] if "import duckdb" in b)])
    assert re.search(r"cameo_code\s*│\s*VARCHAR", out) and re.search(r"date_start\s*│\s*DATE", out), out
    assert "NULL" in out and "int64" in out


def test_the_r_quick_start_runs_where_r_and_arrow_are_installed(blocks, tmp_path):
    rscript = shutil.which("Rscript")
    if not rscript or subprocess.run([rscript, "-e", "library(arrow)"], capture_output=True).returncode != 0:
        pytest.skip("Rscript with the arrow package is not installed here (not on PyPI or in Debian's archive)")
    script = tmp_path / "quickstart.R"
    script.write_text(blocks["r"][0], encoding="utf-8")
    out = run([rscript, str(script)])
    assert re.search(r"cameo_code\s*: chr", out) and re.search(r"date_start\s*: Date", out), out

"""Shared fixtures: a temporary copy of the project to build in, and the CLI run as a user runs it."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsevents.core.project import REPO_ROOT, Project

COPIED = ["schemas", "data", "datapackage.json", "releases", "datasette", "evaluation"]


def copy_project(target: Path) -> Project:
    """A copy of the inputs, schemas and published outputs: builds in it never touch the repository."""
    for name in COPIED:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    return Project(target)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "project")


def record_in_package(project: Project, table: str) -> None:
    """Record a published CSV's current bytes in datapackage.json, as a build that published them would:
    for tests that stand in for a different, valid package."""
    path = project.data / f"{table}.csv"
    package = json.loads(project.datapackage.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["name"] == table:
            resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
            resource["bytes"] = path.stat().st_size
    project.datapackage.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def run_cli(project: Project, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python -m newsevents ARGS` against the given project root, output captured."""
    env = os.environ | {"NEWSEVENTS_ROOT": str(project.root)}
    return subprocess.run([sys.executable, "-m", "newsevents", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def snapshot(project: Project) -> dict[str, bytes]:
    """Bytes of every published file (tables, datapackage.json, database if any), by path."""
    files = sorted(project.data.glob("*.csv")) + sorted(project.data.glob("*.parquet")) + [project.datapackage]
    files += sorted(project.root.glob("*.db"))
    return {project.rel(path): path.read_bytes() for path in files if path.exists()}


@contextmanager
def datasette_served(project: Project, timeout: float = 60) -> Iterator[str]:
    """The project's built database served by Datasette exactly as `make serve` starts it, on a free port."""
    import httpx

    from newsevents.database.server import datasette_command

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = project.root / "datasette.log"
    with log.open("wb") as output:
        server = subprocess.Popen(datasette_command(project, port), stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"Datasette exited:\n{log.read_text()}")
            try:
                if httpx.get(f"{url}/-/versions.json", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"Datasette did not answer within {timeout} s:\n{log.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


CHROMIUM = "/usr/bin/chromium"  # Debian's, installed by `make test` when missing
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven by Playwright, one per test module."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()

"""`make release` in a temporary git repository holding the project: a reproducible, checksummed, recorded
archive, or a clear refusal (dirty tree, failing build, missing outputs, a released version with other bytes)."""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import httpx
import pytest

from conftest import run_cli
from newsevents.core.project import REPO_ROOT, Project
from newsevents.core.schemas import dataset_metadata
from newsevents.publish.descriptor import table_resources
from newsevents.release.archive import archive_path, archive_stem, built_inputs
from newsevents.release.versions import page_statement, statements, version_problems

META = dataset_metadata(REPO_ROOT)
VERSION = str(META["version"])
pytestmark = pytest.mark.slow
GIT_ENV = {"GIT_AUTHOR_NAME": "Release Test", "GIT_AUTHOR_EMAIL": "release@example.org",
           "GIT_COMMITTER_NAME": "Release Test", "GIT_COMMITTER_EMAIL": "release@example.org"}


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                            env=os.environ | GIT_ENV)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _project_files() -> list[str]:
    """The files a clone of the repository has (tracked, or new and not ignored)."""
    listed = _git(REPO_ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    return [name for name in listed if name and (REPO_ROOT / name).is_file()]


def _build_outputs(project: Project) -> None:
    """What `make db` and `make docs` build, run against the given project root."""
    db = run_cli(project, "db")
    assert db.returncode == 0, db.stderr
    docs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f",
                           str(project.root / "mkdocs.yml")], cwd=project.root, capture_output=True, text=True,
                          env=os.environ | {"NEWSEVENTS_ROOT": str(project.root), "NO_MKDOCS_2_WARNING": "1"})
    assert docs.returncode == 0, docs.stderr


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Project:
    """A git repository with the project's files committed, and its database and docs built: the project as it
    stands just before this version is released (its own record in releases/ left out)."""
    root = tmp_path_factory.mktemp("release") / "repo"
    for name in _project_files():
        if name.startswith(f"releases/{VERSION}/"):
            continue
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / name, root / name)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "project")
    project = Project(root)
    _build_outputs(project)
    assert _git(root, "status", "--porcelain") == "", "building the database and docs left the tree dirty"
    return project


def _clone(base: Project, target: Path, *, outputs: bool = True) -> Project:
    """A fresh clone of `base`, with its (git-ignored) database and docs copied over unless told not to."""
    subprocess.run(["git", "clone", "-q", str(base.root), str(target)], check=True, capture_output=True)
    if outputs:
        for built in built_inputs(base).values():
            copy = shutil.copytree if built.path.is_dir() else shutil.copy2
            copy(built.path, target / built.path.relative_to(base.root))
    return Project(target)


def _commit_all(project: Project, message: str) -> None:
    _git(project.root, "add", "-A")
    _git(project.root, "commit", "-q", "-m", message)


def _refused(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "\nrelease refused: " in "\n" + result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


def test_release_is_reproducible_checksummed_and_recorded(base, tmp_path):
    project = _clone(base, tmp_path / "repo")
    first = run_cli(project, "release")
    assert first.returncode == 0, first.stderr
    archive = archive_path(project)
    made = archive.read_bytes()
    record = json.loads((project.root / "releases" / VERSION / "release.json").read_text(encoding="utf-8"))
    assert record["sha256"] == hashlib.sha256(made).hexdigest() and record["bytes"] == len(made)
    assert record["commit"] == _git(project.root, "rev-parse", "HEAD").strip()

    _check_archive(project, made)
    _check_ids_record(project)
    _check_package_validates(project, archive, tmp_path / "extracted")

    # the record is committed; file times change; the archive is made again, byte for byte
    _commit_all(project, f"Release {VERSION}")
    later = time.time() + 86_400
    for path in project.root.rglob("*"):
        if ".git" not in path.parts:
            os.utime(path, (later, later))
    again = run_cli(project, "release")
    assert again.returncode == 0, again.stderr
    assert "already released" in again.stdout and archive.read_bytes() == made

    # the diff baseline is the committed snapshot, checked against the archive's checksums
    same = run_cli(project, "diff", VERSION)
    assert same.returncode == 0 and same.stdout.rstrip().endswith("no differences"), same.stderr
    snapshot_csv = project.root / "releases" / VERSION / "data" / "events.csv"
    snapshot_csv.write_text(snapshot_csv.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    tampered = run_cli(project, "diff", VERSION)
    assert tampered.returncode == 1
    assert f"releases/{VERSION}/data/events.csv: differs from the file in the released archive" in tampered.stderr
    _git(project.root, "checkout", "--", "releases")

    # the same version with other bytes is refused, and the released archive stays as it was
    licence = project.root / "LICENSE-DATA.md"
    licence.write_text(licence.read_text(encoding="utf-8") + "\nA changed sentence.\n", encoding="utf-8")
    _commit_all(project, "change the licence text")
    _refused(run_cli(project, "release"), f"version {VERSION} was already released with other bytes",
             "LICENSE-DATA.md: differs from the file released")
    assert archive.read_bytes() == made


def _check_archive(project: Project, made: bytes) -> None:
    folder = archive_stem(project)
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        assert names == sorted(names) and all(name.startswith(folder + "/") for name in names)
        released = META["released"]
        assert {info.date_time for info in infos} == {(released.year, released.month, released.day, 0, 0, 0)}
        assert {info.external_attr >> 16 for info in infos} == {0o100644}
        files = {name.removeprefix(folder + "/"): archive.read(name) for name in names}
    package = json.loads(files["datapackage.json"])
    expected = {"README.md", "LICENSE", "LICENSE-DATA.md", "CITATION.cff", "CHANGELOG.md", "datapackage.json",
                "SHA256SUMS", "docs/index.html", built_inputs(project)["database"].path.name}
    expected |= {resource["path"] for resource in package["resources"]}
    assert expected <= set(files)
    sums = dict(reversed(line.split("  ", 1)) for line in files["SHA256SUMS"].decode().splitlines())
    assert set(sums) == set(files) - {"SHA256SUMS"}
    assert all(hashlib.sha256(files[name]).hexdigest() == digest for name, digest in sums.items())
    for name in ["datapackage.json", "CITATION.cff", "README.md"]:
        assert files[name] == (project.root / name).read_bytes()
    assert package["version"] == VERSION


def _check_package_validates(project: Project, archive: Path, target: Path) -> None:
    """The extracted archive is a valid data package on its own (`frictionless validate`)."""
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(target)
    check = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
                           cwd=target / archive_stem(project), capture_output=True, text=True)
    assert json.loads(check.stdout)["valid"] is True, check.stdout[-2000:]


def _check_ids_record(project: Project) -> None:
    record = json.loads((project.root / "releases" / VERSION / "ids.json").read_text(encoding="utf-8"))
    package = json.loads(project.datapackage.read_text(encoding="utf-8"))
    assert record["version"] == VERSION
    tables = table_resources(package)  # the CSV of every table (its Parquet copy holds the same rows)
    assert list(record["tables"]) == [resource["name"] for resource in tables]
    for resource in tables:
        lines = (project.root / resource["path"]).read_text(encoding="utf-8").splitlines()
        table = record["tables"][resource["name"]]
        assert table["primary_key"] == resource["schema"]["primaryKey"]
        assert len(table["rows"]) == len(lines) - 1, resource["name"]


def test_release_refuses_a_dirty_tree(base, tmp_path):
    project = _clone(base, tmp_path / "repo")
    readme = project.root / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nan uncommitted line\n", encoding="utf-8")
    (project.root / "notes.txt").write_text("an untracked file\n", encoding="utf-8")
    _refused(run_cli(project, "release"), "the work tree is not clean", "README.md: uncommitted change",
             "notes.txt: uncommitted change")
    assert not archive_path(project).exists()


def test_release_refuses_when_the_build_fails(base, tmp_path):
    project = _clone(base, tmp_path / "repo")
    story = sorted(project.stories_coding.glob("*.yaml"))[0]
    story.write_text(story.read_text(encoding="utf-8") + "\nevents: [unclosed\n", encoding="utf-8")
    _commit_all(project, "break a coding file")
    _refused(run_cli(project, "release"), "the build fails validation", project.rel(story))
    assert not archive_path(project).exists()


def test_release_refuses_without_the_database_and_docs(base, tmp_path):
    project = _clone(base, tmp_path / "repo", outputs=False)
    _refused(run_cli(project, "release"), "run `make db`", "run `make docs`")
    assert not archive_path(project).exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_docs_and_datasette_home_pages_state_the_version(base):
    """Every surface agrees, the built docs home page and the Datasette home page (over HTTP) included."""
    from newsevents.database.server import datasette_command

    assert "site/index.html (docs home page)" in {s.surface for s in statements(base)}
    assert version_problems(base) == []
    port = _free_port()
    server = subprocess.Popen(datasette_command(base, port), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env=os.environ | {"NEWSEVENTS_ROOT": str(base.root)})
    try:
        page = None
        for _ in range(150):
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert page is not None and page.status_code == 200
        assert page_statement("Datasette home page", page.text, VERSION).version == VERSION
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_release_refuses_a_package_frictionless_refuses(base, tmp_path, monkeypatch):
    """`frictionless validate` gates the release after the build. The build is stubbed out here (its own gate
    would refuse this package first) to show that frictionless alone stops the release."""
    from newsevents.release.cut import ReleaseRefused, release

    project = _clone(base, tmp_path / "repo")
    events = project.data / "events.csv"
    events.write_bytes(events.read_bytes().replace(b",occurred,", b",happened,", 1))
    _commit_all(project, "hand-edit a published table")
    monkeypatch.setattr("newsevents.pipeline.build", lambda project: None)
    with pytest.raises(ReleaseRefused) as refused:
        release(project)
    assert refused.value.reason == "`frictionless validate` refuses the package"
    assert any(p.file == "data/events.csv" and "happened" in p.message for p in refused.value.problems)
    assert not archive_path(project).exists()

"""`frictionless validate` on the staged package, as a gate: every error reported with its table and row.

Resources are validated one by one inside the package (so foreign keys are checked), split over worker
processes when the package is large. A resource whose bytes, schema and foreign-key targets are exactly
those of one frictionless already passed is not validated again: the verdict is recorded in .cache/ under a
hash of all of them, so an edit revalidates only the tables it changed.
"""
from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor

from newsevents.core.errors import Collector
from newsevents.core.project import Project

PARALLEL_FROM_BYTES = 4_000_000  # below this, starting workers costs more than it saves
CACHE_FILE = "frictionless-verdicts.json"


def _validate_resources(package_path: str, names: list[str]) -> list[tuple[str, int | None, str]]:
    """(resource, row, message) for every error frictionless finds in the named resources."""
    from frictionless import Package, system

    errors = []
    with system.use_context(trusted=True):
        package = Package(package_path)
        for name in names:
            report = package.get_resource(name).validate()
            for task in report.tasks:
                errors += [(name, getattr(error, "row_number", None), error.message) for error in task.errors]
            errors += [(name, None, error.message) for error in report.errors]
    return errors


def _verdict_keys(descriptor: dict) -> dict[str, str]:
    """A key per resource over its descriptor and the descriptors of the resources it references."""
    by_name = {r["name"]: r for r in descriptor["resources"]}
    keys = {}
    for name, resource in by_name.items():
        targets = sorted({fk["reference"]["resource"] or name for fk in resource["schema"].get("foreignKeys", [])})
        material = json.dumps([resource] + [by_name[t] for t in targets], sort_keys=True)
        keys[name] = hashlib.sha256(material.encode("utf-8")).hexdigest()
    return keys


def _balanced(resources: list[dict], workers: int) -> list[list[str]]:
    groups: list[list[str]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for resource in sorted(resources, key=lambda r: -r["bytes"]):
        lightest = loads.index(min(loads))
        groups[lightest].append(resource["name"])
        loads[lightest] += resource["bytes"]
    return [group for group in groups if group]


def frictionless_check(project: Project, problems: Collector, *, use_cache: bool = True) -> None:
    """Validate the staged package with frictionless; errors become problems."""
    package_path = project.staging / "datapackage.json"
    descriptor = json.loads(package_path.read_text(encoding="utf-8"))
    from frictionless import Package

    descriptor_report = Package.validate_descriptor(str(package_path))
    if not descriptor_report.valid:
        for error in descriptor_report.errors:
            problems.add("datapackage.json", f"frictionless: {error.message}", "rebuild; if it persists, report a bug")
        return
    keys = _verdict_keys(descriptor)
    cache_path = project.cache / CACHE_FILE
    passed = set(json.loads(cache_path.read_text(encoding="utf-8"))) if use_cache and cache_path.exists() else set()
    # the CSV tables: each Parquet copy is written from the CSV as read back (publish/parquet.py), and the
    # tests validate the whole package, Parquet included (frictionless reads Parquet row by row: as slow again)
    todo = [r for r in descriptor["resources"] if r["format"] == "csv" and keys[r["name"]] not in passed]
    total = sum(r["bytes"] for r in todo)
    workers = min(os.cpu_count() or 1, 2) if total >= PARALLEL_FROM_BYTES else 1
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = pool.map(_validate_resources, [str(package_path)] * workers, _balanced(todo, workers))
            errors = [error for result in results for error in result]
    else:
        errors = _validate_resources(str(package_path), [r["name"] for r in todo])
    for name, row, message in dict.fromkeys(errors):
        shown = name if name == "datapackage.json" else f"data/{name}.csv"
        problems.add(shown, f"frictionless: {message}", "see the codebook for this table", line=row)
    if use_cache:
        failed = {name for name, _, _ in errors}
        verdicts = passed | {keys[r["name"]] for r in todo if r["name"] not in failed}
        project.cache.mkdir(exist_ok=True)
        cache_path.write_text(json.dumps(sorted(verdicts)), encoding="utf-8")

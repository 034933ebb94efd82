"""`frictionless validate` on a package, as the gate of `make release`: every error with its file and row.

The build's own gate (package_files.py, pandera, the cross-table checks) refuses the same kinds of defect at a
small part of the cost (tests/test_validation_parity.py); a release is still cut only from a package that
frictionless itself passes, its CSV tables and their Parquet copies alike. Resources are validated one by one
inside the package (so foreign keys are checked), split over worker processes when the package is large.
"""
from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newsevents.core.errors import Collector

PARALLEL_FROM_BYTES = 4_000_000  # below this, starting workers costs more than it saves


def _validate_resources(package_path: str, names: list[str]) -> list[tuple[str, int | None, str]]:
    """(resource path, row, message) for every error frictionless finds in the named resources."""
    from frictionless import Package, system

    errors = []
    with system.use_context(trusted=True):
        package = Package(package_path)
        for name in names:
            resource = package.get_resource(name)
            report = resource.validate()
            for task in report.tasks:
                errors += [(resource.path, getattr(error, "row_number", None), error.message) for error in task.errors]
            errors += [(resource.path, None, error.message) for error in report.errors]
    return errors


def _balanced(resources: list[dict], workers: int) -> list[list[str]]:
    groups: list[list[str]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for resource in sorted(resources, key=lambda r: -r["size"]):
        lightest = loads.index(min(loads))
        groups[lightest].append(resource["name"])
        loads[lightest] += resource["size"]
    return [group for group in groups if group]


def frictionless_check(folder: Path, problems: Collector) -> None:
    """Validate the package in `folder` (its datapackage.json and every resource) with frictionless."""
    from frictionless import Package

    package_path = folder / "datapackage.json"
    descriptor_report = Package.validate_descriptor(str(package_path))
    if not descriptor_report.valid:
        for error in descriptor_report.errors:
            problems.add("datapackage.json", f"frictionless: {error.message}", "rebuild; if it persists, report a bug")
        return
    resources = json.loads(package_path.read_text(encoding="utf-8"))["resources"]
    for resource in resources:
        path = folder / resource["path"]
        resource["size"] = path.stat().st_size if path.exists() else 0
    workers = min(os.cpu_count() or 1, 2) if sum(r["size"] for r in resources) >= PARALLEL_FROM_BYTES else 1
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = pool.map(_validate_resources, [str(package_path)] * workers, _balanced(resources, workers))
            errors = [error for result in results for error in result]
    else:
        errors = _validate_resources(str(package_path), [r["name"] for r in resources])
    for path, row, message in dict.fromkeys(errors):
        problems.add(path, f"frictionless: {message}", "see the codebook for this table", line=row)

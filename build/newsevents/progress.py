"""Stage progress for long builds: a rich progress display on a terminal, plain timed lines elsewhere (CI)."""
from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)


class StageProgress:
    """Call with each stage's name as it starts (the pipeline's ``on_stage``); ``close()`` ends the last one."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self._name: str | None = None
        self._started = 0.0
        self._task = None
        self._progress = None
        if self.interactive:
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description:<20}"), BarColumn(),
                                      TimeElapsedColumn(), console=Console(file=self.stream), transient=False)
            self._progress.start()

    def _finish(self) -> None:
        if self._name is None:
            return
        seconds = time.perf_counter() - self._started
        if self._progress is not None:
            self._progress.update(self._task, completed=1)
        else:
            print(f"[build] {self._name:<20} {seconds:7.2f} s", file=self.stream, flush=True)
        self._name = None

    def __call__(self, name: str) -> None:
        self._finish()
        self._name, self._started = name, time.perf_counter()
        if self._progress is not None:
            self._task = self._progress.add_task(name, total=1)

    def close(self) -> None:
        self._finish()
        if self._progress is not None:
            self._progress.stop()

"""Command line: `python -m newsevents COMMAND` (the Makefile's targets call these)."""
from __future__ import annotations

import sys

import typer

from .errors import BuildFailed
from .project import Project

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)


@app.callback()
def _commands() -> None:
    """Build, check and publish the news-derived event dataset."""


@app.command()
def data() -> None:
    """Build and validate the tables and datapackage.json; publish them only when every check passes."""
    from .pipeline import build, summary

    try:
        result = build(Project())
    except BuildFailed as failure:
        typer.echo(failure.report(), err=True)
        raise typer.Exit(1)
    typer.echo(summary(result.frames))
    typer.echo("published: data/*.csv and datapackage.json")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)

"""Command line: `python -m newsevents COMMAND` (the Makefile's targets call these)."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from .errors import BuildFailed
from .project import REPO_ROOT, Project

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)


@app.callback()
def _commands(
    ctx: typer.Context,
    root: Path = typer.Option(REPO_ROOT, envvar="NEWSEVENTS_ROOT", help="Project root to work on."),
) -> None:
    """Build, check and publish the news-derived event dataset."""
    ctx.obj = Project(root.resolve())


@app.command()
def data(ctx: typer.Context) -> None:
    """Build and validate the tables and datapackage.json; publish them only when every check passes."""
    from .pipeline import build, summary

    try:
        result = build(ctx.obj)
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

"""Command line: `python -m newsevents COMMAND` (the Makefile's targets call these)."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from newsevents.core.errors import BuildFailed, Problem
from newsevents.core.project import REPO_ROOT, Project

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
    from newsevents.pipeline import build, summary
    from newsevents.progress import StageProgress

    progress = StageProgress()
    try:
        result = build(ctx.obj, on_stage=progress)
    except BuildFailed as failure:
        progress.close()
        typer.echo(failure.report(), err=True)
        raise typer.Exit(1) from None
    progress.close()
    typer.echo(summary(result.frames))
    typer.echo("published: data/*.csv, data/*.parquet and datapackage.json")


@app.command()
def db(ctx: typer.Context) -> None:
    """Build the SQLite database from the published tables (checked against datapackage.json)."""
    from newsevents.database.sqlite import build_database

    try:
        path = build_database(ctx.obj)
    except BuildFailed as failure:
        typer.echo(failure.report(), err=True)
        raise typer.Exit(1) from None
    typer.echo(f"database: {ctx.obj.rel(path)} ({path.stat().st_size:,} bytes)")


@app.command()
def serve(ctx: typer.Context, port: int = typer.Option(8001, help="Port on 127.0.0.1 to serve on.")) -> None:
    """Serve the built database, the downloads and the docs site with Datasette, read-only."""
    import os

    from newsevents.database.server import datasette_command, urls

    try:
        command = datasette_command(ctx.obj, port)
    except BuildFailed as failure:
        typer.echo(failure.report(), err=True)
        raise typer.Exit(1) from None
    for what, url in urls(ctx.obj, port):
        typer.echo(f"  {what:<34} {url}")
    typer.echo("Press Ctrl-C to stop.", err=True)
    sys.stdout.flush()
    os.execv(command[0], command)


@app.command("prepare-release")
def prepare_release(ctx: typer.Context) -> None:
    """Regenerate CITATION.cff, .zenodo.json and the CHANGELOG.md row summary for the version in
    schemas/dataset.yaml."""
    from newsevents.release.cut import prepare

    try:
        changed = prepare(ctx.obj)
    except BuildFailed as failure:
        typer.echo(failure.report(), err=True)
        raise typer.Exit(1) from None
    current = "CITATION.cff, .zenodo.json and CHANGELOG.md are current"
    typer.echo(f"updated: {', '.join(changed)}" if changed else current)


@app.command()
def release(ctx: typer.Context) -> None:
    """Write dist/<name>-<version>.zip and record it in releases/; refuses on a dirty tree, a failing build or a
    version already released with other bytes."""
    from newsevents.release.cut import release as cut

    try:
        made = cut(ctx.obj)
    except BuildFailed as failure:
        typer.echo(failure.report(), err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{ctx.obj.rel(made.archive)}  sha256 {made.sha256}")
    if made.new:
        typer.echo(f"recorded in releases/{made.version}/; next: git add releases/{made.version} && "
                   f"git commit -m 'Release {made.version}' && git tag -a v{made.version} -m 'Release {made.version}'")
    else:
        typer.echo(f"version {made.version} was already released: the archive is byte-identical to the record")


@app.command()
def diff(ctx: typer.Context, from_version: str = typer.Argument("", metavar="FROM",
                                                                help="A released version, e.g. 1.0.0.")) -> None:
    """Rows added, removed and changed (with the changed columns) since a released version, by primary key."""
    from newsevents.release.diff import compare_with_release
    from newsevents.release.records import released_versions

    try:
        if not from_version:
            known = ", ".join(released_versions(ctx.obj)) or "none yet"
            raise BuildFailed([Problem("FROM", "say which released version to compare with",
                                       f"make diff FROM=<version>; released versions: {known}")])
        typer.echo(compare_with_release(ctx.obj, from_version))
    except BuildFailed as failure:
        typer.echo("\n".join(["no diff:"] + [f"  {problem}" for problem in failure.problems]), err=True)
        raise typer.Exit(1) from None


@app.command()
def add(ctx: typer.Context,
        capture: Path = typer.Argument(..., help="The story's page saved as text (UTF-8) or as a web page (HTML)."),
        outlet: str = typer.Option(None, help="The outlet, as it names itself (e.g. 'Arab News')."),
        headline: list[str] = typer.Option(None, help="For a story that prints no headline: its headline as the "
                                                      "page showed it; once per such story, in order."),
        byline: list[str] = typer.Option(None, help="For a story that prints no byline: its author line."),
        published_date: str = typer.Option(None, "--published-date",
                                           help="For stories that print no date: YYYY-MM-DD or EARLIEST..LATEST."),
        basis: str = typer.Option(None, help="How that date is known: inferred, external or unknown."),
        date_note: str = typer.Option(None, "--date-note", help="The inference, the outside source, or the bounds."),
        url: list[str] = typer.Option(None, help="The story's URL; once per story, in order."),
        received: str = typer.Option(None, help="Where and when the capture came from (default: today)."),
        ) -> None:
    """Copy a capture into data/raw/, list it in the manifest, and draft the coding of each of its stories."""
    from newsevents.authoring.add import add_capture
    from newsevents.authoring.manifest_entry import Given

    def prompt(question: str, default: str | None) -> str:
        return typer.prompt(question, default=default, show_default=bool(default))

    ask = prompt if sys.stdin.isatty() else None
    try:
        given = Given(outlet=outlet, published=published_date, basis=basis, date_note=date_note, urls=url or [],
                      headlines=headline or [], bylines=byline or [], received=received)
        result = add_capture(ctx.obj, capture, given, ask=ask)
    except BuildFailed as failure:
        typer.echo("\n".join(["nothing was added:"] + [f"  {problem}" for problem in failure.problems]), err=True)
        raise typer.Exit(1) from None
    typer.echo(result.report())


@app.command("draft-eval")
def draft_eval(ctx: typer.Context) -> None:
    """Draft every curated story with its coding hidden and compare: docs/draft-evaluation.md and .json."""
    from newsevents.authoring.evaluation import evaluate, summary, write

    try:
        result = evaluate(ctx.obj)
    except BuildFailed as failure:
        typer.echo(failure.report(), err=True)
        raise typer.Exit(1) from None
    docs = ctx.obj.root / "docs"
    write(result, docs / "draft-evaluation.json", docs / "draft-evaluation.md")
    typer.echo(summary(result))
    typer.echo("written: docs/draft-evaluation.md and docs/draft-evaluation.json")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)

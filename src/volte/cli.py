"""The `volte` command: parse the arguments, call one library function, print the result.

Every command takes `--db FILE` (before or after the command name), else `$VOLTE_DB`, else `./volte.db`.
A VolteError becomes one line `error: message` on stderr and exit status 2; `volte ingest` exits 1 when
some input failed (each one reported as `skipped PATH: reason`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from volte import __version__
from volte.errors import UsageError, VolteError
from volte.export import FORMATS, export_reversals, export_statements
from volte.store import Store

if TYPE_CHECKING:
    from volte.runner import Outcome, ProgressCallback

F = TypeVar("F", bound=Callable[..., Any])

_DB_KEY = "volte.db"
_DEFAULT_DB = "volte.db"
# Statement text in the table is cut to this many characters; the export has it whole.
_TEXT_WIDTH = 120


class VolteCliError(click.ClickException):
    """A VolteError as the CLI shows it: `error: message` on stderr, exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class _Group(click.Group):
    """A group that turns VolteError into VolteCliError, wherever in the command it is raised."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except VolteError as exc:
            raise VolteCliError(str(exc)) from exc


def _remember_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    # ctx.meta is shared by the whole command chain: the last --db given wins.
    if value is not None:
        ctx.meta[_DB_KEY] = value


def db_option(command: F) -> F:
    """`--db FILE` on a subcommand, the same option as on `volte` itself."""
    return click.option(
        "--db",
        metavar="FILE",
        expose_value=False,
        is_eager=True,
        callback=_remember_db,
        help="The store file (default: $VOLTE_DB, else ./volte.db).",
    )(command)


def _open_store(*, create: bool = False) -> Store:
    path = click.get_current_context().meta.get(_DB_KEY, _DEFAULT_DB)
    return Store.open(path, create=create)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    metavar="FILE",
    envvar="VOLTE_DB",
    expose_value=False,
    is_eager=True,
    callback=_remember_db,
    help="The store file (default: $VOLTE_DB, else ./volte.db).",
)
@click.version_option(__version__, prog_name="volte")
def cli() -> None:
    """Who said what, when: an attributed statement record from news articles."""


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: one per CPU).")
@db_option
def ingest_command(paths: tuple[Path, ...], workers: int | None) -> None:
    """Ingest article files and folders into the store."""
    # Imported here: it brings in spaCy, which the other commands do not need.
    from volte.runner import ingest

    console = Console(stderr=True)
    with _open_store(create=True) as store:
        if console.is_terminal:
            with _progress_bar(console) as advance:
                report = ingest(paths, store, workers=workers, progress=advance)
        else:
            report = ingest(paths, store, workers=workers)
    for failure in report.failures:
        console.print(Text(f"skipped {failure.source}: {failure.reason}"), soft_wrap=True)
    console.print(Text(report.summary()), soft_wrap=True)
    if report.failures:
        sys.exit(1)


@contextmanager
def _progress_bar(console: Console) -> Iterator[ProgressCallback]:
    """A rich progress bar counting articles as they settle (the total is not known in advance)."""
    counts: dict[Outcome, int] = {"new": 0, "unchanged": 0, "failed": 0}
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def advance(source: str, outcome: Outcome) -> None:
            counts[outcome] += 1
            done = ", ".join(f"{n} {name}" for name, n in counts.items())
            progress.update(task, advance=1, description=f"ingesting: {done}")

        yield advance


@cli.group("export")
@db_option
def export_group() -> None:
    """Write the record out for other programs."""


@export_group.command("statements")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout)."
)
@db_option
def export_statements_command(fmt: str, output: Path | None) -> None:
    """Export every statement, one per line (JSONL on stdout by default)."""
    if fmt == "parquet" and output is None:
        raise UsageError("parquet is a binary format: give a file with -o FILE")
    with _open_store() as store:
        export_statements(store, cast(Any, fmt), output or sys.stdout.buffer)


@export_group.command("reversals")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout)."
)
@db_option
def export_reversals_command(output: Path | None) -> None:
    """Export every detected change of stance, one per line (none yet: detection comes later)."""
    with _open_store() as store:
        export_reversals(store, output or sys.stdout.buffer)


@cli.command("statements")
@click.option("--speaker", metavar="NAME", help="Only this speaker (part of the name, or an entity id).")
@click.option("--since", metavar="DATE", help="Only statements said on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Only statements said on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--article", metavar="ID_OR_SOURCE", help="Only statements of this article (id, path or URL).")
@click.option(
    "--limit", type=click.IntRange(min=0), default=100, show_default=True, help="At most N rows; 0 for all."
)
@db_option
def statements_command(
    speaker: str | None, since: str | None, until: str | None, article: str | None, limit: int
) -> None:
    """List statements: when said, who, what, from which source."""
    table = Table("said", "speaker", "kind", "text", "source")
    more = False
    with _open_store() as store:
        for shown, (statement, art) in enumerate(
            store.iter_statements(speaker=speaker, since=since, until=until, article=article)
        ):
            if limit and shown == limit:
                more = True
                break
            text = (
                statement.text
                if len(statement.text) <= _TEXT_WIDTH
                else statement.text[: _TEXT_WIDTH - 1] + "…"
            )
            table.add_row(
                statement.said or "",
                statement.speaker.name if statement.speaker else "(unknown)",
                statement.kind,
                Text(text),
                Text(art.source),
            )
    console = Console()
    console.print(table)
    if more:
        console.print(f"(first {limit} shown; --limit 0 shows all)")


@cli.command("speakers")
@db_option
def speakers_command() -> None:
    """List speakers: how many statements, first and last said."""
    with _open_store() as store:
        speakers = store.speakers()
    table = Table("speaker", "type", "statements", "first said", "last said")
    for summary in speakers:
        table.add_row(
            Text(summary.entity.name),
            summary.entity.type,
            str(summary.statements),
            summary.first_said or "",
            summary.last_said or "",
        )
    Console().print(table)


def main() -> None:
    """The console script `volte`."""
    cli(prog_name="volte")

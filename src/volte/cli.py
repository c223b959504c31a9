"""The `volte` command: parse the arguments, call one library function, print the result.

Every command takes `--db FILE` (before or after the command name), else `$VOLTE_DB`, else `./volte.db`.
A VolteError becomes one line `error: message` on stderr and exit status 2; `volte ingest` exits 1 when
some input failed (each one reported as `skipped PATH: reason`).
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar, cast

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from volte import __version__
from volte.cli_format import console, emit, format_option
from volte.errors import UsageError, VolteError
from volte.export import FLAT_COLUMNS, FORMATS, export_reversals, export_statements, flatten_statement
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
        except BrokenPipeError:
            raise  # `volte export statements | head`: the reader has all it wanted
        except OSError as exc:
            # A file the command writes (`-o`, `report -o`): a missing folder, a full disk, no permission.
            where = f"{printable(os.fsdecode(exc.filename))}: " if exc.filename is not None else ""
            raise VolteCliError(f"{where}{exc.strerror or exc}") from exc


# Characters escaped when a name from the input is printed: control characters (a newline, ESC of an ANSI
# sequence: a hostile file name could forge terminal output), format characters (bidi overrides), separators.
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with control, format and line separator characters escaped as `\\n`, `\\x1b`, `\\u202e`."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or unicodedata.category(ch) == "Zs":  # a no-break space is harmless
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


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
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Worker processes (default: one per CPU); with --engine ray, articles extracted at once (default: the cluster's CPUs).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where articles are extracted: worker processes on this machine, or Ray workers (pip install 'volte[ray]').",
)
@click.option(
    "--address",
    metavar="ADDR",
    help="With --engine ray: the Ray cluster's head, HOST:PORT (default: $RAY_ADDRESS, else a cluster started here).",
)
@click.option(
    "--registry",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An entity registry file (YAML or CSV) adding names and aliases (default: $VOLTE_REGISTRY).",
)
@click.option(
    "--trace",
    type=click.File("w", encoding="utf-8", lazy=False),
    help="Write each new statement's attribution rules to this file, one JSON object per line.",
)
@db_option
def ingest_command(
    paths: tuple[Path, ...],
    workers: int | None,
    engine: str,
    address: str | None,
    registry: Path | None,
    trace: TextIO | None,
) -> None:
    """Ingest article files and folders into the store."""
    if address is not None and engine != "ray":
        raise UsageError("--address is the Ray cluster's: it needs --engine ray")
    if registry is not None:
        _use_registry(registry)
    # Imported here: it brings in spaCy, which the other commands do not need.
    from volte.runner import IngestReport, ingest

    if engine == "ray":
        from volte.ray_engine import require_ray

        require_ray()  # before the store is created

    def run(store: Store, progress: ProgressCallback | None) -> IngestReport:
        if engine == "ray":
            from volte.ray_engine import ingest_ray

            return ingest_ray(paths, store, address=address, workers=workers, progress=progress, trace=trace)
        return ingest(paths, store, workers=workers, progress=progress, trace=trace)

    console = Console(stderr=True)
    with _open_store(create=True) as store:
        if console.is_terminal:
            with _progress_bar(console) as advance:
                report = run(store, advance)
        else:
            report = run(store, None)
    for failure in report.failures:
        console.print(Text(f"skipped {printable(failure.source)}: {printable(failure.reason)}"), soft_wrap=True)
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
    """Export every detected change of stance, one per line (CONTRACT.md, "A reversal")."""
    with _open_store() as store:
        export_reversals(store, output or sys.stdout.buffer)


voice_option = click.option(
    "--voice", multiple=True, type=click.Choice(["quoted", "reported", "characterized", "all"]),
    help="Only statements of this voice (repeat for several): the speaker's words quoted, reported, or the author's "
    "characterization of them. Default: quoted and reported, the speaker's own words.",
)


def _voices(chosen: tuple[str, ...]) -> tuple[str, ...] | None:
    """The voices asked for (`all`: None, every voice), the speaker's own words when none is."""
    from volte.model import OWN_WORDS

    if "all" in chosen:
        return None
    return chosen or OWN_WORDS


@cli.command("statements")
@click.option("--speaker", metavar="NAME", help="Only this speaker (part of the name, or an entity id).")
@click.option("--target", metavar="NAME", help="Only statements about this target (part of the name, or an entity id).")
@click.option("--stance", type=click.Choice(["favor", "against", "neutral"]), help="Only this stance (toward --target, or any target).")
@click.option("--kind", type=click.Choice(["direct", "partial", "indirect"]), help="Only this kind of statement.")
@click.option("--search", metavar="WORDS", help="Only statements with all these words (`memb*`: a prefix).")
@voice_option
@click.option("--since", metavar="DATE", help="Only statements said on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Only statements said on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--article", metavar="ID_OR_SOURCE", help="Only statements of this article (id, path or URL).")
@click.option(
    "--limit", type=click.IntRange(min=0), default=100, show_default=True, help="At most N rows; 0 for all."
)
@format_option
@db_option
def statements_command(
    speaker: str | None, target: str | None, stance: str | None, kind: str | None, search: str | None,
    since: str | None, until: str | None, article: str | None, limit: int, fmt: str, voice: tuple[str, ...],
) -> None:
    """List statements: their id, when said, who, what, from which source (json: the contract's objects)."""
    from volte.record.filters import filter_statements

    found: list[tuple[Any, Any]] = []
    more = False
    with _open_store() as store:
        statements = filter_statements(
            store.iter_statements(speaker=speaker, since=since, until=until, article=article),
            target=target, stance=stance, kind=kind, search=search, voices=_voices(voice),
        )
        for shown, pair in enumerate(statements):
            if limit and shown == limit:
                more = True
                break
            found.append(pair)
    if fmt == "json":
        emit((s.as_json(a) for s, a in found), (), fmt)
    elif fmt == "csv":
        emit((flatten_statement(s, a) for s, a in found), FLAT_COLUMNS, fmt)
    else:
        rows = (
            {"id": s.id, "said": s.said, "speaker": s.speaker.name if s.speaker else "(unknown)", "kind": s.kind,
             "text": s.text, "source": printable(a.source)}
            for s, a in found
        )
        emit(rows, ("id", "said", "speaker", "kind", "text", "source"), fmt, cut={"text": _TEXT_WIDTH})
    if more:
        click.echo(f"(first {limit} shown; --limit 0 shows all)", err=fmt != "table")


@cli.command("speakers")
@format_option
@db_option
def speakers_command(fmt: str) -> None:
    """List speakers: how many statements, first and last said."""
    with _open_store() as store:
        speakers = store.speakers()
    rows = (
        {"speaker": s.entity.name, "id": s.entity.id, "type": s.entity.type, "statements": s.statements,
         "first_said": s.first_said, "last_said": s.last_said}
        for s in speakers
    )
    columns = ("speaker", "type", "statements", "first_said", "last_said")
    emit(rows, columns if fmt == "table" else ("speaker", "id", *columns[1:]), fmt)


# ---- the record across articles: timelines, reversals, reports, corrections (volte.record) -----------------


def _cut(text: str) -> Text:
    return Text(text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…")


@cli.command("timeline")
@click.argument("speaker")
@click.option("--target", metavar="NAME", help="Only statements about this target (name or entity id).")
@voice_option
@format_option
@db_option
def timeline_command(speaker: str, target: str | None, voice: tuple[str, ...], fmt: str) -> None:
    """A speaker's statements about each target, in the order they were said, with their stance."""
    from volte.record.timeline import build_timeline

    with _open_store() as store:
        entity, entries = build_timeline(store, speaker, target, voices=_voices(voice))
    rows = (
        {"said": e.said, "target": e.target.name, "target_id": e.target.id, "stance": e.stance,
         "confidence": round(e.confidence, 3), "words": e.cluster.statement.text,
         "sources": e.cluster.independent_sources, "statements": [s.id for s in e.statements]}
        for e in entries
    )
    columns: tuple[str, ...] = ("said", "target", "stance", "words", "sources")
    if fmt != "table":
        columns = ("said", "target", "target_id", "stance", "confidence", "words", "sources", "statements")
    shown = emit(rows, columns, fmt, title=f"{entity.name}: timeline", cut={"words": _TEXT_WIDTH})
    if not shown and fmt == "table":
        console().print("(no statement with a stance toward a target)")


@cli.command("reversals")
@click.option("--speaker", metavar="NAME", help="Only this speaker (part of the name, or an entity id).")
@click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=None, help="Hide weaker ones (default: 0.3)."
)
@voice_option
@format_option
@db_option
def reversals_command(speaker: str | None, min_confidence: float | None, voice: tuple[str, ...], fmt: str) -> None:
    """Changes of stance: who, toward whom, from what to what, when, and how sure (json: CONTRACT.md)."""
    from volte.record.reversals import MIN_CONFIDENCE, iter_reversals

    with _open_store() as store:
        # One speaker at a time, printed as found: memory stays that of one speaker (record/reversals.py).
        found = iter_reversals(
            store, speaker, min_confidence=MIN_CONFIDENCE if min_confidence is None else min_confidence,
            voices=_voices(voice),
        )
        if fmt == "json":
            emit((r.as_json() for r in found), (), fmt)
            return
        rows = (
            {"speaker": r.speaker.name, "target": r.target.name, "before": r.before.stance,
             "said_before": r.before.said, "after": r.after.stance, "said_after": r.after.said,
             "statements": f"{len(r.before.entries)} / {len(r.after.entries)}", "confidence": f"{r.confidence:.2f}"}
            for r in found
        )
        emit(rows, ("speaker", "target", "before", "said_before", "after", "said_after", "statements", "confidence"),
             fmt)


@cli.command("report")
@click.argument("speaker")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The HTML file to write."
)
@click.option(
    "--serve-url", metavar="URL", default="http://127.0.0.1:8000", show_default=True,
    help="Where `volte serve` answers on this store: the page links there for what it does not list.",
)
@voice_option
@db_option
def report_command(speaker: str, output: Path, serve_url: str, voice: tuple[str, ...]) -> None:
    """Write one self-contained HTML page on a speaker: stance charts, changes of mind, the statements (the 500
    most recent of a busy speaker, the rest linked in `volte serve`)."""
    from volte.record.report import write_report

    with _open_store() as store:
        path = write_report(store, speaker, output, voices=_voices(voice), serve_url=serve_url)
    click.echo(f"report written to {path}")


@cli.group("correct")
@db_option
def correct_group() -> None:
    """Fix the record by hand; fixes override the model and survive re-ingest (`volte correct list`)."""


_NOTE = click.option("--note", metavar="TEXT", help="Why (kept with the correction).")


@correct_group.command("speaker")
@click.argument("statement_id")
@click.argument("name")
@click.option("--type", "kind", type=click.Choice(["person", "organization", "party", "media", "country", "group"]), default="person")
@_NOTE
@db_option
def correct_speaker_command(statement_id: str, name: str, kind: str, note: str | None) -> None:
    """Say who really made statement STATEMENT_ID."""
    from volte.record.corrections import correct_speaker

    with _open_store() as store:
        number = correct_speaker(store, statement_id, name, kind=kind, note=note)
    click.echo(f"correction {number}: {statement_id} was said by {name}")


@correct_group.command("stance")
@click.argument("statement_id")
@click.argument("target")
@click.argument("stance", type=click.Choice(["favor", "against", "neutral", "none"]))
@click.option("--type", "kind", type=click.Choice(["person", "organization", "party", "media", "country", "group"]), default="organization")
@_NOTE
@db_option
def correct_stance_command(statement_id: str, target: str, stance: str, kind: str, note: str | None) -> None:
    """Set the stance of STATEMENT_ID toward TARGET ("none": it is not about TARGET)."""
    from volte.record.corrections import correct_stance

    with _open_store() as store:
        number = correct_stance(store, statement_id, target, stance, kind=kind, note=note)
    click.echo(f"correction {number}: {statement_id} is {stance} toward {target}")


@correct_group.command("not-statement")
@click.argument("statement_id")
@click.option("--undo", is_flag=True, help="Take back an earlier `not-statement`.")
@_NOTE
@db_option
def correct_not_statement_command(statement_id: str, undo: bool, note: str | None) -> None:
    """Say STATEMENT_ID is not a statement (a title, a scare quote): it leaves the record."""
    from volte.record.corrections import mark_not_statement

    with _open_store() as store:
        number = mark_not_statement(store, statement_id, undo=undo, note=note)
    click.echo(f"correction {number}: {statement_id} is {'a statement again' if undo else 'not a statement'}")


@correct_group.command("list")
@format_option
@db_option
def correct_list_command(fmt: str) -> None:
    """Every correction made, oldest first; the ones in force are marked, and the ones an edit left behind."""
    from volte.record.corrections import list_corrections

    with _open_store() as store:
        rows = list_corrections(store)
    if fmt != "table":
        emit(rows, list(rows[0]) if rows else ["id"], fmt)
        return
    notes = []
    for row in rows:
        if not row["applies"]:
            notes.append(f"#{row['id']} no longer applies: its statement {row['statement_id']} is gone (article edited)")
        elif row["found_again"]:
            notes.append(f"#{row['id']} was made on {row['made_on']}: found again after an edit")
    table_rows = (
        {"#": row["id"], "statement": row["statement_id"], "field": row["field"],
         "value": " ".join(str(v) for v in (row["entity_name"], row["value"]) if v),
         "in force": "yes" if row["in_force"] else ("no longer applies" if not row["applies"] else ""),
         "when": row["created_at"], "note": row["note"]}
        for row in rows
    )
    emit(table_rows, ("#", "statement", "field", "value", "in force", "when", "note"), fmt)
    for note in notes:
        Console().print(Text(note), soft_wrap=True)


# ---- entities, targets and stance (issue #4) -----------------------------------------------------------------


def _use_registry(path: Path) -> None:
    """Make `path` the user registry for this run and its worker processes (they read $VOLTE_REGISTRY)."""
    import os

    from volte.registry import REGISTRY_ENV, read_registry_file

    read_registry_file(path)  # a bad file is an error now, not in every worker
    os.environ[REGISTRY_ENV] = str(path.resolve())


@cli.command("stance")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@db_option
def stance_command(file: Any) -> None:
    """Stance toward a target mention, per JSONL line {id, sentence, mention, from, to} -> {id, polarity}."""
    import json

    from volte.nlp.stance import stance_lines

    for row in stance_lines(file, source=getattr(file, "name", "input")):
        click.echo(json.dumps(row, ensure_ascii=False))


@cli.command("entities")
@click.option("--limit", type=click.IntRange(min=0), default=0, help="At most N rows (default: all).")
@format_option
@db_option
def entities_command(limit: int, fmt: str) -> None:
    """List entities: type, statements they speak, statements about them, the names their articles give them
    (with how many articles), names merged into them (by hand: user, or by the surname rule)."""
    with _open_store() as store:
        found = store.entities()
    rows = (
        {"entity": e.entity.name, "id": e.entity.id, "type": e.entity.type, "speaks": e.spoken, "about": e.about,
         "names": ", ".join(f"{n} ({k})" for n, k in e.forms) if fmt == "table" else dict(e.forms),
         "merged_names": ", ".join(f"{n} ({h})" for n, h in zip(e.merged, e.merged_how, strict=True))
         if fmt == "table" else list(e.merged)}
        for e in found[: limit or None]
    )
    emit(rows, ("entity", "id", "type", "speaks", "about", "names", "merged_names"), fmt)


@cli.command("merge")
@click.argument("alias")
@click.argument("entity")
@db_option
def merge_command(alias: str, entity: str) -> None:
    """Merge entity ALIAS into ENTITY (names or ids): its statements move, later ingests follow."""
    with _open_store() as store:
        merged, into = store.merge_entities(alias, entity)
    click.echo(f"merged {merged.name} ({merged.id}) into {into.name} ({into.id})")


@cli.command("split")
@click.argument("alias")
@db_option
def split_command(alias: str) -> None:
    """Undo a merge: ALIAS (a name merged into another entity, by `merge` or by the surname rule) stands alone
    again, its statements back under it; later ingests leave it so."""
    with _open_store() as store:
        alone, into = store.split_entity(alias)
    click.echo(f"split {alone.name} ({alone.id}) from {into.name} ({into.id})")


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on (localhost only by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--write-token",
    envvar="VOLTE_TOKEN",
    metavar="TOKEN",
    help="Allow corrections and merges to whoever sends this token (default: $VOLTE_TOKEN; none: read-only).",
)
@db_option
def serve_command(host: str, port: int, write_token: str | None) -> None:
    """Serve the store over HTTP: the JSON API under /api/ (see /openapi.json) and the pages."""
    import uvicorn

    from volte.api import create_app

    path = click.get_current_context().meta.get(_DB_KEY, _DEFAULT_DB)
    app = create_app(path, token=write_token)
    mode = "corrections allowed with the token" if write_token else "read-only"
    click.echo(f"serving {path} at http://{host}:{port}/ ({mode}); API: http://{host}:{port}/openapi.json", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def main() -> None:
    """The console script `volte`."""
    cli(prog_name="volte")

"""How the listing commands print their rows: a table for people, JSON Lines or CSV for programs (`--format`).

A table on a terminal fits its width; piped (no terminal), it is drawn `$COLUMNS` wide (default 160) so that
it stays readable in a file or a pager instead of wrapping every cell at 80 columns.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

F = TypeVar("F", bound=Callable[..., Any])

LIST_FORMATS = ("table", "json", "csv")
_PIPED_WIDTH = 160


def format_option(command: F) -> F:
    """`--format table|json|csv` on a listing command."""
    return click.option(
        "--format", "fmt", type=click.Choice(LIST_FORMATS), default="table", show_default=True,
        help="table for people; json (one object per line) or csv for programs.",
    )(command)


def console() -> Console:
    """A console for tables: the terminal's width, or $COLUMNS (default 160) when piped."""
    if sys.stdout.isatty():
        return Console()
    return Console(width=int(os.environ.get("COLUMNS") or _PIPED_WIDTH), soft_wrap=False)


def emit(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str, *, title: str | None = None,
    cut: dict[str, int] | None = None,
) -> int:
    """Print the rows as `fmt`; in a table, the `cut` columns are shortened to that many characters (the json
    and csv rows keep everything). Returns how many rows were printed."""
    count = 0
    if fmt == "json":
        # (written to the stream, not with click.echo: it checks the terminal on every line, a third of the time
        # of printing a timeline of 30,000 entries)
        out = sys.stdout
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        out.flush()
        return count
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
            count += 1
        return count
    table = Table(*[c.replace("_", " ") for c in columns], title=title)
    for row in rows:
        cells = []
        for column in columns:
            value = _cell(row.get(column))
            limit = (cut or {}).get(column)
            if limit and len(value) > limit:
                value = value[: limit - 1] + "…"
            cells.append(Text(value))
        table.add_row(*cells)
        count += 1
    console().print(table)
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)

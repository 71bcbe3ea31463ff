"""Stories per second of `geoparse` alone (parsing excluded), on full-length news stories.

Uses the GeoWebNews and LGL texts from ../shared/data/geoparsing when present, else generated
text. Parsing is done first, then only geoparse is timed, on a fresh gazetteer (cold caches).

    .venv/bin/python benchmarks/bench_geoparse.py [--stories N]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from wirewatch.gazetteer import Gazetteer
from wirewatch.geo_eval import read_gold
from wirewatch.geoparse import geoparse
from wirewatch.models import Document
from wirewatch.nlp import parse_many

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparsing"


def _stories(n: int) -> list[Document]:
    docs: list[Document] = []
    for kind, name in (("geowebnews", "GeoWebNews.xml"), ("lgl", "lgl.xml")):
        if (GOLD / name).is_file():
            docs.extend(doc for doc, _ in read_gold(GOLD / name, kind))
    if not docs:
        rng = random.Random(0)
        towns = ["Aleppo", "Idlib", "Hama", "Bou Kamal", "Kyiv", "Kharkiv", "Gaza", "Khartoum"]
        for i in range(n):
            sents = [
                f"Fighting near {rng.choice(towns)} killed {rng.randint(2, 40)} people, "
                f"officials in {rng.choice(towns)} said on Monday."
                for _ in range(25)
            ]
            docs.append(Document(doc_id=str(i), text=" ".join(sents)))
    return docs[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--stories", type=int, default=300)
    args = ap.parse_args()
    docs = _stories(args.stories)
    sdocs = list(parse_many(d.text for d in docs))
    gaz = Gazetteer.load()
    start = time.perf_counter()
    mentions = sum(len(geoparse(d, s, gaz)) for d, s in zip(docs, sdocs, strict=True))
    took = time.perf_counter() - start
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(
        f"{len(docs)} stories (mean {chars:.0f} chars), {mentions} mentions: "
        f"{len(docs) / took:.1f} stories/s geoparse alone (cold cache)"
    )


if __name__ == "__main__":
    main()

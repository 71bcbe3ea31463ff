"""Throughput of the whole pipeline: stories per second, extraction alone and into SQLite.

Runs on ACLED dev notes (short reports) and on full-length GeoWebNews stories when ../shared is
present, else on the bundled samples repeated. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_pipeline.py [--stories N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
import time
from pathlib import Path

from wirewatch.ingest import document_from_text, read_inputs
from wirewatch.models import Document
from wirewatch.pipeline import default_engine, extract_documents, run
from wirewatch.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WIREWATCH_SHARED", ROOT.parent / "shared"))


def _acled(n: int) -> list[Document]:
    from wirewatch.gold import acled_documents, load_acled_gold, select_acled

    path = SHARED / "data" / "acled" / "acled_dev.csv"
    if not path.is_file():
        return []
    return acled_documents(select_acled(load_acled_gold(path), "modern", sample=n, seed=0))


def _news(n: int) -> list[Document]:
    path = SHARED / "data" / "geoparsing" / "GeoWebNews.xml"
    if not path.is_file():
        return []
    texts = re.findall(r"<text>(.*?)</text>", path.read_text(encoding="utf-8"), re.S)
    return [document_from_text(t, published="2019-01-01") for t in texts[:n] if t.strip()]


def _samples(n: int) -> list[Document]:
    docs = [d for d in read_inputs([str(ROOT / "samples")]) if isinstance(d, Document)]
    return (docs * (n // max(1, len(docs)) + 1))[:n]


def _time_extract(name: str, docs: list[Document]) -> dict[str, float]:
    if not docs:
        return {}
    started = time.perf_counter()
    events = sum(len(evs) for _, evs in extract_documents(docs))
    seconds = time.perf_counter() - started
    chars = sum(len(d.text) for d in docs)
    row = {
        "stories": len(docs),
        "seconds": round(seconds, 2),
        "stories_per_s": round(len(docs) / seconds, 1),
        "events": events,
        "mean_chars": round(chars / len(docs)),
    }
    print(f"extract  {name:<12} {json.dumps(row)}")
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=500, help="stories per set")
    args = parser.parse_args()
    default_engine().extract(
        document_from_text("warm-up: the model loads once", published="2024-01-01")
    )
    sets = {
        "acled-notes": _acled(args.stories),
        "news": _news(min(args.stories, 200)),
        "samples": _samples(min(args.stories, 100)),
    }
    for name, docs in sets.items():
        _time_extract(name, docs)
    docs = sets["acled-notes"] or sets["samples"]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "stories.jsonl"
        source.write_text(
            "\n".join(
                json.dumps(
                    {
                        "id": d.ref,
                        "text": d.text,
                        "published": d.published.isoformat() if d.published else None,
                    }
                )
                for d in docs
            ),
            encoding="utf-8",
        )
        with Store(Path(tmp) / "bench.db") as store:
            started = time.perf_counter()
            report = run([str(source)], store)
            seconds = time.perf_counter() - started
            print(
                f"run      into-sqlite  {json.dumps({'stories': report.documents, 'seconds': round(seconds, 2), 'stories_per_s': round(report.documents / seconds, 1), 'events': store.count_events()})}"
            )


if __name__ == "__main__":
    main()

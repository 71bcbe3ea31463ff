"""`wirewatch evaluate`: score the engine (or a predictions file) against the gold data.

The command only parses options and prints; the work is done by the public functions below, which
the accuracy gate (tests/test_accuracy_gate.py) calls too, so the gate measures exactly what a
user sees.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from wirewatch.errors import EvaluateError, WirewatchError
from wirewatch.evaluate import (
    Measure,
    Report,
    group_by_story,
    reports_to_json,
    score_acled,
    score_seed,
    score_wikievents,
    write_predictions,
)
from wirewatch.gold import (
    Subset,
    acled_documents,
    load_acled_gold,
    load_predictions,
    load_seed_gold,
    load_wikievents,
    seed_document,
    seed_story_path,
    select_acled,
    sniff_gold,
    wikievents_documents,
)
from wirewatch.models import Document, Event

# Where each gold set lives under the shared folder (../shared next to the repository).
GOLD_SETS: tuple[tuple[str, str], ...] = (
    ("acled", "data/acled/acled_dev.csv"),
    ("seed", "seed/expected.jsonl"),
    ("wikievents", "data/wikievents/dev.jsonl"),
    ("geowebnews", "data/geoparsing/GeoWebNews.xml"),
    ("lgl", "data/geoparsing/lgl.xml"),
)
SUBSET_TITLES = {
    "modern": "ACLED dev, modern-schema rows",
    "violent-me": "ACLED dev, violent rows in Syria, Iraq, Yemen, Lebanon, Palestine, Israel, "
    "Libya, Ukraine, Sudan, Myanmar",
    "all": "ACLED dev, all rows (legacy rows left out of the type measures)",
}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one gold set gave: its reports and the predictions they were computed from."""

    reports: tuple[Report, ...]
    predictions: tuple[Event, ...]


def evaluate_geo(path: Path, kind: str, limit: int | None = None) -> Outcome:
    """Geoparsing scores (recall of gold names, precision, accuracy within 161 km, median km)."""
    from wirewatch.geo_eval import evaluate_geoparsing

    figures = evaluate_geoparsing(path, kind, limit=limit)
    gold, found, predicted = int(figures["gold"]), int(figures["found"]), int(figures["predicted"])
    correct = int(figures.get("correct", round(float(figures["acc_at_161"]) * found)))
    good = int(figures.get("good_predicted", round(float(figures["precision"]) * predicted)))
    report = Report(
        name=f"geoparse-{kind}",
        title=f"Geoparsing, {'GeoWebNews' if kind == 'geowebnews' else 'LGL'}",
        counts=(
            ("gold toponyms", gold),
            ("predicted places", predicted),
            ("demonyms left out", int(figures.get("demonyms_excluded", 0))),
        ),
        measures=(
            Measure("recall", found, gold, "gold names found (overlapping span)"),
            Measure("precision", good, predicted, "predicted places on a gold toponym"),
            Measure("acc_161km", correct, found, "found names placed within 161 km"),
        ),
        details=(("median_km", str(figures["median_km"])),),
    )
    return Outcome((report,), ())


def default_gold_dir() -> Path:
    """The shared folder: $WIREWATCH_GOLD_DIR, else ../shared beside the repository."""
    env = os.environ.get("WIREWATCH_GOLD_DIR")
    if env:
        return Path(env)
    candidates = [Path.cwd().parent / "shared", Path(__file__).resolve().parents[3] / "shared"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def run_engine(
    docs: Sequence[Document], *, quiet: bool = False, desc: str = "stories"
) -> list[tuple[Document, list[Event]]]:
    """The engine's events for each document, with a progress bar on stderr."""
    from tqdm import tqdm

    from wirewatch.pipeline import extract_documents

    out: list[tuple[Document, list[Event]]] = []
    try:
        with tqdm(total=len(docs), desc=desc, unit="story", disable=quiet) as bar:
            for doc, events in extract_documents(docs):
                out.append((doc, events))
                bar.update(1)
    except NotImplementedError as exc:
        raise EvaluateError(
            "The engine is not available yet (wirewatch.pipeline.extract_documents is not "
            "implemented); score a predictions file with --pred instead."
        ) from exc
    return out


def _by_story(results: Sequence[tuple[Document, list[Event]]]) -> dict[str, list[Event]]:
    """Predictions by the document the engine was given, whatever the events' sources say."""
    out: dict[str, list[Event]] = {}
    for doc, events in results:
        for key in {doc.ref, doc.doc_id}:
            if key:
                out.setdefault(key, []).extend(events)
    return out


def evaluate_acled(
    path: Path,
    *,
    subsets: Sequence[Subset] = ("modern", "violent-me"),
    predictions: Sequence[Event] | None = None,
    sample: int | Mapping[str, int] | None = None,
    seed: int = 0,
    limit: int | None = None,
    quiet: bool = False,
) -> Outcome:
    """Score each subset of an ACLED CSV; the engine runs once on the union of their stories.

    `sample` is one size for every subset or a size per subset (the gate samples fewer
    violent-me rows than modern ones).
    """
    rows = load_acled_gold(path)
    sizes = sample if isinstance(sample, Mapping) else dict.fromkeys(subsets, sample)
    chosen = {
        s: select_acled(rows, s, sample=sizes.get(s), seed=seed, limit=limit) for s in subsets
    }
    if predictions is None:
        union = {row.ref: row for rows_ in chosen.values() for row in rows_}
        results = run_engine(acled_documents(union.values()), quiet=quiet, desc="ACLED")
        by_story = _by_story(results)
        events = tuple(e for _, evs in results for e in evs)
    else:
        by_story = group_by_story(predictions)
        events = tuple(predictions)
    reports = tuple(
        score_acled(gold, by_story, name=f"acled-{s}", title=SUBSET_TITLES[s])
        for s, gold in chosen.items()
    )
    return Outcome(reports, events)


def evaluate_seed(
    path: Path, *, predictions: Sequence[Event] | None = None, quiet: bool = False
) -> Outcome:
    """Score the seed story; without predictions, the engine reads the .txt beside the gold."""
    gold = load_seed_gold(path)
    if predictions is None:
        results = run_engine([seed_document(seed_story_path(path))], quiet=quiet, desc="seed")
        events = [e for _, evs in results for e in evs]
    else:
        events = list(predictions)
        story = seed_story_path(path)
        keys = {story.stem, seed_document(story).doc_id}
        own = [e for e in events if any({s.ref, s.doc_id} & keys for s in e.sources)]
        events = own or events  # a file of the seed's events alone may carry no refs
    return Outcome((score_seed(gold, events),), tuple(events))


def evaluate_wikievents(
    path: Path,
    *,
    predictions: Sequence[Event] | None = None,
    limit: int | None = None,
    quiet: bool = False,
) -> Outcome:
    gold = load_wikievents(path)[:limit] if limit is not None else load_wikievents(path)
    documents = wikievents_documents(gold)
    if predictions is None:
        results = run_engine(documents, quiet=quiet, desc="WikiEvents")
        by_story = _by_story(results)
        events = tuple(e for _, evs in results for e in evs)
    else:
        by_story = group_by_story(predictions)
        events = tuple(predictions)
    return Outcome((score_wikievents(gold, by_story, documents=documents),), events)


@click.command("evaluate")
@click.option(
    "--gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold file: an ACLED CSV, the seed's expected.jsonl or WikiEvents' dev.jsonl (told "
    "apart by suffix and content). Omitted: every gold set under $WIREWATCH_GOLD_DIR or "
    "../shared.",
)
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Predictions to score: wirewatch JSON lines (one event a line). Omitted: run the "
    "engine on the gold's stories.",
)
@click.option(
    "--subset",
    type=click.Choice(["modern", "violent-me", "all"]),
    help="ACLED rows to score. Default: modern and violent-me, reported separately.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N stories.")
@click.option("--sample", type=click.IntRange(min=1), help="Score a random sample of N ACLED rows.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of --sample.")
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the reports as JSON to this file.",
)
@click.option(
    "--save-pred",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the predictions that were scored as JSON lines (reusable with --pred).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def evaluate_command(
    gold: Path | None,
    pred: Path | None,
    subset: Subset | None,
    limit: int | None,
    sample: int | None,
    seed: int,
    json_out: Path | None,
    save_pred: Path | None,
    quiet: bool,
) -> None:
    """Score events field by field against gold data.

    For each gold event, the best-matching predicted event of the same story is compared on
    event_type, sub_event_type, date, place (within 25 km), fatalities and actor1. On the seed
    story: core and overall events found, and predictions wrongly placed in the background war
    (Gaza, Israel, Lebanon). On WikiEvents: recall of attack and death sentences.

    \b
    Examples:
      wirewatch evaluate --sample 300 --seed 0
      wirewatch evaluate --gold ../shared/seed/expected.jsonl
      wirewatch evaluate --gold ../shared/data/acled/acled_dev.csv --subset violent-me --limit 50
      wirewatch evaluate --gold acled_dev.csv --pred events.jsonl --json report.json
    """
    try:
        predictions = load_predictions(pred) if pred else None
        if gold is not None:
            targets: list[tuple[str, Path]] = [(sniff_gold(gold), gold)]
            absent: list[str] = []
        else:
            base = default_gold_dir()
            targets = [(k, base / rel) for k, rel in GOLD_SETS if (base / rel).is_file()]
            absent = [f"{k} ({base / rel})" for k, rel in GOLD_SETS if not (base / rel).is_file()]
            if not targets:
                raise EvaluateError(
                    f"No gold data found under {base}; pass --gold FILE or set WIREWATCH_GOLD_DIR "
                    "to the folder holding data/ and seed/."
                )
        subsets: tuple[Subset, ...] = (subset,) if subset else ("modern", "violent-me")
        outcomes: list[Outcome] = []
        for kind, path in targets:
            if kind == "acled":
                outcomes.append(
                    evaluate_acled(
                        path,
                        subsets=subsets,
                        predictions=predictions,
                        sample=sample,
                        seed=seed,
                        limit=limit,
                        quiet=quiet,
                    )
                )
            elif kind == "seed":
                outcomes.append(evaluate_seed(path, predictions=predictions, quiet=quiet))
            elif kind in {"geowebnews", "lgl"}:
                outcomes.append(evaluate_geo(path, kind, limit=limit))
            else:
                outcomes.append(
                    evaluate_wikievents(path, predictions=predictions, limit=limit, quiet=quiet)
                )
    except WirewatchError as exc:
        raise click.ClickException(str(exc)) from exc

    reports = [r for o in outcomes for r in o.reports]
    for kind, path in targets:
        click.echo(f"gold: {kind} {path}")
    for name in absent:
        click.echo(f"gold absent, not scored: {name}")
    for report in reports:
        click.echo("")
        click.echo(report.to_text())
    if json_out is not None:
        data = json.loads(reports_to_json(reports))
        data["absent"] = absent
        json_out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if save_pred is not None:
        count = write_predictions(save_pred, (e for o in outcomes for e in o.predictions))
        click.echo(f"\n{count} predicted events written to {save_pred}")

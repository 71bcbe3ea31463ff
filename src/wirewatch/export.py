"""Events out to files other tools read, and to a table a person reads.

The CSV keeps ACLED's columns first, in ACLED's order and with ACLED's names, so tools written for
ACLED's exports read ours unchanged; wirewatch's own fields (ids, crosswalk codes, claims, sources,
evidence) follow as extra columns, nested ones as JSON. Every file is written to a temporary name
and renamed into place, so a crash or a full disk never leaves half a file where a good one was.

CSV files are opened in spreadsheets, and story text is written by strangers: a cell that begins
with ``=``, ``+``, ``-``, ``@`` or a control character would run as a formula there (OWASP's "CSV
injection"), so such text cells get a leading apostrophe. Numbers (negative longitudes) are left as
they are; JSON lines, GeoJSON and Parquet keep the text exactly.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from wirewatch.errors import InputError
from wirewatch.models import ACLED_COLUMNS, Event

log = logging.getLogger(__name__)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

EXTRA_COLUMNS: tuple[str, ...] = (
    "event_id", "plover_type", "cameo_root", "geonameid", "claims", "sources", "evidence",
    "confidence",
)  # fmt: skip
CSV_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS
SUPPORTED_SUFFIXES: tuple[str, ...] = (".csv", ".jsonl", ".geojson", ".parquet")


def write_events(events: Iterable[Event], path: Path | str) -> int:
    """Write events in the format the suffix names; returns how many were written.

    GeoJSON leaves out events without valid coordinates (a Point needs them) and logs how many.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    writers: dict[str, Callable[[Iterable[Event], Path], int]] = {
        ".csv": _write_csv,
        ".jsonl": _write_jsonl,
        ".geojson": _write_geojson,
        ".parquet": _write_parquet,
    }
    writer = writers.get(suffix)
    if writer is None:
        raise InputError(
            f"cannot export to {target}: unknown suffix {suffix or '(none)'!r}; "
            f"use one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot create the folder {target.parent} ({exc.strerror}); choose a path you may "
            "write to"
        ) from exc
    return writer(events, target)


def csv_row(event: Event) -> dict[str, Any]:
    """One event as a CSV row: ACLED's columns, then ours (nested values as JSON)."""
    row = event.to_acled_row()
    data = event.to_dict()
    row.update(
        event_id=event.event_id,
        plover_type=event.plover_type or "",
        cameo_root=event.cameo_root or "",
        geonameid=event.geonameid if event.geonameid is not None else "",
        claims=_json(data["claims"]),
        sources=_json(data["sources"]),
        evidence=_json(data["evidence"]),
        confidence=event.confidence,
    )
    return {key: _spreadsheet_safe(value) for key, value in row.items()}


def _spreadsheet_safe(value: Any) -> Any:
    if not isinstance(value, str) or not value.startswith(_FORMULA_STARTS):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


def to_geojson(events: Iterable[Event]) -> tuple[dict[str, Any], int]:
    """A GeoJSON FeatureCollection of Points, and how many events had no usable coordinates.

    Shared by the file export and the HTTP API, so the map and the file always agree.
    """
    features: list[dict[str, Any]] = []
    left_out = 0
    for event in events:
        feature = _feature(event)
        if feature is None:
            left_out += 1
        else:
            features.append(feature)
    return {"type": "FeatureCollection", "features": features}, left_out


def format_table(events: Iterable[Event], max_rows: int = 50) -> str:
    """A fixed-width table for the terminal, long cells cut with an ellipsis."""
    headers = ("date", "type", "actor1", "actor2", "location", "country", "deaths")
    widths = (10, 46, 22, 22, 16, 12, 6)
    rows: list[tuple[str, ...]] = []
    total = 0
    for event in events:
        total += 1
        if len(rows) >= max_rows:
            continue
        kind = " / ".join(t for t in (event.event_type, event.sub_event_type) if t)
        rows.append(
            (
                event.event_date.isoformat() if event.event_date else "?",
                kind,
                event.actor1 or "",
                event.actor2 or "",
                event.location or "",
                event.country or "",
                str(event.fatalities),
            )
        )
    if not rows:
        return "(no events)"
    # Shrink columns to their content so a narrow result stays narrow.
    fitted = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    fitted = [min(f, w) for f, w in zip(fitted, widths, strict=True)]
    lines = [_line(headers, fitted), "  ".join("-" * w for w in fitted)]
    lines += [_line(r, fitted) for r in rows]
    if total > len(rows):
        lines.append(
            f"… {total - len(rows)} more not shown ({total} in all); export them to a file"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    out = []
    for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        text = " ".join(cell.split())
        if len(text) > width:
            text = text[: max(width - 1, 0)] + "…"
        out.append(text.rjust(width) if index == len(cells) - 1 else text.ljust(width))
    return "  ".join(out).rstrip()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@contextmanager
def _atomic(target: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A temporary file next to `target`, renamed onto it only when the block succeeds."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if binary:
            handle: IO[Any] = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        with handle:
            yield handle
        # mkstemp makes the file private; an export is meant to be read like any other file.
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_csv(events: Iterable[Event], target: Path) -> int:
    count = 0
    with _atomic(target) as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for event in events:
            writer.writerow(csv_row(event))
            count += 1
    return count


def _write_jsonl(events: Iterable[Event], target: Path) -> int:
    count = 0
    with _atomic(target) as handle:
        for event in events:
            handle.write(_json(event.to_dict()) + "\n")
            count += 1
    return count


def _write_geojson(events: Iterable[Event], target: Path) -> int:
    collection, left_out = to_geojson(events)
    with _atomic(target) as handle:
        json.dump(collection, handle, ensure_ascii=False)
    if left_out:
        log.warning("%d events without coordinates left out of %s", left_out, target)
    return len(collection["features"])


def _feature(event: Event) -> dict[str, Any] | None:
    lat, lon = event.latitude, event.longitude
    if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    properties = event.to_dict()
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def _write_parquet(events: Iterable[Event], target: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError(
            f"cannot write {target}: Parquet needs pyarrow; run `pip install pyarrow`, or export "
            "to .csv, .jsonl or .geojson instead"
        ) from exc
    rows = [_flat(e) for e in events]
    table = pa.Table.from_pylist(rows, schema=_parquet_schema(pa))
    with _atomic(target, binary=True) as handle:
        pq.write_table(table, handle)
    return len(rows)


def _flat(event: Event) -> dict[str, Any]:
    """The event's dict with nested values as JSON text, so every column has one plain type."""
    data = event.to_dict()
    for key in ("claims", "sources", "evidence", "actor1_backers", "actor2_backers"):
        data[key] = _json(data[key])
    return data


def _parquet_schema(pa: Any) -> Any:
    ints = {"time_precision", "inter1", "inter2", "geo_precision", "geonameid", "fatalities"}
    floats = {"latitude", "longitude", "confidence"}
    fields = []
    for name in Event.__dataclass_fields__:
        if name in ints:
            kind = pa.int64()
        elif name in floats:
            kind = pa.float64()
        elif name == "fatalities_estimated":
            kind = pa.bool_()
        else:
            kind = pa.string()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)

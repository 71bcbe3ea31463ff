"""Exports: ACLED-first CSV (safe in spreadsheets), GeoJSON, JSON lines, Parquet, the table."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from wirewatch.errors import InputError
from wirewatch.export import CSV_COLUMNS, csv_row, format_table, to_geojson, write_events
from wirewatch.models import ACLED_COLUMNS, Claim, Event, Evidence, Source

NASTY = 'Residents said <script>alert("x")</script>, then "fled",\nnorth; =1+1'


def make_event(event_id: str = "e1", **kw: object) -> Event:
    base: dict[str, object] = {
        "event_id": event_id,
        "event_date": date(2024, 12, 2),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "plover_type": "ASSAULT",
        "cameo_root": "19",
        "actor1": "Military Forces of Syria",
        "assoc_actor_1": "Military Forces of Russia",
        "inter1": 1,
        "actor2": "Hayat Tahrir al-Sham",
        "inter2": 2,
        "country": "Syria",
        "iso3": "SYR",
        "admin1": "Hama",
        "location": "Hama",
        "latitude": 35.13,
        "longitude": 36.75,
        "geo_precision": 1,
        "geonameid": 170063,
        "fatalities": 400,
        "claims": (Claim("Syrian military", 400, "killed 400 insurgents", doc_id="d1"),),
        "sources": (Source("d1", ref="S1", publisher="AP", published=date(2024, 12, 2)),),
        "evidence": (Evidence("d1", 10, 30, NASTY),),
        "notes": NASTY,
        "confidence": 0.75,
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


EVENTS = [
    make_event(),
    make_event("e2", latitude=None, longitude=None, event_date=None, notes="", inter1=None),
    make_event("e3", actor1="A" * 80, fatalities=0, location="Kharkiv", country="Ukraine"),
]


def test_csv_acled_columns_first_and_values_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out" / "events.csv"
    assert write_events(iter(EVENTS), path) == 3
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        assert CSV_COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
        rows = list(reader)
    assert len(rows) == 3
    for event, row in zip(EVENTS, rows, strict=True):
        assert row == {k: str(v) for k, v in csv_row(event).items()}
    first = rows[0]
    assert first["notes"] == NASTY and first["interaction"] == "12"
    assert first["source"] == "AP" and first["event_id_cnty"] == "e1"
    assert json.loads(first["evidence"])[0]["text"] == NASTY
    assert json.loads(first["claims"]) == [
        {"claimant": "Syrian military", "number": 400, "text": "killed 400 insurgents",
         "doc_id": "d1", "start": 0, "end": 0}
    ]  # fmt: skip
    assert float(first["latitude"]) == 35.13 and first["confidence"] == "0.75"


def test_jsonl_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert write_events(EVENTS, path) == 3
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [Event.from_dict(json.loads(line)) for line in lines] == EVENTS


def test_geojson_points_are_lon_lat_and_skip_events_without_place(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    assert write_events(EVENTS, path) == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    first = data["features"][0]
    assert first["type"] == "Feature" and first["geometry"]["type"] == "Point"
    assert first["geometry"]["coordinates"] == [36.75, 35.13]
    assert first["properties"]["event_id"] == "e1" and first["id"] == "e1"
    _, left_out = to_geojson([*EVENTS, make_event("bad", latitude=95.0)])
    assert left_out == 2


def test_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\.csv, \.jsonl, \.geojson, \.parquet"):
        write_events(EVENTS, tmp_path / "events.xlsx")


def test_parquet_round_trips_with_typed_columns(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert write_events(EVENTS, path) == 3
    table = pq.read_table(path)
    assert table.schema.field("fatalities").type == "int64"
    assert table.schema.field("latitude").type == "double"
    rows = table.to_pylist()
    assert [r["event_id"] for r in rows] == ["e1", "e2", "e3"]
    assert rows[0]["fatalities"] == 400 and rows[2]["fatalities"] == 0
    assert rows[1]["latitude"] is None and rows[1]["inter1"] is None
    assert rows[0]["notes"] == NASTY
    assert json.loads(rows[0]["claims"])[0]["number"] == 400


def test_parquet_without_pyarrow_names_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(InputError, match="pip install pyarrow"):
        write_events(EVENTS, tmp_path / "events.parquet")
    assert not (tmp_path / "events.parquet").exists()


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    hostile = make_event(
        "e4",
        notes='=HYPERLINK("http://x","click")',
        actor1="@SUM(A1)",
        location="-Kharkiv",
        admin1="+1+2",
        latitude=-12.5,
        longitude=-70.25,
    )
    path = tmp_path / "events.csv"
    write_events([hostile], path)
    with path.open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["notes"].startswith("'=HYPERLINK(")
    assert row["actor1"] == "'@SUM(A1)" and row["location"] == "'-Kharkiv"
    assert row["admin1"] == "'+1+2"
    assert float(row["latitude"]) == -12.5 and float(row["longitude"]) == -70.25


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    write_events(EVENTS, path)
    before = path.read_text(encoding="utf-8")

    def broken() -> list[Event]:
        raise RuntimeError("engine crashed")

    def events() -> object:
        yield EVENTS[0]
        broken()

    with pytest.raises(RuntimeError):
        write_events(events(), path)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


def test_format_table() -> None:
    table = format_table(EVENTS, max_rows=2)
    lines = table.splitlines()
    assert lines[0].split() == ["date", "type", "actor1", "actor2", "location", "country", "deaths"]
    assert "2024-12-02" in lines[2] and "400" in lines[2]
    assert lines[3].startswith("?")
    assert "1 more" in lines[-1]
    assert len({len(line) for line in lines[:2]}) == 1
    wide = format_table([EVENTS[2]])
    assert "A" * 80 not in wide and "…" in wide
    assert format_table([]) == "(no events)"

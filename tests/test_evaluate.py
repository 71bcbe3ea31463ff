"""The scorer on small gold and prediction sets written here (no gold data from ../shared)."""

from __future__ import annotations

import csv
import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wirewatch.cli_eval import evaluate_command
from wirewatch.errors import EvaluateError
from wirewatch.evaluate import (
    Report,
    best_match,
    group_by_story,
    haversine_km,
    is_background,
    normalise_actor,
    same_place_name,
    score_acled,
    score_seed,
    score_wikievents,
)
from wirewatch.gold import (
    AcledGold,
    SeedGold,
    acled_documents,
    load_predictions,
    load_seed_gold,
    load_wikievents,
    select_acled,
    sentence_spans,
    sniff_gold,
)
from wirewatch.models import Event, Evidence, Source

# A made-up town and a point 0.18° of latitude (about 20 km) and 0.27° (about 30 km) north of it.
TOWN = (35.00, 38.00)
KM20 = (35.18, 38.00)
KM30 = (35.27, 38.00)


def acled_row(ref: str = "XX:1", **overrides: Any) -> AcledGold:
    base = AcledGold(
        ref=ref,
        event_id_cnty=ref.split(":")[-1],
        schema="modern",
        event_date=date(2020, 5, 9),
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Military Forces of Syria (2000-)",
        actor2="Unidentified Armed Group (Syria)",
        country="Syria",
        admin1="Dara",
        location="Tafas",
        latitude=TOWN[0],
        longitude=TOWN[1],
        geo_precision=1,
        fatalities=10,
        notes="On 9 May 2020, clashes took place near a town. Unknown fatalities coded as 10.",
    )
    return dataclasses.replace(base, **overrides)


def event(ref: str = "XX:1", **fields: Any) -> Event:
    base: dict[str, Any] = {
        "event_id": f"e-{ref}",
        "event_date": date(2020, 5, 9),
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Military Forces of Syria (2000-)",
        "latitude": TOWN[0],
        "longitude": TOWN[1],
        "fatalities": 10,
        "sources": (Source(doc_id=f"doc-{ref}", ref=ref),),
    }
    base.update(fields)
    return Event(**base)


def seed_row(id_: str, **overrides: Any) -> SeedGold:
    base = SeedGold(
        id=id_,
        core=True,
        event_date=date(2024, 12, 2),
        date_accept=None,
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        plover="ASSAULT",
        actor1="Military Forces of Syria",
        location="Idlib",
        location_accept=(),
        country="Syria",
        latitude=35.93,
        longitude=36.63,
        fatalities=None,
    )
    return dataclasses.replace(base, **overrides)


# --- field rules -------------------------------------------------------------------------------


def test_haversine_gives_known_distances() -> None:
    assert haversine_km(*TOWN, *TOWN) == 0.0
    assert 19 < haversine_km(*TOWN, *KM20) < 21
    assert 29 < haversine_km(*TOWN, *KM30) < 31


def test_place_is_right_within_25_km_and_wrong_beyond() -> None:
    gold = [acled_row()]
    near = score_acled(gold, group_by_story([event(latitude=KM20[0], longitude=KM20[1])]))
    far = score_acled(gold, group_by_story([event(latitude=KM30[0], longitude=KM30[1])]))
    none = score_acled(gold, group_by_story([event(latitude=None, longitude=None)]))
    assert near.measure("place_25km").hits == 1
    assert far.measure("place_25km").hits == 0
    assert none.measure("place_25km").hits == 0


def test_actor_lenient_ignores_only_the_regime_period() -> None:
    assert normalise_actor("  Military  Forces of SYRIA (2000-) ") == normalise_actor(
        "Military Forces of Syria (2000-)"
    )
    assert normalise_actor("Military Forces of Syria (2000-)", lenient=True) == normalise_actor(
        "Military Forces of Syria", lenient=True
    )
    assert normalise_actor("Police Forces of Kenya (2013-2022)", lenient=True).endswith("kenya")
    assert normalise_actor("Civilians (Syria)", lenient=True) == "civilians (syria)"


def test_spelling_variants_of_a_place_agree() -> None:
    assert same_place_name("Tel Rifaat", ["Tall Rif'at"])
    assert same_place_name("Bou Kamal", ["Abu Kamal"])
    assert same_place_name("ḤAMA", ["Hama"])
    assert same_place_name("Hamah", ["Hama"])
    assert same_place_name("Al-Raqqah", ["Raqqa"])
    assert same_place_name("Al Bukamal", ["Bou Kamal"])
    assert not same_place_name("Hims", ["Hama"])
    assert not same_place_name("Alma", ["Ma"])  # "al" is an article only before a word
    assert not same_place_name("Homs", ["Hama"])
    assert not same_place_name(None, ["Hama"])


# --- ACLED -------------------------------------------------------------------------------------


def test_best_match_prefers_the_right_type_over_the_nearer_place() -> None:
    right_type_far = event(
        latitude=KM30[0], longitude=KM30[1], sub_event_type="Government regains territory"
    )
    right_type_far = dataclasses.replace(right_type_far, event_id="a")
    wrong_type_near = event(event_type="Violence against civilians", sub_event_type="Attack")
    wrong_type_near = dataclasses.replace(wrong_type_near, event_id="b")
    plover_only = event(event_type=None, sub_event_type=None, plover_type="ASSAULT", event_id="c")
    match = best_match(acled_row(), [wrong_type_near, right_type_far, plover_only])
    assert match is not None and match.event_id == "a"
    assert best_match(acled_row(), [plover_only]) is None


def test_acled_scores_each_field_and_counts_a_miss_as_wrong_everywhere() -> None:
    gold = [
        acled_row("XX:1"),
        acled_row("XX:2", fatalities=3, actor1="Military Forces of Russia (2000-)"),
        acled_row("XX:3"),  # the engine finds nothing in this story
    ]
    preds = [
        event("XX:1"),  # right on every field
        event(
            "XX:2",
            event_date=date(2020, 5, 8),
            sub_event_type="Government regains territory",
            fatalities=0,
            actor1="Military Forces of Russia",
        ),
    ]
    report = score_acled(gold, group_by_story(preds))
    got = {m.name: (m.hits, m.total) for m in report.measures}
    assert got == {
        "found": (2, 3),
        "event_type": (2, 3),
        "sub_event_type": (1, 3),
        "date": (1, 3),
        "place_25km": (2, 3),
        "fatalities": (1, 3),
        "actor1": (1, 3),
        "actor1_lenient": (2, 3),
    }


def test_legacy_rows_are_left_out_of_the_type_measures_only() -> None:
    vac = "Violence against civilians"  # a type name both schemas use
    gold = [acled_row("XX:1"), acled_row("XX:2", schema="legacy", event_type=vac)]
    report = score_acled(gold, group_by_story([event("XX:1"), event("XX:2", event_type=vac)]))
    assert report.measure("event_type").total == 1
    assert report.measure("event_type").hits == 1
    assert report.measure("found").total == 2
    assert dict(report.counts)["legacy rows"] == 1


def test_predictions_are_matched_by_event_id_cnty_and_by_doc_id() -> None:
    gold = [acled_row("RP:SYR1"), acled_row("RP:SYR2", notes="On 9 May 2020, shelling hit a town.")]
    doc2 = acled_documents([gold[1]])[0]
    preds = [
        event("SYR1"),  # the export kept only ACLED's own id
        event("zz", sources=(Source(doc_id=doc2.doc_id, ref=None),)),  # no ref at all
        event("RP:OTHER"),  # another story: must not be credited
    ]
    report = score_acled(gold, group_by_story(preds))
    assert report.measure("found").hits == 2
    unseen = acled_row("RP:SYR9", notes="On 9 May 2020, another story altogether.")
    assert score_acled([unseen], group_by_story(preds)).measure("found").hits == 0


def test_select_acled_samples_deterministically_and_filters_subsets() -> None:
    rows = [acled_row(f"XX:{i}") for i in range(50)]
    rows.append(acled_row("XX:legacy", schema="legacy"))
    rows.append(acled_row("XX:kenya", country="Kenya"))
    rows.append(acled_row("XX:protest", event_type="Protests"))
    assert len(select_acled(rows, "modern")) == 52
    assert len(select_acled(rows, "all")) == 53
    violent = {r.ref for r in select_acled(rows, "violent-me")}
    assert not violent & {"XX:legacy", "XX:kenya", "XX:protest"}
    one = select_acled(rows, "modern", sample=10, seed=0)
    assert one == select_acled(rows, "modern", sample=10, seed=0)
    assert one != select_acled(rows, "modern", sample=10, seed=1)
    assert [r.ref for r in one] == sorted((r.ref for r in one), key=[x.ref for x in rows].index)
    assert len(select_acled(rows, "modern", sample=10, limit=3)) == 3


# --- seed --------------------------------------------------------------------------------------


def test_seed_date_range_accepts_any_day_inside_it() -> None:
    gold = [seed_row("S1", date_accept=(date(2024, 11, 25), date(2024, 12, 1)))]
    inside = event(event_date=date(2024, 11, 28), event_type="Explosions/Remote violence")
    outside = event(event_date=date(2024, 12, 2), event_type="Explosions/Remote violence")
    kw: dict[str, Any] = {"latitude": 35.93, "longitude": 36.63}
    assert score_seed(gold, [dataclasses.replace(inside, **kw)]).measure("found").hits == 1
    assert score_seed(gold, [dataclasses.replace(outside, **kw)]).measure("found").hits == 0


def test_seed_without_a_range_needs_the_exact_date() -> None:
    gold = [seed_row("S4")]
    right = event(
        event_date=date(2024, 12, 2),
        event_type="Explosions/Remote violence",
        location="Idlib",
        latitude=None,
        longitude=None,
    )
    assert score_seed(gold, [right]).measure("found").hits == 1
    wrong = dataclasses.replace(right, event_date=date(2024, 12, 1))
    assert score_seed(gold, [wrong]).measure("found").hits == 0


def test_seed_place_by_name_variant_or_within_10_km() -> None:
    gold = [seed_row("S5", location="Abu Kamal", location_accept=("Al Bukamal", "Bou Kamal"))]
    base = event(event_date=date(2024, 12, 2), event_type="Explosions/Remote violence")
    by_name = dataclasses.replace(base, location="Albu Kamal", latitude=None, longitude=None)
    by_coords = dataclasses.replace(base, location="somewhere", latitude=35.97, longitude=36.63)
    too_far = dataclasses.replace(base, location="somewhere", latitude=36.10, longitude=36.63)
    gold_b = [seed_row("S4")]
    assert score_seed(gold, [by_name]).measure("found").hits == 1
    assert score_seed(gold_b, [by_coords]).measure("found").hits == 1
    assert score_seed(gold_b, [too_far]).measure("found").hits == 0


def test_plover_only_rows_and_the_mobilize_alternative() -> None:
    consult = seed_row(
        "S9", core=False, event_type=None, sub_event_type=None, plover="CONSULT", location="Tehran"
    )
    mobilize = seed_row("S7", core=False, event_type="Strategic developments", plover="MOBILIZE")
    where: dict[str, Any] = {"location": "Idlib", "event_date": date(2024, 12, 2)}
    plover_consult = event(event_type=None, sub_event_type=None, plover_type="CONSULT", **where)
    plover_consult = dataclasses.replace(plover_consult, location="Tehran")
    plover_mobilize = event(event_type=None, sub_event_type=None, plover_type="MOBILIZE", **where)
    acled_sd = event(event_type="Strategic developments", sub_event_type="Other", **where)
    battle = event(event_type="Battles", plover_type="ASSAULT", **where)
    assert score_seed([consult], [plover_consult]).measure("plover_only_found").hits == 1
    assert score_seed([consult], [battle]).measure("found").hits == 0
    assert score_seed([mobilize], [plover_mobilize]).measure("found").hits == 1
    assert score_seed([mobilize], [acled_sd]).measure("found").hits == 1
    assert score_seed([mobilize], [battle]).measure("found").hits == 0
    battle_mobilize = dataclasses.replace(battle, plover_type="MOBILIZE")
    assert score_seed([mobilize], [battle_mobilize]).measure("found").hits == 0


def test_one_prediction_cannot_find_two_gold_events_and_core_comes_first() -> None:
    core = seed_row("S4")
    other = seed_row("SX", core=False)
    strike = event(
        event_date=date(2024, 12, 2), event_type="Explosions/Remote violence", location="Idlib"
    )
    report = score_seed([other, core], [strike])
    assert report.measure("found").hits == 1
    assert report.measure("core_found").hits == 1
    assert dict(report.details)["found"] == "S4"
    assert score_seed([other, core], [strike, strike]).measure("found").hits == 2


def test_background_events_are_counted() -> None:
    gaza = event(location="Gaza City", country="Palestine")
    beirut = event(location="Beirut", country=None, iso3="LBN")
    israel = event(location=None, country="Israel")
    by_name = event(location="Northern Gaza", country=None, iso3=None)
    aleppo = event(location="Aleppo", country="Syria")
    got = [is_background(e) for e in (gaza, beirut, israel, by_name, aleppo)]
    assert got == [True, True, True, True, False]
    report = score_seed([seed_row("S4")], [gaza, beirut, aleppo])
    m = report.measure("background")
    assert (m.hits, m.total, m.lower_is_better) == (2, 3, True)


def test_load_seed_gold_reads_ranges_and_plover_only_rows(tmp_path: Path) -> None:
    path = tmp_path / "expected.jsonl"
    rows = [
        {"id": "S1", "core": True, "event_date": "2024-11-29", "time_precision": 2,
         "event_type": "Battles", "plover": "ASSAULT", "location": "Aleppo",
         "latitude": 36.2, "longitude": 37.16, "date_accept": ["2024-11-25", "2024-12-01"]},
        {"id": "S9", "core": False, "event_date": "2024-12-02", "event_type": None,
         "plover": "CONSULT", "location": "Tehran", "latitude": 35.69, "longitude": 51.42,
         "location_accept": ["Teheran"], "fatalities": 3},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert sniff_gold(path) == "seed"
    s1, s9 = load_seed_gold(path)
    assert s1.date_accept == (date(2024, 11, 25), date(2024, 12, 1))
    assert s9.event_type is None and s9.location_accept == ("Teheran",) and s9.fatalities == 3


# --- WikiEvents --------------------------------------------------------------------------------


def wiki_doc() -> dict[str, Any]:
    sents = [["A", "bomb", "exploded", "in", "Kabul", "."], ["Three", "people", "died", "."]]
    text = "A bomb exploded in Kabul.Three people died."  # glued, as in the real file
    return {
        "doc_id": "doc1",
        "text": text,
        "tokens": [t for s in sents for t in s],
        "sentences": [[[[t, 0, 0] for t in s], " ".join(s)] for s in sents],
        "entity_mentions": [],
        "relation_mentions": [],
        "event_mentions": [
            {"id": "E1", "event_type": "Conflict.Attack.DetonateExplode",
             "trigger": {"start": 2, "end": 3, "text": "exploded", "sent_idx": 0}},
            {"id": "E2", "event_type": "Life.Die.Unspecified",
             "trigger": {"start": 8, "end": 9, "text": "died", "sent_idx": 1}},
            {"id": "E3", "event_type": "Contact.Contact.Broadcast",
             "trigger": {"start": 8, "end": 9, "text": "died", "sent_idx": 1}},
        ],
    }  # fmt: skip


def test_wikievents_recall_by_sentence_overlap(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(wiki_doc()) + "\n", encoding="utf-8")
    assert sniff_gold(path) == "wikievents"
    docs = load_wikievents(path)
    # "Three people died." starts at character 25 of the glued text.
    on_second = event("doc1", evidence=(Evidence(doc_id="", start=31, end=35, text="died"),))
    report = score_wikievents(docs, group_by_story([on_second]))
    assert report.measure("attack_recall").hits == 0
    assert report.measure("die_recall").hits == 1
    assert (report.measure("recall").hits, report.measure("recall").total) == (1, 2)
    assert report.measure("precision").hits == 1
    on_first = event("doc1", evidence=(Evidence(doc_id="", start=2, end=6, text="bomb"),))
    report = score_wikievents(docs, group_by_story([on_first]))
    assert report.measure("attack_recall").hits == 1
    assert report.measure("die_recall").hits == 0
    # "Kabul." ends where the second sentence begins: touching is not overlapping.
    touching = event("doc1", evidence=(Evidence(doc_id="", start=19, end=25, text="Kabul."),))
    assert score_wikievents(docs, group_by_story([touching])).measure("die_recall").hits == 0
    elsewhere = event("other", evidence=(Evidence(doc_id="", start=2, end=6, text="bomb"),))
    assert score_wikievents(docs, group_by_story([elsewhere])).measure("recall").hits == 0


# --- report, files and CLI ----------------------------------------------------------------------


def test_report_prints_a_table_and_round_trips_as_json() -> None:
    report = score_acled([acled_row()], group_by_story([event()]))
    assert isinstance(report, Report)
    data = json.loads(report.to_json())
    assert data["measures"]["found"] == {
        "hits": 1,
        "total": 1,
        "ratio": 1.0,
        "lower_is_better": False,
        "description": data["measures"]["found"]["description"],
    }
    assert data["counts"]["gold events"] == 1
    text = report.to_text()
    assert "place_25km" in text and "100.0%" in text
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.name = "x"  # type: ignore[misc]


def test_bad_prediction_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"event_id": "a", "event_date": "2020-05-09"}\n{"nope": 1}\n', "utf-8")
    with pytest.raises(EvaluateError, match="line 2"):
        load_predictions(path)


def write_acled_csv(path: Path, rows: list[AcledGold]) -> None:
    names = [f.name for f in dataclasses.fields(AcledGold)]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["record_id", *names[1:]])
        writer.writeheader()
        for row in rows:
            values = dataclasses.asdict(row)
            values["record_id"] = values.pop("ref")
            writer.writerow(values)


def test_cli_scores_a_prediction_file_and_writes_json(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.csv"
    write_acled_csv(gold_path, [acled_row("XX:1"), acled_row("XX:2", country="Kenya")])
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(json.dumps(event("XX:1").to_dict()) + "\n", encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        evaluate_command,
        ["--gold", str(gold_path), "--pred", str(pred_path), "--json", str(out), "--quiet"],
    )
    assert result.exit_code == 0, result.output
    assert "acled-modern" in result.output and "acled-violent-me" in result.output
    reports = {r["name"]: r for r in json.loads(out.read_text("utf-8"))["reports"]}
    assert reports["acled-modern"]["measures"]["found"]["hits"] == 1
    assert reports["acled-modern"]["measures"]["found"]["total"] == 2
    assert reports["acled-violent-me"]["measures"]["found"]["total"] == 1


def test_cli_without_gold_says_which_sets_are_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data" / "acled").mkdir(parents=True)
    write_acled_csv(tmp_path / "data" / "acled" / "acled_dev.csv", [acled_row()])
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(json.dumps(event().to_dict()) + "\n", encoding="utf-8")
    monkeypatch.setenv("WIREWATCH_GOLD_DIR", str(tmp_path))
    result = CliRunner().invoke(evaluate_command, ["--pred", str(pred_path), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "gold absent, not scored: seed" in result.output
    assert "gold absent, not scored: wikievents" in result.output
    monkeypatch.setenv("WIREWATCH_GOLD_DIR", str(tmp_path / "nothing"))
    result = CliRunner().invoke(evaluate_command, ["--pred", str(pred_path)])
    assert result.exit_code != 0 and "[W501]" in result.output


def test_cli_help_documents_every_option() -> None:
    result = CliRunner().invoke(evaluate_command, ["--help"])
    assert result.exit_code == 0
    for option in ("--gold", "--pred", "--subset", "--limit", "--sample", "--seed", "--json"):
        assert option in result.output
    assert "--save-pred" in result.output and "--quiet" in result.output


def test_sentences_are_found_in_a_text_that_lost_its_dateline(tmp_path: Path) -> None:
    raw = wiki_doc()
    sents = [
        ["KABUL", "(", "AP", ")", "A", "bomb", "exploded", "."],
        ["Three", "people", "died", "."],
    ]
    raw["text"] = "KABUL (AP) A bomb exploded.Three people died."
    raw["sentences"] = [[[[t, 0, 0] for t in s], " ".join(s)] for s in sents]
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(raw) + "\n", encoding="utf-8")
    (doc,) = load_wikievents(path)
    assert sentence_spans(doc) == [(0, 27), (27, 45)]
    # ingest cut the dateline: the sentences move with the text the engine read
    assert sentence_spans(doc, "A bomb exploded. Three people died.") == [(0, 16), (17, 35)]

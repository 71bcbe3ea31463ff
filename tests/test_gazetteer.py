"""The gazetteer: keys, the GeoNames-dump build, errors, and news spellings on the built file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wirewatch.errors import GazetteerError
from wirewatch.gazetteer import Gazetteer, loose_key, normalise, packaged_path
from wirewatch.gazetteer_build import build_from_geonames, is_latin_name


def test_normalise_folds_case_accents_apostrophes_and_hyphens() -> None:
    assert normalise("Tall Rif‘at") == normalise("tall rif'at") == "tall rifat"
    assert normalise("Deir ez-Zor") == "deir ez zor"
    assert normalise("İdlib") == "idlib"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bou Kamal", "Abu Kamal"),
        ("Al Bukamal", "Abu Kamal"),
        ("Deir ez-Zor", "Dayr az Zawr"),
        ("Idleb", "Idlib"),
        ("Tel Rifaat", "Tall Rif'at"),
        ("Maarat al-Numan", "Ma‘arrat an Nu‘man"),
    ],
)
def test_loose_key_merges_transliterations(a: str, b: str) -> None:
    assert loose_key(a) and loose_key(a) == loose_key(b)


def test_loose_key_refuses_short_names() -> None:
    assert loose_key("Ur") == ""


def test_latin_filter_drops_codes_and_romanised_lowercase() -> None:
    assert is_latin_name("Halab")
    assert not is_latin_name("ALP")  # an airport code
    assert not is_latin_name("hlb")  # a machine romanisation
    assert not is_latin_name("حلب")


def _dump_row(
    gid: int,
    name: str,
    alts: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    cc: str,
    a1: str,
    a2: str,
    pop: int,
) -> str:
    cols = [
        str(gid),
        name,
        name,
        alts,
        str(lat),
        str(lon),
        fclass,
        fcode,
        cc,
        "",
        a1,
        a2,
        "",
        "",
        str(pop),
        "",
        "100",
        "Asia/Damascus",
        "2024-01-01",
    ]
    return "\t".join(cols) + "\n"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    root = tmp_path_factory.mktemp("geonames")
    (root / "XS.txt").write_text(
        _dump_row(1, "Qaryat Tuffah", "Tuffah,Tufah", 35.1, 36.1, "P", "PPL", "SY", "12", "3", 900)
        + _dump_row(2, "Muhafazat Tuffah", "", 35.2, 36.2, "A", "ADM1", "SY", "12", "", 50000)
        + _dump_row(3, "Mintaqat Tuffah", "", 35.15, 36.15, "A", "ADM2", "SY", "12", "3", 9000)
        + _dump_row(4, "Syria", "Syrie", 35.0, 38.0, "A", "PCLI", "SY", "00", "", 17000000)
        + _dump_row(5, "Old Fort", "", 35.0, 36.0, "S", "FT", "SY", "12", "", 0),
        encoding="utf-8",
    )
    (root / "alternateNamesV2.txt").write_text(
        "10\t1\ten\tApple Village\t1\t\t\t\t\t\n11\t1\tiata\tTFH\t\t\t\t\t\t\n", encoding="utf-8"
    )
    out = root / "gaz.sqlite"
    count = build_from_geonames([root / "XS.txt", root / "alternateNamesV2.txt"], out)
    assert count >= 4
    return Gazetteer.load(out)


def test_build_from_geonames_reads_places_admin_names_and_alternates(tiny: Gazetteer) -> None:
    village = tiny.lookup("Apple Village")
    assert [p.geonameid for p in village] == [1]
    assert village[0].admin1 == "Muhafazat Tuffah" and village[0].admin2 == "Mintaqat Tuffah"
    assert tiny.candidates("TFH", False) == ()  # codes are not names
    assert tiny.lookup("Old Fort") == []  # only populated places and administrative areas
    syria = tiny.country("SY")
    assert syria is not None and syria.precision == 3 and syria.geonameid == 4
    assert tiny.country("Syrie") == syria
    assert tiny.lookup("Muhafazat Tuffah")[0].precision == 3


def test_lookup_filters_by_country(tiny: Gazetteer) -> None:
    assert tiny.lookup("Tufah", country="SY")
    assert tiny.lookup("Tufah", country="IQ") == []


def test_missing_file_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="make install"):
        Gazetteer.load(tmp_path / "nope.sqlite")


def test_corrupt_file_names_the_fix(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(GazetteerError, match=r"build_gazetteer\.py"):
        Gazetteer.load(bad)
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(GazetteerError, match="make install"):
        Gazetteer.load(empty)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    if not packaged_path().is_file():
        pytest.skip("gazetteer not built: run `python scripts/build_gazetteer.py`")
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("spelling", "lat", "lon"),
    [
        ("Bou Kamal", 34.45, 40.92),
        ("Abu Kamal", 34.45, 40.92),
        ("Al Bukamal", 34.45, 40.92),
        ("Tel Rifaat", 36.47, 37.09),
        ("Tall Rif'at", 36.47, 37.09),
        ("Dayr az Zawr", 35.34, 40.14),
        ("Idleb", 35.93, 36.63),
        ("Kiev", 50.45, 30.52),
        ("Kyiv", 50.45, 30.52),
        ("Maarat al-Numan", 35.65, 36.68),
    ],
)
def test_news_spellings_resolve(gaz: Gazetteer, spelling: str, lat: float, lon: float) -> None:
    places = gaz.lookup(spelling, country=None)
    near = [p for p in places if abs(p.latitude - lat) < 0.1 and abs(p.longitude - lon) < 0.1]
    assert near, f"{spelling}: {[(p.name, p.country) for p in places[:5]]}"


def test_countries_aliases_and_demonyms(gaz: Gazetteer) -> None:
    turkey = gaz.country("Turkiye")
    assert turkey is not None and turkey.country == "TR" and turkey.precision == 3
    assert gaz.country("Türkiye") == turkey == gaz.country("TR")
    assert gaz.demonym("Syrian") == "SY" and gaz.demonym("Iraqi") == "IQ"
    assert gaz.demonym("Aleppo") is None


def test_admin1_has_english_names(gaz: Gazetteer) -> None:
    aleppo = next(p for p in gaz.lookup("Aleppo") if p.feature_code == "PPL")
    assert aleppo.admin1 == "Aleppo" and aleppo.country == "SY"


def test_load_is_fast(gaz: Gazetteer) -> None:
    import time

    start = time.perf_counter()
    Gazetteer.load()
    assert time.perf_counter() - start < 0.3


def test_world_regions_and_holy_see(gaz: Gazetteer) -> None:
    assert gaz.country_code("Holy See") == "VA"
    ocean = [c.place for c in gaz.candidates("Atlantic Ocean", False)]
    assert ocean and ocean[0].feature_code == "OCN" and ocean[0].country is None


def test_spelling_similarity_ranks_transliterations_above_chance() -> None:
    from wirewatch.gazetteer import MIN_SIMILARITY, spelling_similarity

    assert spelling_similarity("Bou Kamal", "Abu Kamal") >= MIN_SIMILARITY
    assert spelling_similarity("Idleb", "Idlib") >= MIN_SIMILARITY
    assert spelling_similarity("Sud-Kivu", "Shady Cove") < MIN_SIMILARITY
    assert spelling_similarity("Tarasso", "Tauris") < MIN_SIMILARITY


def test_subdivision_alternate_names_on_built_file() -> None:
    if not packaged_path().is_file():
        pytest.skip("gazetteer not built")
    gaz = Gazetteer.load()
    kivu = [c.place for c in gaz.candidates("Sud-Kivu", False)]
    assert any(p.country == "CD" and p.feature_code == "ADM1" for p in kivu)
    poonch = [c.place for c in gaz.candidates("Poonch", False)]
    assert any(p.country == "IN" and p.feature_code == "ADM2" for p in poonch)
    # a division carved out of Dhaka lends no name to it
    assert not any(
        c.place.feature_code == "ADM1" and c.place.name == "Dhaka"
        for c in gaz.candidates("Mymensingh", False)
    )


def test_country_points_follow_geonames_where_countryinfo_strays(gaz: Gazetteer) -> None:
    """Libya's countryinfo centre lies ~330 km south of GeoNames' own point (28 N, 17 E)."""
    libya = gaz.country("Libya")
    assert libya is not None and abs(libya.latitude - 28.0) < 0.5
    assert abs(libya.longitude - 17.0) < 0.5


@pytest.mark.parametrize(
    ("spelling", "stored"),
    [("Thi Qar", "Dhi Qar"), ("Thamar", "Dhamar"), ("Wassit", "Wasit")],
)
def test_th_for_dh_and_doubled_consonants_find_the_region(
    gaz: Gazetteer, spelling: str, stored: str
) -> None:
    """English spellings write Arabic dhal as "th" and double consonants the stored name has once."""
    want = {c.place.geonameid for c in gaz.candidates(stored) if c.place.feature_code == "ADM1"}
    got = gaz.candidates(spelling)
    assert want, stored
    assert want & {c.place.geonameid for c in got}
    assert not any(c.exact for c in got)  # found loosely: ranking still weighs context


def test_final_double_letter_is_not_collapsed(gaz: Gazetteer) -> None:
    """ "UConn" is an abbreviation, not a misspelling of a town "Ucon"."""
    assert gaz.candidates("UConn") == ()

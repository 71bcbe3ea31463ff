"""Choosing an event's place among a story's resolved names, and where a province-only event sits."""

from __future__ import annotations

import pytest

from wirewatch.gazetteer import Gazetteer, packaged_path
from wirewatch.models import Document, Place, PlaceMention


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    if not packaged_path().is_file():
        pytest.skip("gazetteer not built: run `python scripts/build_gazetteer.py`")
    return Gazetteer.load()


def _choose(text: str, trigger: str, gaz: Gazetteer, sentence: int = 0) -> PlaceMention | None:
    """The place of the clause that is the whole of sentence `sentence`, trigger word given."""
    from wirewatch.geoparse import geoparse
    from wirewatch.nlp import parse
    from wirewatch.placing import choose_place

    sdoc = parse(text)
    places = [
        m for m in geoparse(Document(doc_id="t", text=text), sdoc, gaz) if m.place is not None
    ]
    sentences = [(s.start_char, s.end_char, s) for s in sdoc.sents]
    start, end, _ = sentences[sentence]
    return choose_place(start, end, sentence, text.index(trigger), places, sentences)


def test_a_country_inside_a_partys_name_is_not_the_place(gaz: Gazetteer) -> None:
    text = (
        "On 16 June 2023, members of Islami Andolan Bangladesh staged a protest at the "
        "National Mosque, Dhaka city, against the assault on their members."
    )
    chosen = _choose(text, "protest", gaz)
    # (the mosque is put at the town named with it: either mention gives Dhaka)
    assert chosen is not None and chosen.place is not None and chosen.place.name == "Dhaka"


def test_what_a_protest_condemns_is_not_where_it_is(gaz: Gazetteer) -> None:
    text = (
        "On 6 May 2024, students staged a protest at the university, Sylhet city, condemning "
        "the military aggression on Gaza."
    )
    chosen = _choose(text, "protest", gaz)
    assert chosen is not None and chosen.text == "Sylhet"


def test_a_later_sentence_names_the_place_when_the_events_does_not(gaz: Gazetteer) -> None:
    text = (
        "Youths tried to attack an MP at a funeral on Saturday. Some locals heckled the "
        "speakers at the ceremony in Ahero."
    )
    chosen = _choose(text, "attack", gaz)
    assert chosen is not None and chosen.text == "Ahero"


def test_a_place_abroad_in_a_later_sentence_is_never_taken(gaz: Gazetteer) -> None:
    text = "Gunmen killed a fisherman in Kenya on Sunday. The suspects had lived in Mumbai."
    chosen = _choose(text, "killed", gaz)
    assert chosen is not None and chosen.text == "Kenya"
    text = "Gunmen killed a fisherman on Sunday. The suspects had lived in Mumbai. Kenya and "
    text += "Tanzania said so."
    chosen = _choose(text, "killed", gaz)
    assert chosen is None or chosen.text != "Mumbai"


def test_a_name_only_qualifying_an_actor_is_the_last_resort(gaz: Gazetteer) -> None:
    text = "A journalist was attacked by Kakamega County soldiers at a construction site."
    chosen = _choose(text, "attacked", gaz)
    assert chosen is not None and chosen.text == "Kakamega"


def test_the_town_before_its_admin_chain_is_the_place(gaz: Gazetteer) -> None:
    text = (
        "On 23 October 2023, workers staged a demonstration at Dhaka-Tangail highway, Gazipur "
        "city (Gazipur Sadar, Dhaka), demanding a salary increase."
    )
    chosen = _choose(text, "demonstration", gaz)
    assert chosen is not None and chosen.text == "Gazipur"


def test_a_province_only_event_sits_at_the_provinces_main_town(gaz: Gazetteer) -> None:
    from wirewatch.placing import event_place

    farah = next(
        p for p in gaz.lookup("Farah", "AF") if p.feature_code == "ADM1" and p.precision == 3
    )
    seat = event_place(farah, gaz)
    assert seat.feature_code is not None and seat.feature_code.startswith("PPL")
    assert seat.admin1 == farah.admin1 and seat.country == "AF" and seat.precision == 3
    town = Place("Farah", 32.37, 62.12, country="AF", admin1="Farah", feature_code="PPL")
    assert event_place(town, gaz) is town  # towns and districts keep their own point


def test_residents_of_a_name_make_it_a_place(gaz: Gazetteer) -> None:
    from wirewatch.geoparse import geoparse
    from wirewatch.nlp import parse

    text = "Keroka residents held a demonstration after the killing of a businessman."
    found = {m.text: m for m in geoparse(Document(doc_id="t", text=text), parse(text), gaz)}
    keroka = found.get("Keroka")
    assert keroka is not None and keroka.place is not None and keroka.place.country == "KE"


def test_a_province_in_brackets_yields_to_the_district_before_it(gaz: Gazetteer) -> None:
    text = (
        "On 9 May 2020, pro-Houthi forces fired mortar shells at anti-Houthi forces in At "
        "Tuhayta district (Al Hudaydah)."
    )
    chosen = _choose(text, "fired", gaz)
    # "Al Hudaydah" is the province, though it resolves to its namesake city
    assert chosen is not None and chosen.text == "Tuhayta"


def test_traders_and_shops_of_a_name_make_it_a_place(gaz: Gazetteer) -> None:
    from wirewatch.geoparse import geoparse
    from wirewatch.nlp import parse

    for text, name in (
        ("Mombasa traders protest the demolition of their kiosks.", "Mombasa"),
        ("Four are killed in a grenade attack on a Wajir shop.", "Wajir"),
    ):
        found = {m.text: m for m in geoparse(Document(doc_id="t", text=text), parse(text), gaz)}
        m = found.get(name)
        assert m is not None and m.place is not None and m.place.country == "KE"


def test_a_roads_town_names_are_not_the_area_of_the_town_after_it(gaz: Gazetteer) -> None:
    text = (
        "On 9 July 2024, students staged a protest by blocking Dhaka-Mymensingh railway, "
        "Mymensingh city (Mymensingh), demanding abolition of the quota system."
    )
    chosen = _choose(text, "protest", gaz)
    assert chosen is not None and chosen.place is not None and chosen.place.name == "Mymensingh"


def test_a_namesake_outside_the_province_the_sentence_names_is_not_the_place(
    gaz: Gazetteer,
) -> None:
    text = (
        "On 9 May 2020, a family was attacked with sharp weapons in Hamirpur village near "
        "Rapar town (Kachchh, Gujarat), killing five of them."
    )
    chosen = _choose(text, "attacked", gaz)
    # (the gazetteer's Hamirpur lies in another state: the town named beside it is the place)
    assert chosen is not None and chosen.place is not None and chosen.place.admin1 == "Gujarat"


def test_the_province_a_little_after_a_town_is_its_area(gaz: Gazetteer) -> None:
    text = "On 29 April 2020, Turkish forces shelled Tall Refaat and its vicinity in Aleppo."
    chosen = _choose(text, "shelled", gaz)
    assert chosen is not None and chosen.text == "Tall Refaat"
    # "in Aleppo city" is the city itself, whatever came before
    text = "On 29 April 2020, a man from Tall Refaat was shot dead in Aleppo city."
    chosen = _choose(text, "shot", gaz)
    assert chosen is not None and chosen.text == "Aleppo"


def test_an_event_with_no_place_named_sits_at_the_capital(gaz: Gazetteer) -> None:
    from wirewatch.placing import event_place, unnamed_place

    kenya = gaz.country("KE")
    assert kenya is not None
    capital = unnamed_place(kenya, gaz)
    assert capital.name == "Nairobi" and capital.country == "KE" and capital.precision == 3
    assert event_place(kenya, gaz) is kenya  # a country the story names keeps its own point


def test_a_province_named_after_a_town_sits_at_that_town(gaz: Gazetteer) -> None:
    from wirewatch.placing import event_place

    def region(name: str) -> Place:
        return next(
            c.place
            for c in gaz.candidates(name, False)
            if c.place.country == "KE" and c.place.feature_code == "ADM1"
        )

    assert event_place(region("Machakos"), gaz).name == "Machakos"  # not a bigger town of it
    assert event_place(region("Baringo"), gaz).name != "Baringo"  # a hamlet is no seat


def test_a_country_backing_a_faction_is_not_the_place(gaz: Gazetteer) -> None:
    text = "Gunmen fired on a vehicle of a Turkey backed faction near Azaz."
    chosen = _choose(text, "fired", gaz)
    assert chosen is None or chosen.text != "Turkey"


def test_the_town_a_body_is_named_after_yields_to_where_it_met(gaz: Gazetteer) -> None:
    text = (
        "On 5 May 2020, employees of Chattogram City Corporation staged a protest in Bogra city "
        "demanding their salaries."
    )
    chosen = _choose(text, "protest", gaz)
    assert chosen is not None and chosen.text == "Bogra"


def test_a_body_named_after_its_town_still_places_an_event_nothing_else_places(
    gaz: Gazetteer,
) -> None:
    text = "On 5 May 2020, students of Dhaka University staged a protest on the campus."
    chosen = _choose(text, "protest", gaz)
    assert chosen is not None and chosen.text == "Dhaka"


def test_the_last_word_of_a_longer_name_gives_no_country(gaz: Gazetteer) -> None:
    import importlib

    extract = importlib.import_module("wirewatch.extract")
    text = "Gunmen killed two miners near Karbonit Mine. Residents of Narok fled."
    mine = text.index("Mine")
    narok = text.index("Narok")
    unplaced = [
        PlaceMention("t", mine, mine + 4, "Mine", None),
        PlaceMention("t", narok, narok + 5, "Narok", None),
    ]
    # "Mine" (a Japanese town) is part of the mine's name and casts no vote against Narok's Kenya
    assert extract._unanimous_country(unplaced, gaz, text) == "KE"
    assert extract._unanimous_country(unplaced[:1], gaz, text) is None


def test_an_alternate_spelling_of_a_hamlet_gives_no_country(gaz: Gazetteer) -> None:
    import importlib

    extract = importlib.import_module("wirewatch.extract")
    text = "Riots broke out when Kibaki named 17 new cabinet ministers."
    start = text.index("Kibaki")
    unplaced = [PlaceMention("t", start, start + 6, "Kibaki", None)]
    # GeoNames lists "Kibaki" only as an alternate spelling of a Ukrainian hamlet (Kybaky)
    assert all(not c.main for c in gaz.candidates("Kibaki", loose=False))
    assert extract._unanimous_country(unplaced, gaz, text) is None


def test_the_place_a_coder_says_was_used_is_the_place(gaz: Gazetteer) -> None:
    text = (
        "On 19 November, a woman was killed at Lira trading centre near the border between West "
        "Pokot and Elgeyo-Marakwet (coordinates for Kapenguria, West Pokot, used)."
    )
    chosen = _choose(text, "killed", gaz)
    assert chosen is not None and chosen.text == "Kapenguria"


def test_a_country_raiders_came_from_is_not_the_place(gaz: Gazetteer) -> None:
    text = "Five people were killed by suspected Merrile bandits from neighbouring Ethiopia."
    chosen = _choose(text, "killed", gaz)
    assert chosen is None or chosen.text != "Ethiopia"


def test_a_foreign_mission_says_nothing_of_the_country() -> None:
    from wirewatch.placing import without_missions

    text = "Protesters stormed the British High Commission and the Embassy of Israel in Amman."
    blanked = without_missions(text)
    assert "British" not in blanked and "Israel" not in blanked and "Amman" in blanked
    assert len(blanked) == len(text)  # offsets stay where they were


def test_an_area_after_an_unlisted_village_takes_the_villages_cue(gaz: Gazetteer) -> None:
    text = (
        "On 3 June 2021, soldiers of Armenia fired on the positions of the military forces of "
        "Azerbaijan stationed at Bozdaghly, Tovuz."
    )
    chosen = _choose(text, "fired", gaz)
    # (the forces' country names a side, and the village is no gazetteer place: its district is)
    assert chosen is not None and chosen.text == "Tovuz"


def test_a_country_owning_a_drone_is_not_where_it_struck(gaz: Gazetteer) -> None:
    text = (
        "On 4 June 2021, two militants were killed by a US drone strike, which followed a "
        "raid in Nad Ali district, Helmand."
    )
    chosen = _choose(text, "killed", gaz)
    assert chosen is not None and chosen.place is not None and chosen.place.country == "AF"


def test_a_country_someone_went_to_is_not_where_they_were_caught(gaz: Gazetteer) -> None:
    text = (
        "Police intercepted five youths in Garissa town on Sunday. Officers arrested them "
        "while they were in transit to Somalia."
    )
    chosen = _choose(text, "arrested", gaz, sentence=1)
    assert chosen is not None and chosen.text == "Garissa"


def test_a_district_named_alone_sits_at_its_namesake_town(gaz: Gazetteer) -> None:
    from wirewatch.placing import event_place

    district = next(p for p in gaz.lookup("Thatta", "PK") if p.feature_code == "ADM2")
    seat = event_place(district, gaz, "staged a protest in ")
    assert seat.feature_code is not None and seat.feature_code.startswith("PPL")
    assert seat.admin1 == district.admin1 and seat.precision == 2
    # the area of a village the gazetteer lacks keeps the district's middle
    assert event_place(district, gaz, "protested in Jhirk village (") is district


def test_a_sub_district_named_with_its_unit_word_beats_its_district_town(
    gaz: Gazetteer,
) -> None:
    # the cue before the bracket is the upazila's, and the bracket only says where it lies
    text = (
        "On 26 February 2023, party members staged a protest in Ghatail upazila (Tangail, Dhaka)."
    )
    chosen = _choose(text, "protest", gaz)
    assert chosen is not None and chosen.text == "Ghatail"


def test_an_upazila_after_a_road_is_the_place(gaz: Gazetteer) -> None:
    text = (
        "On 26 February 2023, party members burned tires at Mymensingh-Jamalpur highway, "
        "Ghatail upazila (Tangail, Dhaka)."
    )
    chosen = _choose(text, "burned", gaz)
    assert chosen is not None and chosen.text == "Ghatail"


def test_a_town_named_without_a_unit_word_keeps_its_bracket_district(gaz: Gazetteer) -> None:
    # an unlisted village before the bracket leaves the cue to the district
    text = "On 3 May 2023, villagers protested in Xqzvillage (Tangail, Dhaka)."
    chosen = _choose(text, "protested", gaz)
    assert chosen is not None and chosen.text == "Tangail"

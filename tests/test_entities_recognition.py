"""chronist.entities.recognize on the demo document and small texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronist.entities import Entity, EntityType, recognize
from chronist.errors import OptionError

DEMO = Path(__file__).resolve().parents[2] / "shared" / "seed" / "koreakrieg.de.txt"

PEOPLE = ["Truman", "Douglas MacArthur", "Mao", "Stalin", "Omar Bradley", "Kim"]
PLACES = [
    "Moskau",
    "Peking",
    "Pjöngjang",
    "Berlin",
    "Nordkorea",
    "Korea",
    "Busan",
    "Seoul",
    "Incheon",
    "Yalu",
    "China",
    "Südkorea",
    "USA",
]
COMMON_NOUNS = [
    "Krieges",
    "Pläne",
    "Krieg",
    "Plan",
    "Westen",
    "Amerikaner",
    "Freiwillige",
    "Oberbefehlshabers",
    "Diktator",
    "Waffenstillstand",
    "Norden",
    "Grenzen",
    "Entspannung",
    "Koreabooms",
    "Tigersprung",
]


@pytest.fixture(scope="module")
def demo() -> list[Entity]:
    assert DEMO.is_file(), "the demo document ../shared/seed/koreakrieg.de.txt is missing"
    return recognize(DEMO.read_text(encoding="utf-8"))


def _forms(entities: list[Entity], kind: EntityType) -> set[str]:
    return {m.text for e in entities if e.type is kind for m in e.mentions}


def _names(entities: list[Entity], kind: EntityType) -> set[str]:
    return {e.text for e in entities if e.type is kind}


def _covered(name: str, entities: list[Entity], kind: EntityType) -> bool:
    forms = _forms(entities, kind)
    return any(form == name or form.startswith(name) for form in forms)


@pytest.mark.parametrize("name", PEOPLE)
def test_demo_people_found_as_persons(demo: list[Entity], name: str) -> None:
    assert _covered(name, demo, EntityType.PER), sorted(_forms(demo, EntityType.PER))


@pytest.mark.parametrize("name", PLACES)
def test_demo_places_found_as_places(demo: list[Entity], name: str) -> None:
    assert _covered(name, demo, EntityType.LOC), sorted(_forms(demo, EntityType.LOC))


def test_demo_tags_no_common_noun(demo: list[Entity]) -> None:
    words = {w for e in demo for m in e.mentions for w in m.text.split()}
    assert not words & set(COMMON_NOUNS)


def test_demo_declined_region_is_one_place(demo: list[Entity]) -> None:
    (korea,) = [e for e in demo if e.text == "Koreanischen Halbinsel"]
    assert korea.type is EntityType.LOC and korea.feature_class == "region"
    assert korea.geometry == "centroid" and korea.confidence is not None


def test_demo_macarthur_is_one_person_with_all_mentions(demo: list[Entity]) -> None:
    (macarthur,) = [e for e in demo if "MacArthur" in e.text]
    assert macarthur.text == "Douglas MacArthur"
    assert macarthur.type is EntityType.PER
    assert {m.text for m in macarthur.mentions} == {"Douglas MacArthur", "MacArthurs"}
    assert len(macarthur.mentions) == 3


def test_demo_stalins_is_stalin(demo: list[Entity]) -> None:
    (stalin,) = [e for e in demo if e.text.startswith("Stalin")]
    assert stalin.type is EntityType.PER
    assert stalin.text == "Stalin"
    assert [m.text for m in stalin.mentions] == ["Stalins"]


def test_demo_offsets_point_at_the_mentions(demo: list[Entity]) -> None:
    text = DEMO.read_text(encoding="utf-8")
    for entity in demo:
        assert text[entity.start : entity.end] == entity.text
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_demo_pjoengjang_resolves_to_north_korea(demo: list[Entity]) -> None:
    (place,) = [e for e in demo if e.text == "Pjöngjang"]
    assert place.resolved and place.gazetteer_id is not None
    assert place.gazetteer_id.startswith("geonames:")
    assert place.lat is not None and place.lon is not None
    assert 37.5 < place.lat < 43.0 and 124.0 < place.lon < 131.0


def test_demo_peking_and_pekings_are_one_place(demo: list[Entity]) -> None:
    (peking,) = [e for e in demo if e.text == "Peking"]
    assert [m.text for m in peking.mentions] == ["Peking", "Pekings"]
    assert peking.resolved


def test_river_from_the_hand_written_table(demo: list[Entity]) -> None:
    (yalu,) = [e for e in demo if e.text == "Yalu"]  # a river: not in the city data
    assert yalu.type is EntityType.LOC and yalu.resolved
    assert (yalu.gazetteer_id, yalu.feature_class, yalu.geometry) == (
        "chronist:yalu", "river", "centroid",
    )  # fmt: skip
    for place in [e for e in demo if e.type is EntityType.LOC]:
        assert place.resolved == (place.gazetteer_id is not None)


def test_unresolved_place_keeps_no_point() -> None:
    from chronist.entities.recognition import recognize as recognize_document

    entities = recognize_document("Das Schloss in Rumpenheim wurde 1680 gebaut.")
    places = [e for e in entities if e.type is EntityType.LOC and not e.resolved]
    assert [p.text for p in places] == ["Rumpenheim"]  # a district: not in the gazetteer
    for place in places:
        assert (place.lat, place.lon, place.gazetteer_id) == (None, None, None)
        assert place.to_json()["resolved"] is False


def test_json_shape(demo: list[Entity]) -> None:
    data = json.loads(json.dumps([e.to_json() for e in demo]))
    place = next(d for d in data if d["text"] == "Moskau")
    assert place["type"] == "LOC" and place["gazetteer_id"].startswith("geonames:")
    assert {"text", "type", "start", "end", "mentions", "lat", "lon"} <= set(place)
    person = next(d for d in data if d["text"] == "Truman")
    assert person["type"] == "PER" and "lat" not in person


def test_empty_text_finds_nothing() -> None:
    assert recognize("") == []
    assert recognize("   \n") == []


def test_unsupported_language_is_an_option_error() -> None:
    with pytest.raises(OptionError):
        recognize("Truman", lang="xx")


def test_small_text() -> None:
    found = recognize("Am Sonntag traf Angela Merkel in Paris den französischen Präsidenten.")
    assert ("Angela Merkel", EntityType.PER) in {(e.text, e.type) for e in found}
    assert ("Paris", EntityType.LOC) in {(e.text, e.type) for e in found}


@pytest.mark.parametrize(
    ("spans", "query", "expected"),
    [
        ([], (0, 5), False),
        ([(10, 20)], (0, 10), False),
        ([(10, 20)], (20, 25), False),
        ([(10, 20)], (19, 25), True),
        ([(0, 100), (10, 12)], (50, 60), True),  # a long span reaches past a later short one
        ([(30, 40), (10, 12)], (12, 30), False),  # given out of order
    ],
)
def test_timex_span_overlap(
    spans: list[tuple[int, int]], query: tuple[int, int], expected: bool
) -> None:
    from chronist.entities.span_index import SpanIndex

    assert SpanIndex(spans).overlap(*query) is expected
    assert expected is any(s < query[1] and query[0] < e for s, e in spans)


def test_years_near_keeps_the_pairs_in_the_texts_order() -> None:
    from chronist.entities.place_clues import years_near
    from chronist.entities.types import Mention

    mentions = (Mention("Rom", 100, 103), Mention("Rom", 900, 903))
    years = [(50, 1950), (700, 1951), (1600, 1952), (5000, 1953)]
    assert years_near(mentions, years) == (1950, 1951, 1951)
    assert years_near((Mention("Rom", 3000, 3003),), years) == (1950, 1951, 1952, 1953)


def test_a_place_beside_a_persons_name_is_part_of_the_name() -> None:
    from chronist.entities.coreference import TypedMention
    from chronist.entities.language import entity_facts
    from chronist.entities.person_names import join_person_places
    from chronist.entities.types import Mention

    facts = entity_facts("de")

    def joined(text: str, *spans: tuple[str, EntityType]) -> list[tuple[str, str]]:
        found = [
            TypedMention(Mention(w, text.index(w), text.index(w) + len(w)), t) for w, t in spans
        ]
        return [(m.mention.text, m.type.value) for m in join_person_places(text, found, facts)]

    # a surname after a given name, a given name before a surname: one person
    assert joined(
        "mit Lionel Hampton", ("Lionel", EntityType.PER), ("Hampton", EntityType.LOC)
    ) == [("Lionel Hampton", "PER")]
    assert joined(
        "London, Cleveland Williams", ("Cleveland", EntityType.LOC), ("Williams", EntityType.PER)
    ) == [("Cleveland Williams", "PER")]
    # a place after a preposition, beside a person, stays a place; so after a surname
    assert joined("in Paris Napoleon", ("Paris", EntityType.LOC), ("Napoleon", EntityType.PER)) == [
        ("Paris", "LOC"),
        ("Napoleon", "PER"),
    ]
    # a country before a person in the genitive, a person's genitive after a town
    assert joined(
        "im Chile Pinochets", ("Chile", EntityType.LOC), ("Pinochets", EntityType.PER)
    ) == [
        ("Chile", "LOC"),
        ("Pinochets", "PER"),
    ]
    assert joined("und Jena Goethes", ("Jena", EntityType.LOC), ("Goethes", EntityType.PER)) == [
        ("Jena", "LOC"),
        ("Goethes", "PER"),
    ]
    assert joined("Marx Berlin", ("Marx", EntityType.PER), ("Berlin", EntityType.LOC)) == [
        ("Marx", "PER"),
        ("Berlin", "LOC"),
    ]


_PREHISTORY = (
    "Dabei reichten die Funde in Dam-Dam-Cesme 1 vom Jungpaläolithikum bis zur Bronzezeit, "
    "während Dam-Dam-Cesme 2 erst an der Grenze zwischen Jungpaläolithikum und Mesolithikum "
    "einsetzt.\nIn der Kailyu-Höhle nahe dem Kaspischen Meer und an der Fundstätte Hodscha "
    "fanden sich ebenfalls mesolithische Artefakte.\nIn Hodscha hinterließen die Fischer große "
    "Mengen an Stör.\n\n=== Neolithikum und Kupferzeit\n\nDas Neolithikum setzte im Süden "
    "Turkmenistans bereits in der zweiten Hälfte des 7. Jahrtausends ein.\n"
    "Am Anfang der Kupferzeit steht die Stufe Anau IA, die weit über Turkmenistan bis in den "
    "Iran reichte.\n\nDas sich dem Neolithikum anschließende südturkmenische Äneolithikum "
    "wird anhand der Keramik in drei Stufen gegliedert, nämlich Namazga I bis III.\n"
)


def test_eras_of_prehistory_and_lone_roman_numerals_are_no_entities() -> None:
    found = {m.text for e in recognize(_PREHISTORY) for m in e.mentions}
    assert not found & {"Jungpaläolithikum", "Neolithikum", "III"}
    # the country stays a place (alone or in "Süden Turkmenistans", the tagger's span)
    assert any(text.endswith("Turkmenistans") for text in found)


def test_a_country_before_an_unknown_word_is_no_given_name() -> None:
    # "Peru Posible" is a party: Peru is no given name of a person "Peru Posible"
    text = "Die Partei Peru Posible gewann. Sie regierte in Lima."
    found = [(m.text, e.type.value) for e in recognize(text) for m in e.mentions]
    assert ("Peru", "LOC") in found and ("Lima", "LOC") in found
    assert all(kind != "PER" for _, kind in found)


def test_a_name_with_von_written_twice_stays_one_person() -> None:
    # "Charlotte" alone first, then "Charlotte von Stein" twice: her name, not a person
    # and the town Stein (``Barbarossa von Regensburg``, once, is the man and the town)
    text = (
        "Goethe liebte Charlotte, die er in Wetzlar traf. Später schrieb er Gedichte für "
        "Charlotte von Stein. Die Briefe an Charlotte von Stein sind erhalten."
    )
    found = [(m.text, e.type.value) for e in recognize(text) for m in e.mentions]
    assert ("Charlotte von Stein", "PER") in found
    assert all(text != "Stein" for text, _ in found)


def test_a_towns_other_name_after_an_organisation_named_with_it_is_no_place() -> None:
    text = (
        "Zentrum der Bewegung war die Universität Tartu (Dorpat), an der die Esten "
        "studierten. Später zog er nach Dorpat."
    )
    places = [e for e in recognize(text) if e.type is EntityType.LOC]
    starts = [m.start for e in places for m in e.mentions]
    assert starts == [text.rindex("Dorpat")]


def test_a_place_before_a_compass_genitive_is_an_epithet_not_that_place() -> None:
    # "Jerusalem des Nordens" is Vilnius's epithet: no pin on Jerusalem; Jerusalem itself
    # and a place after "des Nordens" elsewhere stay places
    text = (
        "Vilnius erhielt wegen seiner Gelehrten den Beinamen Jerusalem des Nordens. "
        "Später reiste er nach Jerusalem."
    )
    places = [e for e in recognize(text) if e.type is EntityType.LOC]
    starts = sorted(m.start for e in places for m in e.mentions)
    assert starts == [0, text.rindex("Jerusalem")]

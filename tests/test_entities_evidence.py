"""Place resolution by evidence: priors, cues, context, era, confidence."""

from __future__ import annotations

import pytest

from chronist.entities.evidence import (
    MIN_CONFIDENCE,
    PlaceEvidence,
    resolve_entities,
    resolve_places,
)
from chronist.entities.language import entity_facts
from chronist.entities.places import PlaceKind, gazetteer
from chronist.entities.types import EntityType
from chronist.timeline import build_timeline


def _resolve(*evidence: PlaceEvidence) -> list[tuple[str | None, float]]:
    found = resolve_entities(list(evidence), entity_facts("de"))
    return [(r.place.gazetteer_id if r.place else None, r.confidence) for r in found]


def test_historical_state_in_its_period() -> None:
    ((ident, confidence),) = _resolve(PlaceEvidence(("Preußen",), years=(1850, 1866)))
    assert ident == "chronist:prussia" and confidence > 0.5


def test_historical_state_outside_its_period_stays_unresolved() -> None:
    ((ident, confidence),) = _resolve(PlaceEvidence(("Weströmisches Reich",), years=(1800,)))
    assert ident is None and confidence < MIN_CONFIDENCE


def test_river_cue_beats_a_town_of_the_same_name() -> None:
    river = frozenset({PlaceKind.RIVER})
    ((ident, _),) = _resolve(PlaceEvidence(("Main",), cues=river))
    assert ident == "chronist:main-river"


def test_compass_prefix_names_a_part_of_a_country() -> None:
    ((ident, _),) = _resolve(PlaceEvidence(("Südalbanien",)))
    assert ident is not None
    (albania,) = [p for p in gazetteer().get("Albanien") if p.kind is PlaceKind.COUNTRY]
    assert ident == albania.gazetteer_id


def test_context_moves_a_homonym() -> None:
    alone, *_ = _resolve(PlaceEvidence(("Alexandria",)))
    with_us, *_ = _resolve(
        PlaceEvidence(("Alexandria",)), PlaceEvidence(("USA",)), PlaceEvidence(("Washington",))
    )
    assert alone[0] != with_us[0]
    assert alone[0] is not None and with_us[0] is not None


def test_unknown_name_has_no_confidence() -> None:
    assert _resolve(PlaceEvidence(("Atlantis-am-Yalu",))) == [(None, 0.0)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Am 3. Mai 1945 erreichten Truppen Hamburg.", "Mai"),
        ("Im 5. Jahrhundert v. Chr. blühte Athen.", "Chr."),
    ],
)
def test_timeline_keeps_no_entity_inside_a_date(text: str, absent: str) -> None:
    entities = build_timeline(text).entities
    assert all(absent not in m.text for e in entities for m in e.mentions)


def test_timeline_era_reaches_place_resolution() -> None:
    text = "Im Jahr 1866 besiegte Preußen Österreich. Preußen gewann."
    places = {e.text: e for e in build_timeline(text).entities if e.type is EntityType.LOC}
    prussia = places["Preußen"]
    assert prussia.feature_class == "historical-state"
    assert prussia.period == (1701, 1947)
    assert prussia.geometry == "centroid"


def test_counting_near_places_on_the_grid_equals_comparing_with_every_place() -> None:
    import random

    from chronist.entities.place_scoring import NEAR_KM, PlaceContext, distance_km
    from chronist.entities.places import Place

    rng = random.Random(7)
    # clustered like a document's places, with some near the poles and the date line
    centres = [(50.0, 10.0), (0.5, 179.5), (84.0, -20.0), (-33.0, 151.0)]
    places = [
        Place(f"p{i}", max(-90.0, min(90.0, lat + rng.uniform(-6, 6))),
              (lon + rng.uniform(-9, 9) + 180.0) % 360.0 - 180.0, "", 0, PlaceKind.SETTLEMENT)
        for i, (lat, lon) in enumerate(rng.choice(centres) for _ in range(400))
    ]  # fmt: skip
    context = PlaceContext(places)
    for place in places[:120]:
        assert context.near(place) == sum(distance_km(place, o) <= NEAR_KM for o in places)


def test_a_country_comes_before_its_capital_of_the_same_name() -> None:
    ((ident, _),) = _resolve(PlaceEvidence(("Mexiko",)))
    (mexico,) = [p for p in gazetteer().get("Mexiko") if p.kind is PlaceKind.COUNTRY]
    assert ident == mexico.gazetteer_id


def test_a_town_and_where_it_lies_resolves_to_the_town() -> None:
    ((ident, _),) = _resolve(PlaceEvidence(("Kempten im Allgäu",)))
    (kempten,) = gazetteer().get("Kempten")
    assert ident == kempten.gazetteer_id


def test_an_old_name_in_parentheses_is_placed_where_the_modern_one_is() -> None:
    from chronist.entities.recognition import recognize

    found = {e.text: e for e in recognize("Der Name von Ungarn (Magyarorszag) blieb.")}
    assert found["Magyarorszag"].type is EntityType.LOC
    assert found["Magyarorszag"].gazetteer_id == found["Ungarn"].gazetteer_id is not None


def test_a_name_of_far_away_places_in_parentheses_is_no_alias() -> None:
    from chronist.entities.recognition import recognize

    # Ticino is a village in Argentina too; the river is not there (the table knows the
    # river by its Italian name as well, so that is where it may go)
    found = {e.text: e for e in recognize("Der Name kommt vom Fluss Tessin (Ticino).")}
    ticino = found.get("Ticino")
    assert ticino is None or ticino.gazetteer_id in (None, "chronist:ticino-river")
    assert ticino is None or ticino.lat is None or ticino.lat > 40


def test_a_country_name_never_resolves_to_a_town_of_that_name() -> None:
    # Jamaica, New York, or Malta in the Netherlands: the context of American or Dutch
    # towns must not move a country's name to a town
    found = _resolve(
        PlaceEvidence(("Jamaika",)), PlaceEvidence(("New York",)), PlaceEvidence(("Boston",))
    )
    (jamaica,) = [p for p in gazetteer().get("Jamaika") if p.is_country]
    assert found[0][0] == jamaica.gazetteer_id


def test_a_word_used_as_a_noun_needs_places_near_the_town() -> None:
    tuba, *_ = _resolve(PlaceEvidence(("Tuba",), noun_like=True))
    assert tuba == (None, tuba[1]) and tuba[1] < MIN_CONFIDENCE
    mecca, _ = _resolve(PlaceEvidence(("Mekka",), noun_like=True), PlaceEvidence(("Medina",)))
    assert mecca[0] is not None and mecca[1] >= MIN_CONFIDENCE
    # a region or a mountain range of that name wins over the town
    (andes,) = _resolve(PlaceEvidence(("Anden",), noun_like=True))
    assert andes[0] == "chronist:andes"


def test_a_compound_is_not_built_on_a_village() -> None:
    # "Baderaum" is no room of Bade, a village; "Rheinufer" lies on the Rhine
    assert _resolve(PlaceEvidence(("Baderaum",))) == [(None, 0.0)]
    ((ident, _),) = _resolve(PlaceEvidence(("Rheinufer",)))
    assert ident == "chronist:rhine"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Für die Basslage wurde eine Tuba verwendet.", "Tuba"),
        ("Die Haltung in Zoos ist verbreitet.", "Zoos"),
    ],
)
def test_a_noun_the_tagger_took_for_a_town_gets_no_pin(text: str, word: str) -> None:
    from chronist.entities import recognize

    pinned = [e for e in recognize(text) if e.lat is not None]
    assert not any(m.text == word for e in pinned for m in e.mentions)


def test_an_airport_code_finds_no_town() -> None:
    # GeoNames lists "LED" (Saint Petersburg) and "DIN" among the alternate names
    assert not gazetteer().get("LED") and not gazetteer().get("DIN")
    assert gazetteer().get("USA") and gazetteer().get("DDR")


def test_a_us_state_in_an_american_text_is_not_the_caucasian_country() -> None:
    found = _resolve(
        PlaceEvidence(("Georgia",)), PlaceEvidence(("Alabama",)), PlaceEvidence(("Atlanta",))
    )
    assert found[0][0] == "chronist:georgia-us"
    caucasus = _resolve(PlaceEvidence(("Georgia",)), PlaceEvidence(("Tiflis",)))
    (georgia,) = [p for p in gazetteer().get("Georgia") if p.is_country]
    assert caucasus[0][0] == georgia.gazetteer_id


def test_a_town_named_by_a_word_unknown_as_a_place_is_less_plausible() -> None:
    # "Pau" is a town only to GeoNames and the lexicon does not know the word: alone it
    # stays unresolved; after a place's preposition or word ("in Pau") it is the town
    (plain,) = _resolve(PlaceEvidence(("Pau",)))
    (doubted,) = _resolve(PlaceEvidence(("Pau",), unknown_word=True))
    assert doubted[1] < plain[1] and doubted[0] is None
    # made up: a text on golf in Scotland names "in Pau" (the first club on the continent)
    others = (PlaceEvidence((n,), vouched=True) for n in ("Schottland", "Edinburgh", "Glasgow"))
    vouched, *_ = _resolve(PlaceEvidence(("Pau",), unknown_word=True, vouched=True), *others)
    assert vouched[0] == "geonames:2988358"
    from chronist.entities.place_clues import unknown_as_place
    from chronist.entities.types import Mention

    assert unknown_as_place((Mention("Freedom", 0, 7),))
    assert not unknown_as_place((Mention("Siegen", 0, 6),))
    assert not unknown_as_place((Mention("Berlins", 0, 7),))


def test_a_village_named_like_a_region_of_the_table_is_not_chosen() -> None:
    # Thüringen is a village in Vorarlberg, England one in Arkansas: with places of
    # Austria or the USA around, the text still means the region
    found = _resolve(
        PlaceEvidence(("Thüringens",)), PlaceEvidence(("Wien",)), PlaceEvidence(("Bregenz",))
    )
    assert found[0][0] == "chronist:thuringia"
    found = _resolve(PlaceEvidence(("England",)), PlaceEvidence(("Boston",)))
    assert found[0][0] == "chronist:england"


def test_a_rulers_title_names_the_territory_not_the_town() -> None:
    from chronist.entities.recognition import recognize

    # the town Brandenburg an der Havel is the only place of that bare name; the title
    # says the text means the margraviate (and the margraviate's names are looked up)
    text = "Die Stadt wurde 1308 vom Markgrafen von Brandenburg belagert."
    found = {e.text: e for e in recognize(text)}
    assert found["Brandenburg"].gazetteer_id == "chronist:brandenburg-region"
    town = {e.text: e for e in recognize("Die Stadt Brandenburg liegt an der Havel.")}
    assert town["Brandenburg"].feature_class == "settlement"


def test_a_lower_case_compass_adjective_names_the_part_of_the_region() -> None:
    from chronist.entities.recognition import recognize

    (whole,) = recognize("Die Griechen siedelten im ganzen Mittelmeerraum.")
    (east,) = recognize("Der Handel im östlichen Mittelmeerraum blühte.")
    assert whole.gazetteer_id == "chronist:mediterranean"
    assert east.gazetteer_id == "chronist:eastern-mediterranean"
    assert east.lon is not None and whole.lon is not None and east.lon > whole.lon + 5


def test_a_lower_case_word_after_a_place_completes_the_name_it_forms() -> None:
    from chronist.entities.recognition import recognize

    text = "Köln lag in der Provinz Germania inferior."
    found = {e.text: e.gazetteer_id for e in recognize(text)}
    assert found["Germania inferior"] == "chronist:germania-inferior"
    (africa,) = recognize("Die Provinz Africa proconsularis war reich.")
    assert africa.gazetteer_id == "chronist:africa-proconsularis"


def test_a_town_named_in_a_conference_is_placed_though_the_lexicon_does_not_know_it() -> None:
    from chronist.entities.recognition import recognize

    text = "Auf der Konferenz von Sanremo wurden Syrien und Libanon Frankreich unterstellt."
    found = {e.text: e for e in recognize(text)}
    assert found["Sanremo"].gazetteer_id == "geonames:3167777"


def test_a_genitive_is_not_read_as_another_place_when_the_name_is_written_too() -> None:
    # "des Rheines" stripped of "s" is Rheine, a town of 76,000 near the document's
    # other places; with "Rhein" written as well, the entity is the river
    found = _resolve(
        PlaceEvidence(("Rhein", "Rheins", "Rheines")),
        PlaceEvidence(("Moers",)),
        PlaceEvidence(("Duisburg",)),
    )
    assert found[0][0] == "chronist:rhine"
    (alone,) = _resolve(PlaceEvidence(("Rheines",)))
    assert alone[0] == "geonames:2847645"  # alone, the genitive of the town Rheine


def test_the_gazetteer_tells_a_towns_own_name_from_its_alternate_names() -> None:
    # GeoNames lists "Homo" among Qom's alternate names and "Lima" as Lima's own
    (qom,) = gazetteer().get("Homo")
    assert qom.gazetteer_id not in gazetteer().own("Homo")
    assert {p.gazetteer_id for p in gazetteer().get("Lima")} >= gazetteer().own("Lima") != set()


def test_a_town_named_only_by_an_alternate_name_needs_a_place_word_or_places_near() -> None:
    # alone and unvouched, "Sinti" (an alternate name of Honghu) gets no pin
    assert _resolve(PlaceEvidence(("Sinti",))) == [(None, 0.0)]
    # after "nach", or for a name the lexicon knows as a place, the exonym is the town
    ((vouched, _),) = _resolve(PlaceEvidence(("Pjöngjang",), vouched=True))
    (pyongyang,) = gazetteer().get("Pjöngjang")
    assert vouched == pyongyang.gazetteer_id
    # unvouched, a town of its country elsewhere in the document bears it out
    supported, _ = _resolve(PlaceEvidence(("Pjöngjang",)), PlaceEvidence(("Kaesong",)))
    assert supported[0] == pyongyang.gazetteer_id
    assert _resolve(PlaceEvidence(("Pjöngjang",)), PlaceEvidence(("Bregenz",)))[0][0] is None


@pytest.mark.parametrize(
    ("text", "word", "pinned"),
    [
        ("Die Fläche stammt vom Homo erectus aus Bilzingsleben in Thüringen.", "Homo", False),
        ("Ein Enkel der Königin Viktoria lebte in Darmstadt.", "Viktoria", False),
        ("Die Organisation geht auf Karl Marx zurück.", "Karl Marx", False),
        ("Im Jahr 1950 reiste er nach Pjöngjang.", "Pjöngjang", True),
        ("Mailand war damals reich und mächtig.", "Mailand", True),
        ("Sankt Petersburg war damals die Hauptstadt.", "Sankt Petersburg", True),
    ],
)
def test_a_word_that_is_only_a_towns_alternate_name_gets_a_pin_only_when_vouched(
    text: str, word: str, pinned: bool
) -> None:
    from chronist.entities import recognize

    found = [e for e in recognize(text) if e.lat is not None]
    assert any(m.text == word for e in found for m in e.mentions) is pinned


def test_a_small_town_named_by_a_common_noun_needs_other_places_near() -> None:
    # "Heide" is a noun of the noun list and the own name of a town in Dithmarschen
    (heide,) = [p for p in gazetteer().get("Heide") if p.population > 15_000]
    assert heide.gazetteer_id in gazetteer().own("Heide")
    alone = PlaceEvidence(("Heide",), vouched=True, common_noun=True)
    assert _resolve(alone)[0][0] is None
    # a town near it bears it out; without the noun's doubt it is the town by itself
    supported, _ = _resolve(alone, PlaceEvidence(("Husum",), vouched=True))
    assert supported[0] == heide.gazetteer_id
    assert _resolve(PlaceEvidence(("Heide",), vouched=True))[0][0] == heide.gazetteer_id


@pytest.mark.parametrize(
    ("text", "word", "pinned"),
    [
        # the noun, not the town: no preposition right before it, no place near
        ("Der Wert des Steins hängt von seiner Reinheit ab.", "Steins", False),
        ("Sie wanderten durch die Welser Heide.", "Heide", False),
        ("Die Halle wurde in einer neuen Halle aufgestellt.", "Halle", False),
        # the town: after a preposition of place, or a city (Essen) whatever the cue
        ("Er wurde in Heide geboren und ging später nach Kiel.", "Heide", True),
        ("Er studierte in Halle und später in Leipzig.", "Halle", True),
        ("Essen wuchs mit dem Bergbau.", "Essen", True),
    ],
)
def test_a_town_named_by_a_common_noun_gets_a_pin_only_with_a_cue(
    text: str, word: str, pinned: bool
) -> None:
    from chronist.entities import recognize

    found = [e for e in recognize(text) if e.lat is not None]
    assert any(m.text == word for e in found for m in e.mentions) is pinned


@pytest.mark.parametrize(
    "text",
    [
        "Im Norden liegen die Bastionen Roccas, Mula (Zahra), Quirini (Cephane) "
        "und Loredano (Cevizli).",
        "Die Stadt hatte fünf Bastionen im Norden: Mula (Zahra), Barbaro (Musalla) "
        "und Loredano (Cevizli).",
    ],
)
def test_two_names_of_one_town_are_no_evidence_for_each_other(text: str) -> None:
    # "Mula (Zahra)": Zahra is found only as Mula's other name, so it names what Mula
    # names and is no evidence that Mula is the Spanish town
    places = [e for e in build_timeline(text).entities if e.type is EntityType.LOC]
    assert places and all(not e.resolved for e in places)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Die Proklamation trat in Kraft. Ihr entscheidender Passus besagte, dass alle "
            "Sklaven in Texas und Louisiana frei seien.",
            "Passus",
        ),
        ("In Skopje gab es 20 Derwischklöster (Tekke) und viele Moscheen.", "Tekke"),
        ("Vorkommen gibt es von Kohle, Kupfer, Tantal, Uran und Zink in Kanada.", "Uran"),
    ],
)
def test_a_word_unknown_as_a_place_needs_a_plausible_town(text: str, word: str) -> None:
    found = {e.text: e for e in build_timeline(text).entities if e.type is EntityType.LOC}
    assert word not in found or not found[word].resolved


def test_a_town_unknown_to_the_lexicon_keeps_its_pin_among_its_neighbours() -> None:
    text = "Die größten Städte sind Lima, Trujillo, Chiclayo, Huaral, Ica und Tacna in Peru."
    found = {e.text: e for e in build_timeline(text).entities if e.type is EntityType.LOC}
    assert found["Huaral"].resolved and found["Huaral"].gazetteer_id == "geonames:3939285"


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("Kurpark Bad Homburg", "geonames:2953436"),  # a site's word + a town
        ("Kloster Lorsch", "geonames:2875877"),
        ("Schloss Versailles", "geonames:2969679"),
        ("Saarbrücker Burg", "geonames:2842647"),  # a town's demonym + a site's word
        ("Wormser Dom", "geonames:2806142"),
    ],
)
def test_a_site_named_with_its_town_is_drawn_at_the_town(name: str, town: str) -> None:
    place = resolve_places([name])[name]
    assert place is not None and place.gazetteer_id == town


@pytest.mark.parametrize(
    "name",
    [
        "Brandenburger Tor",  # a gate is named after where it leads: in Berlin
        "Anhalter Bahnhof",
        "Schloss Neuschwanstein",  # no town of that name
    ],
)
def test_a_site_not_in_the_town_its_name_says_stays_unresolved(name: str) -> None:
    assert resolve_places([name])[name] is None


@pytest.mark.parametrize(
    ("name", "whole"),
    [
        ("Kontinentaleuropa", "chronist:europe"),
        ("Festlandeuropa", "chronist:europe"),
        ("Festlandchina", "geonames:1814991"),
    ],
)
def test_a_mainland_is_drawn_where_the_whole_is(name: str, whole: str) -> None:
    place = resolve_places([name])[name]
    assert place is not None and place.gazetteer_id == whole


def test_a_town_in_the_americas_is_no_place_of_a_story_told_before_1492() -> None:
    text = "Um 2700 v. Chr. wurden Gräber in Sakkara bei Memphis und in Abydos in Ägypten gebaut."
    found = {e.text: e for e in build_timeline(text).entities if e.type is EntityType.LOC}
    assert found["Memphis"].gazetteer_id == "chronist:memphis-egypt"  # not Memphis, Tennessee
    text = "Im Jahr 1850 zog er nach Memphis in Tennessee."
    found = {e.text: e for e in build_timeline(text).entities if e.type is EntityType.LOC}
    assert found["Memphis"].resolved and found["Memphis"].gazetteer_id == "geonames:4641239"


def test_a_small_town_on_another_continent_from_every_other_place_is_no_candidate() -> None:
    # made up: a story told in Tunisia and Italy names "Zama"; the only Zama of the
    # gazetteer lies in Japan, 9,000 km away
    names = ("Zama", "Karthago", "Rom", "Sizilien", "Neapel")
    zama, *others = _resolve(*(PlaceEvidence((n,), vouched=True) for n in names))
    assert zama[0] is None and all(ident is not None for ident, _ in others)
    # alone, or among places of Japan, it is Zama in Japan
    assert _resolve(PlaceEvidence(("Zama",), vouched=True))[0][0] is not None
    nearby = _resolve(*(PlaceEvidence((n,), vouched=True) for n in ("Zama", "Tokio", "Yokohama")))
    assert nearby[0][0] is not None


def test_a_city_far_from_every_other_place_stays() -> None:
    names = ("Bangalore", "Schottland", "Edinburgh", "Glasgow")
    found = _resolve(*(PlaceEvidence((n,), vouched=True) for n in names))
    assert found[0][0] is not None


def test_a_namesake_that_beats_the_others_by_too_little_stays_unresolved() -> None:
    # made up: a text on the American east names "Cumberland" among states far apart;
    # a dozen American towns bear the name and none lies clearly nearer
    names = ("Cumberland", "USA", "Kentucky", "Maryland", "Rhode Island")
    found = resolve_entities([PlaceEvidence((n,), vouched=True) for n in names], entity_facts("de"))
    assert found[0].place is None and found[0].confidence >= MIN_CONFIDENCE
    # a town named so only by an alternate name is no rival: Alexandria is Egypt's
    assert resolve_places(["Alexandria"])["Alexandria"] is not None


def test_sparta_in_a_story_of_the_persian_wars_is_the_greek_polis() -> None:
    names = ("Sparta", "Athen", "Argos", "Milet")
    found = resolve_entities(
        [PlaceEvidence((n,), years=(-490, -480), vouched=True) for n in names],
        entity_facts("de"),
    )
    sparta = found[0].place
    assert sparta is not None and sparta.country == "GR"


@pytest.mark.parametrize(
    ("name", "years", "state"),
    [
        ("Russland", (1812, 1830, 1850), "chronist:russian-empire"),
        ("Türkei", (1683, 1700), "chronist:ottoman-empire"),
        ("Polen", (1772, 1793, 1795), "chronist:poland-lithuania"),
        ("Iran", (1890, 1905), "chronist:persia"),
        ("Äthiopien", (1896,), "chronist:abyssinia"),
    ],
)
def test_a_country_in_an_earlier_era_is_its_historical_state(
    name: str, years: tuple[int, ...], state: str
) -> None:
    ((ident, _),) = _resolve(PlaceEvidence((name,), years=years))
    assert ident == state


@pytest.mark.parametrize(
    ("name", "years"),
    [
        ("Russland", (1995, 2004)),  # after the Empire
        ("Russland", (1850, 2004, 2010)),  # most years later
        ("Russland", ()),  # no years at all
        ("Frankreich", (1850,)),  # a country with no state listed
    ],
)
def test_a_country_outside_its_predecessors_era_stays_the_country(
    name: str, years: tuple[int, ...]
) -> None:
    ((ident, _),) = _resolve(PlaceEvidence((name,), years=years))
    country = next(p for p in gazetteer().get(name) if p.is_country)
    assert ident == country.gazetteer_id


def test_timeline_places_a_country_in_its_era() -> None:
    text = "Im Jahr 1830 erhob sich Polen gegen Russland. Russland siegte 1831."
    places = {e.text: e for e in build_timeline(text).entities if e.type is EntityType.LOC}
    assert places["Russland"].feature_class == "historical-state"
    assert places["Russland"].period == (1721, 1917)


def test_every_predecessor_is_a_historical_state_of_the_gazetteer() -> None:
    from chronist.entities.place_eras import predecessors

    found = predecessors()
    assert {"RU", "TR", "IR"} <= set(found)
    assert all(p.kind is PlaceKind.HISTORICAL_STATE for states in found.values() for p in states)


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Vorarlberger Gebiet", "chronist:vorarlberg"),  # a region's demonym + a land's word
        ("Tiroler Gebiet", "chronist:tyrol"),
        ("Wiener Becken", "geonames:2761369"),  # a town's
    ],
)
def test_a_demonym_and_a_lands_word_is_the_land_of_the_place(name: str, place: str) -> None:
    found = resolve_places([name])[name]
    assert found is not None and found.gazetteer_id == place


def test_a_demonym_and_a_vague_zones_word_is_no_place() -> None:
    assert resolve_places(["Kölner Raum"])["Kölner Raum"] is None


@pytest.mark.parametrize(
    ("name", "years", "ident"),
    [
        ("Chenla", (650, 700), "chronist:chenla"),
        ("Angkor", (1100, 1431), "chronist:angkor"),
        ("Angkor Wat", (1150,), "chronist:angkor-wat"),
        ("Srivijaya", (1000,), "chronist:srivijaya"),
        ("Ktesiphon", (600,), "chronist:ctesiphon"),
        ("Wolgabulgarien", (922,), "chronist:volga-bulgaria"),
    ],
)
def test_a_historical_state_or_ancient_site_geonames_lacks_resolves(
    name: str, years: tuple[int, ...], ident: str
) -> None:
    ((found, _),) = _resolve(PlaceEvidence((name,), years=years))
    assert found == ident


def test_a_name_known_as_a_town_s_own_does_not_vouch_for_an_alternate_namesake() -> None:
    # made up: the Cham, a people of Indochina; "Cham" is two towns' own name (Bavaria,
    # Switzerland) and an alternate name of Damascus, the largest of the three
    names = ("Cham", "Kambodscha", "Laos", "Vietnam")
    found = resolve_entities(
        [PlaceEvidence((n,), vouched=True, by_name_only=True) for n in names],
        entity_facts("de"),
    )
    assert found[0].place is None
    # a name no town bears as its own still vouches for the town it names: Milan
    (milan,) = resolve_entities(
        [PlaceEvidence(("Mailand",), vouched=True, by_name_only=True)], entity_facts("de")
    )
    assert milan.place is not None and milan.place.country == "IT"


def test_a_people_named_like_a_city_s_alternate_name_gets_no_pin() -> None:
    text = (
        "Das Reich lag zwischen Kambodscha, Laos und Vietnam. "
        "Kriege mit Cham und Shan verhinderten eine Stabilisierung."
    )
    timeline = build_timeline(text)
    cham = [e for e in timeline.entities if e.text == "Cham"]
    assert all(e.lat is None for e in cham)


def test_thebes_and_memphis_in_a_text_on_egypt_are_the_egyptian_cities() -> None:
    names = ("Theben", "Memphis", "Ägypten", "Nil", "Kairo")
    found = resolve_entities(
        [PlaceEvidence((n,), years=(-1500,), vouched=True) for n in names], entity_facts("de")
    )
    assert [r.place.country if r.place else None for r in found[:2]] == ["EG", "EG"]
    # in a text on Boeotia Theben stays the Greek town
    greek = ("Theben", "Athen", "Sparta", "Griechenland")
    found = resolve_entities(
        [PlaceEvidence((n,), years=(-371,), vouched=True) for n in greek], entity_facts("de")
    )
    assert found[0].place is not None and found[0].place.country == "GR"


def test_a_country_named_after_a_place_says_where_it_lies() -> None:
    # made up: a text on Iran names the Afghan city Herat by its country; a village
    # Herat in Iran otherwise wins by the document's other places
    text = (
        "Der östlichste Punkt des Iran liegt ungefähr auf der Länge von Herat (Afghanistan). "
        "Teheran, Isfahan und Maschhad sind die größten Städte des Iran."
    )
    found = {e.text: e for e in build_timeline(text).entities if e.type is EntityType.LOC}
    assert found["Herat"].gazetteer_id == "geonames:1140026"
    # a country no candidate lies in changes nothing
    ((ident, _),) = _resolve(PlaceEvidence(("Rhein",), in_countries=frozenset({"JP"})))
    assert ident == "chronist:rhine"


@pytest.mark.parametrize(
    ("names", "ident"),
    [
        (("Nordafrika", "Karthago", "Rom"), "chronist:north-africa"),
        (("Südrussland", "Russland", "Kiew"), "chronist:south-russia"),
        (("Honshu", "Japan", "Tokio"), "chronist:honshu"),
        (("Zagros", "Iran", "Teheran"), "chronist:zagros"),
        (("Parthien", "Rom", "Armenien"), "chronist:parthia"),
        (("Kantabrischen Gebirge", "Spanien", "Madrid"), "chronist:cantabrian-mountains"),
    ],
)
def test_a_region_range_or_island_of_history_texts_is_drawn(
    names: tuple[str, ...], ident: str
) -> None:
    found = _resolve(*(PlaceEvidence((n,), years=(100,), vouched=True) for n in names))
    assert found[0][0] == ident


@pytest.mark.parametrize(
    ("name", "years", "place"),
    [
        ("Rhodesien", (1893, 1911), "chronist:rhodesia-bsac"),
        ("Rhodesien", (1965, 1979), "chronist:rhodesia"),
        ("Nordrhodesien", (1911, 1953), "chronist:northern-rhodesia"),
    ],
)
def test_rhodesia_is_the_state_of_its_era(name: str, years: tuple[int, ...], place: str) -> None:
    ((ident, _),) = _resolve(PlaceEvidence((name,), years=years))
    assert ident == place


def test_a_summit_cue_makes_a_range_of_a_towns_name() -> None:
    text = "Der höchste Gipfel des Altai ist die Belucha."
    places = [e for e in build_timeline(text).entities if e.type is EntityType.LOC]
    assert [e.gazetteer_id for e in places] == ["chronist:altai-mountains"]

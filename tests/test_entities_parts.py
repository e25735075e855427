"""Parts of towns, two places in one name, neighbours among homonyms, areas typed as persons."""

from __future__ import annotations

from chronist.entities.coreference import TypedMention
from chronist.entities.gazetteer_pass import apply_lexical_passes
from chronist.entities.place_pairs import split_place_pair
from chronist.entities.recognition import recognize
from chronist.entities.types import EntityType, Mention

BOCHUM = (51.48, 7.22)


def _places(text: str) -> dict[str, tuple[float | None, float | None]]:
    return {e.text: (e.lat, e.lon) for e in recognize(text) if e.type is EntityType.LOC}


def _near(point: tuple[float | None, float | None], target: tuple[float, float]) -> bool:
    lat, lon = point
    return lat is not None and lon is not None and abs(lat - target[0]) + abs(lon - target[1]) < 0.2


def test_listed_quarters_are_drawn_at_their_town() -> None:
    text = (
        "Bochum wuchs rasch. Die Stadt Bochum baute Zechen. "
        "Bei der ersten Eingemeindungswelle wurden Riemke, Grumme und Wiemelhausen "
        "der Stadt Bochum zugeschlagen."
    )
    found = recognize(text)
    parts = {e.text: e for e in found if e.text in ("Riemke", "Grumme", "Wiemelhausen")}
    assert set(parts) == {"Riemke", "Grumme", "Wiemelhausen"}
    for part in parts.values():
        assert _near((part.lat, part.lon), BOCHUM)
        assert part.geometry == "centroid"
        assert part.confidence is not None and part.confidence <= 0.5


def test_an_unknown_name_without_a_quarter_word_stays_unresolved() -> None:
    found = _places("Bochum wuchs rasch. Die Bauern von Grumme und Riemke zogen nach Bochum.")
    assert found.get("Grumme", (None, None)) == (None, None)


def test_a_hyphen_between_two_towns_names_both() -> None:
    found = _places("1860 erhielt Bochum Anschluss an die Bahnstrecke Dortmund-Oberhausen.")
    assert _near(found["Dortmund"], (51.51, 7.47))
    assert _near(found["Oberhausen"], (51.47, 6.85))
    assert "Castrop-Rauxel" in _places("Die Zeche lag in Castrop-Rauxel.")


def test_a_quarter_among_its_neighbours_beats_a_larger_homonym() -> None:
    found = _places(
        "Den stärksten Zuwachs in Bochum hatten die Vororte Langendreer, Werne und Querenburg."
    )
    assert _near(found["Werne"], (51.49, 7.31))  # not Werne an der Lippe, 30 km away


def test_an_area_the_tagger_took_for_a_person_is_a_place() -> None:
    words = ["Die", "Angeln", "siedelten", "in", "Mercia", "und", "Habsburg", "erbte"]
    labels = ["O", "O", "O", "O", "B-PER", "O", "B-ORG", "O"]
    assert apply_lexical_passes(words, labels)[4] == "B-LOC"
    assert labels[6] == "B-ORG"  # a surname too


def test_an_area_in_a_list_of_places_is_a_place_though_a_given_name() -> None:
    words = ["die", "Orte", "Uri", ",", "Schwyz", "und", "Unterwalden"]
    labels = ["O", "O", "B-PER", "O", "B-LOC", "O", "B-LOC"]
    assert apply_lexical_passes(words, labels)[2] == "B-LOC"
    assert apply_lexical_passes(["Uri", "Geller", "kam"], ["B-PER", "I-PER", "O"])[0] == "B-PER"


def test_a_places_genitive_before_another_place_is_its_own_place() -> None:
    found = _places("1215 nahm er nach der Belagerung Pekings Shandong ein.")
    assert _near(found["Peking"], (39.9, 116.4))
    assert _near(found["Shandong"], (36.4, 118.5))
    noun = TypedMention(Mention("Cartagenas Stelle", 3, 20), EntityType.LOC)
    assert [p.mention.text for p in split_place_pair(noun)] == ["Cartagenas Stelle"]


def test_a_towns_short_name_is_the_town_the_document_located() -> None:
    found = _places(
        "Reichsstädte waren Rothenburg ob der Tauber, Dinkelsbühl und Nördlingen. "
        "Später verloren Nürnberg, Rothenburg und Ulm ihre Rechte."
    )
    assert found["Rothenburg"] == found["Rothenburg ob der Tauber"]
    assert _near(found["Rothenburg"], (49.38, 10.19))


def test_a_hamlet_needs_a_neighbour_or_a_place_word() -> None:
    text = (
        "Das Osmanische Reich eroberte Erzurum, Kars und Trabzon in Anatolien. "
        "Die eroberten Gebiete wurden in einzelne, Timar genannte Lehen geteilt."
    )
    assert _places(text).get("Timar", (None, None)) == (None, None)


def test_a_far_village_named_as_a_towns_part_is_that_towns_part() -> None:
    # Petershausen in Bavaria (6,000 people) is 200 km from Konstanz
    found = _places(
        "Petershausen entstand wohl zusammen mit dem Kloster und wurde 1417 als Vorstadt "
        "in die Stadt Konstanz integriert."
    )
    assert _near(found["Petershausen"], (47.66, 9.18))


def test_a_far_village_among_a_towns_parts_is_no_host() -> None:
    # Georgenberg is also a village in the Upper Palatinate: the list's parts are Reutlingen's
    found = _places(
        "Reutlingen liegt am Albtrauf. In Reutlingen leben viele Menschen. Die Stadtteile "
        "von Reutlingen sind Betzenried, Georgenberg, Gmindersdorf und Ringelbach."
    )
    for part in ("Betzenried", "Georgenberg", "Gmindersdorf", "Ringelbach"):
        assert _near(found[part], (48.49, 9.20)), part


def test_a_town_a_part_lies_in_keeps_its_pin() -> None:
    # Perleberg (13,000 people) is where Quitzow lies, far from Brandenburg an der Havel
    found = _places(
        "Er trat im Dorf Quitzow (heute ein Ortsteil von Perleberg) in Brandenburg eine "
        "Pfarrstelle an."
    )
    assert _near(found["Perleberg"], (53.08, 11.86))


def test_a_towns_other_name_after_a_word_of_renaming_is_the_same_town() -> None:
    found = _places("Er wurde in Reichstadt (heute Zákupy) geboren.")
    assert found["Reichstadt"] == found["Zákupy"]
    assert _near(found["Zákupy"], (50.68, 14.65))
    # but such a name does not vouch for a town it names only as an alternate name:
    # Bogazköy is one of Cernavodă's, in Romania
    found = _places("Das Archiv der Hethiter in Bogazkale (ehemals Bogazköy) in Anatolien.")
    assert found.get("Bogazköy", (None, None)) == (None, None)


def test_a_city_and_an_unknown_name_joined_by_a_hyphen_are_two_places() -> None:
    found = _places("1874 folgte die Bahnstrecke Osterath-Dortmund Süd der Eisenbahn.")
    assert _near(found["Dortmund"], (51.51, 7.47))
    assert found["Osterath"] == (None, None)  # a part of Meerbusch the gazetteer lacks
    mention = TypedMention(Mention("Castrop-Rauxel", 0, 14), EntityType.LOC)
    assert [p.mention.text for p in split_place_pair(mention)] == ["Castrop-Rauxel"]
    mention = TypedMention(Mention("Müller-Lüdenscheid", 0, 18), EntityType.LOC)
    assert [p.mention.text for p in split_place_pair(mention)] == ["Müller-Lüdenscheid"]

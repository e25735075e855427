"""Lexical passes after the CRF: known names it missed, common nouns it took.

1. A capitalised token (or two) outside any predicted name becomes a name when
   it, or for a genitive such as ``Pekings`` its stem, is in ``names_de.tsv``
   (historical states, regions, rivers, international organisations, with
   their type) or is a country or a city of at least 100,000 people in the
   gazetteer; unless the training corpora use it as a common noun (``Norden``).
2. A one-word name is dropped when the training corpora use it as a common
   noun (``Armee``, ``Veto``), or when it is a compound whose head is such a
   noun (``Südostküste``, ``Koreabooms``) and no name list knows it.
3. A gazetteer name in a list with places (``Würzburg, Worms und Karlshagen``)
   is a place whatever its size, unless it is a common noun or a given name; so is
   an area's name there that the tagger took for a person (``Uri, Schwyz und
   Unterwalden``).
4. In a sentence that makes places parts of a town (``Vororte``, ``eingemeindet``:
   ``quarter_stems`` of ``entities.toml``), a list of two or more capitalised words
   that are no common nouns or given names are places (``Vororte (Langendreer,
   Werne, Riemke, Hofstede)``), though the gazetteer lacks them.
5. A one-word person or organisation that the gazetteer knows as a region, state,
   river... and the lexicon not as a given name or surname is a place (``Mercia``,
   ``Aargau``; not ``Habsburg``, a surname); so is a one-word organisation that is a
   big city's own name (``Kaiser des alten Rom``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from chronist.entities.cut_compounds import mark_cut_compounds
from chronist.entities.hyphen_names import join_broken_words
from chronist.entities.language import EntityFacts, entity_facts
from chronist.entities.name_lexicon import (
    NOUNS_FILE,
    common_nouns,
    is_common_noun_among,
    is_place_name,
    known_kind,
    known_names,
    noun_clusters,
    toponym_shaped,
)
from chronist.entities.name_tails import cut_possessed_noun, type_by_tail
from chronist.entities.organisation_chains import (
    join_adjective_bodies,
    join_members,
    join_tail_prefix,
    mark_coordinated_organisations,
)
from chronist.entities.organisation_names import is_named_body, join_bodies
from chronist.entities.place_candidates import derived_names
from chronist.entities.place_list_passes import (
    mark_coordinated_places,
    mark_lower_case_attributes,
    mark_names_in_parentheses,
    mark_quarter_lists,
)
from chronist.entities.place_pairs import is_place_pair
from chronist.entities.places import PlaceKind, gazetteer, is_demonym
from chronist.entities.press_names import mark_press_names
from chronist.entities.resources import lexicon
from chronist.entities.surname_particles import join_surname_particles
from chronist.entities.tag_filters import drop_non_names
from chronist.entities.upper_case_names import place_in_capitals
from chronist.entities.work_titles import drop_work_titles

__all__ = ["NOUNS_FILE", "apply_lexical_passes", "common_nouns"]

# training/ner reads NOUNS_FILE, common_nouns and _noun_clusters of this module
_noun_clusters = noun_clusters

# "Karnischen Alpen", "Freiburger Alpen": a capitalised adjective before a place is in its name
_NAME_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{2,}(?:isch(?:e|en|er|es)|er)$")


class _WordMemo:
    """A word test's answers, kept while the language's entity facts stay the same
    object (a document repeats its words, and every test reads the gazetteer)."""

    __slots__ = ("_facts", "_seen", "_test")
    _LIMIT = 50_000  # answers kept at most: the memory stays bounded whatever the input

    def __init__(self, test: Callable[[str, EntityFacts], bool]) -> None:
        self._test = test
        self._seen: dict[str, bool] = {}
        self._facts: EntityFacts | None = None

    def __call__(self, word: str, facts: EntityFacts) -> bool:
        if facts is not self._facts or len(self._seen) > self._LIMIT:
            self._seen.clear()
            self._facts = facts
        found = self._seen.get(word)
        if found is None:
            found = self._seen[word] = self._test(word, facts)
        return found


def _is_part_of_place(word: str, facts: EntityFacts) -> bool:
    """``Ostslowakei``, ``Südalbanien``: a compass prefix and a country or region;
    ``Färöer-Inseln``, ``Rheinufer``: a place and a suffix or compound head;
    ``Khmer-Reich``, ``Sukhothai-Reich``: any name and a place's suffix after a hyphen."""
    if _hyphen_suffixed(word, facts):
        return True
    for prefix in facts.compass_prefixes:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) > 3 and rest[0].islower():
            return is_place_name(rest.capitalize())
    return any(is_place_name(stem) or known_kind(stem) for stem in derived_names(word, facts))


def _hyphen_suffixed(word: str, facts: EntityFacts) -> bool:
    """A capitalised name (or names joined by hyphens: ``Rhein-Herne``) + ``-Reich``,
    ``-Inseln``, ``-Kanal`` (``name_suffixes``)."""
    for suffix in facts.name_suffixes:
        stem = word[: -len(suffix)]
        if suffix.startswith("-") and word.endswith(suffix) and len(stem) > 2:
            return all(part[:1].isupper() and len(part) > 1 for part in stem.split("-"))
    return False


def _is_compound_of_area(word: str, facts: EntityFacts) -> bool:
    """``Mittelmeerraum``, ``Nordseeküste``: a sea, river, region or mountain range of the
    gazetteer + a compound head, a place though the corpora use it as a noun."""
    return any(
        stem in gazetteer() and is_place_name(stem)
        for stem in derived_names(word, facts)
        if not stem.endswith("-")
    )


_part_of_place = _WordMemo(_is_part_of_place)
_compound_of_area = _WordMemo(_is_compound_of_area)


_MAX_WORDS = 5  # "Heiligen Römischen Reiches Deutscher Nation"


def _mark_place_names(words: Sequence[str], labels: list[str], facts: EntityFacts) -> None:
    """Label as places the multi-word names of the gazetteer's countries, historical
    states, regions, rivers and seas (``Osmanischen Reiches``, ``Schwarzen Meer``, the
    adjective in lower case too: ``baskischen Küste``) whatever the tagger said, unless
    they lie inside a longer name; a town's name the tagger took for a person's stays a
    person unless the words around it make it a place."""
    count = len(words)
    places = gazetteer()
    index = 0
    while index < count:
        # such a name begins with a capital ("Schwarzen Meer"; of the gazetteer's
        # 169,000 places only "k.u.k. Monarchie" does not): most words start none
        # ... or with a place's adjective in lower case ("an der baskischen Küste")
        first = words[index]
        if not first[:1].isupper() and not first.endswith(facts.adjective_endings):
            index += 1
            continue
        first = first[:1].upper() + first[1:]
        done = False
        for size in range(min(_MAX_WORDS, count - index), 1, -1):
            end = index + size
            if not words[end - 1][:1].isupper():
                continue
            inside = labels[index].startswith("I-") or (
                end < count and labels[end].startswith("I-")
            )
            if inside:
                continue
            name = " ".join((first, *words[index + 1 : end]))
            if name not in places or not is_place_name(name):  # most: no name at all
                continue
            person = _tagged_person(labels, index, end) and _person_shaped(words[index:end])
            person = person and _towns_only(name)
            if person and not _placed_by_context(words, labels, index, end, facts):
                continue  # "Venustiano Carranza", "Francisco Madero": towns named after them
            labels[index] = "B-LOC"
            for inner in range(index + 1, end):
                labels[inner] = "I-LOC"
            index, done = end, True
            break
        if not done:
            index += 1


def _tagged_person(labels: Sequence[str], start: int, end: int) -> bool:
    """The tagger took exactly the words ``start:end`` for one person's name."""
    inside = all(label == "I-PER" for label in labels[start + 1 : end])
    closed = end == len(labels) or not labels[end].startswith("I-")
    return labels[start] == "B-PER" and inside and closed


_LIST_JOINERS = frozenset({",", "und", "oder", "sowie"})


def _placed_by_context(
    words: Sequence[str], labels: Sequence[str], start: int, end: int, facts: EntityFacts
) -> bool:
    """The words around ``start:end`` make it a place: a place's preposition or word
    before it (``nach Alice Springs``, ``auf Baton Rouge``), a battle's or treaty's
    phrase (``Schlacht von Vittorio Veneto``), a place before it in a list (``Melilla
    und Sidi Ifni``), or another name of it in parentheses after it (``Augusta
    Vindelicorum (Augsburg)``)."""
    before = words[start - 1] if start else ""
    phrase = " ".join(words[max(0, start - 2) : start])
    listed = before in _LIST_JOINERS and start > 1 and labels[start - 2].endswith("-LOC")
    renamed = end < len(words) and words[end] == "("
    cued = before in facts.place_prepositions or before.lower() in facts.cues
    return cued or phrase in facts.site_phrases or listed or renamed


def _person_shaped(words: Sequence[str]) -> bool:
    """A given name (or a word the lexicon does not know) and a surname: ``Francisco
    Madero``, ``Venustiano Carranza``; not ``Jefferson City``, ``Krasnoje Selo``."""
    first, last = lexicon().get(words[0], ()), lexicon().get(words[-1], ())
    return (not first or "fn" in first) and "sn" in last


def _towns_only(name: str) -> bool:
    """Every place of the gazetteer called ``name`` is a town (Mexico's ``Venustiano
    Carranza``, named after the president): none is an area or a state."""
    return all(p.kind is PlaceKind.SETTLEMENT for p in gazetteer().get(name))


_PERSON_FLAGS = frozenset({"fn", "sn"})


def _area_not_person(word: str) -> bool:
    """``Mercia``, ``Aargau``: a name the gazetteer knows as an area (not a town) and the
    lexicon not as a given name or surname (``Habsburg``, ``Georgia`` stay)."""
    if len(word) < 4 or not word[1:].islower():
        return False
    return is_place_name(word) and not _PERSON_FLAGS.intersection(lexicon().get(word, ()))


# "Kaiser des alten Rom" (ORG): a town this big named alone is the town, not a body
BIG_CITY = 500_000


def _mistyped_place(word: str, label: str) -> bool:
    """A person or organisation of one word that is an area's name (``Mercia``), or an
    organisation that is a big city's (``Rom``)."""
    if label == "B-LOC":
        return False
    return _area_not_person(word) or (label == "B-ORG" and _city_not_body(word))


def _city_not_body(word: str) -> bool:
    """``Rom`` as the tagger's organisation: a name (its German one too) of a city of
    :data:`BIG_CITY` people or more, and no given name or surname (``Washington``)."""
    if (
        len(word) < 3
        or not word[1:].islower()
        or _PERSON_FLAGS.intersection(lexicon().get(word, ()))
    ):
        return False
    return any(
        p.kind is PlaceKind.SETTLEMENT and p.population >= BIG_CITY for p in gazetteer().get(word)
    )


def _home_town(word: str, label: str, nouns: frozenset[str]) -> bool:
    """A word the tagger took for a place that is not itself a common noun (only a
    compound of one: ``Kirch-zarten``, ``Betzen-hausen``) and is the own name of a town
    of the language's ``home_countries``: a compound place name, kept."""
    if label != "B-LOC" or word in nouns:
        return False
    home = entity_facts("de").home_countries
    own = gazetteer().own(word)
    return any(p.gazetteer_id in own and p.country in home for p in gazetteer().get(word))


def _name_type(name: str, nouns: frozenset[str]) -> str | None:
    if known_names().get(name) == "LOC":
        return "LOC"  # the hand-written list's places win over the corpora's nouns ("die Alpen")
    if name in nouns:
        return None
    kind = known_kind(name)
    if kind is None and name.endswith("s") and name[:-1] not in nouns:
        kind = known_kind(name[:-1])
    if kind is None and name.endswith("es") and is_place_name(name[:-2]):
        kind = "LOC"  # "Baskenlandes"
    return kind


def _named_by_adjective(
    words: Sequence[str], labels: list[str], index: int, nouns: frozenset[str]
) -> bool:
    """The word before ``index`` is a capitalised adjective of the place's name."""
    before = words[index - 1]
    return (
        _NAME_ADJECTIVE.match(before) is not None
        and labels[index - 1] in ("O", "B-LOC")
        and before not in nouns
    )


def _mark_demonym_areas(words: Sequence[str], labels: list[str], facts: EntityFacts) -> None:
    """``Vorarlberger Gebiet``, ``Wiener Becken``: a place's demonym + a land's word the
    tagger left out is a place (the land of the demonym's place)."""
    for index in range(len(words) - 1):
        head = words[index + 1]
        if (
            head in facts.demonym_area_heads
            and labels[index + 1] == "O"
            and labels[index] in ("O", "B-LOC", "B-ORG")
            and (index + 2 == len(words) or not labels[index + 2].startswith("I-"))
            and is_demonym(words[index], facts.demonym_suffixes)
        ):
            labels[index], labels[index + 1] = "B-LOC", "I-LOC"


def _cued_place(word: str, facts: EntityFacts) -> bool:
    """After a place's word: a name of the gazetteer, or a word that ends like a town's
    name and is no given name or surname (``bei Hillersleben``: ``toponym_endings``)."""
    return word in gazetteer() or toponym_shaped(word)


def _cued_toponym(
    words: Sequence[str], index: int, nouns: frozenset[str], facts: EntityFacts
) -> bool:
    """A word the tagger took for a place, after a place's preposition, that ends like a
    town's name and is no noun itself (only a compound of one: ``Hillers-leben``)."""
    word = words[index]
    before = words[index - 1] if index else ""
    return before in facts.place_prepositions and word not in nouns and toponym_shaped(word)


def _after_site_phrase(words: Sequence[str], index: int, facts: EntityFacts) -> bool:
    """``im Frieden von |Luneville``, ``die Schlacht bei |Hillersleben``."""
    return any(
        " ".join(words[index - size : index]) in facts.site_phrases
        for size in (2, 3)
        if index >= size
    )


def apply_lexical_passes(words: Sequence[str], labels: list[str]) -> list[str]:
    """Add known names the tagger missed, drop common nouns it took (in place).

    >>> apply_lexical_passes(["Truman", "flog", "nach", "Pjöngjang"], ["B-PER", "O", "O", "O"])
    ['B-PER', 'O', 'O', 'B-LOC']
    """
    nouns = common_nouns()
    facts = entity_facts("de")
    count = len(words)
    _mark_place_names(words, labels, facts)
    _mark_demonym_areas(words, labels, facts)
    for index in range(count):
        label = labels[index]
        if label.startswith("B-"):
            alone = index + 1 == count or not labels[index + 1].startswith("I-")
            if alone and _home_town(words[index], label, nouns):
                pass  # "Kirchzarten": a town's own name, though "Arten" is a noun
            elif alone and label == "B-LOC" and _cued_toponym(words, index, nouns, facts):
                pass  # "bei Hillersleben", though "Leben" is a noun
            elif alone and label == "B-ORG" and is_named_body(words[index], nouns):
                pass  # "Umweltbundesamt": one body, though "Amt" is a noun
            elif alone and is_common_noun_among(words[index], nouns):
                labels[index] = "B-LOC" if _part_of_place(words[index], facts) else "O"
            elif alone and _mistyped_place(words[index], label):
                labels[index] = "B-LOC"
            continue
        word = words[index]
        if label != "O" or not word[:1].isupper() or len(word) < 2:
            continue
        if index + 1 < count and labels[index + 1] == "O" and words[index + 1][:1].isupper():
            kind = known_names().get(f"{word} {words[index + 1]}")
            if kind is not None:
                labels[index], labels[index + 1] = f"B-{kind}", f"I-{kind}"
                continue
        if index + 1 < count and labels[index + 1].startswith("I-"):
            continue
        kind = _name_type(word, nouns)
        if kind is None and word not in nouns:
            before = words[index - 1] if index else ""
            cued = (
                before in facts.place_prepositions
                or before in facts.admin_prefixes
                or _after_site_phrase(words, index, facts)
            )
            # "bei Hillersleben"; "die Bahnstrecke Osterath-Dortmund": two places
            placed = (cued and _cued_place(word, facts)) or is_place_pair(word)
            if placed or _part_of_place(word, facts):
                kind = "LOC"
        elif kind is None and _compound_of_area(word, facts):
            kind = "LOC"  # "Mittelmeerraum": the corpora's noun, a sea's region
        if kind is not None:
            labels[index] = f"B-{kind}"
            if kind == "LOC" and index and _named_by_adjective(words, labels, index, nouns):
                labels[index - 1], labels[index] = "B-LOC", "I-LOC"  # "Karnischen Alpen"
    mark_coordinated_places(words, labels, nouns)
    mark_cut_compounds(words, labels)
    mark_quarter_lists(words, labels, nouns)
    mark_lower_case_attributes(words, labels)
    mark_names_in_parentheses(words, labels, nouns)
    labels = join_bodies(words, join_broken_words(words, place_in_capitals(words, labels, nouns)))
    labels = cut_possessed_noun(words, type_by_tail(words, labels), nouns)
    labels = join_tail_prefix(words, join_members(words, join_adjective_bodies(words, labels)))
    labels = drop_work_titles(words, mark_coordinated_organisations(words, labels, nouns))
    labels = mark_press_names(words, labels, nouns)
    return join_surname_particles(words, drop_non_names(words, labels))

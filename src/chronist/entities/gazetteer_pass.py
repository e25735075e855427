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
   ``Aargau``; not ``Habsburg``, a surname).
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from chronist.entities.language import entity_facts
from chronist.entities.place_candidates import derived_names
from chronist.entities.places import PlaceKind, gazetteer
from chronist.entities.resources import data_path, lexicon
from chronist.errors import ModelError

__all__ = [
    "NOUNS_FILE",
    "apply_lexical_passes",
    "common_nouns",
    "in_noun_cluster",
    "in_place_cluster",
    "is_common_noun",
]

NOUNS_FILE = "nouns.txt.gz"
NAMES_FILE = "names_de.tsv"
MIN_POPULATION = 100_000
MULTIWORD_TOWN = 10_000


@cache
def _noun_data() -> tuple[frozenset[str], frozenset[str]]:
    """The noun list and the Clark clusters of common nouns (its ``#clusters`` line).

    A word of the place cluster that the gazetteer knows is not a common noun,
    whatever the training corpora did with it (``Offenbach``, ``Bregenz`` were
    left untagged there often enough to enter the list)."""
    path = data_path(NOUNS_FILE)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise ModelError(f"common-noun list unreadable: {path}: {error}") from error
    clusters = next((x.split()[1:] for x in lines if x.startswith("#clusters")), [])
    places = gazetteer()
    nouns = frozenset(
        x for x in lines if not x.startswith("#") and not (_in_place_cluster(x) and x in places)
    )
    return nouns, frozenset(clusters)


@cache
def _place_cluster() -> str | None:
    """The Clark cluster holding most words the lexicon marks as GeoNames places
    (the cluster of ``Berlin``, ``Paris``, ``Frankreich``)."""
    counts: Counter[str] = Counter()
    for features, number in Counter(lexicon().values()).items():
        if "gn" in features:
            cluster = next((f for f in features if f.startswith("c=")), None)
            if cluster is not None:
                counts[cluster] += number
    return counts.most_common(1)[0][0] if counts else None


def _in_place_cluster(word: str) -> bool:
    """The lexicon marks ``word`` as a GeoNames place and puts it in the place cluster,
    and it is not one of the language's words that introduce a place (``Kanton``
    is also Canton, the city, but mostly the word)."""
    if len(word) < 4 or word in entity_facts("de").admin_prefixes:
        return False
    features = lexicon().get(word, ())
    cluster = _place_cluster()
    return cluster is not None and cluster in features and "gn" in features


def common_nouns() -> frozenset[str]:
    """Capitalised words the training corpora use as common nouns (``Armee``)."""
    return _noun_data()[0]


def _noun_clusters() -> frozenset[str]:
    return _noun_data()[1]


@cache
def known_names() -> dict[str, str]:
    """``names_de.tsv``: name -> PER/LOC/ORG."""
    path = data_path(NAMES_FILE)
    names: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, kind = line.partition("\t")
        if kind not in ("PER", "LOC", "ORG"):
            raise ModelError(f"{path}:{number}: type must be PER, LOC or ORG, not {kind!r}")
        names[name] = kind
    return names


def _lookup(name: str) -> str | None:
    kind = known_names().get(name)
    if kind is not None:
        return kind
    if any(
        p.kind is not PlaceKind.SETTLEMENT or p.population >= MIN_POPULATION
        for p in gazetteer().get(name, ())
    ):
        return "LOC"
    return None


def _is_place_name(name: str) -> bool:
    """A name of the gazetteer that is not only a populated place (a country, a
    historical state, a region, a river...): ``Osmanischen Reiches``, ``Rhein``;
    or of several words and a town of some size (``Sidi Ifni``)."""
    several = " " in name
    return any(
        p.kind is not PlaceKind.SETTLEMENT or (several and p.population >= MULTIWORD_TOWN)
        for p in gazetteer().get(name, ())
    )


def _part_of_place(word: str) -> bool:
    """``Ostslowakei``, ``Südalbanien``: a compass prefix and a country or region;
    ``Färöer-Inseln``, ``Rheinufer``: a place and a suffix or compound head."""
    facts = entity_facts("de")
    for prefix in facts.compass_prefixes:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) > 3 and rest[0].islower():
            return _is_place_name(rest.capitalize())
    return any(_is_place_name(stem) or _lookup(stem) for stem in derived_names(word, facts))


def _compound_of_area(word: str) -> bool:
    """``Mittelmeerraum``, ``Nordseeküste``: a sea, river, region or mountain range of the
    gazetteer + a compound head, a place though the corpora use it as a noun."""
    facts = entity_facts("de")
    return any(
        stem in gazetteer() and _is_place_name(stem)
        for stem in derived_names(word, facts)
        if not stem.endswith("-")
    )


_MAX_WORDS = 5  # "Heiligen Römischen Reiches Deutscher Nation"


def _mark_place_names(words: Sequence[str], labels: list[str]) -> None:
    """Label as places the multi-word names of the gazetteer's countries, historical
    states, regions, rivers and seas (``Osmanischen Reiches``, ``Schwarzen Meer``)
    whatever the tagger said, unless they lie inside a longer name."""
    count = len(words)
    index = 0
    while index < count:
        # such a name begins with a capital ("Schwarzen Meer"; of the gazetteer's
        # 169,000 places only "k.u.k. Monarchie" does not): most words start none
        if not words[index][:1].isupper():
            index += 1
            continue
        done = False
        for size in range(min(_MAX_WORDS, count - index), 1, -1):
            end = index + size
            if not words[end - 1][:1].isupper():
                continue
            inside = labels[index].startswith("I-") or (
                end < count and labels[end].startswith("I-")
            )
            if inside or not _is_place_name(" ".join(words[index:end])):
                continue
            labels[index] = "B-LOC"
            for inner in range(index + 1, end):
                labels[inner] = "I-LOC"
            index, done = end, True
            break
        if not done:
            index += 1


_PERSON_FLAGS = frozenset({"fn", "sn"})


def _area_not_person(word: str) -> bool:
    """``Mercia``, ``Aargau``: a name the gazetteer knows as an area (not a town) and the
    lexicon not as a given name or surname (``Habsburg``, ``Georgia`` stay)."""
    if len(word) < 4 or not word[1:].islower():
        return False
    return _is_place_name(word) and not _PERSON_FLAGS.intersection(lexicon().get(word, ()))


def _name_type(name: str, nouns: frozenset[str]) -> str | None:
    if known_names().get(name) == "LOC":
        return "LOC"  # the hand-written list's places win over the corpora's nouns ("die Alpen")
    if name in nouns:
        return None
    kind = _lookup(name)
    if kind is None and name.endswith("s") and name[:-1] not in nouns:
        kind = _lookup(name[:-1])
    if kind is None and name.endswith("es") and _is_place_name(name[:-2]):
        kind = "LOC"  # "Baskenlandes"
    return kind


_NAME_FLAGS = frozenset({"fn", "sn", "gn", "tr", "wc", "wl", "wo"})
# heads that also form names of places: "Schwanitzstraße", "Alexanderplatz", and the
# endings of village names that are also nouns ("Wiemelhausen", "Rumpenheim")
_NAME_HEADS = frozenset(
    {"Straße", "Strasse", "Platz", "Weg", "Allee", "Gasse", "Ring", "Damm", "Ufer", "Brücke"}
    | {"Tor", "Markt", "Berg", "Burg", "Hausen", "Heim", "Dorf", "Stedt"}
)


def _is_common_noun(word: str, nouns: frozenset[str]) -> bool:
    if not word[:1].isupper():
        return True
    if "fn" in lexicon().get(word, ()):
        return False
    if word in nouns:
        return True
    if len(word) < 8 or not word[1:].islower():
        return False
    for form in (word, word[:-1], word[:-2]):
        if _lookup(form) is not None or _NAME_FLAGS.intersection(lexicon().get(form, ())):
            return False
    for cut in range(3, len(word) - 4):
        head = word[cut:].capitalize()
        if head in _NAME_HEADS or head[:-1] in _NAME_HEADS:
            continue
        if head in nouns or (head.endswith("s") and head[:-1] in nouns):
            return True
        if len(head) >= 4 and _cluster(head) in _noun_clusters():
            return True
    return False


def is_common_noun(word: str) -> bool:
    """A common noun or a compound whose head is one (``Luftlinie``), not a name."""
    return _is_common_noun(word, common_nouns())


def in_noun_cluster(word: str) -> bool:
    """The lexicon puts ``word`` in a cluster of common nouns (``Vasall``)."""
    return _cluster(word) in _noun_clusters()


def in_place_cluster(word: str) -> bool:
    """The lexicon puts ``word`` in the cluster of most places (``Berlin``, ``Paris``)."""
    cluster = _place_cluster()
    return cluster is not None and _cluster(word) == cluster


def _cluster(word: str) -> str | None:
    return next((f for f in lexicon().get(word, ()) if f.startswith("c=")), None)


_AND = frozenset({"und", "oder", "sowie", ","})
# "Karnischen Alpen", "Freiburger Alpen": a capitalised adjective before a place is in its name
_NAME_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{2,}(?:isch(?:e|en|er|es)|er)$")


def _place_label(labels: list[str], index: int) -> bool:
    return 0 <= index < len(labels) and labels[index].endswith("-LOC")


def _mark_coordinated_places(
    words: Sequence[str], labels: list[str], nouns: frozenset[str]
) -> None:
    """A place's name in a list with places (``Skodra und Rhizon``, ``Worms und
    Speyer``, ``Flandern, Kleve und Berg``) is a place whatever its size, when the
    gazetteer knows it and it is neither a common noun nor a given name."""
    count = len(words)
    for index in [*range(count), *range(count - 1, -1, -1)]:  # "A, B und C": both ways
        word = words[index]
        if labels[index] in ("B-PER", "B-ORG") and _listed_area(words, labels, index):
            labels[index] = "B-LOC"  # "Uri, Schwyz und Unterwalden": Uri is also a given name
            continue
        if labels[index] != "O" or not word[:1].isupper() or len(word) < 3:
            continue
        if index + 1 < count and words[index + 1][:1].isupper():
            continue  # the start of a longer name
        if not (_after_place(words, labels, index) or _before_place(words, labels, index)):
            continue
        if word in nouns or in_noun_cluster(word) or "fn" in lexicon().get(word, ()):
            continue
        if word in gazetteer():
            labels[index] = "B-LOC"


def _listed_area(words: Sequence[str], labels: list[str], index: int) -> bool:
    """A one-word name the gazetteer knows as an area (a region, state, river...) in a
    list with places, whatever else the word may name."""
    if index + 1 < len(words) and labels[index + 1].startswith("I-"):
        return False
    if not (_after_place(words, labels, index) or _before_place(words, labels, index)):
        return False
    return _is_place_name(words[index])


def _after_place(words: Sequence[str], labels: list[str], index: int) -> bool:
    """``Worms und |Speyer``, ``Skodra (Shkodra) und |Rhizon``."""
    if index < 2 or words[index - 1] not in _AND:
        return False
    previous = index - 2
    if words[previous] == ")":  # skip an aside in parentheses
        opening = max((i for i in range(previous) if words[i] == "("), default=-1)
        previous = opening - 1
    return _place_label(labels, previous)


def _before_place(words: Sequence[str], labels: list[str], index: int) -> bool:
    """``|Karlshagen und Zinnowitz``."""
    return index + 2 < len(words) and words[index + 1] in _AND and labels[index + 2] == "B-LOC"


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


def apply_lexical_passes(words: Sequence[str], labels: list[str]) -> list[str]:
    """Add known names the tagger missed, drop common nouns it took (in place).

    >>> apply_lexical_passes(["Truman", "flog", "nach", "Pjöngjang"], ["B-PER", "O", "O", "O"])
    ['B-PER', 'O', 'O', 'B-LOC']
    """
    nouns = common_nouns()
    count = len(words)
    _mark_place_names(words, labels)
    for index in range(count):
        label = labels[index]
        if label.startswith("B-"):
            alone = index + 1 == count or not labels[index + 1].startswith("I-")
            if alone and _is_common_noun(words[index], nouns):
                labels[index] = "B-LOC" if _part_of_place(words[index]) else "O"
            elif alone and label != "B-LOC" and _area_not_person(words[index]):
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
            facts = entity_facts("de")
            before = words[index - 1] if index else ""
            cued = before in facts.place_prepositions or before in facts.admin_prefixes
            if _part_of_place(word) or (cued and word in gazetteer()):
                kind = "LOC"
        elif kind is None and _compound_of_area(word):
            kind = "LOC"  # "Mittelmeerraum": the corpora's noun, a sea's region
        if kind is not None:
            labels[index] = f"B-{kind}"
            if kind == "LOC" and index and _named_by_adjective(words, labels, index, nouns):
                labels[index - 1], labels[index] = "B-LOC", "I-LOC"  # "Karnischen Alpen"
    _mark_coordinated_places(words, labels, nouns)
    _mark_quarter_lists(words, labels, nouns)
    _mark_lower_case_attributes(words, labels)
    _mark_names_in_parentheses(words, labels, nouns)
    return labels


def _mark_quarter_lists(words: Sequence[str], labels: list[str], nouns: frozenset[str]) -> None:
    """``die Vororte (Langendreer, Werne, Riemke, Hofstede)``, ``bei der Hamme, Grumme und
    Wiemelhausen der Stadt Bochum zugeschlagen wurden``: in a sentence with a word of a
    town's parts, each one-word member of a list of two or more names is a place."""
    lowered = " ".join(words).lower()
    if not any(stem in lowered for stem in entity_facts("de").quarter_stems):
        return
    index, count = 1, len(words)  # the sentence's first word is capitalised anyway
    while index < count:
        members = [index]
        while members[-1] + 2 < count and words[members[-1] + 1] in _AND:
            members.append(members[-1] + 2)
        index = members[-1] + 1
        if len(members) < 2 or not all(_quarter_name(words, i, nouns) for i in members):
            continue
        for member in members:
            if labels[member] == "O":
                labels[member] = "B-LOC"


def _quarter_name(words: Sequence[str], index: int, nouns: frozenset[str]) -> bool:
    """A capitalised word standing alone (no longer name) that is no noun or given name."""
    if index + 1 < len(words) and words[index + 1][:1].isupper():
        return False
    return _a_name(words[index], nouns) and not _is_common_noun(words[index], nouns)


def _mark_names_in_parentheses(
    words: Sequence[str], labels: list[str], nouns: frozenset[str]
) -> None:
    """``Mewe (Gniew)``: a name and a town of the gazetteer in parentheses are both the
    town's names (German and Polish); ``Mohelnice (Mähren)``: a town and its region
    (``Roundup (Glyphosat)``, a town's name outside, nothing known inside, is no place);
    ``Reichstadt (heute Zákupy)``: the same after a word of renaming
    (``renamed_words`` of ``entities.toml``)."""
    renamed = entity_facts("de").renamed_words
    for index in range(len(words) - 3):
        if words[index + 1] != "(":
            continue
        inner = index + 2
        if words[inner] in renamed and inner + 2 < len(words):
            inner += 1
        name, other = words[index], words[inner]
        if words[inner + 1] != ")":
            continue
        if inner + 2 < len(words) and words[inner + 2][:1].isupper():
            continue
        pair = (index, inner)
        if any(labels[i] not in ("O", "B-LOC") for i in pair) or all(
            labels[i] == "B-LOC" for i in pair
        ):
            continue
        if index > 0 and labels[index - 1] != "O":
            continue  # the end of a longer name
        if not all(_a_name(w, nouns) for w in (name, other)):
            continue
        # "Mewe (Gniew)": the town's local name; "Mohelnice (Mähren)": a town and its region
        if _is_town(other) or (_is_place_name(other) and _is_town(name)):
            labels[index], labels[inner] = "B-LOC", "B-LOC"


def _a_name(word: str, nouns: frozenset[str]) -> bool:
    return (
        len(word) >= 3
        and word[:1].isupper()
        and word[1:].isalpha()
        and word not in nouns
        and not in_noun_cluster(word)
        and "fn" not in lexicon().get(word, ())
    )


def _is_town(word: str) -> bool:
    return any(p.kind is PlaceKind.SETTLEMENT for p in gazetteer().get(word, ()))


def _mark_lower_case_attributes(words: Sequence[str], labels: list[str]) -> None:
    """``der östliche Mittelmeerraum``: a lower-case adjective that with the place after it
    forms a name of the gazetteer (``Östlicher Mittelmeerraum``) is part of the name."""
    for index in range(1, len(words)):
        before = words[index - 1]
        if labels[index] != "B-LOC" or labels[index - 1] != "O" or not before[:1].islower():
            continue
        if index + 1 < len(labels) and labels[index + 1].startswith("I-"):
            continue
        if _is_place_name(f"{before[:1].upper()}{before[1:]} {words[index]}"):
            labels[index - 1], labels[index] = "B-LOC", "I-LOC"

"""What the word lists say of a capitalised word: a common noun of the training
corpora (``Armee``) or a compound on one (``Luftlinie``), a name of ``names_de.tsv``
with its type, a place name of the gazetteer, a word of the lexicon's noun or place
clusters. The lexical passes (:mod:`chronist.entities.gazetteer_pass`) and the name
passes read them."""

from __future__ import annotations

import gzip
from collections import Counter
from functools import cache

from chronist.entities import resources
from chronist.entities.language import entity_facts
from chronist.entities.places import PlaceKind, gazetteer
from chronist.entities.resources import PERSON_FLAGS, lexicon
from chronist.errors import ModelError

__all__ = [
    "NOUNS_FILE",
    "common_nouns",
    "given_name_shaped",
    "in_noun_cluster",
    "in_place_cluster",
    "is_common_noun",
    "is_place_name",
    "known_kind",
    "known_names",
    "noun_clusters",
    "toponym_shaped",
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
    # looked up at call time: training/ner/score_model.py points it at a model's own list
    path = resources.data_path(NOUNS_FILE)
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


def noun_clusters() -> frozenset[str]:
    return _noun_data()[1]


@cache
def known_names() -> dict[str, str]:
    """``names_de.tsv``: name -> PER/LOC/ORG."""
    path = resources.data_path(NAMES_FILE)
    names: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, kind = line.partition("\t")
        if kind not in ("PER", "LOC", "ORG"):
            raise ModelError(f"{path}:{number}: type must be PER, LOC or ORG, not {kind!r}")
        names[name] = kind
    return names


def known_kind(name: str) -> str | None:
    kind = known_names().get(name)
    if kind is not None:
        return kind
    if any(
        p.kind is not PlaceKind.SETTLEMENT or p.population >= MIN_POPULATION
        for p in gazetteer().get(name, ())
    ):
        return "LOC"
    return None


def is_place_name(name: str) -> bool:
    """A name of the gazetteer that is not only a populated place (a country, a
    historical state, a region, a river...): ``Osmanischen Reiches``, ``Rhein``;
    or of several words and a town of some size (``Sidi Ifni``)."""
    several = " " in name
    return any(
        p.kind is not PlaceKind.SETTLEMENT or (several and p.population >= MULTIWORD_TOWN)
        for p in gazetteer().get(name, ())
    )


_NAME_FLAGS = frozenset({"fn", "sn", "gn", "tr", "wc", "wl", "wo"})
# heads that also form names of places: "Schwanitzstraße", "Alexanderplatz", and the
# endings of village names that are also nouns ("Wiemelhausen", "Rumpenheim")
_NAME_HEADS = frozenset(
    {"Straße", "Strasse", "Platz", "Weg", "Allee", "Gasse", "Ring", "Damm", "Ufer", "Brücke"}
    | {"Tor", "Markt", "Berg", "Burg", "Hausen", "Heim", "Dorf", "Stedt"}
)


def is_common_noun_among(word: str, nouns: frozenset[str]) -> bool:
    if not word[:1].isupper():
        return True
    if "fn" in lexicon().get(word, ()):
        return False
    if word in nouns:
        return True
    if len(word) < 8 or not word[1:].islower():
        return False
    for form in (word, word[:-1], word[:-2]):
        if known_kind(form) is not None or _NAME_FLAGS.intersection(lexicon().get(form, ())):
            return False
    for cut in range(3, len(word) - 4):
        head = word[cut:].capitalize()
        if head in _NAME_HEADS or head[:-1] in _NAME_HEADS:
            continue
        if head in nouns or (head.endswith("s") and head[:-1] in nouns):
            return True
        if len(head) >= 4 and _cluster(head) in noun_clusters():
            return True
    return False


def is_common_noun(word: str) -> bool:
    """A common noun or a compound whose head is one (``Luftlinie``), not a name."""
    return is_common_noun_among(word, common_nouns())


@cache
def _given_name_cluster() -> str | None:
    """The Clark cluster holding most words the lexicon marks as given names."""
    counts: Counter[str] = Counter()
    for features, number in Counter(lexicon().values()).items():
        if "fn" in features:
            cluster = next((f for f in features if f.startswith("c=")), None)
            if cluster is not None:
                counts[cluster] += number
    return counts.most_common(1)[0][0] if counts else None


def given_name_shaped(word: str) -> bool:
    """The lexicon marks ``word`` as a given name and puts it in the cluster of most given
    names (``Adam``, ``Rupert``), though a corpus also wrote it as a noun; not a noun that
    is also a name somewhere (``Familie``, ``Vater``, ``Sommer``)."""
    features = lexicon().get(word, ())
    cluster = _given_name_cluster()
    return "fn" in features and cluster is not None and cluster in features


def in_noun_cluster(word: str) -> bool:
    """The lexicon puts ``word`` in a cluster of common nouns (``Vasall``)."""
    return _cluster(word) in noun_clusters()


def in_place_cluster(word: str) -> bool:
    """The lexicon puts ``word`` in the cluster of most places (``Berlin``, ``Paris``)."""
    cluster = _place_cluster()
    return cluster is not None and _cluster(word) == cluster


def _cluster(word: str) -> str | None:
    return next((f for f in lexicon().get(word, ()) if f.startswith("c=")), None)


def toponym_shaped(word: str) -> bool:
    """A capitalised word that ends like a German town's name (``toponym_endings`` of
    ``entities.toml``: ``Hillersleben``, ``Betzenhausen``) after three letters or more,
    and is no given name or surname."""
    endings = entity_facts("de").toponym_endings
    stem = next((word[: -len(e)] for e in endings if word.endswith(e)), "")
    if len(stem) < 3 or not word[:1].isupper() or not word[1:].isalpha() or not word[1:].islower():
        return False
    return not PERSON_FLAGS.intersection(lexicon().get(word, ()))

"""Places told by their neighbours, after the tagger: a name in a list with places
(``Worms und Speyer``), the members of a list of a town's quarters (``Vororte
(Langendreer, Werne, Riemke)``), a name and a town in parentheses (``Mewe (Gniew)``),
a lower-case adjective of a place's name (``der östliche Mittelmeerraum``). Each pass
relabels the BIO ``labels`` of ``words`` in place;
:func:`chronist.entities.gazetteer_pass.apply_lexical_passes` runs them."""

from __future__ import annotations

from collections.abc import Sequence

from chronist.entities.language import entity_facts
from chronist.entities.name_lexicon import (
    in_noun_cluster,
    is_common_noun_among,
    is_place_name,
    toponym_shaped,
)
from chronist.entities.places import PlaceKind, gazetteer
from chronist.entities.resources import lexicon

__all__ = [
    "mark_coordinated_places",
    "mark_lower_case_attributes",
    "mark_names_in_parentheses",
    "mark_quarter_lists",
]

_AND = frozenset({"und", "oder", "sowie", ","})


def _place_label(labels: list[str], index: int) -> bool:
    return 0 <= index < len(labels) and labels[index].endswith("-LOC")


def mark_coordinated_places(words: Sequence[str], labels: list[str], nouns: frozenset[str]) -> None:
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
        if word in gazetteer() or toponym_shaped(word):  # "Dudweiler (977) und Malstatt"
            labels[index] = "B-LOC"


def _listed_area(words: Sequence[str], labels: list[str], index: int) -> bool:
    """A one-word name the gazetteer knows as an area (a region, state, river...) in a
    list with places, whatever else the word may name."""
    if index + 1 < len(words) and labels[index + 1].startswith("I-"):
        return False
    if not (_after_place(words, labels, index) or _before_place(words, labels, index)):
        return False
    return is_place_name(words[index])


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
    """``|Karlshagen und Zinnowitz``, ``|Eschringen (893), Dudweiler``."""
    following = index + 1
    if following < len(words) and words[following] == "(":  # skip an aside in parentheses
        following = next((i for i in range(following, len(words)) if words[i] == ")"), -2) + 1
    return (
        0 < following < len(words) - 1
        and words[following] in _AND
        and labels[following + 1] == "B-LOC"
    )


def mark_quarter_lists(words: Sequence[str], labels: list[str], nouns: frozenset[str]) -> None:
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
    return _a_name(words[index], nouns) and not is_common_noun_among(words[index], nouns)


def mark_names_in_parentheses(
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
        if _is_town(other) or (is_place_name(other) and _is_town(name)):
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


def mark_lower_case_attributes(words: Sequence[str], labels: list[str]) -> None:
    """``der östliche Mittelmeerraum``: a lower-case adjective that with the place after it
    forms a name of the gazetteer (``Östlicher Mittelmeerraum``) is part of the name; so is
    a lower-case word after a place's last word with which it forms a name (the Roman
    provinces ``Germania inferior``, ``Pannonia superior``, ``Africa proconsularis``)."""
    for index in range(len(words) - 1):
        after = words[index + 1]
        in_place = labels[index] in ("B-LOC", "I-LOC") and labels[index + 1] == "O"
        if in_place and after[:1].islower() and is_place_name(f"{words[index]} {after}"):
            labels[index + 1] = "I-LOC"
    for index in range(1, len(words)):
        before = words[index - 1]
        if labels[index] != "B-LOC" or labels[index - 1] != "O" or not before[:1].islower():
            continue
        if index + 1 < len(labels) and labels[index + 1].startswith("I-"):
            continue
        if is_place_name(f"{before[:1].upper()}{before[1:]} {words[index]}"):
            labels[index - 1], labels[index] = "B-LOC", "I-LOC"

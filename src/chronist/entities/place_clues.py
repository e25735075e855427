"""What the document says about a place entity's mentions, read into its
:class:`~chronist.entities.place_evidence.PlaceEvidence`: the kinds the words before
them favour (``am Rhein``), the years told near them, the territory a ruler's title
names (``Markgraf von Brandenburg``), and whether the words are common nouns, words
the lexicon does not know as places, or vouched for by a place's preposition."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from chronist.entities.language import EntityFacts
from chronist.entities.name_lexicon import (
    common_nouns,
    in_noun_cluster,
    in_place_cluster,
    known_names,
)
from chronist.entities.person_names import ruler_title
from chronist.entities.places import PlaceKind, gazetteer
from chronist.entities.resources import lexicon
from chronist.entities.territories import after_site_phrase
from chronist.entities.types import Mention
from chronist.text.document import Document

__all__ = [
    "after_renaming",
    "base_form",
    "common_noun",
    "countries_named_after",
    "cues_before",
    "noun_like",
    "placed_by_words",
    "ruled_names",
    "unknown_as_place",
    "vouched_for",
    "years_near",
]

_NAME_FLAGS = frozenset({"fn", "sn", "gn", "tr", "wc", "wl", "wo"})


def _is_name(word: str) -> bool:
    return bool(
        _NAME_FLAGS.intersection(lexicon().get(word, ()))
        or word in gazetteer()
        or word in known_names()
    )


def base_form(mention: Mention) -> Mention:
    """The uninflected name inside a one-word genitive: ``Stalins`` -> ``Stalin``,
    when the lexicon or gazetteer knows the stem and not the whole word."""
    word = mention.text
    if " " in word or _is_name(word):
        return mention
    for ending in ("’s", "'s", "’", "'", "s"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 2 and _is_name(stem):
            return Mention(stem, mention.start, mention.start + len(stem))
    return mention


def noun_like(document: Document, mentions: tuple[Mention, ...], facts: EntityFacts) -> bool:
    """Every mention is one word the lexicon clusters with common nouns (``eine Tuba``,
    ``bei Bissen``, ``in Zoos``, but also ``in Mekka``), none after a territorial word
    (``Stadt``): a town of that name must be borne out by the document's other places
    (also after ``Schlacht bei``: ``Marathon`` in Florida is no battlefield)."""
    for mention in mentions:
        word = mention.text
        if " " in word or not (
            in_noun_cluster(word) or (word.endswith("s") and in_noun_cluster(word[:-1]))
        ):
            return False
        before = document.text[max(0, mention.start - 25) : mention.start].split()
        if before and before[-1] in facts.admin_prefixes:
            return False
    return True


def common_noun(document: Document, mentions: tuple[Mention, ...], facts: EntityFacts) -> bool:
    """Every mention is one word the noun list has (or its genitive: ``des Steins``) and
    none follows a place's preposition, an administrative word or a battle's or treaty's
    phrase (``in Heide`` is the town): a small town of that name must be borne out."""
    nouns = common_nouns()
    for mention in mentions:
        word = mention.text
        genitive = word.endswith("s") and len(word) > 4 and word[:-1] in nouns
        if " " in word or not (word in nouns or genitive):
            return False
        before = document.text[max(0, mention.start - 25) : mention.start].split()
        if before and before[-1] in facts.place_prepositions | facts.admin_prefixes:
            return False
        if after_site_phrase(document.text, mention.start, facts):
            return False
    return True


def after_renaming(text: str, start: int, facts: EntityFacts) -> bool:
    """The name at ``start`` is a place's other name in parentheses, after a word of
    renaming (``Reichstadt (heute Zákupy)``, ``Troppau (tschechisch Opava)``).

    >>> from chronist.entities.language import entity_facts
    >>> after_renaming("Reichstadt (heute Zákupy)", 18, entity_facts("de"))
    True
    """
    before = text[max(0, start - 25) : start].split()
    if len(before) > 1 and before[-2].endswith("(") and before[-1] in facts.renamed_words:
        return True
    return bool(before) and before[-1].startswith("(") and before[-1][1:] in facts.renamed_words


def vouched_for(document: Document, mentions: tuple[Mention, ...], facts: EntityFacts) -> bool:
    """A mention follows a place's preposition or an administrative word (``nach
    Pjöngjang``, ``bei Adrianopel``, ``Stadt Lome``) or a battle's or treaty's phrase, or
    is a name the lexicon knows as a place and not as a given name (``Mailand``; not
    ``Viktoria``): enough to take a town named so only by GeoNames' alternate names
    (not a name in parentheses after a word of renaming: ``Bogazkale (ehemals Bogazköy)``
    is not Cernavodă, one of whose alternate names is Bogazköy)."""
    if placed_by_words(document, mentions, facts):
        return True
    return any(_known_as_place(mention.text) for mention in mentions)


def placed_by_words(document: Document, mentions: tuple[Mention, ...], facts: EntityFacts) -> bool:
    """A mention follows a place's preposition or an administrative word (``nach
    Pjöngjang``, ``Stadt Lome``) or a battle's or treaty's phrase: the words around it,
    not only its name, make it a place."""
    for mention in mentions:
        before = document.text[max(0, mention.start - 25) : mention.start].split()
        if before and before[-1] in facts.place_prepositions | facts.admin_prefixes:
            return True
        if after_site_phrase(document.text, mention.start, facts):
            return True
    return False


def _known_as_place(name: str) -> bool:
    """A name of several words not led by a given name (``New York``, not ``Karl Marx``),
    or a word (or its genitive's stem) the lexicon knows as a place and not as a given
    name (``Konstantinopels``, ``Athen``; not ``Viktoria``)."""
    words = name.replace("-", " ").split()
    if len(words) > 1:
        return "fn" not in lexicon().get(words[0], ())
    for form in (name, name[:-1]) if name.endswith("s") else (name,):
        features = lexicon().get(form, ())
        if "fn" not in features and (_PLACE_FLAGS.intersection(features) or in_place_cluster(form)):
            return True
    return False


_PLACE_FLAGS = frozenset({"wc", "wl", "wo", "tr"})


def unknown_as_place(mentions: tuple[Mention, ...]) -> bool:
    """No mention is a word the lexicon knows as a place (its Wikipedia place lists or
    territories, or the place cluster), or of several words: ``Freedom``, ``Eher``,
    ``Caller`` are towns only to GeoNames."""
    for mention in mentions:
        word = mention.text
        if " " in word or "-" in word:
            return False
        for form in (word, word[:-1]) if word.endswith("s") else (word,):
            features = lexicon().get(form, ())
            if _PLACE_FLAGS.intersection(features) or in_place_cluster(form):
                return False
    return True


_RULED_KINDS = (PlaceKind.HISTORICAL_STATE, PlaceKind.REGION, PlaceKind.COUNTRY)


def ruled_names(
    document: Document, mentions: tuple[Mention, ...], facts: EntityFacts
) -> tuple[str, ...]:
    """``Graf Adolf VI. von Berg`` ruled the ``Grafschaft Berg``, ``des Markgrafen von
    Brandenburg`` the ``Markgrafschaft Brandenburg``: the territory's names a ruler's title
    before a mention gives, to be looked up beside the mention's own."""
    names: list[str] = []
    for mention in mentions:
        title = ruler_title(document.text, mention.start, facts)
        if title is not None and " " not in mention.text:
            names.append(f"{facts.ruler_territories[title]} {base_form(mention).text}")
    return tuple(dict.fromkeys(names))


def cues_before(
    document: Document, mentions: tuple[Mention, ...], facts: EntityFacts
) -> frozenset[PlaceKind]:
    kinds: set[PlaceKind] = set()
    for mention in mentions:
        if ruler_title(document.text, mention.start, facts) is not None:
            kinds.update(_RULED_KINDS)  # "des Markgrafen von Brandenburg": a territory
        words = document.text[max(0, mention.start - 40) : mention.start].lower().split()
        words = words[-facts.cue_window :]
        for size in (2, 1):
            for index in range(len(words) - size + 1):
                kinds.update(facts.cues.get(" ".join(words[index : index + size]), ()))
    return frozenset(kinds)


def years_near(mentions: tuple[Mention, ...], years: list[tuple[int, int]]) -> tuple[int, ...]:
    """The years dated within 600 characters of a mention (one per pair, in the
    text's order), or every year of the document when none is that near."""
    offsets = [offset for offset, _ in years]  # in the text's order
    pairs: list[tuple[int, int]] = []
    for number, mention in enumerate(mentions):
        first = bisect_left(offsets, mention.start - 600)
        last = bisect_right(offsets, mention.start + 600)
        pairs.extend((index, number) for index in range(first, last))
    near = [years[index][1] for index, _ in sorted(pairs)]
    return tuple(near) if near else tuple(y for _, y in years)


# "Herat (Afghanistan)", "Abydos in Ägypten": a country named right after a place's name
_COUNTRY_AFTER = re.compile(r" (?:\(([^()]{3,40})\)|in ([A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)?)\b)")


def countries_named_after(document: Document, mentions: tuple[Mention, ...]) -> frozenset[str]:
    """The codes of the countries the text names right after a mention, in parentheses or
    after ``in`` (``Herat (Afghanistan)``, ``Abydos in Ägypten``): where the place lies.

    >>> doc = Document("Herat (Afghanistan) liegt im Westen.")
    >>> sorted(countries_named_after(doc, (Mention("Herat", 0, 5),)))
    ['AF']
    """
    codes: set[str] = set()
    for mention in mentions:
        found = _COUNTRY_AFTER.match(document.text, mention.end)
        if found is None:
            continue
        name = found.group(1) or found.group(2)
        codes.update(p.country for p in gazetteer().get(name, ()) if p.is_country and p.country)
    return frozenset(codes)

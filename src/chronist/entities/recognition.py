"""``recognize``: persons, places and organisations in a German document."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import pairwise, tee

from chronist.entities.aliases import add_aliases, alias_names
from chronist.entities.coreference import TypedMention, canonical, cluster_mentions, group_type
from chronist.entities.corpus import spans_of
from chronist.entities.evidence import PlaceEvidence, resolve_entities
from chronist.entities.gazetteer_pass import (
    common_nouns,
    in_noun_cluster,
    in_place_cluster,
    is_common_noun,
    known_names,
)
from chronist.entities.language import EntityFacts, entity_facts
from chronist.entities.model import tag_each
from chronist.entities.names import has_names, recognize_names
from chronist.entities.person_names import (
    given_names_of_persons,
    is_territory,
    join_given_names,
    join_name_particles,
    join_person_places,
    join_place_and_surname,
    ruler_title,
    split_ruler_territory,
    split_title,
    titled_persons,
    trim_lowercase,
)
from chronist.entities.place_pairs import split_known_person_place, split_place_pair
from chronist.entities.places import Place, PlaceKind, candidates, gazetteer, is_demonym
from chronist.entities.quarters import place_quarters
from chronist.entities.resources import lexicon
from chronist.entities.territories import (
    after_site_phrase,
    ruled_place,
    site_place,
    territory_type,
)
from chronist.entities.types import Entity, EntityType, Mention
from chronist.errors import OptionError
from chronist.text.document import Document
from chronist.text.tokens import Token

__all__ = ["find_mentions", "recognize"]

SUPPORTED_LANGUAGES = frozenset({"de"})
_TYPES = {t.value: t for t in EntityType}
_EDGE_PUNCT = frozenset("\"'„“”»«‚‘’()[]-–—,.:;")


def _tagged_mentions(document: Document) -> list[TypedMention]:
    """The tagger's mentions, sentence by sentence: only one sentence's tokens
    and labels are held at a time."""
    text = document.text
    sentences = (document.tokens_in(start, end) for start, end in document.sentences)
    held, read = tee(sentence for sentence in sentences if sentence)  # one sentence buffered
    found: list[TypedMention] = []
    for sentence, tags in zip(held, tag_each([t.text for t in s] for s in read), strict=True):
        for start, end, kind in sorted(spans_of(tags)):
            while start < end and sentence[start].text in _EDGE_PUNCT:
                start += 1
            while end > start and sentence[end - 1].text in _EDGE_PUNCT:
                end -= 1
            if start == end:
                continue
            begin, finish = sentence[start].start, sentence[end - 1].end
            surface = text[begin:finish]
            if not any(c.isupper() for c in surface):
                continue
            found.append(TypedMention(Mention(surface, begin, finish), _TYPES[kind]))
    return found


def _propagate(
    tokens: Iterable[Token], found: list[TypedMention], facts: EntityFacts
) -> list[TypedMention]:
    """Document-level consistency: tag further occurrences of a one-word name
    (or a person's surname) found elsewhere in the document, and its genitive,
    where the tagger missed them; a person's name found in the document wins
    over another type for the same word. A territory closing a name after ``von``
    (``Bretislav I. von Böhmen``) is no surname: ``Böhmen`` alone is the place."""
    names: dict[str, EntityType] = {}
    for m in found:
        words = m.mention.text.split()
        if len(words) == 1 and len(words[0]) > 2:
            names.setdefault(words[0], m.type)
        elif m.type is EntityType.PER and len(words[-1]) > 2 and words[-1][:1].isupper():
            if words[-2] in facts.name_particles and is_territory(words[-1]):
                continue  # "Bretislav I. von Böhmen"; "Paul von Hindenburg" keeps his name
            names.setdefault(words[-1], m.type)  # the surname of "Douglas MacArthur"
    surnames = {w for w, kind in names.items() if kind is EntityType.PER}
    # a person's name wins over a place of the same name ("MacArthurs" is not
    # the Philippine town MacArthur when Douglas MacArthur is in the text)
    found = [
        TypedMention(m.mention, EntityType.PER)
        if " " not in m.mention.text
        and (m.mention.text in surnames or m.mention.text[:-1] in surnames)
        else m
        for m in found
    ]
    covered = _Spans([(m.mention.start, m.mention.end) for m in found])
    extra: list[TypedMention] = []
    for token in tokens:
        if not token.text[:1].isupper() or covered.overlap(token.start, token.start + 1):
            continue
        kind = names.get(token.text)
        if kind is None and token.text.endswith("s"):
            kind = names.get(token.text[:-1])
        if kind is not None:
            extra.append(TypedMention(Mention(token.text, token.start, token.end), kind))
    return sorted([*found, *extra], key=lambda m: m.mention.start)


def _retype_countries(group: list[TypedMention], kind: EntityType) -> EntityType:
    """A name of the hand-written name list has its type there ("Vereinigten
    Stabschefs" is an organisation); a country's name is a place, whatever the
    tagger said ("Rotchina")."""
    listed = [known_names().get(m.mention.text) for m in group if " " in m.mention.text]
    if listed and listed[0] is not None:
        return _TYPES[listed[0]]
    if kind is EntityType.LOC:
        return kind
    index = gazetteer()
    for m in group:
        if any(p.is_country for p in index.get(m.mention.text, ())):
            return EntityType.LOC
    return kind


_NAME_FLAGS = frozenset({"fn", "sn", "gn", "tr", "wc", "wl", "wo"})


def _is_name(word: str) -> bool:
    return bool(
        _NAME_FLAGS.intersection(lexicon().get(word, ()))
        or word in gazetteer()
        or word in known_names()
    )


def _base_form(mention: Mention) -> Mention:
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


def _timex_layer(document: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of the temporal expressions an earlier pass found, and the
    ``(offset, year)`` of each dated one (empty when recognition runs alone)."""
    found = document.layer("timexes") or ()
    spans = [(t.start, t.end) for t in found]
    years = []
    for t in found:
        first = t.bounds.first() if t.bounds.known else None
        if first is not None and t.type.value in ("DATE", "TIME"):
            years.append((t.start, first.year))
    years.sort(key=lambda pair: pair[0])
    return spans, years


def _is_demonym(word: str, facts: EntityFacts) -> bool:
    """``Kölner``, ``Wormser``, ``Bremer``: a known place + "er", not a place itself."""
    return is_demonym(word, facts.demonym_suffixes)


class _Spans:
    """Sorted spans that answer "does any overlap [start, end)?" in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # the furthest end of the spans up to each one
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlap(self, start: int, end: int) -> bool:
        before_end = bisect_left(self._starts, end)
        return before_end > 0 and self._reach[before_end - 1] > start


# a capitalised word and "of" right before a mention: an English name goes on
_ENGLISH_NAME_OF = re.compile(r"\b[A-Z][A-Za-z&.]* of $")


# a model or club number right after a one-word name: "Bell 47", "Mi-24", "Schalke 04"
# (not a count, a measure or a year: "in Paris 20 Jahre", "Chile 160 km", "Mailand 286")
_MODEL_NUMBER = re.compile(
    r" (?:[A-Z]{1,3}-?\d{1,4}|\d{1,2})(?![,.]?\d)(?=[;:!?)]|,\s|\.?\s*$|\.?\s+[a-zäöü])"
    r"(?!\s+(?:[vn]\.\s?Chr|km|m|cm|mm|kg|g|t|ha|qm|l|ft|mi|Mio|Mrd|bis|und|oder)\b)"
)


# a lone Roman numeral ("Namazga III", "Phase IV"): a number, not a name
_ROMAN_NUMERAL = re.compile(r"^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$")


def _is_era(word: str, facts: EntityFacts) -> bool:
    return any(word.endswith(e) and len(word) > len(e) + 2 for e in facts.era_endings)


_OPENING = "(\"„‚'[«»"  # punctuation glued to the word before a name


_LAND_KINDS = frozenset({PlaceKind.REGION, PlaceKind.HISTORICAL_STATE})


def _named_like_its_people(name: str, places: tuple[Place, ...]) -> bool:
    """``Sachsen``, ``Franken``, ``Bayern``, ``Böhmen``: a region or state whose name is its
    people's plural, so that ``die Sachsen`` are the Saxons (a region that takes an article,
    ``die Pfalz``, ``die Lausitz``, or a range, ``die Alpen``, is not named so)."""
    return name.endswith(("en", "ern")) and any(p.kind in _LAND_KINDS for p in places)


def _keep(found: TypedMention, document: Document, timex_spans: _Spans,
          facts: EntityFacts) -> bool:  # fmt: skip
    mention = found.mention
    text = mention.text
    if text in facts.not_entities or (text.endswith(".") and len(text) <= 5):
        return False
    if _ROMAN_NUMERAL.match(text) or (" " not in text and _is_era(text, facts)):
        return False  # "Namazga III", "im Neolithikum"
    if timex_spans.overlap(mention.start, mention.end):
        return False
    head = document.text[max(0, mention.start - 25) : mention.start].split()
    if text.split(" ", 1)[0] in facts.not_name_heads or (
        head and head[-1] in facts.not_name_heads and document.text[mention.start - 1] == " "
    ):
        return False  # "die Gattung Homo", "der Kreuzer Emden"
    if found.type is EntityType.LOC and _ENGLISH_NAME_OF.search(
        document.text, max(0, mention.start - 40), mention.start
    ):
        return False  # "Golf Club of St Andrews", "Duke of Wellington": inside a name
    if found.type is EntityType.LOC and _ends_english_name(document.text, mention, facts):
        return False  # "Kangaroo Island", "Shutter Island": not Iceland
    if found.type is not EntityType.LOC or " " in text:
        return True
    number = _MODEL_NUMBER.match(document.text, mention.end)
    if number is not None and not timex_spans.overlap(mention.end + 1, number.end()):
        return False  # "Bell 47", "Hannover 96": a product or a club, not the town
    if text.endswith(facts.adjective_endings) or _is_demonym(text, facts):
        return False
    places = gazetteer().get(text, ())
    before = document.text[max(0, mention.start - 5) : mention.start].split()
    article = before[-1].lower().lstrip(_OPENING) if before else ""  # "(der Sol"
    people = any(p.is_country for p in places) or _named_like_its_people(text, places)
    if people and text not in facts.countries_with_article and article in facts.people_articles:
        return False  # "die Schweden" as a people or an army, "die Sachsen", "den Bayern"
    if not places and not _before_noun(document.text, mention.end):
        # "des Nordens", "des Pechs": a town's genitive after an article is a noun's; not
        # so before a noun, whose article it is ("die Weimars Bühne")
        places = candidates(text)
    if places and all(p.kind is PlaceKind.SETTLEMENT for p in places):
        # "die Pest" is the plague; "in einer neuen Halle", "der Welser Heide": a noun
        return article not in facts.articles and not _after_noun_article(document, mention, facts)
    return True


def _ends_english_name(text: str, mention: Mention, facts: EntityFacts) -> bool:
    """``Kangaroo Island``, ``Turtle Islands``: a word of ``english_name_tails`` right
    after a capitalised word that is no German noun nor a place's word ends an English
    name (not ``Island``, Iceland, nor ``Staat Island``)."""
    if mention.text not in facts.english_name_tails or text[mention.start - 1] != " ":
        return False
    before = text[max(0, mention.start - 30) : mention.start - 1].split()
    word = before[-1] if before else ""
    return (
        word[:1].isupper()
        and word.isalpha()
        and not is_common_noun(word)
        and word not in facts.admin_prefixes
    )


def _before_noun(text: str, end: int) -> bool:
    """A capitalised word follows ``end`` (``Weimars Bühne``)."""
    after = text[end : end + 30].split(maxsplit=1)
    return bool(after) and text[end : end + 1] == " " and after[0][:1].isupper()


def _after_noun_article(document: Document, mention: Mention, facts: EntityFacts) -> bool:
    """``mention`` follows an article a town's name (neuter) never takes, with at most
    declined adjectives between (``einer zweistöckigen Halle``) and a place's adjective
    right before it (``der Welser Heide``)."""
    words = document.text[max(0, mention.start - 60) : mention.start].split()
    for number, word in enumerate(reversed(words)):
        if word.lower() in facts.noun_articles:
            return True
        declined = (
            word.islower()
            and len(word) > 3
            and word.endswith(facts.adjective_inflections)
            and word not in facts.not_adjectives
        )
        named = number == 0 and _place_adjective(word, facts)
        if word in facts.place_prepositions or not (declined or named):
            return False
    return False


def _place_adjective(word: str, facts: EntityFacts) -> bool:
    """``Welser``, ``Dippoldiswalder``: a place's name + a demonym suffix, used as an
    adjective (not ``Bewohner``)."""
    for suffix in facts.demonym_suffixes:
        stem = word[: -len(suffix)]
        named = word.endswith(suffix) and stem[:1].isupper() and stem.isalpha()
        if named and (candidates(stem) or candidates(stem + "e")):
            return True
    return False


def _noun_like(document: Document, mentions: tuple[Mention, ...], facts: EntityFacts) -> bool:
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


def _common_noun(document: Document, mentions: tuple[Mention, ...], facts: EntityFacts) -> bool:
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


def _vouched(document: Document, mentions: tuple[Mention, ...], facts: EntityFacts) -> bool:
    """A mention follows a place's preposition or an administrative word (``nach
    Pjöngjang``, ``bei Adrianopel``, ``Stadt Lome``) or a battle's or treaty's phrase, or
    is a name the lexicon knows as a place and not as a given name (``Mailand``; not
    ``Viktoria``): enough to take a town named so only by GeoNames' alternate names
    (not a name in parentheses after a word of renaming: ``Bogazkale (ehemals Bogazköy)``
    is not Cernavodă, one of whose alternate names is Bogazköy)."""
    for mention in mentions:
        before = document.text[max(0, mention.start - 25) : mention.start].split()
        if before and before[-1] in facts.place_prepositions | facts.admin_prefixes:
            return True
        if after_site_phrase(document.text, mention.start, facts):
            return True
        if _known_as_place(mention.text):
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


def _unknown_as_place(mentions: tuple[Mention, ...]) -> bool:
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


def _organisation_of(found: TypedMention, text: str, facts: EntityFacts) -> TypedMention:
    """``Kloster Fulda``: a place right after an organisation's head word names it."""
    place = found.mention.text
    if found.type is not EntityType.LOC or (place.endswith("s") and place[:-1] in gazetteer()):
        return found  # "die älteste Universität Westfalens": a genitive place stays a place
    before = text[max(0, found.mention.start - 30) : found.mention.start]
    words = before.split()
    if not words or words[-1] not in facts.organisation_heads or not before.endswith(" "):
        return found
    start = found.mention.start - len(before) + before.rindex(words[-1])
    name = Mention(text[start : found.mention.end], start, found.mention.end)
    return TypedMention(name, EntityType.ORG)


def find_mentions(document: Document) -> list[TypedMention]:
    """Every entity mention of the document, typed, in text order (no grouping).

    Abbreviations (``Chr.``), words inside temporal expressions, adjectives,
    demonyms and peoples (``Kölner``, ``die Schweden``) are left out; titles
    (``General Omar Bradley``) are cut off.

    >>> [(m.mention.text, m.type.value) for m in find_mentions(Document("Truman traf Stalin."))]
    [('Truman', 'PER'), ('Stalin', 'PER')]
    """
    facts = entity_facts(document.lang)
    found = _propagate(document.tokens, _tagged_mentions(document), facts)
    timex_spans, _ = _timex_layer(document)
    titled = [p for m in found for t in split_title(m, facts) for p in trim_lowercase(t, facts)]
    split = [p for m in titled for p in split_ruler_territory(m, document.text, facts)]
    split = [p for m in split for p in split_place_pair(m)]
    spans = _Spans(timex_spans)
    kept = [m for m in split if _keep(m, document, spans, facts)]
    kept = [_organisation_of(m, document.text, facts) for m in kept]
    kept = [site_place(m, document.text, facts) for m in kept]
    kept = [territory_type(ruled_place(m, document.text, facts), facts) for m in kept]
    joined = join_given_names(document.text, join_name_particles(document.text, kept, facts))
    joined = split_known_person_place(join_person_places(document.text, joined, facts))
    joined = titled_persons(document.text, join_place_and_surname(document.text, joined), facts)
    joined = given_names_of_persons(joined)
    return add_aliases(document.text, _add_institutions(document, joined, facts))


def _add_institutions(
    document: Document, found: list[TypedMention], facts: EntityFacts
) -> list[TypedMention]:
    """``des Kongresses``, ``der Senat``: an institution after an article is an organisation."""
    covered = _Spans([(m.mention.start, m.mention.end) for m in found])
    extra = []
    for before, token in pairwise(document.tokens):
        if token.text not in facts.institutions:
            continue
        after_article = before.text.lower() in facts.articles
        if after_article and not covered.overlap(token.start, token.start + 1):
            extra.append(TypedMention(Mention(token.text, token.start, token.end), EntityType.ORG))
    return sorted([*found, *extra], key=lambda m: m.mention.start) if extra else found


_RULED_KINDS = (PlaceKind.HISTORICAL_STATE, PlaceKind.REGION, PlaceKind.COUNTRY)


def _ruled_names(
    document: Document, mentions: tuple[Mention, ...], facts: EntityFacts
) -> tuple[str, ...]:
    """``Graf Adolf VI. von Berg`` ruled the ``Grafschaft Berg``, ``des Markgrafen von
    Brandenburg`` the ``Markgrafschaft Brandenburg``: the territory's names a ruler's title
    before a mention gives, to be looked up beside the mention's own."""
    names: list[str] = []
    for mention in mentions:
        title = ruler_title(document.text, mention.start, facts)
        if title is not None and " " not in mention.text:
            names.append(f"{facts.ruler_territories[title]} {_base_form(mention).text}")
    return tuple(dict.fromkeys(names))


def _cues(
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


def _years_near(mentions: tuple[Mention, ...], years: list[tuple[int, int]]) -> tuple[int, ...]:
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


def recognize(text: str | Document, lang: str = "de") -> list[Entity]:
    """Persons, places and organisations in ``text`` (or a document, whose own
    language counts), one :class:`Entity` each, with all their mentions; places
    resolved to coordinates where the evidence is strong enough.

    >>> [(e.text, e.type.value, len(e.mentions)) for e in recognize(
    ...     "Douglas MacArthur landete in Incheon. Truman lehnte MacArthurs Pläne ab.")]
    [('Douglas MacArthur', 'PER', 2), ('Incheon', 'LOC', 1), ('Truman', 'PER', 1)]
    """
    document = text if isinstance(text, Document) else Document(text, lang)
    if document.lang not in SUPPORTED_LANGUAGES:
        if has_names(document.lang):
            return recognize_names(document)
        raise OptionError(
            f"entity recognition has a model for {', '.join(sorted(SUPPORTED_LANGUAGES))}, "
            f"not for {document.lang!r} (a language folder may list names in names.toml)"
        )
    if not document.text.strip():
        return []
    facts = entity_facts(document.lang)
    every = find_mentions(document)
    aliases = alias_names(document.text, every)
    groups = cluster_mentions(every)
    typed = [(group, _retype_countries(group, group_type(group))) for group in groups]
    heads = [_base_form(canonical(group)) for group, _ in typed]
    _, years = _timex_layer(document)
    places = [i for i, (_, kind) in enumerate(typed) if kind is EntityType.LOC]
    evidence = []
    for i in places:
        mentions = tuple(m.mention for m in typed[i][0])
        ruled = _ruled_names(document, mentions, facts)
        names = tuple(dict.fromkeys([heads[i].text, *(m.text for m in mentions), *ruled]))
        other = tuple(sorted({a for name in names for a in aliases.get(name, ())} - set(names)))
        cues, near = _cues(document, mentions, facts), _years_near(mentions, years)
        noun = _noun_like(document, mentions, facts)
        cued = any(after_site_phrase(document.text, m.start, facts) for m in mentions)
        # "Konferenz von Sanremo", "Reichstadt (heute Zákupy)": the text says it is a place
        cued = cued or any(after_renaming(document.text, m.start, facts) for m in mentions)
        unknown = _unknown_as_place(mentions) and not cued
        vouched = _vouched(document, mentions, facts)
        common = _common_noun(document, mentions, facts)
        evidence.append(
            PlaceEvidence(names, cues, near, other, noun, unknown, vouched, common_noun=common)
        )
    resolved = dict(zip(places, resolve_entities(evidence, facts), strict=True))
    entities: list[Entity] = []
    for i, (group, kind) in enumerate(typed):
        head = heads[i]
        found = resolved.get(i)
        place = found.place if found else None
        entities.append(
            Entity(
                text=head.text,
                type=kind,
                start=head.start,
                end=head.end,
                mentions=tuple(m.mention for m in group),
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                gazetteer_id=place.gazetteer_id if place else None,
                resolved=place is not None,
                feature_class=place.kind.value if place else None,
                confidence=found.confidence if found else None,
                period=(place.start, place.end)
                if place and (place.start is not None or place.end is not None)
                else None,
                geometry=("centroid" if place.kind.is_area else "point") if place else None,
            )
        )
    return place_quarters(document.text, document.sentences, entities, facts)

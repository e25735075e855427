"""Which of the tagger's mentions are kept: not an abbreviation, a word inside a
temporal expression, an era, a product's or club's name (``Bell 47``), an English
name's tail (``Kangaroo Island``), an adjective, a demonym or a people (``die
Schweden``), nor a common noun a town is named after (``in einer neuen Halle``)."""

from __future__ import annotations

import re

from chronist.entities.coreference import TypedMention
from chronist.entities.language import EntityFacts
from chronist.entities.name_lexicon import is_common_noun
from chronist.entities.places import Place, PlaceKind, candidates, gazetteer, is_demonym
from chronist.entities.span_index import SpanIndex
from chronist.entities.types import EntityType, Mention
from chronist.text.document import Document

__all__ = ["keep_mention"]


def _is_demonym(word: str, facts: EntityFacts) -> bool:
    """``Kölner``, ``Wormser``, ``Bremer``: a known place + "er", not a place itself."""
    return is_demonym(word, facts.demonym_suffixes)


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


def keep_mention(found: TypedMention, document: Document, timex_spans: SpanIndex,
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
    if found.type is EntityType.LOC and _before_epithet_tail(document.text, mention.end, facts):
        return False  # "Jerusalem des Nordens": Vilnius's epithet, not Jerusalem
    if found.type is not EntityType.LOC or " " in text:
        return True
    number = _MODEL_NUMBER.match(document.text, mention.end)
    if number is not None and not timex_spans.overlap(mention.end + 1, number.end()):
        return False  # "Bell 47", "Hannover 96": a product or a club, not the town
    if text.endswith(facts.adjective_endings) or _is_demonym(text, facts):
        return False
    places = gazetteer().get(text, ())
    before = document.text[max(0, mention.start - 14) : mention.start].split()
    article = before[-1].lower().lstrip(_OPENING) if before else ""  # "(der Sol"
    people = any(p.is_country for p in places) or _named_like_its_people(text, places)
    if people and text not in facts.countries_with_article and article in facts.people_articles:
        return False  # "die Schweden" as a people or an army, "die Sachsen", "den Bayern"
    if _after_indefinite_article(document.text, mention.start, facts):
        return False  # "ließ hier eine Pfalz errichten": a palace, a common noun
    if not places and not _before_noun(document.text, mention.end):
        # "des Nordens", "des Pechs": a town's genitive after an article is a noun's; not
        # so before a noun, whose article it is ("die Weimars Bühne")
        places = candidates(text)
    if places and all(p.kind is PlaceKind.SETTLEMENT for p in places):
        # "die Pest" is the plague; "in einer neuen Halle", "der Welser Heide": a noun
        return article not in facts.articles and not _after_noun_article(document, mention, facts)
    return True


def _before_epithet_tail(text: str, end: int, facts: EntityFacts) -> bool:
    """``Jerusalem des Nordens``, ``Venedig des Nordens``: a word of ``epithet_tails``
    right after a place's name makes it another town's epithet."""
    return any(
        text.startswith(tail, end + 1)
        and text[end : end + 1] == " "
        and not text[end + 1 + len(tail) : end + 2 + len(tail)].isalpha()
        for tail in facts.epithet_tails
    )


def _after_indefinite_article(text: str, start: int, facts: EntityFacts) -> bool:
    """An indefinite article right before ``start`` (``eine Pfalz``, ``einen Passus``):
    a proper name takes one only with a word between (``ein geeintes Deutschland``)."""
    before = text[max(0, start - 8) : start]
    words = before.split()
    return before.endswith(" ") and bool(words) and words[-1].lower() in facts.indefinite_articles


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

"""``recognize``: persons, places and organisations in a German document."""

from __future__ import annotations

from chronist.entities.coreference import TypedMention, canonical, cluster_mentions, group_type
from chronist.entities.corpus import spans_of
from chronist.entities.gazetteer_pass import known_names
from chronist.entities.model import tag_sentences
from chronist.entities.names import has_names, recognize_names
from chronist.entities.places import gazetteer, resolve_places
from chronist.entities.resources import lexicon
from chronist.entities.types import Entity, EntityType, Mention
from chronist.errors import OptionError
from chronist.text.document import Document
from chronist.text.tokens import Token

__all__ = ["find_mentions", "recognize"]

SUPPORTED_LANGUAGES = frozenset({"de"})
_TYPES = {t.value: t for t in EntityType}
_EDGE_PUNCT = frozenset("\"'„“”»«‚‘’()[]-–—,.:;")


def _tagged_mentions(text: str, sentences: list[list[Token]]) -> list[TypedMention]:
    labels = tag_sentences([[t.text for t in s] for s in sentences])
    found: list[TypedMention] = []
    for sentence, tags in zip(sentences, labels, strict=True):
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


def _propagate(tokens: list[Token], found: list[TypedMention]) -> list[TypedMention]:
    """Document-level consistency: tag further occurrences of a one-word name
    (or a person's surname) found elsewhere in the document, and its genitive,
    where the tagger missed them; a person's name found in the document wins
    over another type for the same word."""
    names: dict[str, EntityType] = {}
    for m in found:
        words = m.mention.text.split()
        if len(words) == 1 and len(words[0]) > 2:
            names.setdefault(words[0], m.type)
        elif m.type is EntityType.PER and len(words[-1]) > 2 and words[-1][:1].isupper():
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
    covered = {i for m in found for i in range(m.mention.start, m.mention.end)}
    extra: list[TypedMention] = []
    for token in tokens:
        if token.start in covered or not token.text[:1].isupper():
            continue
        kind = names.get(token.text)
        if kind is None and token.text.endswith("s"):
            kind = names.get(token.text[:-1])
        if kind is not None:
            extra.append(TypedMention(Mention(token.text, token.start, token.end), kind))
    return sorted([*found, *extra], key=lambda m: m.mention.start)


def _retype_countries(group: list[TypedMention], kind: EntityType) -> EntityType:
    """A country's name is a place, whatever the tagger said ("Rotchina")."""
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


def find_mentions(document: Document) -> list[TypedMention]:
    """Every entity mention of the document, typed, in text order (no grouping).

    >>> [(m.mention.text, m.type.value) for m in find_mentions(Document("Truman traf Stalin."))]
    [('Truman', 'PER'), ('Stalin', 'PER')]
    """
    sentences = [document.tokens_in(start, end) for start, end in document.sentences]
    sentences = [sentence for sentence in sentences if sentence]
    return _propagate(document.tokens, _tagged_mentions(document.text, sentences))


def recognize(text: str | Document, lang: str = "de") -> list[Entity]:
    """Persons, places and organisations in ``text`` (or a document, whose own
    language counts), one :class:`Entity` each, with all their mentions; places
    resolved to coordinates where possible.

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
    groups = cluster_mentions(find_mentions(document))
    typed = [(group, _retype_countries(group, group_type(group))) for group in groups]
    place_names = [m.mention.text for group, kind in typed if kind is EntityType.LOC for m in group]
    places = resolve_places(place_names) if place_names else {}
    entities: list[Entity] = []
    for group, kind in typed:
        head = _base_form(canonical(group))
        mentions = tuple(m.mention for m in group)
        place = None
        if kind is EntityType.LOC:
            order = [head.text, *(m.text for m in mentions)]
            place = next((p for name in order if (p := places.get(name)) is not None), None)
        entities.append(
            Entity(
                text=head.text,
                type=kind,
                start=head.start,
                end=head.end,
                mentions=mentions,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                gazetteer_id=place.gazetteer_id if place else None,
                resolved=place is not None,
            )
        )
    return entities

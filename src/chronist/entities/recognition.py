"""``recognize``: persons, places and organisations in a German document.

The tagger's mentions are propagated through the document, filtered
(:mod:`chronist.entities.mention_filters`), joined and split by the name passes,
grouped into entities, and each place entity resolved from what the document says
about it (:mod:`chronist.entities.place_clues`, :mod:`chronist.entities.evidence`).
"""

from __future__ import annotations

from itertools import tee

from chronist.entities.aliases import add_aliases, alias_names
from chronist.entities.coreference import TypedMention, canonical, cluster_mentions, group_type
from chronist.entities.corpus import spans_of
from chronist.entities.cut_compounds import completed_name
from chronist.entities.evidence import resolve_entities
from chronist.entities.given_name_places import given_names_of_persons, join_place_and_surname
from chronist.entities.language import EntityFacts, entity_facts
from chronist.entities.mention_filters import keep_mention
from chronist.entities.model import tag_each
from chronist.entities.name_lexicon import known_names
from chronist.entities.names import has_names, recognize_names
from chronist.entities.person_names import (
    is_territory,
    join_given_names,
    join_name_particles,
    join_person_places,
    split_ruler_territory,
    split_title,
    titled_persons,
    trim_lowercase,
)
from chronist.entities.place_clues import (
    after_renaming,
    base_form,
    common_noun,
    countries_named_after,
    cues_before,
    noun_like,
    placed_by_words,
    ruled_names,
    unknown_as_place,
    vouched_for,
    years_near,
)
from chronist.entities.place_evidence import PlaceEvidence
from chronist.entities.place_pairs import (
    split_body_place,
    split_known_person_place,
    split_noun_genitive,
    split_place_pair,
)
from chronist.entities.places import gazetteer
from chronist.entities.quarters import place_quarters
from chronist.entities.span_index import SpanIndex
from chronist.entities.territories import (
    after_site_phrase,
    ruled_place,
    site_place,
    territory_type,
)
from chronist.entities.town_sites import place_town_sites
from chronist.entities.types import Entity, EntityType, Mention
from chronist.errors import OptionError
from chronist.text.document import Document, Tokens

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
    tagged = tag_each(([t.text for t in s] for s in read), hyphens_split=False)
    for sentence, tags in zip(held, tagged, strict=True):
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


def _propagate(tokens: Tokens, found: list[TypedMention], facts: EntityFacts) -> list[TypedMention]:
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
    covered = SpanIndex([(m.mention.start, m.mention.end) for m in found])
    extra: list[TypedMention] = []
    for index, word in enumerate(tokens.texts):
        if not word[:1].isupper():
            continue
        kind = names.get(word)
        if kind is None and word.endswith("s"):
            kind = names.get(word[:-1])
        if kind is None:
            continue
        token = tokens[index]
        if not covered.overlap(token.start, token.start + 1):
            extra.append(TypedMention(Mention(word, token.start, token.end), kind))
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
    split = [p for m in split for p in split_body_place(m)]
    split = [p for m in split for p in split_noun_genitive(m)]
    spans = SpanIndex(timex_spans)
    kept = [m for m in split if keep_mention(m, document, spans, facts)]
    kept = [_organisation_of(m, document.text, facts) for m in kept]
    kept = [site_place(m, document.text, facts) for m in kept]
    kept = [territory_type(ruled_place(m, document.text, facts), facts) for m in kept]
    joined = join_given_names(document.text, join_name_particles(document.text, kept, facts))
    joined = split_known_person_place(join_person_places(document.text, joined, facts))
    joined = titled_persons(document.text, join_place_and_surname(document.text, joined), facts)
    joined = given_names_of_persons(joined)
    joined = _organisations_other_names(document.text, joined)
    return add_aliases(document.text, _add_institutions(document, joined, facts))


def _organisations_other_names(text: str, found: list[TypedMention]) -> list[TypedMention]:
    """``Universität Tartu (Dorpat)``: a town's other name in parentheses right after an
    organisation named with that town is the organisation's other name, no place's
    mention (left out: as a name of its own it would join the town's other mentions)."""
    dropped: set[int] = set()
    for index in range(1, len(found)):
        org, place = found[index - 1], found[index]
        if org.type is not EntityType.ORG or place.type is not EntityType.LOC:
            continue
        between = text[org.mention.end : place.mention.start]
        if between != " (" or text[place.mention.end : place.mention.end + 1] != ")":
            continue
        last = org.mention.text.rsplit(" ", 1)[-1]
        town = {p.gazetteer_id for p in gazetteer().get(last, ())}
        if town & {p.gazetteer_id for p in gazetteer().get(place.mention.text, ())}:
            dropped.add(index)
    return [m for i, m in enumerate(found) if i not in dropped] if dropped else found


def _add_institutions(
    document: Document, found: list[TypedMention], facts: EntityFacts
) -> list[TypedMention]:
    """``des Kongresses``, ``der Senat``: an institution after an article is an organisation."""
    covered = SpanIndex([(m.mention.start, m.mention.end) for m in found])
    extra = []
    tokens = document.tokens
    words = tokens.texts
    for index in range(1, len(words)):
        if words[index] not in facts.institutions:
            continue
        token = tokens[index]
        after_article = words[index - 1].lower() in facts.articles
        if after_article and not covered.overlap(token.start, token.start + 1):
            extra.append(TypedMention(Mention(token.text, token.start, token.end), EntityType.ORG))
    return sorted([*found, *extra], key=lambda m: m.mention.start) if extra else found


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
    heads = [base_form(canonical(group)) for group, _ in typed]
    _, years = _timex_layer(document)
    places = [i for i, (_, kind) in enumerate(typed) if kind is EntityType.LOC]
    evidence = []
    for i in places:
        mentions = tuple(m.mention for m in typed[i][0])
        ruled = ruled_names(document, mentions, facts)
        ruled += tuple(
            filter(None, (completed_name(document.text, m.start, m.end, facts) for m in mentions))
        )
        names = tuple(dict.fromkeys([heads[i].text, *(m.text for m in mentions), *ruled]))
        other = tuple(sorted({a for name in names for a in aliases.get(name, ())} - set(names)))
        cues, near = cues_before(document, mentions, facts), years_near(mentions, years)
        noun = noun_like(document, mentions, facts)
        cued = any(after_site_phrase(document.text, m.start, facts) for m in mentions)
        # "Konferenz von Sanremo", "Reichstadt (heute Zákupy)": the text says it is a place
        cued = cued or any(after_renaming(document.text, m.start, facts) for m in mentions)
        unknown = unknown_as_place(mentions) and not cued
        vouched = vouched_for(document, mentions, facts)
        by_name = vouched and not placed_by_words(document, mentions, facts)
        common = common_noun(document, mentions, facts)
        evidence.append(
            PlaceEvidence(
                names,
                cues,
                near,
                other,
                noun,
                unknown,
                vouched,
                by_name,
                common_noun=common,
                in_countries=countries_named_after(document, mentions),
            )
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
    entities = place_quarters(document.text, document.sentences, entities, facts)
    return place_town_sites(entities, facts)

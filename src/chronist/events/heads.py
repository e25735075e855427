"""Which triggers of a clause head an event: verbs per conjunct, light verbs
alone, event nouns that are more than a lone generic word, and the conjunct
whose date an event takes first.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from chronist.events.labels import joins_clauses
from chronist.events.lexicon import Form, Lexicon, Markers, OpenVerbs, TriggerEntry, TriggerKind
from chronist.events.trigger_hit import TriggerHit
from chronist.text.clauses import Segment, SegmentKind
from chronist.text.tokens import Token

__all__ = [
    "argument",
    "conjunct",
    "coordinated_noun",
    "frame_date",
    "framing",
    "idiom",
    "light_alone",
    "lone",
    "lone_generic",
    "onset",
    "open_verbs_kept",
    "same_conjunct",
    "tokens_of",
    "waiting",
    "zu_complement",
]


def argument(tokens: list[Token], noun: TriggerHit, markers: Markers) -> bool:
    """An event noun as the goal or topic of something else (``für einen Krieg``,
    ``zur Verteidigung``), not a statement that it happened."""
    before = [t.text.lower() for t in tokens[max(0, noun.index - 3) : noun.index]]
    return any(word in markers.argument_prepositions for word in before)


def framing(
    tokens: list[Token],
    noun: TriggerHit,
    markers: Markers,
    prepositions: frozenset[str] = frozenset(),
) -> int | None:
    """The index of the preposition when an event noun stands in a prepositional
    phrase that frames its clause's own event (``Nach dem Tod``, ``mit der
    ersten Teilung``, ``Nach der Zweiten Wiener Türkenbelagerung``; any of
    ``prepositions`` instead when given): an article and adjectives between,
    capitalised ones only after the article."""
    words = prepositions or markers.frame_prepositions
    articles = markers.definite | markers.indefinite
    named = False  # a capitalised word before the noun: only after an article
    for index in range(noun.index - 1, max(-1, noun.index - 5), -1):
        token = tokens[index]
        lower = token.text.lower()
        if lower in words:
            return None if named else index
        if lower in articles:
            named = False  # "der Zweiten Wiener Türkenbelagerung"
        elif not token.is_word:
            return None
        elif token.is_capitalised and index > 0:
            named = True
    return None


def open_verbs_kept(
    verbs: list[TriggerHit],
    segment: Segment,
    tokens: list[Token],
    markers: Markers,
    dated: frozenset[int] = frozenset(),
) -> list[TriggerHit]:
    """A clause's listed verbs; in each conjunct of a main clause without one
    (``präsentierte ... und aktualisierte ...``), its first verb found by form
    alone (one event per conjunct). A relative clause with an unlisted verb
    describes rather than tells, unless it has a date of its own (``..., der
    1525 der Stadt zufiel``), is a passive in the past (``..., die dem
    Bischof geschenkt wurde``) or tells a first in the past (``..., der als
    Erster den Sehnerv beschrieb``); so does a reason (``Da ... gefunden wurde``)."""
    listed = [h for h in verbs if not h.entry.open]
    own_date = any(segment.first <= i < segment.last for i in dated)
    # "..., die dem Bischof geschenkt wurde": a dynamic passive in the past happened
    past_passive = markers.passive & markers.past
    done = any(tokens[i].text.lower() in past_passive for i in range(segment.first, segment.last))
    if segment.kind is SegmentKind.RELATIVE and (own_date or done):
        return listed or [h for h in verbs if h.entry.open][:1]
    # "..., der als Erster den Sehnerv beschrieb": a first told in the past happened
    first = any(
        tokens[i].text.lower() in markers.first_time for i in range(segment.first, segment.last)
    )
    if segment.kind is SegmentKind.RELATIVE and first:
        return listed or [h for h in verbs if h.entry.open and h.entry.past][:1]
    # "Weil Magdeburg sich 1548 weigerte, ...": a dated reason happened too, and so
    # did one told as a passive in the past ("Da Ötzi ... gefunden wurde, ...")
    if segment.kind is SegmentKind.BACKGROUND and (own_date or done):
        return listed or [h for h in verbs if h.entry.open][:1]
    if segment.kind is not SegmentKind.MAIN:
        return listed
    joins = [i for i in range(segment.first, segment.last) if joins_clauses(tokens, i, markers)]

    def conjunct(index: int) -> int:
        return bisect_right(joins, index)

    taken = {conjunct(h.index) for h in listed}
    kept = list(listed)
    for hit in verbs:
        part = conjunct(hit.index)
        # beside another verb, not an infinitive-shaped form ("war Nordkorea überlegen")
        bare = bool(kept) and hit.entry.form is Form.PARTICIPLE and hit.particle is None
        if hit.entry.open and part not in taken and not bare:
            taken.add(part)
            kept.append(hit)
    return sorted(kept, key=lambda h: h.index)


def light_alone(
    tokens: list[Token],
    lights: list[TriggerHit],
    segment: Segment,
    lexicon: Lexicon,
    verbs: frozenset[int] = frozenset(),
    dated: frozenset[int] = frozenset(),
) -> list[TriggerHit]:
    """A light verb in the past with no event noun in its clause tells the
    event itself: ``wurde Kenia unabhängig``, ``kamen die Juden``, ``begann das
    archaische Zeitalter`` (not the states of ``[open_verbs] not_events``, but
    ``becoming``: ``wurde`` without a participle, none of the verb forms
    ``verbs`` closing its conjunct, is a change of state)."""
    open_verbs = lexicon.open_verbs
    if segment.kind is not SegmentKind.MAIN or open_verbs is None:
        return []
    if not any(t.is_capitalised for t in tokens[segment.first + 1 : segment.last]):
        return []  # nobody and nothing named: "Danach kam es."
    joins = [
        i for i in range(segment.first, segment.last) if joins_clauses(tokens, i, lexicon.markers)
    ]
    told: dict[int, TriggerHit] = {}  # one per conjunct: "wurde Kenia unabhängig und ..."
    by_index = {hit.index: hit for hit in lights}
    for hit in lights:
        closing = _verb_last(tokens, hit, segment, joins, verbs)
        if hit.lemma in open_verbs.becoming and closing in by_index:
            hit = by_index[closing]  # "wurde mit dem Bau begonnen": the participle tells it
            allowed = True
        else:
            allowed = (
                hit.lemma not in open_verbs.not_events
                or (hit.lemma in open_verbs.becoming and closing is None)
                or (
                    # "gelang 1867 das erste Hole in One": success told of a thing, not
                    # of a zu-infinitive ("gelang es, ... niederzuschlagen")
                    hit.lemma in lexicon.markers.success_verbs
                    and not _zu_infinitive(tokens, segment, open_verbs)
                )
            ) and not (
                # "begannen, die Stadt zu plündern": the infinitive tells the event
                hit.lemma in lexicon.markers.success_verbs
                and _zu_infinitive(tokens, segment, open_verbs)
            )
        # a present form with a date of its own tells the past too ("beginnt 1885 mit ...")
        narrated = hit.entry.past or any(segment.first <= i < segment.last for i in dated)
        past = (narrated and hit.entry.form is Form.FINITE) or hit.index == closing
        if past and allowed:
            event = replace(hit, entry=replace(hit.entry, type=open_verbs.type, open=True))
            told.setdefault(bisect_right(joins, hit.index), event)
    return list(told.values())


def coordinated_noun(
    tokens: list[Token], before: TriggerHit, noun: TriggerHit, markers: Markers
) -> bool:
    """Whether ``noun`` is joined to the event noun ``before`` by ``und`` and its
    article, or by ``und`` alone under one determiner, with no punctuation between
    (``der Überführung der Kronjuwelen ... 1783 und der Verlegung der Verwaltung``,
    ``seines Prozesses und Todes``): the two share what is said of them."""
    if noun.index < 2 or noun.index <= before.index:
        return False
    join = noun.index - 1
    if tokens[join].text.lower() in markers.definite | markers.indefinite:
        join -= 1
    elif join != before.index + 1:
        return False  # under one determiner: right after the first noun
    if tokens[join].text.lower() not in markers.coordination:
        return False
    return not any(t.text in ",;:()" for t in tokens[before.index + 1 : join])


def _zu_infinitive(tokens: list[Token], segment: Segment, open_verbs: OpenVerbs) -> bool:
    """Whether the sentence has a zu-infinitive from the segment on (``zu erobern``,
    ``niederzuschlagen``); ``tokens`` are the sentence's."""
    zu = open_verbs.zu
    for token in tokens[segment.first :]:
        lower = token.text.lower()
        if lower == zu or (zu in lower[1:] and lower.replace(zu, "", 1) in open_verbs.infinitives):
            return True
    return False


def _verb_last(
    tokens: list[Token], hit: TriggerHit, segment: Segment, joins: list[int], verbs: frozenset[int]
) -> int | None:
    """The verb form closing the conjunct of ``hit``, if one does (``wurde ... gewählt``)."""
    at = bisect_right(joins, hit.index)
    end = joins[at] if at < len(joins) else segment.last
    words = [i for i in range(hit.index + 1, end) if tokens[i].is_word]
    return words[-1] if words and words[-1] in verbs else None


def waiting(noun: TriggerHit, hits: list[TriggerHit], pieces: list[Segment]) -> bool:
    """A listed event noun that a light verb of another clause may tell of: in
    the same clause, or in one with no verb of its own (``Die Erlaubnis, ...,
    folgte``; not ``kam es zur Clubgründung, Kontinentaleuropa startete``)."""
    if noun.kind is not TriggerKind.NOUN or noun.entry.open:
        return False
    own = next((p for p in pieces if p.first <= noun.index < p.last), None)
    if own is None:
        return True
    return not any(h.kind is not TriggerKind.NOUN and own.first <= h.index < own.last for h in hits)


def lone_generic(
    tokens: list[Token],
    noun: TriggerHit,
    own: tuple[int, int] | None,
    lights: list[TriggerHit],
    markers: Markers,
) -> bool:
    """A generic event noun (``Krieg``, ``Hilfe``) that the sentence says nothing
    more of: no date of its own, no light verb making it happen (``der Krieg
    begann``), no genitive or name after it (``Krieg gegen Serbien``)."""
    if noun.lemma not in markers.generic_nouns or own is not None or lights:
        return False
    following = tokens[noun.index + 1] if noun.index + 1 < len(tokens) else None
    return following is None or not (
        following.is_capitalised
        or following.text.lower() in markers.genitive_articles
        or following.text.lower() in markers.label_followers
    )


def lone(label: str, markers: Markers) -> bool:
    """A label of one word, perhaps after an article (``Die Erlaubnis``)."""
    words = label.split()
    while len(words) > 1 and words[0].lower() in markers.definite | markers.indefinite:
        words = words[1:]
    return len(words) <= 1


def conjunct(
    tokens: list[Token], segment: Segment, index: int, markers: Markers
) -> tuple[int, int] | None:
    """The offsets of the conjunct of token ``index``: between the ``und``/``aber``
    before and after it in its clause (``None`` when the clause has none)."""
    joins = [i for i in range(segment.first, segment.last) if joins_clauses(tokens, i, markers)]
    if not joins:
        return None
    at = bisect_right(joins, index)
    low = joins[at - 1] + 1 if at else segment.first
    high = joins[at] if at < len(joins) else segment.last
    if low >= high:
        return None
    return tokens[low].start, tokens[high - 1].end


def same_conjunct(
    tokens: list[Token], segment: Segment, first: int, second: int, markers: Markers
) -> bool:
    """Whether tokens ``first`` and ``second`` of a clause stand in the same conjunct
    (no ``und``/``aber`` of the clause between them)."""
    low, high = min(first, second), max(first, second)
    return not any(
        joins_clauses(tokens, i, markers)
        for i in range(max(low, segment.first), min(high, segment.last))
    )


def frame_date(
    tokens: list[Token],
    noun: TriggerHit,
    dates: Sequence[tuple[int, int]],
    verbs: frozenset[int],
) -> tuple[int, int] | None:
    """The date of a framing phrase: the first one after its noun, before any verb
    or punctuation (``Nach der Niederlage des Heeres gegen die Türken 1526 wurde``)."""
    for index in range(noun.index + 1, len(tokens)):
        token = tokens[index]
        date = next((d for d in dates if d[0] <= token.start < d[1]), None)
        if date is not None:
            return date
        if index in verbs or not (token.is_word or token.text == "("):
            return None  # ("Nach einem Aufruhr in der Domfreiheit (1528) kam es ...")
    return None


def tokens_of(tokens: list[Token], spans: dict[int, tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens inside the character ``spans``."""
    if not spans:
        return frozenset()
    inside = spans.values()
    return frozenset(
        i for i, t in enumerate(tokens) if any(s <= t.start and t.end <= e for s, e in inside)
    )


def onset(
    tokens: list[Token], segment: Segment, lexicon: Lexicon, dated: frozenset[int]
) -> TriggerHit | None:
    """A copula with a date its state starts at tells that start (``Augsburg war ab
    etwa 95 n. Chr. Hauptstadt``, ``ist seit dem 28. Juni 2007 verfügbar``): the
    copula as the event, in a main clause with something named in it or in a
    relative clause (``des ersten Impfstoffes, der ab 1963 erhältlich war``)."""
    open_verbs, markers = lexicon.open_verbs, lexicon.markers
    relative = segment.kind is SegmentKind.RELATIVE
    if open_verbs is None or not markers.copula:
        return None
    if segment.kind is not SegmentKind.MAIN and not relative:
        return None
    span = range(segment.first, segment.last)
    starts = any(
        tokens[i].text.lower() in open_verbs.state_starts
        and any(j in dated for j in range(i, min(i + 3, segment.last)))
        for i in span
    ) or any(_closed_start(tokens, i, open_verbs, dated) for i in span)
    copula = next((i for i in span if tokens[i].text.lower() in markers.copula), None)
    if not starts or copula is None:
        return None
    if not relative and not any(tokens[i].is_capitalised for i in span if i > segment.first):
        return None
    token = tokens[copula]
    past = token.text.lower() in markers.past
    entry = TriggerEntry(
        markers.copula[token.text.lower()], TriggerKind.LIGHT, open_verbs.type, Form.FINITE,
        past=past, open=True,
    )  # fmt: skip
    return TriggerHit(copula, entry, token.start, token.end, token.text)


def _closed_start(
    tokens: list[Token], index: int, open_verbs: OpenVerbs, dated: frozenset[int]
) -> bool:
    """Whether token ``index`` closes a date its opening word makes a start: ``an``
    of ``vom Ende des 15. Jahrhunderts an`` (not of ``war am 5. Mai an der Front``)."""
    opening = open_verbs.state_starts_after.get(tokens[index].text.lower())
    if opening is None or index - 1 not in dated:
        return False
    first = index - 1
    while first - 1 in dated:
        first -= 1
    return any(tokens[i].text.lower() in opening for i in (first - 1, first) if i >= 0)


def zu_complement(
    tokens: list[Token], segment: Segment, inside: list[TriggerHit], lexicon: Lexicon
) -> bool:
    """A segment that ends in a zu-infinitive that tells no event (``um ... zu
    erobern``, ``einen Friedensvertrag auszuhandeln``): a goal or complement."""
    open_verbs = lexicon.open_verbs
    words = [i for i in range(segment.first, segment.last) if tokens[i].is_word]
    if open_verbs is None or not words or any(h.kind is not TriggerKind.NOUN for h in inside):
        return False
    last = words[-1]
    lower, zu = tokens[last].text.lower(), lexicon.markers.zu
    if last > segment.first and tokens[last - 1].text == zu:
        return lower in open_verbs.infinitives
    at = lower.find(zu, 1)
    return at > 0 and lower[:at] + lower[at + len(zu) :] in open_verbs.infinitives


def idiom(tokens: list[Token], index: int, markers: Markers) -> bool:
    """An event noun right after a preposition without an article (``in Auftrag``)."""
    before = tokens[index - 1].text.lower() if index else ""
    prepositions = markers.prepositions - markers.definite_contractions
    return before in prepositions

"""Merging across documents: one person, place or event however many documents tell it.

**Entities** are merged by :class:`~chronist.store.people.EntityIndex`.

**Events.** A document's mentions that repeat one happening (a lead and a
later section: the same word, overlapping stated times of a month or less,
sentences in common; or overlapping times of any grain and a participant or
place in common) are first joined into a chain (:func:`chains`). A chain
joins the merged event whose evidence of telling the same happening scores
highest (for any of its mentions) and at least
:data:`~chronist.store.matching.THRESHOLD` (:mod:`chronist.store.matching`:
the word, the time, the participants and places, added up), provided that
event is not already told by the same document and is as factual as it
(asserted or reported versus conditional, planned, ...). Otherwise the chain
starts a merged event. The candidates come from blocks, so that
merging stays fast on a large store: merged events sharing a participant,
place or topic and the word (lemma or its group) or the type, or the word and
a year (for times no wider than ten years), or an entity and a stated month
between a generic word and any other (``begann`` and ``Angriff`` on one day).

Merging is incremental: :class:`MergeIndex` is loaded from the store when an
ingest starts and updated with every document; a replaced document's mentions
leave their merged events first. Where the mentions disagree on the date,
each reading (an EDTF value) keeps its documents; the merged event takes the
reading most documents give (ties: the more precise one, then the first seen).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from chronist.store.matching import OPEN, THRESHOLD, entity_fit, text_fit, time_fit, word_fit
from chronist.store.people import EntityIndex
from chronist.store.schema import day_key

__all__ = [
    "EntityIndex", "MentionInfo", "MergeIndex", "MergedEvent", "Reading", "chains", "topic_of",
    "topics_of",
]  # fmt: skip

# Times stated in the mention's own clause (else inferred from the narrative around it)
_STATED = frozenset({"explicit", "reference-event"})
# A time at most this many years wide is blocked by year (wider ones by entities only)
BLOCK_YEARS = 10
_YEAR = 372  # days of a year in day numbers (:func:`_ordinal`)
# Two mentions of one document tell one happening (:func:`chains`) with the same
# word, stated times of this evidence (a month or narrower, overlapping) and
# sentences sharing at least this much (:func:`~chronist.store.matching.text_fit`)
CHAIN_TIME = 2.5
# A stated time at most this many days wide is also blocked by month, for any word
MONTH_BLOCK_DAYS = 62
CHAIN_WORDS = 0.5
# ... or with the same word, times that overlap at any grain (stated or inferred), a
# participant or place in common and sentences sharing at least this much
CHAIN_PARTICIPANT_WORDS = 1.0


def _keys(time: tuple[str | None, ...]) -> tuple[int, int] | None:
    """First and last possible day as day keys (``None`` when nothing is known)."""
    eb, lb, ee, le = (day_key(d) for d in time[2:6])
    low = next((k for k in (eb, lb, ee, le) if k is not None), None)
    high = next((k for k in (le, ee, lb, eb) if k is not None), None)
    if low is None or high is None:
        return None
    return (min(low, high), max(low, high))


def _span(time: tuple[str | None, ...]) -> tuple[int, int] | None:
    """The days the event may cover, as day numbers: from its earliest begin to its
    latest end, an unknown side open (:data:`OPEN`); ``None`` when no bound is known.

    Two mentions can tell one event only if these overlap (the four bounds'
    test: each may begin before the other's latest end).

    >>> _span((None, "1920/..", "1920-01-01", "1920-01-01", "1920-01-01", None, "", ""))[1]
    1099511627776
    >>> _span((None, None, None, None, None, None, "", "")) is None
    True
    """
    bounds = [day_key(d) for d in time[2:6]]
    if all(b is None for b in bounds):
        return None
    eb, _lb, _ee, le = bounds
    low = -OPEN if eb is None else _ordinal(eb)
    high = OPEN if le is None else _ordinal(le)
    return (min(low, high), max(low, high))


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """What merging needs of one event mention (a document's event)."""

    doc: str
    seq: int
    type: str
    lemma: str
    label: str
    confidence: float
    hypothetical: bool
    entities: frozenset[int]
    places: frozenset[int]
    time: tuple[str | None, ...]  # value, edtf, four bounds, source, text
    topic: frozenset[int] = frozenset()  # the document's main entity (see :func:`topic_of`)
    group: str | None = None  # the lemma's group of one happening (``lang/<xx>/merge.toml``)
    generic: bool = False  # a lemma that tells little alone (``werden``)
    words: tuple[str, ...] = ()  # the sentence's content words (stems, sorted)
    keys: tuple[int, int] | None = field(init=False, default=None, compare=False)
    interval: tuple[int, int] | None = field(init=False, default=None, compare=False)

    def __post_init__(self) -> None:
        # computed once: every candidate comparison reads them
        keys = _keys(self.time)
        object.__setattr__(self, "keys", keys)
        object.__setattr__(self, "interval", _span(self.time))

    @property
    def context(self) -> frozenset[int]:
        """The entities that make two mentions comparable: participants, place, topic."""
        return self.entities | self.places | self.topic

    @property
    def edtf(self) -> str | None:
        return self.time[1]

    @property
    def explicit(self) -> frozenset[int]:
        """Participants and place."""
        return self.entities | self.places

    @property
    def stated(self) -> bool:
        """The time is stated in the mention's own clause, not inferred."""
        return self.time[6] in _STATED

    @property
    def word(self) -> str:
        """What blocks the mention's word: its group, else its lemma."""
        return self.group or self.lemma


@dataclass(frozen=True, slots=True)
class Reading:
    """One date the sources give for a merged event, with the documents that give it."""

    edtf: str | None
    mention: MentionInfo  # the most confident mention giving it
    documents: tuple[str, ...]

    @property
    def agreement(self) -> int:
        return len(self.documents)


@dataclass(slots=True)
class MergedEvent:
    id: int
    mentions: dict[tuple[str, int], MentionInfo] = field(default_factory=dict)
    # kept up to date by :meth:`refresh`, read for every candidate mention
    head: MentionInfo | None = None
    documents: set[str] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    topics: set[int] = field(default_factory=set)
    words: tuple[str, ...] = ()  # of all its mentions (one mention's own tuple: no copy)
    entities: set[int] = field(default_factory=set)  # with the documents' topics
    explicit: set[int] = field(default_factory=set)  # participants and places only
    generic: bool = False  # all its lemmas are generic (``werden``)
    grouped: bool = False  # all its lemmas belong to groups of one happening

    def refresh(self) -> None:
        values = self.mentions.values()
        self.documents = {m.doc for m in values}
        self.lemmas = {m.lemma for m in values}
        self.groups = {m.group for m in values if m.group is not None}
        self.types = {m.type for m in values}
        self.topics = {e for m in values for e in m.topic}
        if len(self.mentions) == 1:
            self.words = next(iter(values)).words
        else:
            self.words = tuple(sorted({w for m in values for w in m.words}))
        self.entities = {e for m in values for e in m.context}
        self.explicit = {e for m in values for e in m.entities | m.places}
        self.generic = all(m.generic for m in values)
        self.grouped = all(m.group is not None and not m.generic for m in values)
        self.head = self.readings()[0].mention if self.mentions else None

    def readings(self) -> list[Reading]:
        """The dates given, best supported first."""
        groups: dict[str | None, list[MentionInfo]] = {}
        for mention in self.mentions.values():
            groups.setdefault(mention.edtf, []).append(mention)
        readings = []
        for edtf, mentions in groups.items():
            best = max(mentions, key=lambda m: (m.confidence, -m.seq))
            readings.append(Reading(edtf, best, tuple(sorted({m.doc for m in mentions}))))

        def support(reading: Reading) -> tuple[int, int, int]:
            interval = reading.mention.interval
            width = interval[1] - interval[0] if interval else 1 << 40
            return (-reading.agreement, int(reading.edtf is None), width)

        return sorted(readings, key=support)

    def summary(self) -> tuple[object, ...]:
        """The ``merged_events`` row."""
        readings = self.readings()
        best = readings[0].mention
        types = Counter(m.type for m in self.mentions.values())
        lemmas = Counter(m.lemma for m in self.mentions.values())
        interval = best.keys
        value, edtf, eb, lb, ee, le, source, text = best.time
        return (
            self.id, best.label, types.most_common(1)[0][0], lemmas.most_common(1)[0][0],
            value, edtf, eb, lb, ee, le, source, text,
            None if interval is None else interval[0], None if interval is None else interval[1],
            len(self.documents), len(self.mentions), len(readings), best.hypothetical,
        )  # fmt: skip


@dataclass(slots=True)
class MergeIndex:
    """The merged events and entities of a store, kept in memory by the one writer."""

    entities: EntityIndex = field(default_factory=EntityIndex)
    events: dict[int, MergedEvent] = field(default_factory=dict)
    # (entity, "t:" + type or "l:" + lemma), or (day, "d:" + lemma) -> merged events:
    # the candidates of a mention
    blocks: dict[tuple[int, str], set[int]] = field(default_factory=dict)
    where: dict[tuple[str, int], int] = field(default_factory=dict)
    # mentions with each content word, and all mentions: how rare a shared word is
    frequency: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    next_id: int = 1
    dirty: set[int] = field(default_factory=set)

    def _attach(self, merged: MergedEvent, mention: MentionInfo) -> None:
        merged.mentions[(mention.doc, mention.seq)] = mention
        self.where[(mention.doc, mention.seq)] = merged.id
        self.frequency.update(mention.words)
        self.mentions += 1
        for key in _blocks(mention):
            self.blocks.setdefault(key, set()).add(merged.id)
        merged.refresh()
        self.dirty.add(merged.id)

    def load(self, merged_id: int, mention: MentionInfo) -> None:
        """Put back a mention already merged in the store (when an ingest starts)."""
        merged = self.events.get(merged_id)
        if merged is None:
            merged = self.events[merged_id] = MergedEvent(merged_id)
        self._attach(merged, mention)
        self.next_id = max(self.next_id, merged_id + 1)

    def add(self, mention: MentionInfo) -> int:
        """The merged event the mention joins (a new one if none fits)."""
        return self.add_document([mention])[0]

    def add_document(self, mentions: list[MentionInfo]) -> list[int]:
        """The merged events a document's mentions join, in their order.

        First the document's repeated mentions of one happening are joined
        (:func:`chains`: a lead and a later section telling the same event).
        Then the best supported pairs of a chain and a merged event are settled
        first, whatever the order of the mentions: each chain joins at most one
        merged event and each merged event takes at most one chain of the
        document; the rest start merged events of their own.
        """
        groups = chains(mentions, self.frequency, self.mentions)
        pairs: list[tuple[tuple[float, int], int, int]] = []
        for number, members in enumerate(groups):
            best: dict[int, tuple[float, int]] = {}
            for member in members:
                mention = mentions[member]
                candidates: set[int] = set()
                for key in _blocks(mention, query=True):
                    candidates |= self.blocks.get(key, set())
                for merged_id in candidates:
                    score = self._score(self.events[merged_id], mention)
                    if score is not None and score > best.get(merged_id, (float("-inf"), 0)):
                        best[merged_id] = score
            pairs.extend((score, -number, merged_id) for merged_id, score in best.items())
        chosen: dict[int, int] = {}
        taken: set[int] = set()
        for _score, number, merged_id in sorted(pairs, reverse=True):
            if -number not in chosen and merged_id not in taken:
                chosen[-number] = merged_id
                taken.add(merged_id)
        found = [0] * len(mentions)
        for number, members in enumerate(groups):
            if number in chosen:
                merged = self.events[chosen[number]]
            else:
                merged = self.events[self.next_id] = MergedEvent(self.next_id)
                self.next_id += 1
            for member in members:
                self._attach(merged, mentions[member])
                found[member] = merged.id
        return found

    def _score(self, merged: MergedEvent, mention: MentionInfo) -> tuple[float, int] | None:
        """The evidence that the mention tells the merged event (``None``: too little)."""
        head = merged.head
        if head is None or mention.doc in merged.documents:
            return None
        if head.hypothetical != mention.hypothetical:
            return None
        word = word_fit(
            mention.lemma, mention.group, mention.type,
            merged.lemmas, merged.groups, merged.types, mention.generic,
            only_generic=merged.generic, only_grouped=merged.grouped,
        )  # fmt: skip
        if word is None:
            return None
        time = time_fit(head.interval, mention.interval, stated=head.stated and mention.stated)
        if time is None:
            return None
        topic_shared = bool(mention.topic & merged.entities or mention.context & merged.topics)
        entities = entity_fit(mention.explicit, merged.explicit, topic_shared)
        text = text_fit(mention.words, merged.words, self.frequency, self.mentions)
        total = word + time + entities + text
        if total < THRESHOLD:
            return None
        return (total, -merged.id)  # among equals the first merged event

    def remove_document(self, doc: str) -> None:
        """Take a replaced document's mentions out of their merged events."""
        for key in [k for k in self.where if k[0] == doc]:
            merged = self.events[self.where.pop(key)]
            self.frequency.subtract(merged.mentions[key].words)
            self.mentions -= 1
            del merged.mentions[key]
            merged.refresh()
            self.dirty.add(merged.id)
            if not merged.mentions:
                del self.events[merged.id]
        for merged_ids in self.blocks.values():
            merged_ids.intersection_update(self.events)

    def take_dirty(self) -> tuple[list[tuple[object, ...]], list[tuple[int, int, str]], set[int]]:
        """Rows of the merged events changed since the last call, and all their ids."""
        ids = set(self.dirty)
        self.dirty.clear()
        events: list[tuple[object, ...]] = []
        links: list[tuple[int, int, str]] = []
        for merged_id in sorted(ids):
            merged = self.events.get(merged_id)
            if merged is None:
                continue
            events.append(merged.summary())
            roles: dict[int, str] = {}
            for mention in merged.mentions.values():
                for entity in mention.places:
                    roles.setdefault(entity, "place")
                for entity in mention.entities:
                    roles[entity] = "participant"
            links.extend((merged_id, entity, role) for entity, role in sorted(roles.items()))
        return events, links, ids


def chains(mentions: list[MentionInfo], frequency: dict[str, int], total: int) -> list[list[int]]:
    """A document's mentions (their indices, in order) grouped by the happening they tell.

    Two mentions of one document are one happening when they have the same
    word (lemma or group, not a generic one), are told as equally factual, and
    either their stated times overlap and are a month or narrower
    (:data:`CHAIN_TIME`) and their sentences share content words
    (:data:`CHAIN_WORDS`), or their times overlap at any grain (a year, a
    narrative's span: ``1982`` and ``1982/1989``), they name a participant or
    place in common and their sentences share more (:data:`CHAIN_PARTICIPANT_WORDS`).
    Chains are joined only when no two of their mentions exclude each other
    (:func:`_apart`), so a chain never runs from one battle to the next through
    a vaguer mention in between. ``frequency`` and ``total`` weigh the shared
    words as in :func:`~chronist.store.matching.text_fit`.
    """
    parent = list(range(len(mentions)))
    members = [[number] for number in range(len(mentions))]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_word: dict[str, list[int]] = {}
    for number, mention in enumerate(mentions):
        if not mention.generic and mention.interval is not None:
            by_word.setdefault(mention.word, []).append(number)
    for numbers in by_word.values():
        for n, i in enumerate(numbers):
            for j in numbers[n + 1 :]:
                first, second = root(i), root(j)
                if first == second or not _one_happening(
                    mentions[i], mentions[j], frequency, total
                ):
                    continue
                if any(
                    _apart(mentions[a], mentions[b])
                    for a in members[first]
                    for b in members[second]
                ):
                    continue
                parent[second] = first
                members[first] += members[second]
    groups: dict[int, list[int]] = {}
    for number in range(len(mentions)):
        groups.setdefault(root(number), []).append(number)
    return sorted(groups.values())


def _one_happening(
    first: MentionInfo, second: MentionInfo, frequency: dict[str, int], total: int
) -> bool:
    """Two mentions of one document with the same word tell one happening (:func:`chains`)."""
    if first.hypothetical != second.hypothetical:
        return False
    time = time_fit(first.interval, second.interval)
    if time is None:
        return False
    if first.stated and second.stated and time >= CHAIN_TIME:
        return text_fit(first.words, second.words, frequency, total) >= CHAIN_WORDS
    if not first.explicit & second.explicit:
        return False
    return text_fit(first.words, second.words, frequency, total) >= CHAIN_PARTICIPANT_WORDS


def _apart(first: MentionInfo, second: MentionInfo) -> bool:
    """Two mentions that cannot tell one happening: told as differently factual, or
    times that exclude each other."""
    if first.hypothetical != second.hypothetical:
        return True
    return (
        first.interval is not None
        and second.interval is not None
        and (time_fit(first.interval, second.interval) is None)
    )


def _blocks(mention: MentionInfo, *, query: bool = False) -> list[tuple[int, str]]:
    """The keys under which a mention is found (``query``: its candidates are found)."""
    word = mention.word
    keys = [(entity, "w:" + word) for entity in mention.context]
    # another word of the type needs shared participants: no topic blocks (too large)
    keys += [(entity, "t:" + mention.type) for entity in mention.explicit]
    interval = mention.interval
    if interval is not None and not mention.generic:
        first, last = interval[0] // _YEAR, interval[1] // _YEAR
        if last - first < BLOCK_YEARS:
            keys += [(year, "y:" + word) for year in range(first, last + 1)]
    if interval is not None and mention.stated and interval[1] - interval[0] <= MONTH_BLOCK_DAYS:
        # a stated day or month: a generic word may tell what another word names, so
        # each kind is found under its own key and looks under the other's
        own = "g:" if mention.generic else "m:"
        if query:
            own = "m:" if mention.generic else "g:"
        months = range(interval[0] // 31, interval[1] // 31 + 1)
        keys += [(entity, f"{own}{month}") for entity in mention.context for month in months]
    return keys


def _ordinal(key: int) -> int:
    """A day key as a day number (31 days a month): ``_ordinal(day_key("-0043-03-15"))``."""
    year, rest = divmod(key, 10000)  # floor division keeps month and day of BC years
    month, day = divmod(rest, 100)
    return year * 372 + (month - 1) * 31 + day - 1


# An entity mentioned at least this often, and more than any other, is what a
# document is about: the implicit participant of its events (``Er gründete ...``
# in a biography, ``Die Briten eroberten die Insel`` in an island's history).
TOPIC_MIN_MENTIONS = 3


def topics_of(mentions: dict[int, int], lead: int | None) -> frozenset[int]:
    """What a document is about: its :func:`topic_of` and the entity it names first
    (the subject of its lead: ``Der FC Schalke 04 ist ein ... Sportverein``), when
    that one is mentioned at least :data:`TOPIC_MIN_MENTIONS` times too.

    >>> sorted(topics_of({7: 12, 9: 4}, 9)), sorted(topics_of({7: 12, 9: 2}, 9))
    ([7, 9], [7])
    """
    first = lead if lead is not None and mentions.get(lead, 0) >= TOPIC_MIN_MENTIONS else None
    return frozenset(entity for entity in (topic_of(mentions), first) if entity is not None)


def topic_of(mentions: dict[int, int]) -> int | None:
    """The document's topic among its entities (``entity -> mentions``), if one stands out.

    >>> topic_of({7: 12, 9: 4}), topic_of({7: 4, 9: 4}), topic_of({7: 2})
    (7, None, None)
    """
    ranked = sorted(mentions.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < TOPIC_MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]

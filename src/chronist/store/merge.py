"""Merging across documents: one person, place or event however many documents tell it.

**Entities** are merged by :class:`~chronist.store.people.EntityIndex`.

**Events.** A document's mentions that repeat one happening (a lead and a
later section: the same word, overlapping stated times of a month or less,
sentences in common; or overlapping times of any grain and a participant or
place in common) are first joined into a chain
(:func:`~chronist.store.chains.chains`). A chain joins the merged event whose
evidence of telling the same happening scores highest (for any of its
mentions) and at least the threshold of the learned model
(:mod:`chronist.store.scoring`: the word, the time, the participants and
places, the sentences and how many happenings each document tells with the
word, weighed by a logistic regression), provided that event is not already
told by the same document and is as factual as it (asserted or reported
versus conditional, planned, ...). Otherwise the chain starts a merged event.
The candidates come from blocks, so that
merging stays fast on a large store: merged events sharing a participant,
place or topic and the word (lemma or its group), or a participant or place and
the type, or the word and a year (both by year for times no wider than ten
years), or an entity and a stated month between a generic word and any other
(``begann`` and ``Angriff`` on one day).

Merging is incremental: :class:`MergeIndex` is loaded from the store when an
ingest starts and updated with every document; a replaced document's mentions
leave their merged events first. What a merged event holds, and which date
it takes where its mentions disagree: :mod:`chronist.store.merged_event`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from chronist.store.chains import chains
from chronist.store.matching import text_fit
from chronist.store.mention_info import MentionInfo
from chronist.store.merged_event import MergedEvent
from chronist.store.people import EntityIndex
from chronist.store.scoring import Model, load_model

__all__ = ["MergeIndex"]

# A time at most this many years wide is blocked by year (wider ones by entities only)
BLOCK_YEARS = 10
_YEAR = 372  # days of a year in day numbers (:mod:`chronist.store.mention_info`)
# A stated time at most this many days wide is also blocked by month, for any word
MONTH_BLOCK_DAYS = 62


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
    # (document, word) -> the merged events its mentions of the word are in: how
    # many happenings the document tells with that word (:func:`features`' spread)
    spread: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    model: Model = field(default_factory=load_model)
    next_id: int = 1
    dirty: set[int] = field(default_factory=set)

    def _attach(self, merged: MergedEvent, mention: MentionInfo) -> None:
        merged.mentions[(mention.doc, mention.seq)] = mention
        self.where[(mention.doc, mention.seq)] = merged.id
        self.frequency.update(mention.words)
        self.mentions += 1
        self.spread.setdefault((mention.doc, mention.word), set()).add(merged.id)
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
        # how many happenings the document tells with each word (its chains)
        told = Counter(mentions[members[0]].word for members in groups)
        pairs: list[tuple[tuple[float, int], int, int]] = []
        weights: dict[str, float] = {}  # words' rarity: the counts change only after scoring
        for number, members in enumerate(groups):
            best: dict[int, tuple[float, int]] = {}
            for member in members:
                mention = mentions[member]
                candidates: set[int] = set()
                for key in _blocks(mention, query=True):
                    candidates |= self.blocks.get(key, set())
                for merged_id in candidates:
                    score = self._score(
                        self.events[merged_id], mention, told[mention.word], weights
                    )
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

    def _score(
        self,
        merged: MergedEvent,
        mention: MentionInfo,
        told: int,
        weights: dict[str, float] | None = None,
    ) -> tuple[float, int] | None:
        """The evidence that the mention tells the merged event (``None``: too little);
        ``told``: the happenings the mention's document tells with its word;
        ``weights``: the words' rarity weights known so far (see :func:`text_fit`)."""
        if merged.head is None or mention.doc in merged.documents:
            return None
        if merged.head.hypothetical != mention.hypothetical:
            return None
        total = self.model.judge(
            mention,
            merged,
            lambda: text_fit(mention.words, merged.words, self.frequency, self.mentions, weights),
            lambda: (told, self.told(merged, mention.word)),
        )
        if total is None:
            return None
        return (total, -merged.id)  # among equals the first merged event

    def told(self, merged: MergedEvent, word: str) -> int:
        """The fewest happenings that a document of the merged event telling ``word``
        tells with it (1 when none does)."""
        counts = [len(self.spread.get((doc, word), ())) for doc in merged.word_docs.get(word, ())]
        return max(1, min(counts, default=1))

    def remove_document(self, doc: str) -> None:
        """Take a replaced document's mentions out of their merged events."""
        for told in [k for k in self.spread if k[0] == doc]:
            del self.spread[told]
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


def _blocks(mention: MentionInfo, *, query: bool = False) -> list[tuple[int, str]]:
    """The keys under which a mention is found (``query``: its candidates are found)."""
    word = mention.word
    keys = [(entity, "w:" + word) for entity in mention.context]
    # another word of the type needs shared participants: no topic blocks (too large)
    keys += _type_blocks(mention, query=query)
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


def _type_blocks(mention: MentionInfo, *, query: bool) -> list[tuple[int, str]]:
    """The keys of "another word of the same type, a participant in common".

    Such a block of a frequent participant (a country) grows with the store, so it
    is also kept by year: a mention whose time is stated and spans fewer than
    :data:`BLOCK_YEARS` years looks only at the years around its own (two stated
    times of different years exclude each other, :func:`~chronist.store.matching.time_fit`)
    and at the mentions without such a time (``*``). A mention without one looks
    at the whole block.
    """
    explicit = mention.explicit
    if not explicit:
        return []
    whole = "t:" + mention.type
    interval = mention.interval
    years: range | None = None
    if interval is not None:
        first, last = interval[0] // _YEAR, interval[1] // _YEAR
        if last - first < BLOCK_YEARS:
            years = range(first - 1, last + 2) if query else range(first, last + 1)
    if query:
        if years is None:
            return [(entity, whole) for entity in explicit]
        suffixes = [f"{whole}:{year}" for year in years] + [whole + ":*"]
    else:
        suffixes = [whole] + ([whole + ":*"] if years is None else [f"{whole}:{y}" for y in years])
    return [(entity, suffix) for entity in explicit for suffix in suffixes]

"""A merged event: the mentions of one happening across documents, and its dates.

Where the mentions disagree on the date, each reading (an EDTF value) keeps
its documents; the merged event takes the reading most documents give (ties:
the more precise one, then the first seen).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from chronist.store.mention_info import MentionInfo

__all__ = ["MergedEvent", "Reading"]


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
    # as extracted (without the entities the sentences name)
    participants: set[int] = field(default_factory=set)
    generic: bool = False  # all its lemmas are generic (``werden``)
    grouped: bool = False  # all its lemmas belong to groups of one happening
    word_docs: dict[str, set[str]] = field(default_factory=dict)  # documents telling each word

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
        self.explicit = {e for m in values for e in m.explicit}
        self.participants = {e for m in values for e in m.entities | m.places}
        self.generic = all(m.generic for m in values)
        self.grouped = all(m.group is not None and not m.generic for m in values)
        self.word_docs = {}
        for m in values:
            self.word_docs.setdefault(m.word, set()).add(m.doc)
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

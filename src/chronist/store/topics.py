"""What a document is about: the entity its events implicitly take part in."""

from __future__ import annotations

__all__ = ["TOPIC_MIN_MENTIONS", "topic_of", "topics_of"]

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

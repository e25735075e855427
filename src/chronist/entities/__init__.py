"""Persons, places and organisations in German prose, with places on the map.

    >>> from chronist.entities import recognize
    >>> [(e.text, e.type.value) for e in recognize("Truman entließ MacArthur.")]
    [('Truman', 'PER'), ('MacArthur', 'PER')]

``chronist.recognize(text, lang="de")`` is the same function at the top level.

Importing this package is cheap: the model, lexicon and gazetteer are read on
the first call and cached.
"""

from __future__ import annotations

from chronist.entities.types import Entity, EntityType, Mention
from chronist.text.document import Document

__all__ = ["Entity", "EntityType", "Mention", "recognize"]


def recognize(text: str | Document, lang: str = "de") -> list[Entity]:
    """Persons, places and organisations in ``text``; see
    :func:`chronist.entities.recognition.recognize`.

    >>> recognize("Stalins Tod kam im März 1953.")[0].text
    'Stalin'
    """
    from chronist.entities.recognition import recognize as _recognize

    return _recognize(text, lang)

"""Persons, places and organisations in German prose, with places on the map.

    >>> from chronist.entities import recognize
    >>> [(e.text, e.type.value) for e in recognize("Truman entließ MacArthur.")]
    [('Truman', 'PER'), ('MacArthur', 'PER')]

The package itself can be called too: ``chronist.entities(text, lang="de")``.

Importing this package is cheap: the model, lexicon and gazetteer are read on
the first call and cached.
"""

from __future__ import annotations

import sys
from types import ModuleType

from chronist.entities.types import Entity, EntityType, Mention

__all__ = ["Entity", "EntityType", "Mention", "recognize"]


def recognize(text: str, lang: str = "de") -> list[Entity]:
    """Persons, places and organisations in ``text``; see
    :func:`chronist.entities.recognition.recognize`.

    >>> recognize("Stalins Tod kam im März 1953.")[0].text
    'Stalin'
    """
    from chronist.entities.recognition import recognize as _recognize

    return _recognize(text, lang)


class _CallablePackage(ModuleType):
    """Lets ``chronist.entities(text)`` stand for ``chronist.entities.recognize(text)``."""

    def __call__(self, text: str, lang: str = "de") -> list[Entity]:
        return recognize(text, lang)


sys.modules[__name__].__class__ = _CallablePackage

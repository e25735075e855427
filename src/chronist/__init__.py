"""chronist: evidence-linked timelines from historical and news prose.

>>> from chronist import tag
>>> [t.value for t in tag("Erst am 27. Juli 1953 schwiegen die Waffen.")]
['1953-07-27']

People, places and organisations: ``chronist.recognize(text, lang="de")``.
A corpus of documents: ``chronist.Store("corpus.duckdb")`` (needs ``chronist[store]``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronist.errors import ChronistError
from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.tagger import Tagging, iter_tag, tag, tagging

if TYPE_CHECKING:
    from chronist.entities.types import Entity
    from chronist.store import Store

__version__ = "0.1.0"


def recognize(text: str, lang: str = "de") -> list[Entity]:
    """People, places and organisations in ``text``; see :func:`chronist.entities.recognize`."""
    from chronist.entities import recognize as recognize_entities

    return recognize_entities(text, lang)


def __getattr__(name: str) -> object:
    if name == "Store":  # the corpus store loads (and needs DuckDB) only when used
        from chronist.store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Anchor",
    "AnchorKind",
    "ChronistError",
    "Store",
    "Tagging",
    "Timex",
    "TimexType",
    "__version__",
    "iter_tag",
    "recognize",
    "tag",
    "tagging",
]

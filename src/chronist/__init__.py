"""chronist: evidence-linked timelines from historical and news prose.

>>> from chronist import tag
>>> [t.value for t in tag("Erst am 27. Juli 1953 schwiegen die Waffen.")]
['1953-07-27']

People, places and organisations: ``chronist.entities(text, lang="de")``.
A corpus of documents: ``chronist.Store("corpus.duckdb")`` (needs ``chronist[store]``).
"""

from __future__ import annotations

from chronist import entities  # callable: chronist.entities(text, lang="de")
from chronist.errors import ChronistError
from chronist.store import Store
from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.tagger import Tagging, iter_tag, tag, tagging

__version__ = "0.1.0"

__all__ = [
    "Anchor",
    "AnchorKind",
    "ChronistError",
    "Store",
    "Tagging",
    "Timex",
    "TimexType",
    "__version__",
    "entities",
    "iter_tag",
    "tag",
    "tagging",
]

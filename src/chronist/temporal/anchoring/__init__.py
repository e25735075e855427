"""The anchoring pass: underspecified meanings become values, with provenance.

One interface, :class:`~chronist.temporal.anchoring.core.Anchorer`, and two
policies chosen by the document kind: :class:`NewsAnchorer` (the creation time
and the tense) and :class:`NarrativeAnchorer` (the story's moving clock). They
share the calendar arithmetic (:mod:`chronist.temporal.calendar_math`) and
everything in the core; each overrides only the documented policy methods.
"""

from __future__ import annotations

from chronist.temporal.anchoring.core import Anchorer, Kind
from chronist.temporal.anchoring.narrative import NarrativeAnchorer
from chronist.temporal.anchoring.news import NewsAnchorer
from chronist.temporal.anchoring.reference import AnchoredValue

__all__ = ["AnchoredValue", "Anchorer", "Kind", "NarrativeAnchorer", "NewsAnchorer", "policy_for"]


def policy_for(kind: Kind) -> type[Anchorer]:
    """The anchoring policy of a document kind."""
    return NewsAnchorer if kind is Kind.NEWS else NarrativeAnchorer

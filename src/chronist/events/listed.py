"""Events a clause tells beyond its heads: the names listed after a dated event noun,
each with its own date (:func:`listed_events`), and the goal a past verb of use carried
out (:func:`used_for`)."""

from __future__ import annotations

from dataclasses import replace

from chronist.events.clause_state import Clause, SentenceState
from chronist.events.gapping import listed_names
from chronist.events.trigger_hit import TriggerHit
from chronist.text.clauses import Segment

__all__ = ["listed_events", "used_for"]


def listed_events(state: SentenceState, clause: Clause, hit: TriggerHit) -> None:
    """ "an den Schlachten von Delion 424 v. Chr. und Amphipolis 422 v. Chr.": the
    noun again for each name listed after it with its own date."""
    tokens, segment = state.tokens, clause.segment
    again = state.found[-1]
    span = (segment.first, segment.last)
    after = tokens[hit.index + 1].text if hit.index + 1 < len(tokens) else ""
    joint = f" {after}" if after.islower() and after in state.markers.prepositions else ""
    for first, last in listed_names(tokens, span, hit, state.dated, state.verb_at, state.markers):
        date_end = last
        while date_end < segment.last and date_end in state.dated:
            date_end += 1
        where = (tokens[first].start, tokens[date_end - 1].end)
        name = " ".join(t.text for t in tokens[first:last])
        state.found.append(
            replace(
                again,
                clause=where,
                conjunct=where,
                label=f"{hit.text}{joint} {name}",
                own_date=None,
            )
        )


def used_for(state: SentenceState, segment: Segment) -> bool:
    """A past verb of ``[open_verbs] used_for`` in the clause: its goal was carried out
    (``nutzten die Lage zum Bau einer Wasserburg``)."""
    open_verbs = state.lexicon.open_verbs
    if open_verbs is None or not open_verbs.used_for:
        return False
    for token in state.tokens[segment.first : segment.last]:
        entry = open_verbs.entry(token.text, separated=True) if token.text.islower() else None
        if entry is not None and entry.past and entry.lemma in open_verbs.used_for:
            return True
    return False

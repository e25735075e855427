"""The date an event mention's own words give, and how near they are.

In order of preference: a date in its own clause (one outside a parenthesis
set into the clause first), a date in parentheses right after the clause
(``zerstörten Brigantium (233)``), a date of its sentence (one in a clause of
reason before it when there is no other: ``Weil Magdeburg sich 1548
weigerte, zog ...``), or the date of a sentence ending in a colon right before
it. :class:`~chronist.timeline.timing.Dater` turns the date found into the
event's time.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from chronist.events.detect import EventMention
from chronist.events.lexicon import Markers
from chronist.text.clauses import SegmentKind
from chronist.text.document import Document
from chronist.timeline.dates import DateIndex, StoryDate

__all__ = ["ClauseDates"]

_APPOSITION_REACH = 12  # characters between a clause and its parenthesised date


class ClauseDates:
    """Finds the date an event mention's clause or sentence gives in one text."""

    def __init__(self, document: Document, index: DateIndex, markers: Markers) -> None:
        self.document = document
        self.text = document.text
        self.markers = markers
        self.index = index
        self.dates = index.dates
        self._date_starts = index.starts

    def of(self, mention: EventMention) -> tuple[StoryDate | None, str]:
        """The date the mention's own words give and where it was found (``"clause"``,
        ``"sentence"``), or ``None`` and ``"clause"`` when they give none."""
        own = self._in_clause(mention) or self._parenthesised(mention)
        level = "clause"
        if own is None and mention.kind not in (SegmentKind.BACKGROUND, SegmentKind.RELATIVE):
            own, level = self._in_sentence(mention) or self._introduced(mention), "sentence"
        return own, level

    def _joined(self, between: str) -> bool:
        """Whether ``between`` joins a main clause to the one before: a comma and a
        conjunction (``, und``, ``, aber``) or a semicolon; not ``und`` alone, which
        joins words as often (``Handels- und Freundschaftsvertrag``)."""
        words = between.replace(",", " , ").lower().split()
        joins = self.markers.coordination
        return ";" in between or any(a == "," and b in joins for a, b in pairwise(words))

    def _in_clause(self, mention: EventMention) -> StoryDate | None:
        if mention.own_date is not None:
            for date in self.index.between(*mention.own_date):
                if (date.timex.start, date.timex.end) == mention.own_date:
                    return date
        # a date in a parenthesis set into the clause only when it has no other
        # ("am 20. Mai 1631 (10. Mai nach julianischem Kalender) erobert")
        for story_only in (True, False):
            if mention.conjunct is not None:  # "1348 ... besetzt und später ... 1407 ..."
                own = self.index.nearest(mention.conjunct, mention.trigger.start, story_only)
                if own is not None:
                    return own
            own = self.index.nearest(mention.clause, mention.trigger.start, story_only)
            if own is not None:
                return own
        return None

    def _parenthesised(self, mention: EventMention) -> StoryDate | None:
        """A date in parentheses right after the clause dates it (``zerstörten die
        Alemannen Brigantium (233)``, ``siegte in der Schlacht bei X (3. Mai 1745)``)."""
        end = mention.clause[1]
        first = bisect_left(self._date_starts, end)
        last = bisect_left(self._date_starts, min(end + _APPOSITION_REACH, mention.sentence[1]))
        for date in self.dates[first:last]:
            between = self.text[end : date.timex.start].strip()
            closing = self.text[date.timex.end : date.timex.end + 1]
            # "(1873)", "(um 500 v. Chr.)": only words that introduce a date between
            words = between[1:].lower().split()
            introduced = all(word in self.markers.date_introducers for word in words)
            if between[:1] == "(" and introduced and closing == ")":
                return date
        return None

    def _in_sentence(self, mention: EventMention) -> StoryDate | None:
        """The date of the sentence nearest to the trigger (not one in a comparison);
        one in a clause of reason before it when there is no other (``Weil
        Magdeburg sich 1548 weigerte, ..., zog Georg ... gegen Magdeburg``)."""
        end = mention.sentence[1]
        if mention.kind is SegmentKind.MAIN:
            # not the date of a main clause after its own ("Nach seinem Tod unterlagen
            # sie, und vom Ende des 15. Jahrhunderts an war das Land ...")
            for later in self.index.between(mention.clause[1], end):
                between = self.text[mention.clause[1] : later.timex.start]
                if later.kind is SegmentKind.MAIN and self._joined(between):
                    end = later.timex.start
                    break
            end = self._content_start(mention, end)
        found = self.index.nearest((mention.sentence[0], end), mention.trigger.start, True)
        if found is not None:
            return found
        # a sentence told in the pluperfect dates all of it ("hatte die Sowjetunion 1939
        # die Gebiete östlich der Flüsse Narew, Weichsel und San besetzt")
        # (not a clause of its own opened by a conjunction: "nachdem ... vertrieben hatte")
        opener = self.text[mention.clause[0] : mention.clause[1]].lower().split()[:1]
        subordinate = bool(set(opener) & self.markers.verb_final_openers)
        # (one told before the trigger: "Seit 810 hatte er ..., im folgenden Jahr hatte
        # er ..." is no date of the first clause)
        start = mention.sentence[0]
        past = [d for d in self.index.between(start, mention.trigger.start) if d.flashback]
        if past and not subordinate:
            return past[-1]
        first = bisect_left(self._date_starts, mention.sentence[0])
        last = bisect_left(self._date_starts, mention.trigger.start)
        reasons = [d for d in self.dates[first:last] if d.background]
        return reasons[-1] if reasons else None

    def _content_start(self, mention: EventMention, end: int) -> int:
        """Where a content clause after the main clause begins (``behauptete der
        Minister, dass zwei Bücher ... die Fertigstellung im Jahre 1654 belegen``): a
        date told in what is said is no date of the saying."""
        words = self.text[mention.clause[1] : end].split()
        at = mention.clause[1]
        for word in words:
            at = self.text.index(word, at)
            if word.lower() in self.markers.content_openers:
                before = self.text[mention.clause[1] : at].strip()
                return at if before in ("", ",") else end
            at += len(word)
        return end

    def _introduced(self, mention: EventMention) -> StoryDate | None:
        """The date of a sentence ending in a colon right before the mention's sentence:
        what follows a colon elaborates it, at its time (``Am 5. September 2007 wurde
        die iPod-Linie aktualisiert: ... der iPod touch wurde vorgestellt``)."""
        start = mention.sentence[0]
        before = self.text[:start].rstrip()
        if not before.endswith(":"):
            return None
        previous = self.document.sentence_of(len(before) - 1)
        dates = [d for d in self.index.between(*previous) if d.moves_story]
        return dates[-1] if dates else None

"""The dates of a text as the story reads them: which clause each stands in, whether
it moves the story (not in a comparison, a parenthesis, a clause of reason, a
flashback in the pluperfect: ``Bereits 1950 hatte er ...``, or a look ahead past
the story's date: ``kam erst mit dem Pyrenäenfrieden von 1659 zustande``), and the dates a
span holds, a range's other bound (``von 1613 bis 1618``) and the dates
coordinated with one (``1805 und 1809``).

>>> from chronist.text.document import Document
>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.temporal.tagger import tag
>>> text = "Von 1613 bis 1618 regierte er. 1805 und 1809 kam Napoleon."
>>> index = DateIndex(Document(text), tag(text), load_lexicon("de").markers)
>>> [d.timex.text for d in index.coordinated(index.dates[2])]
['1805', '1809']
>>> index.range_partner(index.dates[0]).timex.text
'1618'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from chronist.events.lexicon import Markers
from chronist.temporal.day_spans import shift_day
from chronist.temporal.mention import Timex, TimexType
from chronist.text.clauses import SegmentKind, clause_facts, segments
from chronist.text.document import Document
from chronist.text.verbs import tense_facts
from chronist.timeline.bounds import first_known, last_known

__all__ = ["DateIndex", "StoryDate", "consecutive", "usable"]

_CLAUSE_REACH = 400  # characters looked back for the clause a date stands in
# "(1360-1429)" right after a person's name: the years of a life, not of the clause's event
_LIFESPAN = re.compile(r"\s*\(\s*\d{1,4}\s*[-–]\s*\d{1,4}\s*\)")


def usable(timex: Timex) -> bool:
    """A date or time with at least one known bound (not a duration, set or ``heute``)."""
    b = timex.bounds
    known = b.earliest_begin or b.latest_begin or b.earliest_end or b.latest_end
    return timex.type in (TimexType.DATE, TimexType.TIME) and known is not None


def within(timex: Timex, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the date lies inside one of ``spans``."""
    return any(start <= timex.start and timex.end <= end for start, end in spans)


def consecutive(dates: Sequence[StoryDate]) -> bool:
    """Whether the dates are days, each the day after the one before."""
    days = [d.timex.bounds.earliest_begin for d in dates]
    if any(d is None or d != b.timex.bounds.latest_end for d, b in zip(days, dates, strict=True)):
        return False
    return all(b is not None and a is not None and shift_day(a, 1) == b for a, b in pairwise(days))


@dataclass(frozen=True, slots=True)
class StoryDate:
    timex: Timex
    role: str | None  # "end" (bis 1953), "begin" (seit 1950) or None: the tagger's role
    moves_story: bool  # not in a comparison or a parenthesis
    background: bool = False  # in a clause of reason or concession ("weil ... 1548 ...")
    kind: SegmentKind | None = None  # the kind of clause it stands in
    ahead: bool = False  # after a look-ahead particle of its clause ("kam erst 1659 zustande")
    flashback: bool = False  # in a clause told in the pluperfect ("hatte ... 1939 ... besetzt")


def _looks_ahead(dates: list[StoryDate]) -> list[StoryDate]:
    """``dates`` with a date after a look-ahead particle that lies after the story's
    date at that point (the last date before it that moves the story) kept from
    moving the story: it is told ahead of the story, which stays where it was."""
    story: StoryDate | None = None
    for at, date in enumerate(dates):
        if not date.moves_story:
            continue
        if date.ahead and story is not None:
            first, now = first_known(date.timex.bounds), last_known(story.timex.bounds)
            if first is not None and now is not None and first > now:
                dates[at] = replace(date, moves_story=False)
                continue
        story = date
    return dates


# the trigger is the noun a date after "von"/"vom" names ("Vertrag von 1905")
_OWN_NOUN = re.compile(r"\S*\s+vo[nm]\s+")


class DateIndex:
    """The usable dates of one text in text order, each read as a :class:`StoryDate`."""

    def __init__(
        self,
        document: Document,
        timexes: Sequence[Timex],
        markers: Markers,
        people: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.document = document
        self.text = document.text
        self.markers = markers
        self._tense_facts = tense_facts(document.lang)
        self._clause_facts = clause_facts(document.lang)
        lives = self._lifespans(people)
        self.dates = _looks_ahead(
            sorted(
                (self._date(t) for t in timexes if usable(t) and not within(t, lives)),
                key=lambda d: d.timex.start,
            )
        )
        self.starts = [d.timex.start for d in self.dates]
        self._date_at = {id(d): i for i, d in enumerate(self.dates)}  # a date's place
        self._noun_dated: set[int] = set()  # starts of dates that name their noun's time
        self._noun_years()

    def _noun_years(self) -> None:
        """A year that names its noun's year (``die Reichsverfassung von 1871``) is no
        begin of a range when no end follows it: a date of its own."""
        pattern = self.markers.noun_year_before
        if pattern is None:
            return
        for at, date in enumerate(self.dates):
            if self.range_partner(date) is not None:
                continue
            start = date.timex.start
            if pattern.search(self.text, max(0, start - 60), start) is not None:
                self.dates[at] = replace(date, role=None)
                self._noun_dated.add(start)
        self._date_at = {id(d): i for i, d in enumerate(self.dates)}

    def _lifespans(self, people: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """The parentheses of years right after a person's name (``Giovanni di Bicci
        de' Medici (1360-1429)``): a life, which dates no event of the clause and does
        not move the story."""
        found = []
        term = self.markers.term_before
        for start, end in people:
            match = _LIFESPAN.match(self.text, end)
            if match is None:
                continue
            if term is not None and term.search(self.text, max(0, start - 60), start):
                continue  # "Unter dem Bürgermeister Louis Pradel (1957-1976)": a term
            found.append((end, match.end()))
        return found

    def _date(self, timex: Timex) -> StoryDate:
        role = timex.role if timex.role in ("begin", "end") else None
        kind, flashback, unreal, ahead = self._clause_of(timex)
        still = (SegmentKind.COMPARISON, SegmentKind.BACKGROUND)
        moves = kind not in still and not flashback and not unreal
        background = kind is SegmentKind.BACKGROUND
        past = flashback and not unreal and kind is SegmentKind.MAIN
        return StoryDate(timex, role, moves, background, kind, ahead, past)

    def _clause_of(self, timex: Timex) -> tuple[SegmentKind | None, bool, bool, bool]:
        """The kind of the clause a date stands in, whether that clause is a
        flashback in the pluperfect (``Bereits 1950 hatte er ...``: its date does
        not move the story), whether it is unreal (nor does its date), and whether
        a look-ahead particle stands before the date in it (``Ein Ausgleich kam erst
        mit ... 1659``: :meth:`_ahead`)."""
        sentence = self.document.sentence_of(timex.start)
        start = max(sentence[0], timex.start - _CLAUSE_REACH)
        # the clause's kind is read from its first words: nothing after the date matters
        tokens = self.document.tokens_in(start, timex.end)
        for segment in segments(tokens, self._clause_facts):
            if segment.start <= timex.start < segment.end + 1:
                rest = self._clause_facts.break_pattern.search(self.text, timex.end, sentence[1])
                end = rest.start() if rest is not None else sentence[1]
                pluperfect = self._tense_facts.pluperfect
                flashback = pluperfect.search(self.text, segment.start, end) is not None
                # a date in an unreal clause ("wenn er die Verlängerung bis 1800
                # erreichen könne") is no time of the story, like a flashback's
                clause = re.findall(r"\w+", self.text[segment.start : end].lower())
                unreal = not self.markers.hypothetical.isdisjoint(clause)
                words = self.text[segment.start : timex.start].lower().split()
                return segment.kind, flashback, unreal, self._ahead(words)
        return None, False, False, False

    def _ahead(self, words: list[str]) -> bool:
        """Whether a look-ahead particle stands among the words of a clause before its
        date (``Ein Ausgleich kam erst 1659 zustande``, ``Erst durch die Intervention
        ... wurde das Land im Februar 1991 befreit``), not right before the date at the
        clause's start (``Erst 1871 wurde ...``: the story goes there)."""
        particles, introducers = self.markers.lookahead_particles, self.markers.date_introducers
        if words and words[0] in particles and all(w in introducers for w in words[1:]):
            return False
        return not particles.isdisjoint(words)

    def range_partner(self, date: StoryDate) -> StoryDate | None:
        """The other bound of a range told as two dates (``von 1613 bis 1618``,
        ``1971/72``, ``259/260``, ``zwischen 1805 und 1809``): the date right after a
        begin (``seit``, ``von``, ``zwischen``), or the begin right before a date, with
        at most two words or a dash between them."""
        at = self._date_at[id(date)]
        if date.role == "begin":
            other = self.dates[at + 1] if at + 1 < len(self.dates) else None
            if other is None or other.role == "begin":
                return None
            left, right = date, other
        else:
            other = self.dates[at - 1] if at else None
            if other is None or other.role != "begin":
                return None
            left, right = other, date
        gap = self.text[left.timex.end : right.timex.start]
        between = gap.split()
        if len(between) > 2 or "\n" in gap or any(c in "".join(between) for c in ",;.()"):
            return None
        return other

    def between(self, start: int, end: int) -> list[StoryDate]:
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end)
        return [d for d in self.dates[first:last] if d.timex.end <= end]

    def nearest(self, span: tuple[int, int], trigger: int, story_only: bool) -> StoryDate | None:
        """The date inside ``span`` nearest to the trigger."""
        first = bisect_left(self.starts, span[0])
        last = bisect_left(self.starts, span[1])
        at = bisect_left(self.starts, trigger, first, last)

        def fits(date: StoryDate) -> bool:
            # a look ahead dates its own clause all the same ("wurden erst 2003 entdeckt")
            story = date.moves_story or date.ahead
            return date.timex.end <= span[1] and (story or not story_only)

        dates = self.dates
        before = next((dates[i] for i in range(at - 1, first - 1, -1) if fits(dates[i])), None)
        after = next((dates[i] for i in range(at, last) if fits(dates[i])), None)
        found = [d for d in (before, after) if d is not None]
        if not found:
            return None
        nearest = min(found, key=lambda d: abs(d.timex.start - trigger))
        own_noun = _OWN_NOUN.fullmatch(self.text, trigger, nearest.timex.start) is not None
        if self.attributive(nearest.timex) and not own_noun:
            # "die zum 1. Januar 2012 in Kraft getretene Verfassung": another date first
            others = [d for d in dates[first:last] if fits(d) and not self.attributive(d.timex)]
            if others:
                return min(others, key=lambda d: abs(d.timex.start - trigger))
        return nearest

    def attributive(self, timex: Timex) -> bool:
        """A date in an attributive participle phrase (``die zum 1. Januar 2012 in
        Kraft getretene Verfassung``): it dates the participle first; so does a date
        that names its noun's time (``der Gemeindeordnung vom 30. Januar 1935``)."""
        if timex.start in self._noun_dated:
            return True
        before, after = self.markers.attributive_before, self.markers.attributive_after
        if before is None or after is None:
            return False
        return (
            before.search(self.text[max(0, timex.start - 20) : timex.start]) is not None
            and after.match(self.text[timex.end : timex.end + 60]) is not None
        )

    def coordinated(self, date: StoryDate) -> list[StoryDate]:
        """``date`` and the dates joined to it by ``und`` or a comma (``1805 und
        1809 hielt sich Napoleon ... auf``: at each of them), in text order; not
        the bounds of a range (``zwischen 1805 und 1809``, ``1950 bis 1953``)."""
        joins = self.markers.date_coordination
        place = self.markers.date_coordination_place  # "102 v. Chr. bei Aix und 101 v. Chr."
        chain = [date]

        def kind(date: StoryDate) -> str:  # "233 und 259/260": a whole range joins too
            partner = self.range_partner(date)
            if partner is None:
                return "single" if date.role is None else "bound"
            return "end" if partner.timex.start < date.timex.start else "begin"

        def joined(left: StoryDate, right: StoryDate) -> bool:
            between = self.text[left.timex.end : right.timex.start].strip().lower()
            words = between.split()
            introduced = len(words) > 1 and words[-1] in self.markers.date_introducers
            if right.role == "begin" and introduced and "," not in between:
                # "von 1914 bis 1918 genauso wie von 1940 bis 1944" (not after a comma)
                between = " ".join(words[:-1])
            raw = self.text[left.timex.end : right.timex.start].strip()
            return (
                (between in joins or bool(place and place.fullmatch(raw)))
                and kind(left) in ("single", "end")
                and kind(right) in ("single", "begin")
                and left.moves_story == right.moves_story
            )

        def edge(date: StoryDate, role: str) -> StoryDate:  # the outer bound of a range
            partner = self.range_partner(date) if kind(date) == role else None
            return partner or date

        while True:
            first = edge(chain[0], "end")
            at = self._date_at[id(first)]
            if at == 0 or not joined(self.dates[at - 1], first):
                break
            chain.insert(0, self.dates[at - 1])
        while True:
            last = edge(chain[-1], "begin")
            at = self._date_at[id(last)]
            if at + 1 == len(self.dates) or not joined(last, self.dates[at + 1]):
                break
            chain.append(self.dates[at + 1])
        return chain

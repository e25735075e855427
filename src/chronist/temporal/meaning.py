"""Underspecified meanings: what the tagger reads from the text alone.

The anchoring pass turns each of them into a resolved value
(:data:`chronist.temporal.values.Resolved`) using the document creation time
or the narrative's reference time.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronist.temporal.values import (
    CalendarPoint,
    Duration,
    Grain,
    PartOfDay,
    Recurrence,
    RefPoint,
    Unit,
)


@dataclass(frozen=True, slots=True)
class Explicit:
    """A calendar point; fields coarser than ``fill`` come from the anchor.

    ``15. September`` is ``Explicit(CalendarPoint(DAY, None, 9, 15), fill=YEAR)``;
    ``4:45 Uhr`` takes year, month and day from the anchor (``fill=DAY``).
    ``year_shift`` moves the anchor's year (``März des folgenden Jahres``);
    ``two_digit`` marks a year or decade whose century the context decides;
    ``feast`` a movable feast (``easter+39``, ``11-TH4``), computed once the year is known.
    """

    point: CalendarPoint
    fill: Grain | None = None
    year_shift: int = 0
    two_digit: bool = False
    feast: str | None = None
    weekday_shift: int | None = None  # "vergangenen Freitag": -1, "nächsten": +1, plain: None
    # the week of a weekday, counted from the anchor's week ("Donnerstag vergangener
    # Woche": -1, "Montag dieser Woche": 0, "Thursday of next week": +1)
    week_shift: int | None = None
    # "am folgenden Freitag", "the previous Friday": counted from the date told, also in
    # news, where a weekday without it ("am Freitag", "next Friday") counts from writing
    weekday_from_told: bool = False
    night_before: bool = False  # "in der Nacht zum Samstag": the night from Friday on
    era_open: bool = False  # "im Jahr 478" without an era: BC if the story is BC
    # in news the year counts from the time of writing ("im Mai dieses Jahres")
    from_writing: bool = False
    # "im Mai des Jahres", "Ende jenes Jahres": the year just told, in news too
    told_year: bool = False
    # the next (1), last (-1) or current (0) such month or season from the anchor
    # ("im kommenden Frühjahr", "im vergangenen März", "diesen Sommer")
    occurrence: int | None = None
    # "the 1988 period" of a report: the quarter (or half) it is about, in that year
    reported_period: bool = False


@dataclass(frozen=True, slots=True)
class Shift:
    """``amount`` units after (or before, if negative) the anchor time."""

    unit: Unit
    amount: int
    part_of_day: PartOfDay | None = None
    counted: bool = False  # "zwei Wochen später" counts days; "nächste Woche" names a week
    weekend: bool = False  # of the week: its Saturday and Sunday ("am Wochenende")
    # "wenige Tage später": some units after (before) the anchor, not how many;
    # the value is the anchor at the unit's grain, the mod says after or before
    vague: bool = False
    # "a few years ago", in news "vergangene Woche": counted from the time of writing,
    # not from the story's time
    from_writing: bool = False
    # "im folgenden Jahr", "am Tag darauf", "zwei Wochen später": counted from the date
    # told, whatever its grain (not "am Wochenende", "nächste Woche", "Vorwoche")
    from_told: bool = False
    # "the day after <something>": counted from what follows, if that is a date
    relation: bool = False


@dataclass(frozen=True, slots=True)
class Deictic:
    """Relative to the time of writing: ``heute``, ``gestern``, ``vor drei Jahren``."""

    unit: Unit
    amount: int
    part_of_day: PartOfDay | None = None
    named: bool = False  # "last week" names a week; "zwei Wochen" ago counts days


@dataclass(frozen=True, slots=True)
class Anaphor:
    """The time the narrative is at: ``damals``, ``zu dieser Zeit``.

    ``as_present`` keeps the value PRESENT_REF (``zu diesem Zeitpunkt``, ``jetzt``)
    while the anchor records the narrative time it points at.
    """

    as_present: bool = False
    past: bool = False  # "damals": written PAST_REF in an article, the anchor keeps the time
    # "in dieser Zeit", "derselben Zeitepoche": the story's time in a history, the
    # present in an article
    this_time: bool = False
    # "in dieser Zeit", "zur selben Zeit": a period, no single day (not "zu diesem
    # Zeitpunkt", which keeps the day told)
    period: bool = False
    # "the quarter", "the latest period" of a report: the quarter (or half) it is about
    reported_period: bool = False
    # "um die Jahrhundertwende" (100), "die Jahrtausendwende" (1000): the turn of the
    # century or millennium nearest the story's time
    turn: int = 0


@dataclass(frozen=True, slots=True)
class Fixed:
    """A meaning that needs no anchor: a duration, a set or a vague reference."""

    value: Duration | Recurrence | RefPoint
    # what an article writes instead (KRAUTS: "in den nächsten Jahren" is FUTURE_REF)
    in_news: RefPoint | None = None


Meaning = Explicit | Shift | Deictic | Anaphor | Fixed

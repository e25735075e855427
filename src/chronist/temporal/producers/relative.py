"""Producers of expressions relative to an anchor, to the time of writing, or vague references."""

from __future__ import annotations

from chronist.temporal.lexicon_values import UnitShift
from chronist.temporal.meaning import Anaphor, Deictic, Fixed, Shift
from chronist.temporal.mention import TimexType
from chronist.temporal.producers.base import Groups, Produced, mod_named, unit_in
from chronist.temporal.values import (
    Mod,
    PartOfDay,
    Reference,
    RefPoint,
    Unit,
)


def _part_of_day(groups: Groups) -> PartOfDay | None:
    value = groups.lex_str("part_of_day")
    return None if value is None else PartOfDay(value)


def shift(groups: Groups) -> Produced | None:
    part = _part_of_day(groups)
    kind = TimexType.TIME if part else TimexType.DATE
    compound = groups.lex_as(UnitShift, "unit_compound")
    if compound is not None:
        # "Folgejahr" counts from the date told, "Vorwoche" may count from writing
        told = compound.steps > 0
        return Produced(kind, Shift(Unit[compound.unit], compound.steps, from_told=told))
    if "weekend" in groups or groups.lex("unit", "weekend") is not None:
        # "am Wochenende", "last weekend": the Saturday and Sunday of a week
        relative = groups.lex_int("relative_adjective") or 0
        weekend = Shift(Unit.WEEK, relative, weekend=True, from_writing=_from_writing(groups))
        return Produced(TimexType.DATE, weekend)
    if "tags" in groups:
        direction = groups.lex_int("direction2", "shift_direction") or -1
        return Produced(kind, Shift(Unit.DAY, direction, from_told=True))
    direction = groups.lex_int("shift_direction") or 1
    if "event_relation" in groups:
        direction = groups.lex_int("event_relation") or 1
    unit = unit_in(groups, "unit", "unit") or Unit.DAY
    if "amount" in groups:
        amount = groups.number("amount")
        if amount is None:
            return None
        if amount != int(amount):
            # "ein halbes Jahr später": count in the next smaller unit
            smaller = _FRACTION_UNITS.get(unit)
            if smaller is None:
                return None
            unit, amount = smaller[0], round(amount * smaller[1])
        relation = "relation" in groups
        shift = Shift(
            unit, int(amount) * direction, counted=True, relation=relation, from_told=True
        )
        return Produced(kind, shift, None)
    if "ago" in groups:
        # "the year-ago quarter": counted back from the time of writing
        return Produced(kind, Deictic(unit, direction))
    if "relative_adjective" in groups:
        relative = groups.lex_int("relative_adjective") or 0
        if part is not None and "shift_direction" in groups:
            relative = direction
        # "Ende letzter Woche": a part of that week
        writing = part is None and _from_writing(groups, unit)
        told = groups.lex("relative_adjective", "writing_relative") is None
        shift = Shift(unit, relative, part, from_writing=writing, from_told=told)
        return Produced(kind, shift, mod_named(groups.lex_str("position")))
    if "shift_direction" in groups:
        relation = "relation" in groups
        return Produced(kind, Shift(unit, direction, part, relation=relation, from_told=True))
    # "am frühen Morgen", "am späten Nachmittag": the start or end of that part of the day
    mod = mod_named(groups.lex_str("position")) or mod_named(groups.lex_str("season_adjective"))
    return Produced(kind, Shift(unit, 0, part), mod)


def _from_writing(groups: Groups, unit: Unit = Unit.WEEK) -> bool:
    """``vergangene Woche``, ``letztes Jahr``: in news the week or year before writing.

    Only a look back at a week or longer: ``am nächsten Tag``, ``in der nächsten Woche``
    of a report count from the date told, as do ``im folgenden Jahr``, ``in dieser Woche``.
    """
    if unit in (Unit.DAY, Unit.HOUR, Unit.MINUTE, Unit.SECOND):
        return False
    relative = groups.lex_int("relative_adjective")
    return relative == -1 and groups.lex("relative_adjective", "writing_relative") is not None


_FRACTION_UNITS = {
    Unit.YEAR: (Unit.MONTH, 12),
    Unit.MONTH: (Unit.DAY, 30),
    Unit.WEEK: (Unit.DAY, 7),
    Unit.DECADE: (Unit.YEAR, 10),
    Unit.CENTURY: (Unit.YEAR, 100),
}


def deictic(groups: Groups) -> Produced | None:
    if "relative_adjective" in groups:
        # "this year", "last month", "next quarter": counted from the time of writing
        unit = unit_in(groups, "unit", "unit")
        relative = groups.lex_int("relative_adjective")
        if unit is None or relative is None:
            return None
        deictic = Deictic(unit, int(relative), named=True)
        # "early next year", "the end of last year": a part of it
        return Produced(TimexType.DATE, deictic, mod_named(groups.lex_str("position")))
    if "ago" in groups:
        amount = groups.number("amount")
        unit = unit_in(groups, "unit", "unit")
        if amount is None or unit is None or amount != int(amount):
            return None
        return Produced(TimexType.DATE, Deictic(unit, -int(amount)))
    days = groups.lex_int("deictic_day")
    if days is None:
        days = groups.lex_int("deictic_day_lower")
    if days is None:
        days = groups.lex_int("deictic_day_adjective")
    if days is None and "tomorrow_start" in groups:
        days = 1  # "Morgen beginnt die Messe"
    part_text = groups.text("part_of_day") or groups.text("part_of_day2")
    part = None
    if part_text:
        code = (
            groups.lex_str("part_of_day")
            or groups.lex_str("part_of_day2", "part_of_day")
            # "heute früh": an adverb
            or groups.lex_str("part_of_day", "part_of_day_adverb")
            or groups.lex_str("part_of_day2", "part_of_day_adverb")
        )
        part = PartOfDay(code) if code else None
    kind = TimexType.TIME if part else TimexType.DATE
    return Produced(kind, Deictic(Unit.DAY, int(days or 0), part))


def anaphor(groups: Groups) -> Produced | None:
    return Produced(
        TimexType.DATE,
        Anaphor(
            as_present="now" in groups or "now2" in groups or "this_time" in groups,
            past="past_anaphor" in groups,
            this_time="this_time" in groups,
            period="this_period" in groups,
            reported_period="reported_period" in groups,
            turn=groups.lex_int("turn") or 0 if "turn" in groups else 0,
        ),
        Mod.APPROX if "approx" in groups or "approx2" in groups else None,
    )


def reference(groups: Groups) -> Produced | None:
    if "shift_direction" in groups:
        # "wenige Tage später": an unspecified time after (or before) the anchor
        later = (groups.lex_int("shift_direction") or 1) > 0
        unit = unit_in(groups, "unit", "unit") or unit_in(groups, "unit_plural", "unit_plural")
        if unit is None and "soon" in groups:
            unit = Unit.DAY  # "kurz darauf": days after, at most
        if unit is None:
            return Produced(
                TimexType.DATE, Fixed(RefPoint(Reference.FUTURE if later else Reference.PAST))
            )
        return Produced(
            TimexType.DATE,
            Shift(unit, 1 if later else -1, vague=True, from_writing="ago" in groups),
            Mod.AFTER if later else Mod.BEFORE,
        )
    value = groups.lex_str("reference")
    return None if value is None else Produced(TimexType.DATE, Fixed(RefPoint(Reference(value))))

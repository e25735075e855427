"""Producers of lengths of time (durations) and of sets (recurrences)."""

from __future__ import annotations

from chronist.temporal.meaning import Fixed
from chronist.temporal.mention import TimexType
from chronist.temporal.producers.base import Groups, Produced, mod_named, unit_in
from chronist.temporal.values import (
    CalendarPoint,
    Duration,
    Grain,
    Mod,
    PartOfDay,
    Recurrence,
    Reference,
    RefPoint,
    Season,
    Unit,
)


def duration(groups: Groups) -> Produced | None:
    mod = mod_named(groups.lex_str("quantity_mod")) or mod_named(
        groups.lex_str("quantity_mod_after", "quantity_mod")  # "a week or so"
    )
    if mod is None and "outer_mod" in groups:
        mod = Mod.MORE_THAN
    if "length_adverb" in groups:
        unit = unit_in(groups, "length_adverb", "length_adverb")
        amount = None
    elif "length_suffix" in groups:
        unit = unit_in(groups, "length_suffix", "length_suffix")
        amount = groups.number("amount")
    elif "single_unit" in groups:
        # "the year ended March 31": one such unit, named by itself
        unit = unit_in(groups, "single_unit", "unit")
        amount = 1.0
    elif "unit_plural" in groups:
        unit = unit_in(groups, "unit_plural", "unit_plural") or unit_in(
            groups, "unit_plural", "unit_long_plural"
        )
        amount = None
    else:
        unit = unit_in(groups, "unit", "unit")
        amount = None if "vague_amount" in groups else groups.number("amount")
        if amount is None and "vague_amount" not in groups:
            return None
    if "unit_plural" in groups and ("amount" in groups or "amount2" in groups):
        amount = groups.number("amount") or groups.number("amount2")
    if unit is None:
        return None
    if amount is not None and ("and_half" in groups or "half_after" in groups):
        amount += 0.5  # "two and a half years", "a minute and a half"
    if groups.lex("unit", "weekend") is not None and amount is not None:
        # "a weekend of talks": its Saturday and Sunday, two days (TimeBank P2D)
        unit, amount = Unit.DAY, amount * 2
    if unit is Unit.DECADE and groups.convention("decade") == "years":
        # TimeBank, AQUAINT: "two decades" is P20Y, "decades" PXY
        unit, amount = Unit.YEAR, None if amount is None else amount * 10
    if unit is Unit.HOUR and amount and amount % 24 == 0 and groups.convention("hours") == "days":
        # WikiWarsDE's TIMEX2: whole days said in hours are days ("48 Stunden" P2D);
        # TimeML keeps the unit the text says ("24 Stunden" PT24H)
        unit, amount = Unit.DAY, amount / 24
    duration = Duration.of(unit, amount, groups.convention("fraction") == "decimal")
    second_unit = unit_in(groups, "unit2", "unit")
    if second_unit is not None and "unit_plural" not in groups:
        duration = Duration(((unit, amount), (second_unit, groups.number("amount2"))))
    in_news = groups.lex_str("news_reference")
    reference = None if in_news is None else RefPoint(Reference(in_news))
    return Produced(TimexType.DURATION, Fixed(duration, reference), mod)


def recurrence(groups: Groups) -> Produced | None:
    period: Duration | CalendarPoint
    freq = None
    if "frequency_adverb" in groups:
        unit = unit_in(groups, "frequency_adverb", "frequency_adverb") or Unit.YEAR
        period = Duration.of(unit, 1)
    elif "weekday_set" in groups:
        period = CalendarPoint(Grain.DAY, weekday=(groups.lex_int("weekday_set") or 1))
    elif "part_of_day_set" in groups:  # "nachts", "tagsüber": every night, every day
        code = groups.lex_str("part_of_day_set") or "NI"
        period = CalendarPoint(Grain.PART_OF_DAY, part_of_day=PartOfDay(code))
    elif "weekday" in groups:
        weekday = groups.lex_int("weekday") or 1
        part_code = groups.lex_str("part_of_day") if "part_of_day" in groups else None
        if part_code is not None:  # "jeden Montagabend"
            part = PartOfDay(part_code)
            period = CalendarPoint(Grain.PART_OF_DAY, weekday=weekday, part_of_day=part)
        else:
            period = CalendarPoint(Grain.DAY, weekday=weekday)
    elif "season" in groups:
        period = CalendarPoint(Grain.SEASON, season=Season(groups.lex_str("season") or "SU"))
    elif "month" in groups and "day" in groups:  # "an jedem 13. Februar"
        day = groups.number("day")
        if day is None:
            return None
        month = groups.lex_int("month") or 1
        period = CalendarPoint(Grain.DAY, month=month, day=int(day))
    elif "month" in groups:
        period = CalendarPoint(Grain.MONTH, month=(groups.lex_int("month") or 1))
    else:
        counted = unit_in(groups, "unit", "unit")
        if counted is None:
            return None
        unit = counted
        amount = groups.number("amount") if "amount" in groups else 1.0
        period = Duration.of(unit, amount)
        if "times" in groups:
            times = groups.number("times")  # "zweimal", "3 mal", "twice"
            if times is None or times != int(times):
                return None
            freq = f"{int(times)}X"
    return Produced(
        TimexType.SET, Fixed(Recurrence(period, quant="EVERY" if freq is None else None, freq=freq))
    )

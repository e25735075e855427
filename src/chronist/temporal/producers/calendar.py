"""The calendar producer: dates of every grain, from the groups a rule matched."""

from __future__ import annotations

from chronist.temporal.lexicon_values import HolidayPart, SeasonPart, UnitShift
from chronist.temporal.meaning import Explicit
from chronist.temporal.mention import TimexType
from chronist.temporal.producers.base import Groups, Produced, mod_named, roman_to_int, unit_in
from chronist.temporal.values import (
    CalendarPoint,
    Grain,
    Mod,
    PartOfDay,
    Season,
    Unit,
    days_in_month,
)

# the current millennium (2001-3000): a higher one without an era lies BC
_LAST_PAST_MILLENNIUM = 3


def calendar(groups: Groups) -> Produced | None:
    # "5. Jahrhundert vor bis 1. Jahrhundert n. Chr.": "vor" alone, its era left out
    bc = groups.lex_str("era") == "BC" or "era_elided" in groups
    mod = (
        mod_named(groups.lex_str("position"))
        or mod_named(groups.lex_str("period_position"))
        or mod_named(groups.lex_str("season_adjective"))
        or mod_named(groups.lex_str("approx"))
        or mod_named(groups.lex_str("approx2", "approx"))
        or mod_named(groups.lex_str("open_bound"))
    )
    two_digit = era_open = from_writing = False
    fill: Grain | None = None
    year_shift = 0
    feast: str | None = None
    point: CalendarPoint | None = None

    year: int | None = None
    if "year" in groups:
        digits = groups.text("year") or ""
        number = int(digits)
        if len(digits) == 2 and "era" not in groups and "day" in groups:
            two_digit = True
        era_open = "era" not in groups and len(digits) <= 3 and "day" not in groups
        year = 1 - number if bc else number
        if bc and number == 0:
            return None
    if "number_word" in groups and "era" in groups and year is None:
        number = groups.lex_int("number_word") or 0  # "hundert Jahre nach Christus"
        if number == 0:
            return None
        year = 1 - number if bc else number
    if "spoken_century" in groups or "spoken_thousands" in groups:
        year = _spoken_year(groups)
        if year is None:
            return None
    if "year2" in groups:
        year, two_digit = int(groups.text("year2") or "0"), True

    if "relative_adjective" in groups and (
        "month" in groups or "season" in groups or "unit" in groups or "quarter" in groups
    ):
        year_shift = groups.lex_int("relative_adjective") or 0
        from_writing = groups.lex("relative_adjective", "writing_relative") is not None
        fill = Grain.YEAR
    occurrence = None
    if "occurrence" in groups:
        occurrence, fill = (groups.lex_int("occurrence") or 0), Grain.YEAR
        from_writing = groups.lex("occurrence", "writing_relative") is not None
    compound = groups.lex_as(UnitShift, "unit_compound")
    if compound is not None:
        year_shift = compound.steps
        fill = Grain.YEAR

    month = groups.lex_int("month")
    if month is None and "month_num" in groups:
        month = int(groups.text("month_num") or "0")
    day = int(groups.text("day") or "0") or None

    if "century" in groups or "century_roman" in groups or "ordinal_word" in groups:
        century = _century_number(groups)
        if century is None or century == 0 or century > 30:
            return None
        number = century
        first = 1 - number * 100 if bc else (number - 1) * 100
        half = groups.lex_int("half")
        point = CalendarPoint(Grain.CENTURY, first, half=int(half) if half else None)
        if half and mod is None:
            # "der zweiten Hälfte des 19. Jahrhunderts": TIMEX3 writes the century with
            # its end (bench/wiki_de6); the bounds keep the half
            mod = Mod.START if half == 1 else Mod.END
    elif "millennium" in groups:
        number = int(groups.text("millennium") or "0")
        if number == 0:
            return None
        # the 4th millennium AD begins in 3001: one told of without an era is BC
        bc = bc or ("era" not in groups and number > _LAST_PAST_MILLENNIUM)
        era_open = "era" not in groups and not bc
        half = groups.lex_int("half")
        point = CalendarPoint(
            Grain.MILLENNIUM,
            1 - number * 1000 if bc else (number - 1) * 1000,
            half=int(half) if half else None,
        )
    elif "decade" in groups:
        point = CalendarPoint(Grain.DECADE, int(groups.text("decade") or "0"))
    elif "decade2" in groups or "decade_word" in groups or "decade_noun" in groups:
        value = (
            groups.text("decade2") or groups.lex_int("decade_word") or groups.lex_int("decade_noun")
        )
        point, two_digit = CalendarPoint(Grain.DECADE, int(value or 0)), True
    elif (holiday_part := groups.lex_as(HolidayPart, "holiday_part")) is not None:
        # "Neujahrsmorgen": a part of the day of a fixed holiday
        point = CalendarPoint(
            Grain.PART_OF_DAY,
            year,
            holiday_part.month,
            holiday_part.day,
            part_of_day=PartOfDay(holiday_part.part_of_day),
        )
        explicit = Explicit(point, fill=Grain.YEAR if year is None else None)
        return Produced(TimexType.TIME, explicit, mod)
    elif "named_day" in groups:  # "D-Day": a day named once in history, with its year
        year, month, day = (int(part) for part in (groups.lex_str("named_day") or "").split("-"))
        point = CalendarPoint(Grain.DAY, year, month, day)
    elif "holiday" in groups:
        holiday = groups.lex_str("holiday") or ""
        if not (holiday[:2].isdigit() and holiday[3:].isdigit()):
            # not a fixed "12-25": a movable feast ("easter+39", "11-TH4"), its day
            # computed once the year is known
            feast = holiday
            point = CalendarPoint(Grain.DAY, year)
        else:
            fixed_month, fixed_day = (int(part) for part in holiday.split("-"))
            point = CalendarPoint(Grain.DAY, year, fixed_month, fixed_day)
        fill = Grain.YEAR if year is None else fill
    elif "season" in groups or "season_part" in groups:
        season_part = groups.lex_as(SeasonPart, "season_part")
        if season_part is not None:
            season_code = season_part.season
            mod = Mod(season_part.position)
        else:
            season_code = groups.lex_str("season") or "SU"
        point = CalendarPoint(Grain.SEASON, year, season=Season(season_code))
        fill = Grain.YEAR if year is None else fill
    elif "half" in groups:
        point = CalendarPoint(Grain.HALF, year, half=(groups.lex_int("half") or 1))
        fill = Grain.YEAR if year is None else fill
    elif "quarter" in groups:
        point = CalendarPoint(Grain.QUARTER, year, quarter=(groups.lex_int("quarter") or 1))
        fill = Grain.YEAR if year is None else fill
    elif "month_position" in groups:
        # "zum Monatsende": the month the text is at (in news, of writing)
        mod = mod_named(groups.lex_str("month_position"))
        point, fill = CalendarPoint(Grain.MONTH), Grain.MONTH
    elif "year_position" in groups:
        mod = mod_named(groups.lex_str("year_position"))
        point = CalendarPoint(Grain.YEAR, year)
        fill = Grain.YEAR if year is None else fill
    elif "weekday" in groups and day is None:
        shift = groups.lex_int("relative_adjective")
        weekday = groups.lex_int("weekday") or 1
        part_code = groups.lex_str("part_of_day")
        if part_code is not None:
            # "Dienstagabend": the evening of that weekday
            when = CalendarPoint(
                Grain.PART_OF_DAY, weekday=weekday, part_of_day=PartOfDay(part_code)
            )
            explicit = Explicit(
                when,
                fill=Grain.DAY,
                weekday_shift=None if shift is None else int(shift) or 1,
                night_before="night_before" in groups,
            )
            return Produced(TimexType.TIME, explicit, mod)
        if "hour" in groups or "noon" in groups or "midnight" in groups:
            # "Samstag, 18.30 Uhr", "10 p.m. Wednesday", "noon Thursday"
            minute = groups.text("minute")
            when = CalendarPoint(
                Grain.MINUTE if minute else Grain.HOUR,
                weekday=weekday,
                hour=_clock_hour(groups),
                minute=int(minute) if minute else None,
                zone=_zone(groups),
            )
            explicit = Explicit(
                when, fill=Grain.DAY, weekday_shift=None if shift is None else int(shift) or 1
            )
            return Produced(TimexType.TIME, explicit, mod)
        explicit = Explicit(
            CalendarPoint(Grain.DAY, weekday=weekday),
            fill=Grain.DAY,
            # "diesem Donnerstag" (0) is the weekday as a bare name means it
            weekday_shift=None if shift is None or int(shift) == 0 else int(shift),
            week_shift=groups.lex_int("week_relative", "relative_adjective"),
            weekday_from_told=bool(shift)
            and not groups.lex("relative_adjective", "writing_relative"),
        )
        return Produced(TimexType.DATE, explicit, mod)
    elif "hour" in groups or "midnight" in groups or "noon" in groups:
        hour = _clock_hour(groups)
        minute = groups.text("minute")
        dated = month is not None and day is not None
        second = groups.text("second")  # "2015-12-27T19:14:12+01:00"
        point = CalendarPoint(
            Grain.MINUTE if minute else Grain.HOUR,
            year if dated else None,
            int(month) if dated and month is not None else None,
            day if dated else None,
            hour=hour,
            minute=int(minute) if minute else None,
            second=int(second) if second else None,
            zone=_zone(groups),
        )
        if not dated:
            fill = Grain.DAY
        elif year is None:
            fill = Grain.YEAR
        return Produced(TimexType.TIME, Explicit(point, fill=fill, two_digit=two_digit), mod)
    elif month is not None:
        month = int(month)
        if day is not None and day > days_in_month(year if year is not None else 2000, month):
            return None
        point = CalendarPoint(Grain.DAY if day else Grain.MONTH, year, month, day)
        if "part_of_day" in groups:
            code = groups.lex_str("part_of_day") or groups.lex_str(
                "part_of_day", "part_of_day_adverb"
            )
            if "night_before" in groups and day is not None:
                # "die Nacht auf den 29. November": the night from the 28th on
                year, month, day, year_shift = _day_before(year, month, day)
            point = CalendarPoint(
                Grain.PART_OF_DAY, year, month, day, part_of_day=PartOfDay(code or "MO")
            )
            if year is None and fill is None:
                fill = Grain.YEAR
            explicit = Explicit(point, fill=fill, two_digit=two_digit, year_shift=year_shift)
            return Produced(TimexType.TIME, explicit, mod)
        if year is None and fill is None:
            fill = Grain.YEAR
    elif "unit" in groups:
        unit = unit_in(groups, "unit", "unit")
        grain = {Unit.MONTH: Grain.MONTH, Unit.DAY: Grain.DAY}.get(unit or Unit.YEAR, Grain.YEAR)
        point = CalendarPoint(grain)
        fill = grain
    elif day is not None:
        # "am 16.": the month and year the story is in
        point, fill = CalendarPoint(Grain.DAY, day=day), Grain.MONTH
    elif year is not None:
        point = CalendarPoint(Grain.YEAR, year)
    else:
        # "Laufe des Jahres": the anchor's year
        point, fill = CalendarPoint(Grain.YEAR), Grain.YEAR
    if point is None:
        return None
    explicit = Explicit(
        point,
        fill=fill,
        year_shift=year_shift,
        from_writing=from_writing,
        occurrence=occurrence,
        two_digit=two_digit,
        feast=feast,
        era_open=era_open and point.grain in (Grain.YEAR, Grain.MILLENNIUM),
        reported_period="reported_period" in groups and point.grain == Grain.YEAR,
        told_year="told_year" in groups and "relative_adjective" not in groups,
    )
    return Produced(TimexType.DATE, explicit, mod)


def _day_before(year: int | None, month: int, day: int) -> tuple[int | None, int, int, int]:
    """The day before ``day``. ``month``, ``year``; with no year, the step back over New
    Year is a year shift (the last return value) for the anchor's year."""
    if day > 1:
        return year, month, day - 1, 0
    if month > 1:
        # with no year, February counts 28 days (a leap day is told with its year)
        return year, month - 1, days_in_month(year if year is not None else 2001, month - 1), 0
    if year is None:
        return None, 12, 31, -1
    return year - 1, 12, 31, 0


def _zone(groups: Groups) -> str | None:
    """The UTC offset of "5 p.m. EST" ("-05"), unless the language's TimeML leaves it out."""
    return None if groups.convention("zone") == "omitted" else groups.lex_str("timezone")


def _clock_hour(groups: Groups) -> int:
    """The hour on a 24-hour clock: "10 Uhr abends", "11 Uhr nachts", "10 p.m.", "12 a.m."."""
    if "noon" in groups:
        return 12
    hour = int(groups.text("hour") or "24")
    part = groups.lex_str("part_of_day", "part_of_day_adverb")
    if (part in ("AF", "EV", "PM") and hour < 12) or (part == "NI" and 6 <= hour < 12):
        return hour + 12
    if part == "AM" and hour == 12:
        return 0
    return hour


def _spoken_year(groups: Groups) -> int | None:
    """A year in words: "nineteen ninety-six", "eighteen hundred", "two thousand and one"."""
    if "spoken_thousands" in groups:
        rest = groups.lex_int("spoken_tail2", "number_word") or 0
        return 2000 + rest if 0 <= rest <= 99 else None
    hundreds = groups.lex_int("spoken_century") or 0
    rest = groups.lex_int("spoken_tail", "number_word") or 0
    if rest == 100:
        return hundreds * 100  # "eighteen hundred"
    # "nineteen five" is two numbers; a year's rest in words is ten or more
    return hundreds * 100 + rest if 10 <= rest <= 99 else None


def _century_number(groups: Groups) -> int | None:
    if "century" in groups:
        return int(groups.text("century") or "0")
    if "century_roman" in groups:
        return roman_to_int(groups.text("century_roman") or "")
    value = groups.lex_int("ordinal_word")
    return None if value is None else int(value)

"""The closed registry of producers: typed functions from a rule's match to a meaning.

A rule names its producer; the producer reads the rule's named groups (each a
lexicon class of the same name, or digits) and returns what the text says, or
``None`` to reject the match (``31. Februar``). ``groups`` lists the group
names a producer reads; the grammar loader checks every rule against it.
"""

from __future__ import annotations

from chronist.temporal.producers import calendar, lengths, relative
from chronist.temporal.producers.base import Groups, Produced, Producer, roman_to_int

_COMMON = frozenset({"span"})

PRODUCERS: dict[str, Producer] = {
    "calendar": Producer(
        _COMMON
        | {
            "day",
            "month",
            "month_num",
            "year",
            "year2",
            "open_bound",
            "era",
            "era_elided",
            "position",
            "period_position",
            "approx",
            "approx2",
            "named_day",
            "relative_adjective",
            "unit_compound",
            "unit",
            "century",
            "century_roman",
            "ordinal_word",
            "half",
            "millennium",
            "decade",
            "decade2",
            "decade_word",
            "decade_noun",
            "holiday",
            "holiday_part",
            "season",
            "season_part",
            "quarter",
            "year_position",
            "month_position",
            "weekday",
            "hour",
            "minute",
            "second",
            "week_relative",
            "part_of_day",
            "midnight",
            "noon",
            "this_year",
            "told_year",
            "season_adjective",
            "timezone",
            "occurrence",
            "night_before",
            "reported_period",
            "spoken_century",
            "spoken_tail",
            "spoken_thousands",
            "spoken_tail2",
            "number_word",
        },
        calendar.calendar,
    ),
    "shift": Producer(
        _COMMON
        | {
            "amount",
            "unit",
            "shift_direction",
            "after",
            "relative_adjective",
            "unit_compound",
            "tags",
            "direction2",
            "part_of_day",
            "event_relation",
            "weekend",
            "position",
            "season_adjective",
            "ago",
            "relation",
            "signal",
        },
        relative.shift,
    ),
    "deictic": Producer(
        _COMMON
        | {
            "deictic_day",
            "deictic_day_lower",
            "deictic_day_adjective",
            "tomorrow_start",
            "part_of_day",
            "part_of_day2",
            "ago",
            "amount",
            "unit",
            "relative_adjective",
            "position",
        },
        relative.deictic,
    ),
    "anaphor": Producer(
        _COMMON
        | {
            "anaphor",
            "past_anaphor",
            "now",
            "now2",
            "this_time",
            "this_period",
            "reported_period",
            "turn",
            "approx",
            "approx2",
        },
        relative.anaphor,
    ),
    "reference": Producer(
        _COMMON
        | {"reference", "shift_direction", "soon", "vague_amount", "unit", "unit_plural", "ago"},
        relative.reference,
    ),
    "duration": Producer(
        _COMMON
        | {
            "quantity_mod",
            "quantity_mod_after",
            "amount",
            "unit",
            "lang",
            "vague_amount",
            "relative_adjective",
            "news_reference",
            "unit_plural",
            "length_adverb",
            "length_suffix",
            "shift_direction",
            "amount2",
            "unit2",
            "outer_mod",
            "and_half",
            "half_after",
            "event_relation",
            "single_unit",
        },
        lengths.duration,
    ),
    "set": Producer(
        _COMMON
        | {
            "frequency_adverb",
            "every",
            "amount",
            "unit",
            "weekday",
            "season",
            "month",
            "day",
            "weekday_set",
            "part_of_day_set",
            "times",
            "part_of_day",
        },
        lengths.recurrence,
    ),
}


__all__ = ["PRODUCERS", "Groups", "Produced", "Producer", "roman_to_int"]

"""A date counted back from the time of writing, as German TimeML marks it.

In KRAUTS ``vor fünf Jahren`` is written ``vor <TIMEX3 type="DURATION" value="P5Y"
beginPoint="t8" endPoint="t0">fünf Jahren</TIMEX3>`` with a non-consuming
``<TIMEX3 tid="t8" type="DATE" value="2009"/>``: the length is the expression, the
date it points to hangs off it. A language declares this in its lexicon
(``[convention]`` ``"ago" = "length"``); the tagger applies it with TimeML extents.

English TimeML marks a counted step from another time the same way (``[convention]``
``"shift" = "length"``): in ``three days later`` the TIMEX3 is ``three days``, a DURATION
from the time counted from to the date, ``later`` its signal.

The date keeps its tid, value, bounds and anchor, so the expressions anchored to it,
the timeline and the events read it as before; it covers no text and sits where the
whole expression begins, or ends when the signal follows the length (the text from
the one to the other says it).
"""

from __future__ import annotations

from dataclasses import replace

from chronist.temporal.meaning import Deictic, Shift
from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.render import duration_value
from chronist.temporal.values import Bounds, Duration

__all__ = ["DCT_TID", "split_ago"]

DCT_TID = "t0"  # the document creation time in the TimeML written (chronist.export.timeml)


def split_ago(
    text: str,
    timexes: list[Timex],
    lengths: dict[str, tuple[Deictic | Shift, tuple[int, int]]],
    first_tid: int,
) -> list[Timex]:
    """The timexes with each date of ``lengths`` (by tid) split into its length and the date.

    ``lengths`` gives, for a date counted back, its meaning and the span of its
    length; the DURATIONs take tids from ``first_tid`` on.

    >>> from chronist import tag
    >>> [(t.text, t.type.value, t.value, t.begin_point, t.end_point)
    ...  for t in tag("Das war vor fünf Jahren.", kind="news", dct="2014-05-05")]
    [('', 'DATE', '2009', None, None), ('fünf Jahren', 'DURATION', 'P5Y', 't1', 't0')]
    """
    result: list[Timex] = []
    added = first_tid - 1
    for timex in timexes:
        found = lengths.get(timex.tid)
        if found is None:
            result.append(timex)
            continue
        meaning, (start, end) = found
        added += 1
        result.append(_length(text, timex, meaning, start, end, f"t{added}"))
        # the date sits where the whole expression begins ("vor fünf Jahren") or, when
        # its signal follows the length ("three days later"), where it ends
        at = timex.end if end < timex.end else timex.start
        result.append(replace(timex, start=at, end=at, text=""))
    result.sort(key=lambda t: (t.start, t.end))
    return result


def _length(
    text: str, date: Timex, meaning: Deictic | Shift, start: int, end: int, tid: str
) -> Timex:
    duration = Duration.of(meaning.unit, float(abs(meaning.amount)))
    if date.anchor.kind is AnchorKind.DCT:
        other: str | None = DCT_TID
    else:
        other = date.anchor_tid
    # from the date to the time of writing (or to what it is counted back from), or, a
    # step forward ("three days later"), from the time it is counted from to the date
    forward = isinstance(meaning, Shift) and meaning.amount > 0
    begin_point, end_point = (other, date.tid) if forward else (date.tid, other)
    # "less than a decade after": how exact the length is; the date keeps it too
    mod = date.mod if isinstance(meaning, Shift) else None
    return Timex(
        tid=tid,
        start=start,
        end=end,
        text=text[start:end],
        type=TimexType.DURATION,
        value=duration_value(duration),
        mod=mod,
        edtf=None,
        bounds=Bounds.unknown(),
        rule=date.rule,
        anchor=Anchor(AnchorKind.TIMEX, date.tid, date.value),
        resolved=duration,
        begin_point=begin_point,
        end_point=end_point,
    )

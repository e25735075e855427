"""A date counted back from the time of writing, as German TimeML marks it.

In KRAUTS ``vor fünf Jahren`` is written ``vor <TIMEX3 type="DURATION" value="P5Y"
beginPoint="t8" endPoint="t0">fünf Jahren</TIMEX3>`` with a non-consuming
``<TIMEX3 tid="t8" type="DATE" value="2009"/>``: the length is the expression, the
date it points to hangs off it. A language declares this in its lexicon
(``[convention]`` ``"ago" = "length"``); the tagger applies it with TimeML extents.

The date keeps its tid, value, bounds and anchor, so the expressions anchored to it,
the timeline and the events read it as before; it covers no text and sits where the
whole expression begins (the text from there to the end of its length says it).
"""

from __future__ import annotations

from dataclasses import replace

from chronist.temporal.meaning import Deictic
from chronist.temporal.mention import Anchor, AnchorKind, Timex, TimexType
from chronist.temporal.render import duration_value
from chronist.temporal.values import Bounds, Duration

__all__ = ["DCT_TID", "split_ago"]

DCT_TID = "t0"  # the document creation time in the TimeML written (chronist.export.timeml)


def split_ago(
    text: str,
    timexes: list[Timex],
    lengths: dict[str, tuple[Deictic, tuple[int, int]]],
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
        result.append(replace(timex, end=timex.start, text=""))
    result.sort(key=lambda t: (t.start, t.end))
    return result


def _length(text: str, date: Timex, meaning: Deictic, start: int, end: int, tid: str) -> Timex:
    duration = Duration.of(meaning.unit, float(abs(meaning.amount)))
    if date.anchor.kind is AnchorKind.DCT:
        end_point: str | None = DCT_TID
    else:
        end_point = date.anchor_tid
    return Timex(
        tid=tid,
        start=start,
        end=end,
        text=text[start:end],
        type=TimexType.DURATION,
        value=duration_value(duration),
        mod=None,
        edtf=None,
        bounds=Bounds.unknown(),
        rule=date.rule,
        anchor=Anchor(AnchorKind.TIMEX, date.tid, date.value),
        resolved=duration,
        begin_point=date.tid,
        end_point=end_point,
    )

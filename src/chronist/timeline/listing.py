"""Lists whose items each carry a date in parentheses: one event per item.

``So kam es in Santo Domingo (1519), Guatemala (1523) und Mexiko (1531) zu
Masernepidemien`` tells three epidemics; ``Bauten wie der Justizpalast
(1866-1883) und die Börse (1873)`` two buildings. Each item is the words
before its parenthesis, back to the comma or list word (``und``, ``wie``) before
them, from its article or first name on.

>>> from chronist.events.lexicon import load_lexicon
>>> text = "So kam es in Santo Domingo (1519), Guatemala (1523) zu Epidemien."
>>> spans = [(text.index(year), text.index(year) + 4) for year in ("1519", "1523")]
>>> list_items(text, (0, len(text)), spans, load_lexicon("de").markers)
[([0], 'Santo Domingo'), ([1], 'Guatemala')]
"""

from __future__ import annotations

from collections.abc import Sequence

from chronist.events.lexicon import Markers
from chronist.timeline.bounds import first_known, last_known
from chronist.timeline.dates import StoryDate

__all__ = ["frames", "item_label", "list_items"]

_ITEM_WORDS = 4  # an item is at most this many words
_LABEL_CHARS = 60  # at most, as the labels of chronist.events.labels
_ITEM_BREAKS = (",", ";", ":", "(", ")")


def list_items(
    text: str, sentence: tuple[int, int], dates: Sequence[tuple[int, int]], markers: Markers
) -> list[tuple[list[int], str]]:
    """The list items of ``sentence`` with a date in parentheses right after them:
    the indices (into ``dates``, the sentence's date spans in order) of the dates
    in each item's parenthesis, and the item's words."""
    start, end = sentence
    groups: dict[int, list[int]] = {}
    for number, (begin, finish) in enumerate(dates):
        opening = text.rfind("(", start, begin)
        if opening < 0 or ")" in text[opening:begin]:
            continue
        inside = text[opening + 1 : begin].split()
        closing = text.find(")", finish, end)
        if len(inside) > 2 or closing < 0 or "(" in text[finish:closing]:
            continue
        groups.setdefault(opening, []).append(number)
    items = []
    openers = markers.coordination | markers.list_openers
    articles = markers.definite | markers.indefinite
    for opening, numbers in groups.items():
        before = text[start:opening].rstrip()
        cut = max(before.rfind(mark) for mark in _ITEM_BREAKS)
        words = before[cut + 1 :].split()
        for at in range(len(words) - 1, -1, -1):
            if words[at].lower() in openers:
                words = words[at + 1 :]
                break
        words = words[-_ITEM_WORDS:]
        # the item's own words: from its article or first name on ("es in Santo Domingo")
        while len(words) > 1 and not (words[0][:1].isupper() or words[0] in articles):
            words = words[1:]
        if words:
            items.append((numbers, " ".join(words)))
    return items


def item_label(label: str, item: str, named: set[str], markers: Markers) -> str:
    """The label of an event for one list item: its own label without the words of
    any item (``named``), then the item (``zu Masernepidemien (Guatemala)``).

    >>> from chronist.events.lexicon import load_lexicon
    >>> markers = load_lexicon("de").markers
    >>> item_label("und Guatemala zu Epidemien", "Guatemala", {"Guatemala"}, markers)
    'zu Epidemien (Guatemala)'
    >>> item_label("entstanden Bauten wie die Börse", "die Börse", {"die", "Börse"}, markers)
    'entstanden Bauten (die Börse)'
    """
    words = [word for word in label.split() if word not in named] or [label]
    while len(words) > 1 and words[0].lower() in markers.coordination:
        words = words[1:]
    openers = markers.coordination | markers.list_openers  # "Bauten wie (die Börse)"
    while len(words) > 1 and words[-1].lower() in openers | markers.definite:
        words.pop()
    while len(words) > 1 and len(" ".join(words)) + len(item) + 3 > _LABEL_CHARS:
        words.pop()
    return f"{' '.join(words)} ({item})"


def _width(dates: Sequence[StoryDate]) -> int | None:
    first, last = first_known(dates[0].timex.bounds), last_known(dates[-1].timex.bounds)
    return None if first is None or last is None else last.year - first.year


def frames(own: StoryDate, items: Sequence[tuple[list[StoryDate], str]]) -> bool:
    """Whether a list's items date the event rather than the clause's own date: that
    date is one of them, or a period coarser than each (``In dieser Zeit entstanden
    Bauten wie der Justizpalast (1866-1883) und die Börse (1873)``)."""
    if any(own in dates for dates, _ in items):
        return True
    frame = _width([own])
    widths = [_width(dates) for dates, _ in items]
    return frame is not None and all(w is not None and w < frame for w in widths)

"""Sorted spans that answer "does any overlap [start, end)?" in O(log n)."""

from __future__ import annotations

from bisect import bisect_left

__all__ = ["SpanIndex"]


class SpanIndex:
    """Sorted spans that answer "does any overlap [start, end)?" in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # the furthest end of the spans up to each one
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlap(self, start: int, end: int) -> bool:
        before_end = bisect_left(self._starts, end)
        return before_end > 0 and self._reach[before_end - 1] > start

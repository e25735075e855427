"""Moving annotations from one version of a text to another (a peer's copy of it).

A peer system may hand back a text that differs slightly from the gold text
(white space trimmed, characters replaced). Its offsets are carried over
through the blocks the two texts share; an annotation none of whose
characters survive is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from chronist.evaluation.corpora import GoldTimex


def align_timexes(
    source_text: str, target_text: str, timexes: Sequence[GoldTimex]
) -> tuple[list[GoldTimex], int]:
    """Timexes with offsets in ``source_text`` moved to ``target_text``; and how many were lost.

    >>> timex = GoldTimex(0, 4, "1950", None, "1950", None)
    >>> moved, lost = align_timexes("1950 war", "\\n1950 war", [timex])
    >>> (moved[0].start, moved[0].end, lost)
    (1, 5, 0)
    """
    if source_text == target_text:
        return list(timexes), 0
    position = _char_map(source_text, target_text)
    moved: list[GoldTimex] = []
    for timex in timexes:
        kept = [position[i] for i in range(timex.start, timex.end) if position[i] >= 0]
        if not kept:
            continue
        start, end = kept[0], kept[-1] + 1
        moved.append(replace(timex, start=start, end=end, text=target_text[start:end]))
    return moved, len(timexes) - len(moved)


def _char_map(source: str, target: str) -> list[int]:
    # Lines first, then characters inside the lines that differ: a character
    # diff of whole documents is quadratic in the frequency of common letters.
    position = [-1] * len(source)
    source_lines = source.splitlines(keepends=True)
    target_lines = target.splitlines(keepends=True)
    source_starts = _line_starts(source_lines)
    target_starts = _line_starts(target_lines)
    lines = SequenceMatcher(None, source_lines, target_lines, autojunk=False)
    for tag, a1, a2, b1, b2 in lines.get_opcodes():
        a_start, b_start = source_starts[a1], target_starts[b1]
        if tag == "equal":
            for offset in range(source_starts[a2] - a_start):
                position[a_start + offset] = b_start + offset
        elif tag == "replace":
            chars = SequenceMatcher(
                None,
                source[a_start : source_starts[a2]],
                target[b_start : target_starts[b2]],
                autojunk=False,
            )
            for block in chars.get_matching_blocks():
                for offset in range(block.size):
                    position[a_start + block.a + offset] = b_start + block.b + offset
    return position


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts

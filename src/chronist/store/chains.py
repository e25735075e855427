"""A document's mentions that repeat one happening, joined into chains.

A lead and a later section often tell the same event twice (the same word,
overlapping times, sentences in common); :func:`chains` groups such mentions
before a document joins the merged events of the store
(:meth:`chronist.store.merge.MergeIndex.add_document`).
"""

from __future__ import annotations

from chronist.store.matching import text_fit, time_fit
from chronist.store.mention_info import MentionInfo

__all__ = ["CHAIN_PARTICIPANT_WORDS", "CHAIN_TIME", "CHAIN_WORDS", "chains"]

# Two mentions of one document tell one happening (:func:`chains`) with the same
# word, stated times of this evidence (a month or narrower, overlapping) and
# sentences sharing at least this much (:func:`~chronist.store.matching.text_fit`)
CHAIN_TIME = 2.5
CHAIN_WORDS = 0.5
# ... or with the same word, times that overlap at any grain (stated or inferred), a
# participant or place in common and sentences sharing at least this much
CHAIN_PARTICIPANT_WORDS = 1.0


def chains(mentions: list[MentionInfo], frequency: dict[str, int], total: int) -> list[list[int]]:
    """A document's mentions (their indices, in order) grouped by the happening they tell.

    Two mentions of one document are one happening when they have the same
    word (lemma or group, not a generic one), are told as equally factual, and
    either their stated times overlap and are a month or narrower
    (:data:`CHAIN_TIME`) and their sentences share content words
    (:data:`CHAIN_WORDS`), or their times overlap at any grain (a year, a
    narrative's span: ``1982`` and ``1982/1989``), they name a participant or
    place in common and their sentences share more (:data:`CHAIN_PARTICIPANT_WORDS`).
    Chains are joined only when no two of their mentions exclude each other
    (:func:`_apart`), so a chain never runs from one battle to the next through
    a vaguer mention in between. ``frequency`` and ``total`` weigh the shared
    words as in :func:`~chronist.store.matching.text_fit`.
    """
    parent = list(range(len(mentions)))
    members = [[number] for number in range(len(mentions))]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_word: dict[str, list[int]] = {}
    for number, mention in enumerate(mentions):
        if not mention.generic and mention.interval is not None:
            by_word.setdefault(mention.word, []).append(number)
    for numbers in by_word.values():
        for n, i in enumerate(numbers):
            for j in numbers[n + 1 :]:
                first, second = root(i), root(j)
                if first == second or not _one_happening(
                    mentions[i], mentions[j], frequency, total
                ):
                    continue
                if any(
                    _apart(mentions[a], mentions[b])
                    for a in members[first]
                    for b in members[second]
                ):
                    continue
                parent[second] = first
                members[first] += members[second]
    groups: dict[int, list[int]] = {}
    for number in range(len(mentions)):
        groups.setdefault(root(number), []).append(number)
    return sorted(groups.values())


def _one_happening(
    first: MentionInfo, second: MentionInfo, frequency: dict[str, int], total: int
) -> bool:
    """Two mentions of one document with the same word tell one happening (:func:`chains`)."""
    if first.hypothetical != second.hypothetical:
        return False
    time = time_fit(first.interval, second.interval)
    if time is None or _disjoint(first, second):
        return False
    if first.stated and second.stated and time >= CHAIN_TIME:
        return text_fit(first.words, second.words, frequency, total) >= CHAIN_WORDS
    if not first.explicit & second.explicit:
        return False
    return text_fit(first.words, second.words, frequency, total) >= CHAIN_PARTICIPANT_WORDS


def _disjoint(first: MentionInfo, second: MentionInfo) -> bool:
    """Both name participants or places, none in common: two happenings
    (``Angriff auf Moskau`` and ``Angriff auf Pearl Harbor`` in one week)."""
    return bool(first.explicit and second.explicit and not first.explicit & second.explicit)


def _apart(first: MentionInfo, second: MentionInfo) -> bool:
    """Two mentions that cannot tell one happening: told as differently factual, or
    times that exclude each other."""
    if first.hypothetical != second.hypothetical:
        return True
    return (
        first.interval is not None
        and second.interval is not None
        and (time_fit(first.interval, second.interval) is None)
    )

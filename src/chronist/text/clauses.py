"""Clause segments of a sentence's tokens, with offsets: one segmenter for every pass.

A sentence is cut at the language's clause breaks (commas, semicolons, colons,
dashes, parentheses); each piece is a :class:`Segment` whose kind says whether
it can carry an event of the story (main or relative clause) or not (a
comparison ``so wie ...``, a parenthesis, a clause starting with ``ohne``).
Event detection reads the kinds; anchoring asks whether a date stands in a
relative clause (``..., die 1791 die Déclaration verfasste``), which does not
move the story's time. The words are data: ``lang/<code>/clauses.toml``.

>>> from chronist.text.tokens import tokenize
>>> text = "Truman rief den Sicherheitsrat an, der noch am selben Tag tagte."
>>> facts = clause_facts("de")
>>> [(text[s.start:s.end], s.kind.value) for s in segments(tokenize(text), facts)]
[('Truman rief den Sicherheitsrat an', 'main'), ('der noch am selben Tag tagte.', 'relative')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

from chronist.lang import language_dir
from chronist.lang.checks import pattern, read_language_file, word_list
from chronist.text.tokens import Token

__all__ = [
    "CLAUSES_FILE",
    "RELATIVE_OPENER",
    "ClauseFacts",
    "Segment",
    "SegmentKind",
    "clause_facts",
    "read_clause_facts",
    "resumed",
    "segment_at",
    "segments",
]

CLAUSES_FILE = "clauses.toml"
# the break after which a relative clause opens (", der ...")
RELATIVE_OPENER = ","


class SegmentKind(Enum):
    MAIN = "main"
    RELATIVE = "relative"  # ", der ...": describes the word before it
    COMPARISON = "comparison"  # "so wie ...", "anders als ...": another time or place
    BACKGROUND = "background"  # "weil ...", "(...)": not the story's main line
    NEGATED = "negated"  # "ohne ... abzuwarten"


@dataclass(frozen=True, slots=True)
class Segment:
    """Tokens ``first`` to ``last`` (exclusive) of the sentence, offsets ``start``/``end``."""

    first: int
    last: int
    start: int
    end: int
    kind: SegmentKind


@dataclass(frozen=True, slots=True)
class ClauseFacts:
    """The clause words of one language (``lang/<code>/clauses.toml``)."""

    breaks: frozenset[str]  # tokens that end a segment
    spaced_breaks: frozenset[str]  # ... only between spaces ("-": a dash, not "54-jähriger")
    break_pattern: re.Pattern[str]  # any break, in the text (where a segment may end)
    relative: frozenset[str]  # a relative pronoun after a comma opens a relative clause
    also_articles: frozenset[str]  # relative words that are articles too: "der", not "which"
    adjective: re.Pattern[str]  # "die ersten Truppen": an adjective before a noun, an article
    comparison: tuple[tuple[str, ...], ...]  # "so wie", "anders als"
    # "wie zum Beispiel": an example of what the clause before tells, not a comparison
    examples: tuple[tuple[str, ...], ...]
    background: frozenset[str]  # "weil", "da"
    negating_start: frozenset[str]  # "ohne"
    coordination: frozenset[str]  # "und": may stand before a background word
    # "des" of ", des Nationalkonvents,": a phrase between commas opening so is an apposition
    apposition: frozenset[str] = frozenset()
    # "im" of "in Thrakien, im europäischen Teil der heutigen Türkei, zur Schlacht":
    # a place phrase between commas after a place phrase restates where
    place_apposition: frozenset[str] = frozenset()
    # "mit" of ", mit dem er befreundet war,": a relative clause may open with these
    relative_prepositions: frozenset[str] = frozenset()


def read_clause_facts(folder: Path) -> ClauseFacts:
    """The clause facts of the language folder ``folder``; a LanguageDataError names
    the file and key when something required is missing or malformed."""
    path = folder / CLAUSES_FILE
    data = read_language_file(path, "clause words")
    breaks = word_list(data, path, "breaks")
    spaced = word_list(data, path, "spaced_breaks")
    # a break between two digits is inside a number ("3,5"), as the tokenizer has it
    alternatives = [rf"(?<!\d){re.escape(b)}|{re.escape(b)}(?!\d)" for b in breaks] + [
        rf"(?<=\s){re.escape(b)}(?=\s)" for b in spaced
    ]
    return ClauseFacts(
        breaks=frozenset(breaks),
        spaced_breaks=frozenset(spaced),
        break_pattern=re.compile("|".join(alternatives) or "(?!)"),
        relative=frozenset(word_list(data, path, "relative")),
        also_articles=frozenset(word_list(data, path, "also_articles")),
        adjective=pattern(data, path, "adjective"),
        comparison=tuple(tuple(p.split()) for p in word_list(data, path, "comparison", True)),
        examples=tuple(
            tuple(p.split())
            for p in (word_list(data, path, "examples", True) if "examples" in data else [])
        ),
        background=frozenset(word_list(data, path, "background")),
        negating_start=frozenset(word_list(data, path, "negating_start")),
        coordination=frozenset(word_list(data, path, "coordination")),
        apposition=frozenset(word_list(data, path, "apposition") if "apposition" in data else []),
        place_apposition=frozenset(
            word_list(data, path, "place_apposition") if "place_apposition" in data else []
        ),
        relative_prepositions=frozenset(
            word_list(data, path, "relative_prepositions")
            if "relative_prepositions" in data
            else []
        ),
    )


@cache
def clause_facts(lang: str) -> ClauseFacts:
    """The clause facts of a language (cached)."""
    return read_clause_facts(language_dir(lang))


def _relative(words: list[Token], facts: ClauseFacts) -> bool:
    """Whether a segment opening with a relative word after a comma is a relative
    clause: no noun follows a word that is also an article (``die Truppen``, ``die
    ersten Truppen``); ``dessen Sohn``, ``when Castro`` are relative clauses."""
    word = words[0].text.lower()
    if word not in facts.relative:
        return False
    if len(words) < 2 or word not in facts.also_articles:
        return True
    if words[1].is_capitalised:
        return False
    adjective = words[1].text
    return not (  # an article before a noun is no adjective: ", der die Halbinsel verwüstete"
        len(words) > 2
        and words[2].is_capitalised
        and adjective.lower() not in facts.relative
        and facts.adjective.fullmatch(adjective)
    )


def _kind(
    tokens: Sequence[Token], first: int, last: int, opener: str, facts: ClauseFacts
) -> SegmentKind:
    words = [t for t in tokens[first:last] if t.is_word]
    lowered = [t.text.lower() for t in words]
    if not words:
        return SegmentKind.MAIN
    if opener == "(":
        return SegmentKind.BACKGROUND
    example = any(tuple(lowered[: len(phrase)]) == phrase for phrase in facts.examples)
    if not example and any(tuple(lowered[: len(phrase)]) == phrase for phrase in facts.comparison):
        return SegmentKind.COMPARISON
    lead = 1 if lowered[0] in facts.coordination and len(lowered) > 1 else 0
    if lowered[lead] in facts.background:  # "(und) da man ... befürchtete"
        return SegmentKind.BACKGROUND
    if lowered[0] in facts.negating_start:
        return SegmentKind.NEGATED
    if opener == RELATIVE_OPENER and _relative(words, facts):
        return SegmentKind.RELATIVE
    if (
        opener == RELATIVE_OPENER
        and len(words) > 2
        and lowered[0] in facts.relative_prepositions
        and _relative(words[1:], facts)
    ):
        return SegmentKind.RELATIVE  # ", mit dem er befreundet war"
    return SegmentKind.MAIN


def _breaks(tokens: Sequence[Token], index: int, facts: ClauseFacts) -> bool:
    """Whether token ``index`` ends a segment."""
    text = tokens[index].text
    if text in facts.breaks:
        return True
    if text not in facts.spaced_breaks:
        return False
    before = tokens[index - 1].end < tokens[index].start if index > 0 else True
    after = index + 1 == len(tokens) or tokens[index + 1].start > tokens[index].end
    return before and after


def segments(tokens: Sequence[Token], facts: ClauseFacts) -> list[Segment]:
    """The clause segments of one sentence's ``tokens``."""
    found: list[Segment] = []
    first = 0
    opener = ""
    depth = 0
    outer: list[SegmentKind] = []  # kinds of the segments a parenthesis interrupts
    for index in range(len(tokens) + 1):
        is_end = index == len(tokens)
        text = "" if is_end else tokens[index].text
        if not is_end and not _breaks(tokens, index, facts):
            continue
        if index > first:
            kind = _kind(tokens, first, index, opener, facts)
            if depth > 0 and kind is SegmentKind.MAIN:
                kind = SegmentKind.BACKGROUND
            elif opener == ")" and outer and kind is SegmentKind.MAIN:
                kind = outer.pop()
            found.append(Segment(first, index, tokens[first].start, tokens[index - 1].end, kind))
        if not is_end:
            if text == "(" and depth == 0:
                outer = [found[-1].kind] if found and index == found[-1].last else []
            depth += {"(": 1, ")": -1}.get(text, 0)
            depth = max(depth, 0)
            opener = text
        first = index + 1
    return found


def segment_at(found: Sequence[Segment], offset: int) -> Segment | None:
    """The segment holding the character at ``offset``, if any."""
    for segment in found:
        if segment.start <= offset < segment.end:
            return segment
    return None


_DASHES = frozenset({"–", "—", "-"})


_RESUMED_WORDS = 8  # a main clause's rest after a relative clause, at most


def _interrupts(
    tokens: Sequence[Token], piece: Segment, hole: Segment, rest: Segment, facts: ClauseFacts | None
) -> bool:
    """Whether ``hole`` is set into the clause that ``piece`` begins and ``rest`` ends:
    in parentheses or between two dashes (``wurde Robespierre - ohne sein Wissen -
    zum Ankläger gewählt``), or between commas when it compares (``wurde der Dauphin,
    wie prophezeit, in Reims gesalbt``) or, for a genitive or a name (``sein Sohn,
    Fidelito, geboren``), when the rest is only the clause's last verb forms (``zum
    Mitglied der Volksvertretung, des Konvents, gewählt``)."""
    opening, closing = tokens[piece.last].text, tokens[hole.last].text
    if opening == "(":
        return closing == ")"
    if opening in _DASHES:
        return closing == opening
    if opening != "," or closing != ",":
        return False
    if hole.kind is SegmentKind.COMPARISON:
        return True
    if hole.kind is SegmentKind.RELATIVE and facts is not None:
        return _resumes_after_relative(tokens, rest, facts)
    opener = tokens[hole.first].text.lower()
    if facts is not None and opener in facts.place_apposition:
        return _place_apposition(tokens, piece, hole, facts)
    named = all(t.is_capitalised for t in tokens[hole.first : hole.last] if t.is_word)
    if (
        facts is None
        or hole.kind is not SegmentKind.MAIN
        or not (opener in facts.apposition or named)
    ):
        return False  # a clause tells of its own ("die 1525 zufiel, wurde abgerissen")
    words = [t for t in tokens[rest.first : rest.last] if t.is_word]
    last = rest.last == len(tokens) or not tokens[rest.last].is_word
    return last and 0 < len(words) <= 2 and not any(t.is_capitalised for t in words)


def _resumes_after_relative(tokens: Sequence[Token], rest: Segment, facts: ClauseFacts) -> bool:
    """A relative clause set into its main clause, which ends after it: the rest is
    the sentence's last segment, short, and opens with a lower-case word that is no
    article or conjunction (``wurde Muhammad Said, mit dem er befreundet war, zum
    Vizekönig ernannt``; not ``..., der floh, die Truppen zogen ab``)."""
    words = [t for t in tokens[rest.first : rest.last] if t.is_word]
    if not words or rest.last < len(tokens) - 1 or len(words) > _RESUMED_WORDS:
        return False
    first = words[0]
    lower = first.text.lower()
    return (
        not first.is_capitalised
        and lower not in facts.relative
        and lower not in facts.coordination
        and lower not in facts.background
    )


def _place_apposition(
    tokens: Sequence[Token], piece: Segment, hole: Segment, facts: ClauseFacts
) -> bool:
    """A place phrase between commas right after a place phrase (``in Thrakien, im
    europäischen Teil der heutigen Türkei,``): its lower-case words are articles or
    adjectives before a noun, so it has no verb of its own."""
    before = [t for t in tokens[piece.first : piece.last] if t.is_word]
    if len(before) < 2 or not before[-1].is_capitalised:
        return False
    if before[-2].text.lower() not in facts.place_apposition | {"in"}:
        return False
    words = [t for t in tokens[hole.first + 1 : hole.last] if t.is_word]
    return bool(words) and all(
        t.is_capitalised
        or t.text.lower() in facts.also_articles
        or (facts.adjective.fullmatch(t.text) is not None and after.is_capitalised)
        for t, after in zip(words, [*words[1:], words[-1]], strict=True)
    )


_LIST_ITEM_WORDS = 3  # the words of one name in a list between commas, at most
_LIST_TAIL_WORDS = 2  # the clause's last verb forms after a list of names, at most


def _listed_names(
    tokens: Sequence[Token], pieces: list[Segment], at: int, facts: ClauseFacts | None
) -> int:
    """The last piece of a list of names that piece ``at`` begins and a clause's last
    verb forms end (``wurden die Wojewodschaften Masuren, Oberschlesien, Pommern und
    Danzig gegründet``): names between commas, then a name, ``und``, a name and at most
    two lower-case words at the sentence's end; ``at`` when there is none."""
    piece = pieces[at]
    if facts is None or piece.kind is not SegmentKind.MAIN or not piece.last:
        return at
    if not tokens[piece.last - 1].is_capitalised or piece.last >= len(tokens):
        return at
    if tokens[piece.last].text != ",":
        return at
    after = at + 1
    while after < len(pieces) and pieces[after].first == pieces[after - 1].last + 1:
        words = [t for t in tokens[pieces[after].first : pieces[after].last] if t.is_word]
        if not words or not words[0].is_capitalised:
            return at
        lower = [i for i, t in enumerate(words) if not t.is_capitalised]
        if not lower:  # a name of the list, then a comma
            end = pieces[after].last
            if len(words) > _LIST_ITEM_WORDS or end >= len(tokens) or tokens[end].text != ",":
                return at
            after += 1
            continue
        # the last name: "Pommern und Danzig gegründet"
        joined = words[lower[0]].text.lower() in facts.coordination and len(words) > lower[0] + 1
        tail = words[lower[0] + 2 :] if joined else []
        ends = pieces[after].last >= len(tokens) - 1
        name = joined and words[lower[0] + 1].is_capitalised
        short = 0 < len(tail) <= _LIST_TAIL_WORDS
        return after if name and ends and short and not any(t.is_capitalised for t in tail) else at
    return at


def resumed(
    tokens: list[Token], pieces: list[Segment], facts: ClauseFacts | None = None
) -> tuple[list[Segment], frozenset[int]]:
    """The segments with a clause that a parenthesis interrupts made whole again
    (``wurde erstmals in der Jungsteinzeit (Neolithikum) etwa um 5000 v. Chr. ...
    besiedelt``: one clause), and the indices of the tokens in such parentheses.

    >>> from chronist.text.tokens import tokenize
    >>> tokens = tokenize("Die Stadt wurde (wohl 233) zerstört.")
    >>> pieces, aside = resumed(tokens, segments(tokens, clause_facts("de")))
    >>> [(p.kind.value, p.first, p.last) for p in pieces], sorted(aside)
    ([('main', 0, 9), ('background', 4, 6)], [3, 4, 5, 6])
    """
    merged: list[Segment] = []
    aside: set[int] = set()
    at = 0
    while at < len(pieces):
        piece = pieces[at]
        after = at + 1
        listed = _listed_names(tokens, pieces, at, facts)
        if listed > at:
            # "östlich der Flüsse Narew, Weichsel und San besetzt": one clause
            last = pieces[listed]
            merged.append(Segment(piece.first, last.last, piece.start, last.end, piece.kind))
            at = listed + 1
            continue
        while (
            after + 1 < len(pieces)
            and pieces[after].first == piece.last + 1
            and pieces[after].last < len(tokens)
            and pieces[after + 1].first == pieces[after].last + 1
            and pieces[after + 1].kind is piece.kind
            and _interrupts(tokens, piece, pieces[after], pieces[after + 1], facts)
        ):
            hole, rest = pieces[after], pieces[after + 1]
            aside.update(range(hole.first - 1, hole.last + 1))
            merged.append(hole)
            piece = Segment(piece.first, rest.last, piece.start, rest.end, piece.kind)
            after += 2
        merged.append(piece)
        at = after
    return sorted(merged, key=lambda p: p.first), frozenset(aside)

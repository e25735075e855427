"""The tagging pass: every rule over the text, then the best non-overlapping matches.

Overlaps are settled by extent: the longest match wins, then the earlier rule.
The result is underspecified (:mod:`chronist.temporal.meaning`); anchoring is a
separate pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import accumulate, compress

from chronist.temporal.counts import counts_after_article, counts_people, is_time_word
from chronist.temporal.grammar import Grammar, Rule
from chronist.temporal.meaning import Meaning
from chronist.temporal.mention import TimexType
from chronist.temporal.producers import PRODUCERS, Groups, Producer
from chronist.temporal.values import Mod


@dataclass(frozen=True, slots=True)
class Candidate:
    """A temporal expression as the text alone gives it."""

    start: int
    end: int
    text: str
    rule: str
    type: TimexType
    meaning: Meaning
    mod: Mod | None
    bound: str | None  # "until", "since", "before", "after", "from", "latest", "earliest"
    # the length inside a date counted back from the time of writing: "fünf Jahren" of
    # "vor fünf Jahren" (German TimeML marks it as the TIMEX3, temporal.ago)
    length: tuple[int, int] | None = None


_BOUND_MODS = {
    "before": Mod.BEFORE,
    "after": Mod.AFTER,
    "latest": Mod.ON_OR_BEFORE,
    "earliest": Mod.ON_OR_AFTER,
}


class _TokenIndex:
    """Where each word of a stretch of text occurs, so that a rule runs only near its words.

    A rule can only match where one of its trigger words (or a digit) occurs;
    the regular expression runs on a window around each such place, cut at
    white space. This keeps tagging fast on text that holds few dates. Only the
    words some rule searches for are indexed.
    """

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        searched: frozenset[str] = frozenset(),
        stems: re.Pattern[str] | None = None,
    ) -> None:
        self.text, self.start, self.end = text, start, end
        self._known: dict[tuple[frozenset[str], bool, frozenset[str]], list[tuple[int, int]]] = {}
        self._edges: dict[int, int] = {}  # 2 * position + (rightwards) -> the word's edge
        # the stretch as separators and words, alternating; a word's offset is the sum before it
        parts = _WORD_SPLIT.split(text[start:end])
        offsets = list(accumulate(map(len, parts), initial=start))
        words = list(map(str.lower, parts[1::2]))
        # the words holding a stem some rule searches for ("dreijährigen")
        self.stemmed = {word for word in set(words) if stems and stems.search(word)}
        wanted = searched | self.stemmed if self.stemmed else searched
        self.words: dict[str, list[int]] = {}
        starts = offsets[1:-1:2]  # where each word begins
        searched_here = compress(zip(words, starts, strict=True), map(wanted.__contains__, words))
        for word, position in searched_here:
            self.words.setdefault(word, []).append(position)
        self.digits = [token.start() for token in _DIGIT_TOKEN.finditer(text, start, end)]

    def windows(
        self, triggers: frozenset[str], digits: bool, stems: frozenset[str] = frozenset()
    ) -> list[tuple[int, int]]:
        """Where rules searching for ``triggers`` can match (rules with one search share it)."""
        key = (triggers, digits, stems)
        if key not in self._known:
            self._known[key] = self._windows(triggers, digits, stems)
        return self._known[key]

    def _windows(
        self, triggers: frozenset[str], digits: bool, stems: frozenset[str]
    ) -> list[tuple[int, int]]:
        if len(triggers) < len(self.words):
            keys = [word for word in triggers if word in self.words]
        else:
            keys = [word for word in self.words if word in triggers]
        if stems:
            keys += [word for word in self.stemmed if any(stem in word for stem in stems)]
        positions = [p for word in keys for p in self.words[word]]
        if digits:
            positions.extend(self.digits)
        if not positions:
            return []
        positions.sort()
        merged: list[tuple[int, int]] = []
        for position in positions:
            low, high = max(self.start, position - _PAD), min(self.end, position + _PAD)
            if merged and low <= merged[-1][1]:
                merged[-1] = (merged[-1][0], high)
            else:
                merged.append((low, high))
        return [(self._edge(low, -1), self._edge(high, 1)) for low, high in merged]

    def _edge(self, position: int, direction: int) -> int:
        """``position`` moved to the edge of its word (remembered: rules that search
        near every number ask for the same edges)."""
        key = 2 * position + (direction > 0)
        edge = self._edges.get(key)
        if edge is None:
            text, limit, edge = self.text, self.start if direction < 0 else self.end, position
            while edge != limit and not text[edge - (direction < 0)].isspace():
                edge += direction
            self._edges[key] = edge
        return edge


_WORD_SPLIT = re.compile(r"([^\W\d_]+)")
_DIGIT_TOKEN = re.compile(r"[0-9]+")
# How far a rule may read on either side of its trigger word
# ("beginnend mit dem ...", "Nacht vom 16. auf den 17. April 1945").
_PAD = 40


def find_candidates(
    text: str, grammar: Grammar, start: int = 0, end: int | None = None
) -> list[Candidate]:
    """All non-overlapping temporal expressions in ``text[start:end]``, in text order.

    >>> from chronist.temporal.grammar import load_grammar
    >>> text = "Am 27. Juli 1953 schwiegen die Waffen."
    >>> [c.text for c in find_candidates(text, load_grammar("de"))]
    ['27. Juli 1953']
    """
    end = len(text) if end is None else end
    index = _TokenIndex(text, start, end, grammar.search_words, grammar.stem_pattern)
    found: list[Candidate] = []
    for rule in grammar.rules:
        found.extend(_rule_candidates(text, rule, grammar, index))
    return [_with_article(text, candidate, grammar) for candidate in _select(found, grammar)]


def rule_candidates(text: str, rule: Rule, grammar: Grammar) -> list[Candidate]:
    """What one rule alone finds in ``text``, searching only near its words, overlaps kept."""
    index = _TokenIndex(text, 0, len(text), grammar.search_words, grammar.stem_pattern)
    return _rule_candidates(text, rule, grammar, index)


def _rule_candidates(
    text: str, rule: Rule, grammar: Grammar, index: _TokenIndex
) -> list[Candidate]:
    producer = PRODUCERS[rule.producer]
    found: list[Candidate] = []
    windows = index.windows(rule.triggers, rule.digits, rule.stems)
    if not windows:
        return found
    search = rule.regex.compiled().finditer  # compiled here, the first time a window needs it
    for window_start, window_end in windows:
        for match in search(text, window_start, window_end):  # most windows hold none
            candidate = _candidate(text, match, rule, producer, grammar)
            if candidate is not None:
                found.append(candidate)
    return found


def _candidate(
    text: str, match: re.Match[str], rule: Rule, producer: Producer, grammar: Grammar
) -> Candidate | None:
    start, end = match.span("span") if "span" in rule.groups else (-1, -1)
    if start < 0:
        start, end = match.span()
    if start == end or "\n\n" in text[start:end]:
        return None
    if rule.quantity_check and _counts_something(text, start, end, grammar):
        return None
    year = match.end("year") if "year" in rule.groups and match.group("year") else -1
    if year >= 0 and _counted_after(text, match, year, grammar):
        return None  # "1200 Meter", "im Mai 300 Einwohner": a count, not a year
    produced = producer.run(Groups(match, grammar.lexicon))
    if produced is None:
        return None
    bound = rule.role
    before = rule.bound and grammar.bound_before.search(text, max(0, start - 24), start)
    bound_word = before.group("bound") if before else None
    if bound_word:
        value = grammar.lexicon.value("bound", bound_word)
        bound = None if value is None else str(value)
    mod = produced.mod
    if mod is None and bound in _BOUND_MODS:
        mod = _BOUND_MODS[bound]
    length = None
    if "ago" in rule.groups:
        length = _length_of(match, start, end, "ago")
    elif "signal" in rule.groups:
        length = _length_of(match, start, end, "signal")
    return Candidate(
        start, end, text[start:end], rule.name, produced.type, produced.meaning, mod, bound, length
    )


def _length_of(match: re.Match[str], start: int, end: int, group: str) -> tuple[int, int] | None:
    """The span of the expression without its word ``group`` at either end: ``ago``
    (``vor``, ``ago``) or a ``signal`` of a step from another time (``later``, ``after``)."""
    if not match.group(group):
        return None
    ago_start, ago_end = match.span(group)
    text = match.string
    if ago_start == start:
        while ago_end < end and text[ago_end].isspace():
            ago_end += 1
        return (ago_end, end) if ago_end < end else None
    if ago_end == end:
        while ago_start > start and text[ago_start - 1].isspace():
            ago_start -= 1
        return (start, ago_start) if ago_start > start else None
    return None


# a bare year ("der 1950 gegründete Verein": the article is the noun's) and a last
# word in lower case ("die heutige Slowakei": an adjective of the noun after it)
_BARE_YEAR = re.compile(r"[0-9]{1,4}(?![0-9.]|er)")


def _with_article(text: str, candidate: Candidate, grammar: Grammar) -> Candidate:
    """The candidate with an article of the expression's own noun taken into its extent.

    TimeML (KRAUTS) keeps the determiner in the extent: ``dem 28. Juni 2007``,
    ``das 17. Jahrhundert``, ``den vergangenen Jahren``.
    """
    start, end = candidate.start, candidate.end
    if candidate.type is TimexType.DURATION:
        # "gut 15 Jahren", "über 3600 Jahren": the word saying how exact a length is
        lead = grammar.length_lead_before.search(text, max(0, start - 8), start)
        if lead is not None:
            # and no article before it: "die über 40 Jahre die einzige Verbindung war"
            return replace(candidate, start=lead.start(), text=text[lead.start() : end])
    if candidate.bound is not None:
        # "spätestens 1254": the bound word is the extent's, as "etwa" is
        lead = grammar.bound_lead_before.search(text, max(0, start - 12), start)
        if lead is not None:
            return replace(candidate, start=lead.start(), text=text[lead.start() : end])
    before = grammar.article_before.search(text, max(0, start - 8), start)
    if before is None or _BARE_YEAR.match(text, start):
        return candidate
    if grammar.lexicon.value("extent_article", text[start:end].split()[0]) is not None:
        return candidate  # "über dem des Vorjahresquartals": "dem" stands for a noun of its own
    last = text[start:end].split()[-1]
    if not (last[:1].isupper() or last[:1].isdigit()):
        return candidate
    return replace(candidate, start=before.start(), text=text[before.start() : end])


# a capitalised word right after a number: its noun
_NOUN_AFTER = re.compile(r"[ \t]+([A-ZÄÖÜ][\w-]*)")


def _counted_after(text: str, match: re.Match[str], year: int, grammar: Grammar) -> bool:
    """A unit of measure after the year (``1200 Meter``), or for a year below 1000 without
    its era or the word ``Jahr`` any noun right after it (``im Mai 300 Einwohner``): the
    number is a quantity."""
    if grammar.count_after.match(text, year):
        return True
    if counts_people(text, match, year, grammar) or counts_after_article(
        text, match, year, grammar
    ):
        return True
    if len(match.group("year")) > 3 or ("era" in match.re.groupindex and match.group("era")):
        return False
    before = text[max(0, year - 12) : match.start("year")].split()
    if before and grammar.lexicon.value("unit", before[-1]) is not None:
        return False  # "im Jahr 476 Romulus": the word before says year
    noun = _NOUN_AFTER.match(text, year)
    return noun is not None and not is_time_word(noun.group(1), grammar)


def _counts_something(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """``und 1370 Landungsboote``: a number between a count word and a noun is no year."""
    following = grammar.cues.next_noun.match(text, end)
    if following is None:
        return False
    if is_time_word(following.group(1), grammar):
        return False
    lexicon = grammar.lexicon
    # the words before the number, and a count word the match itself begins with ("rund 1600")
    words = text[max(0, start - 24) : start].split() + text[start:end].split()[:-1]
    if not words:
        return False
    if grammar.cues.coordination.match(f" {words[-1]} ") and _follows_opening_year(text, start):
        return False  # "1819 wurde Herten und 1821 Erkenschwick Teil der Stadt"
    if _ends_range_of_years(words, text[start:end], grammar):
        return False  # "zwischen 1612 und 1626 Johannes Kepler"
    if lexicon.value("quantity_lead", " ".join(words[-2:])) is not None:
        return True
    if lexicon.value("quantity_lead", words[-1]) is None:
        return _opens_sentence(text, start, end, grammar)
    # "ab ungefähr 1870 größere Ausmaße": a bound before the count word says year
    before = words[-2] if len(words) > 1 else ""
    return (
        lexicon.value("bound", before) is None or lexicon.value("quantity_lead", before) is not None
    )


def _ends_range_of_years(words: list[str], number: str, grammar: Grammar) -> bool:
    """``zwischen 1612 und 1626``, ``von 1612 bis 1626``: a number after a bound that
    opens a range, a year and the word joining the two ends is the range's second year
    (a noun after it is the subject: ``lehrte zwischen 1612 und 1626 Johannes Kepler``)."""
    if len(words) < 3 or not (words[-2].isdigit() and number.isdigit()):
        return False
    if grammar.lexicon.value("bound", words[-3]) != "from":
        return False
    if not grammar.cues.range_join.match(f" {words[-1]} "):
        return False
    return 0 < int(number) - int(words[-2]) <= _COORDINATED_YEARS * 10


# a year among the first words of a sentence ("1819 wurde ...", "Im Jahr 1819 ...")
_OPENING_YEAR = re.compile(
    r"(?:(?<=[.!?;]\s)|(?<=\n)|^)(?:\S+\s+){0,2}?((?:1[0-9]|20)[0-9]{2})(?![0-9])"
)
# how many years after the sentence's opening year a coordinated number may be a year
_COORDINATED_YEARS = 30


def _follows_opening_year(text: str, start: int) -> bool:
    """The number at ``start``, coordinated with what its sentence told, is a year a few
    years after the year that opens the sentence (``1815 wurde Neuss preußisch und 1816
    Sitz eines Kreises``); a count is not (``1950 kamen 1200 und 1300 Besucher``)."""
    found = None
    for match in _OPENING_YEAR.finditer(text, max(0, start - 300), start):
        found = match
    if found is None or re.search(r"[.!?]\s", text[found.end() : start]):
        return False
    number = re.match(r"[0-9]+", text[start:])
    if number is None:
        return False
    return 0 < int(number.group()) - int(found.group(1)) <= _COORDINATED_YEARS


# the end of a sentence before a number on the same line: a word of four lower-case
# letters before the period, so that no abbreviation ("z. B.", "bzw.", "Maria II.") is one
_SENTENCE_END = re.compile(r"(?:[a-zäöüß]{4}\.|[;!?])[ \t]+\Z")


def _opens_sentence(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """``Er starb. 2000 Gefangene wurden ...``: a number opening a sentence with a noun
    right after it is a count, a year opening one is followed by its verb (``1945
    kapitulierte``); not at the start of a line, where chronologies put a year before
    what happened in it (``1991 Niederschlagung des Aufstands``)."""
    if not _SENTENCE_END.search(text, max(0, start - 8), start):
        return False
    noun = _NOUN_AFTER.match(text, end)
    return noun is not None and not is_time_word(noun.group(1), grammar)


def _select(found: list[Candidate], grammar: Grammar) -> list[Candidate]:
    order = grammar.rule_order
    found.sort(key=lambda c: (-(c.end - c.start), order[c.rule], c.start))
    starts: list[int] = []  # the taken spans, sorted and disjoint
    taken: list[Candidate] = []
    for candidate in found:
        at = bisect_left(starts, candidate.start)
        if at < len(starts) and starts[at] < candidate.end:
            continue  # a taken span starts inside this one
        if at > 0 and taken[at - 1].end > candidate.start:
            continue  # the taken span before reaches into this one
        starts.insert(at, candidate.start)
        taken.insert(at, candidate)
    return taken

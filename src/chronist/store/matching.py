"""How two event mentions from different documents compare: words, time, sentences.

The measures of a candidate pair that :mod:`chronist.store.scoring` turns into
features (and its learned model weighs):

* **the word** (:func:`word_kind`): the same trigger lemma (a *generic* lemma
  such as ``werden`` or ``kommen`` apart), words of one group of
  ``lang/<xx>/merge.toml`` (``erobern``/``Eroberung``, ``sterben``/``Tod``),
  or only the same event type (but never a word of one group against words
  all of other groups: ``Attentat``/``sterben``); a generic lemma against any
  other word (it names no kind of happening, so it cannot veto), unless its
  label names a group (a support verb: ``folgte die Fusion``,
  :meth:`Words.named`), whose word it then is; anything else never merges;
* **the time** (:func:`time_fit`): the four bounds of both must overlap (two
  times of a week or less give or take :data:`SLACK_DAYS`; an unknown side is
  open: ``1988/..`` excludes nothing after 1988); the narrower the wider of
  the two, the more it says (one day, a month, a year, a decade); a time
  inferred from the narrative around the mention counts less than one stated
  in its own clause, and where it excludes the other it only counts against
  (:data:`CONFLICTING_INFERRED`), as the narrative's date is often not the event's;
* **the sentences' words** (:func:`text_fit`): the rarity-weighted share of
  content words the two evidence sentences have in common besides their
  triggers, which the word evidence has counted.

>>> words = load_words("de")
>>> words.group("Eroberung") == words.group("erobern"), words.group("Großoffensive")
(True, 'angreifen')
>>> words.generic("werden"), words.generic("erobern")
(True, False)
"""

from __future__ import annotations

import dataclasses
import math
import re
import sys
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from chronist.errors import LanguageDataError, OptionError
from chronist.events.lexicon import OpenVerbs, load_lexicon
from chronist.lang import language_dir
from chronist.lang.files import read_toml

__all__ = [
    "OPEN",
    "Words",
    "load_words",
    "text_fit",
    "time_fit",
    "word_kind",
]

WORDS_FILE = "merge.toml"

NO_TIME = -0.5  # time_fit of a mention without any time
INFERRED_TIME = 0.5  # a narrative or bounded time says this much of what a stated one says
CONFLICTING_INFERRED = -0.5  # times that exclude each other, one of them inferred
# An open side of a time span (``1920/..``: after 1920), in day numbers
OPEN = 1 << 40
_YEAR_DAYS = 372  # a year in day numbers (31 days a month)
# Days two dates may lie apart and still tell the same event (sources off by a day),
# when both are at most SLACK_SPAN days wide: years or months next to each other
# (``2000`` and ``2001``) are other times, not a source off by a day.
SLACK_DAYS = 3
SLACK_SPAN = 7
# (widest span in days, evidence): the time's weight by the wider of the two spans
TIME_STEPS = ((7, 3.0), (62, 2.5), (372, 2.0), (3 * 372, 1.0), (10 * 372, 0.5))
_MIN_COMPOUND_HEAD = 4
# The sentences' content words: how much of the rarer words of the shorter side
# the other side shares (weighted by rarity among the store's mentions), times this.
SHARED_WORDS = 3.0
STEM = 6  # a content word is compared by its first letters (``eroberten``/``erobert``)
MIN_WORD = 4  # shorter words are not content words
_WORD = re.compile(r"[^\W\d_]+")
_PLURAL_ENDINGS = ("en", "e", "n", "s")  # a plural noun's endings (``Siege``, ``Wahlen``)


@dataclass(frozen=True, slots=True)
class Words:
    """The merge words of a language: groups of one happening, generic lemmas."""

    groups: dict[str, str]  # lemma (lower-cased) -> the group's first lemma
    generics: frozenset[str]
    stopwords: frozenset[str] = frozenset()
    verbs: OpenVerbs | None = None  # the language's verbs: the verb of a noun in -ung

    def content(self, text: str | None) -> tuple[str, ...]:
        """The stems of a sentence's content words (a tuple: small in memory).

        >>> load_words("de").content("Die Briten eroberten 1807 die Insel.")
        ('briten', 'erober', 'insel')
        """
        if not text:
            return ()
        found = {
            sys.intern(word[:STEM])
            for word in _WORD.findall(text.lower())
            if len(word) >= MIN_WORD and word not in self.stopwords
        }
        return tuple(sorted(found))

    def group(self, lemma: str) -> str | None:
        """The group of a lemma, or of the last part of a compound noun; for a noun
        made of a verb (``Sprengung``: ``sprengen``), the verb's group or the verb.

        >>> words = load_words("de")
        >>> words.group("Sprengung"), words.group("Einkesselung")
        ('sprengen', 'einkesseln')
        """
        lower = lemma.lower()
        found = self.groups.get(lower)
        if found is not None:
            return found
        for cut in range(1, len(lower) - _MIN_COMPOUND_HEAD + 1):
            found = self.groups.get(lower[cut:])
            if found is not None:
                return found
        derived = None if self.verbs is None else self.verbs.verb_of(lower)
        if derived is not None:
            return self.groups.get(derived[0], derived[0])
        return None

    def generic(self, lemma: str) -> bool:
        return lemma.lower() in self.generics

    def named(self, label: str | None) -> str | None:
        """The group of the first word of a label in one: what a support verb's
        event is (``Es folgte die Fusion mit Maggi``: a fusion; ``gelang ihm die
        Wiederwahl``: an election). A noun (capitalised, not the label's first
        word) may be plural or a compound (``Europapokal-Siege``) and is matched
        against the groups' nouns only (``aus Gründen`` is no founding); a verb
        (lower case, or the first word) may be any form the verb table knows.

        >>> words = load_words("de")
        >>> words.named("Es folgte die Fusion mit der Maggi AG"), words.named("kamen drei Siege")
        ('fusionieren', 'siegen')
        >>> words.named("Weitere Jahre folgten"), words.named("kam es aus Gründen zu")
        (None, None)
        """
        if not label:
            return None
        forms = {} if self.verbs is None else self.verbs.forms
        for number, word in enumerate(_WORD.findall(label)):
            lower = word.lower()
            if len(lower) < MIN_WORD or lower in self.stopwords:
                continue
            noun = word[0].isupper()
            verb = forms.get(lower) if number == 0 or not noun else None
            if verb is not None:
                if verb in self.groups:
                    return self.groups[verb]
                continue  # a verb of no group (the support verb itself)
            if not noun:
                continue
            for ending in ("", *_PLURAL_ENDINGS):
                if lower.endswith(ending) and len(lower) - len(ending) >= MIN_WORD:
                    found = self._noun_group(lower[: len(lower) - len(ending)])
                    if found is not None:
                        return found
        return None

    def _noun_group(self, lower: str) -> str | None:
        """The group of a noun among the groups' nouns (or of its last part of a
        compound), or of the verb a noun in ``-ung`` is made of."""
        infinitives = frozenset() if self.verbs is None else self.verbs.infinitives
        for cut in range(0, len(lower) - _MIN_COMPOUND_HEAD + 1):
            head = lower[cut:]
            if head in self.groups and head not in infinitives:
                return self.groups[head]
        derived = None if self.verbs is None else self.verbs.verb_of(lower)
        if derived is not None:
            return self.groups.get(derived[0])
        return None


@cache
def load_words(lang: str) -> Words:
    """The merge words of ``lang`` (cached); none for a language without ``merge.toml``."""
    try:
        path = language_dir(lang) / WORDS_FILE
    except OptionError:
        return Words({}, frozenset())
    if not path.is_file():
        return Words({}, frozenset())
    try:
        data = read_toml(path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LanguageDataError(f"{path}: {error}") from None
    words = _words(data, str(path))
    return dataclasses.replace(words, verbs=load_lexicon(lang).open_verbs)


def _words(data: dict[str, Any], path: str) -> Words:
    groups: dict[str, str] = {}
    twice: set[str] = set()
    try:
        for members in data.get("same_happening", []):
            head = str(members[0]).lower()
            for member in members:
                word = str(member).lower()
                if word in groups and groups[word] != head:
                    twice.add(word)
                groups[word] = head
        generics = frozenset(str(w).lower() for w in data.get("generic", []))
        stopwords = frozenset(str(w).lower() for w in data.get("stopwords", []))
    except (TypeError, IndexError, KeyError):
        raise LanguageDataError(
            f"{path}: same_happening must be lists of lemmas, generic a list of lemmas"
        ) from None
    for word in twice:  # a word of two groups says nothing about either
        del groups[word]
    return Words(groups, generics, stopwords)


def word_kind(
    lemma: str,
    group: str | None,
    type_: str,
    lemmas: set[str],
    groups: set[str],
    types: set[str],
    generic: bool,
    *,
    only_generic: bool = False,
    only_grouped: bool = False,
) -> str | None:
    """How a mention's word agrees with a merged event's words: ``"lemma"`` (the
    same, not generic), ``"generic"`` (the same generic lemma), ``"group"`` (one
    group of ``merge.toml``), ``"other"`` (only the type, or a generic lemma
    against another word) or ``None`` (never one happening).

    ``only_generic``: the merged event has only generic lemmas. A generic lemma
    (``werden``, ``beginnen``) names no kind of happening, so it cannot veto
    another word: the time, participants and sentences must tell the rest.

    ``only_grouped``: every lemma of the merged event belongs to a group of
    ``merge.toml``. A lemma of another group names another kind of happening
    (an assassination is not the death it causes, a siege not the conquest),
    so the shared type does not join them.

    >>> word_kind("angriff", "angreifen", "conflict", {"beginnen"}, set(), {"change"}, False)
    >>> word_kind("angriff", "angreifen", "conflict", {"beginnen"}, set(), {"change"}, False,
    ...           only_generic=True)
    'other'
    >>> word_kind("attentat", "ermorden", "death", {"sterben"}, {"sterben"}, {"death"}, False,
    ...           only_grouped=True)
    >>> word_kind("sprengung", "sprengen", "change", {"sprengen"}, set(), {"change"}, False)
    'group'
    """
    if lemma in lemmas:
        return "generic" if generic else "lemma"
    if (group or lemma) in groups or (group is not None and group in lemmas):
        return "group"  # a noun's group may be its verb: ``Sprengung``/``sprengen``
    if group is not None and only_grouped and not generic:
        return None  # two named kinds of happening
    if type_ in types or generic or only_generic:
        return "other"
    return None


def time_fit(
    first: tuple[int, int] | None,
    second: tuple[int, int] | None,
    *,
    stated: bool = True,
) -> float | None:
    """The time evidence of two spans of day numbers (``None``: they exclude each other).

    ``stated`` is false when either time was inferred rather than stated. A
    side left open (:data:`OPEN`: ``1988/..``, after 1988) excludes nothing
    beyond it; for the weight it counts as a year from the known bound.

    >>> time_fit((100, 100), (101, 101)), time_fit((0, 371), (100, 100))
    (3.0, 2.0)
    >>> time_fit((0, 371), (400, 400)) is None, time_fit((0, 371), (100, 100), stated=False)
    (True, 1.0)
    >>> time_fit((0, OPEN), (100, 100)), time_fit((0, OPEN), (5000, 5000))
    (2.0, 0.0)
    >>> time_fit((0, 371), (372, 743)) is None  # 2000 and 2001: next to each other, apart
    True
    """
    if first is None or second is None:
        return NO_TIME
    narrow = first[1] - first[0] < SLACK_SPAN and second[1] - second[0] < SLACK_SPAN
    slack = SLACK_DAYS if narrow else 0
    if first[0] > second[1] + slack or second[0] > first[1] + slack:
        # an inferred time is often the narrative's, not the event's: it cannot veto
        return None if stated else CONFLICTING_INFERRED
    first, second = _closed(first), _closed(second)
    if first[0] > second[1] + slack or second[0] > first[1] + slack:
        return 0.0  # compatible, but only by an open side
    widest = max(first[1] - first[0], second[1] - second[0])
    weight = next((w for span, w in TIME_STEPS if widest <= span), 0.0)
    return weight if stated else weight * INFERRED_TIME


def _closed(span: tuple[int, int]) -> tuple[int, int]:
    """An open side closed a year from the known bound (for weighing only)."""
    low, high = span
    if low <= -OPEN and high >= OPEN:
        return span
    if low <= -OPEN:
        return (high - _YEAR_DAYS + 1, high)
    if high >= OPEN:
        return (low, low + _YEAR_DAYS - 1)
    return span


def text_fit(
    words: tuple[str, ...],
    others: tuple[str, ...],
    frequency: dict[str, int],
    mentions: int,
    weights: dict[str, float] | None = None,
) -> float:
    """The evidence of shared content words: the rarity-weighted share of the smaller
    side's words found on the other side (``frequency``: mentions with each word;
    ``weights``: the words' weights already known for these counts, filled in).

    >>> text_fit(("erober", "insel"), ("briten", "erober", "insel"), {}, 10)
    3.0
    """
    if not words or not others:
        return 0.0
    shared_words = set(words).intersection(others)
    if not shared_words:
        return 0.0
    known = {} if weights is None else weights

    def weight(word: str) -> float:
        found = known.get(word)
        if found is None:
            found = known[word] = math.log((mentions + 1) / (frequency.get(word, 0) + 1)) + 1.0
        return found

    shared = sum(map(weight, shared_words))
    smaller = min(sum(map(weight, words)), sum(map(weight, others)))
    return SHARED_WORDS * shared / smaller

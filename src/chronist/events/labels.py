"""Labels of event mentions: who did what, in the text's words.

A verb's label is its clause around the trigger without the dates (and the
prepositions that only introduce them), its own conjunct when ``und`` joins
two verb phrases, at most ``_LABEL_CHARS`` characters, never ending in an
article, preposition or conjunction. A noun's label is the noun and the
genitive or name after it (``Tod Stalins``, ``Schlacht bei Waldheim``).

>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.events.triggers import find_triggers
>>> from chronist.text.tokens import tokenize
>>> text = "Die Stadt wurde weitgehend zerstört und fast völlig entvölkert."
>>> tokens, lexicon = tokenize(text), load_lexicon("de")
>>> hit = find_triggers(text, tokens, lexicon)[0]
>>> verb_label(tokens, hit, (0, len(tokens)), frozenset(), lexicon.markers, frozenset({8}))
'Die Stadt wurde weitgehend zerstört'
"""

from __future__ import annotations

from chronist.events.lexicon import Markers
from chronist.events.trigger_hit import TriggerHit
from chronist.text.tokens import Token

__all__ = ["joins_clauses", "noun_label", "verb_label"]

_LABEL_WORDS = 10
_LABEL_CHARS = 60


def _word(tokens: list[Token], index: int) -> str:
    """A label word: the token, with the dot that directly follows it when the
    sentence goes on ("6." of "der 6. Infanteriedivision")."""
    token = tokens[index]
    after = index + 1
    if (
        after + 1 < len(tokens)
        and tokens[after].text == "."
        and tokens[after].start == token.end
        and token.text[:1].isdigit()
    ):
        return token.text + "."
    return token.text


def joins_clauses(tokens: list[Token], index: int, markers: Markers) -> bool:
    """Whether token ``index`` is an ``und``/``aber`` that may join two clauses or
    verb phrases, not two names (``zwischen Preußen und Frankreich``)."""
    if tokens[index].text.lower() not in markers.coordination:
        return False
    if index > 1 and index + 1 < len(tokens):  # a capital at the start says nothing
        before, after = tokens[index - 1], tokens[index + 1]
        if before.is_word and after.is_word and before.is_capitalised and after.is_capitalised:
            return False
        if before.text[:1].isdigit() and after.text[:1].isdigit():
            return False  # "am 9. und 23. April"
    return True


def noun_label(
    tokens: list[Token], hit: TriggerHit, dated: frozenset[int], markers: Markers
) -> str:
    words = [hit.text]
    for index in range(hit.index + 1, min(len(tokens), hit.index + 6)):
        token = tokens[index]
        if not token.is_word or index in dated:
            break
        lower = token.text.lower()
        if (
            lower in markers.label_followers
            or token.is_capitalised
            or words[-1].lower() in markers.label_articles
        ):
            words.append(token.text)
        else:
            break
    while len(words) > 1 and (
        words[-1].lower() in markers.label_followers
        or _cut(words[-1], markers)
        or _ordinal(words[-1])
    ):
        words.pop()
    return " ".join(words)


def verb_label(
    tokens: list[Token],
    hit: TriggerHit,
    span: tuple[int, int],
    dated: frozenset[int],
    markers: Markers,
    verbs: frozenset[int] = frozenset(),
) -> str:
    first, last = (
        max(span[0], hit.index - 3 * _LABEL_WORDS),
        min(span[1], hit.index + 3 * _LABEL_WORDS),
    )
    kept = [
        i
        for i in range(first, last)
        if tokens[i].is_word and i not in dated and not _joins_dates(tokens, i, dated, markers)
    ]
    kept = [
        i
        for i in kept
        if not (
            tokens[i].text.lower() in markers.date_introducers
            and _introduces_date(tokens, i + 1, dated, markers)
        )
    ]
    own = {hit.index} | ({hit.particle} if hit.particle is not None else set())
    kept = _own_conjunct(tokens, kept, hit, verbs - own, markers) or kept
    while kept and tokens[kept[0]].text.lower() in markers.leading_noise and kept[0] != hit.index:
        kept.pop(0)
    if hit.index in kept and len(kept) > _LABEL_WORDS:
        at = kept.index(hit.index)
        window = kept[max(0, at - 3) : max(0, at - 3) + _LABEL_WORDS]
        if at > 3 and len([i for i in window if i > hit.index]) >= 2:
            # a verb in second place: the first phrase is whole or left out
            window = kept[at : at + _LABEL_WORDS]
        if hit.particle is not None and hit.particle not in window:
            window.append(hit.particle)
        kept = window
    return _tidy(tokens, kept, hit, markers, dated | verbs)


def _own_conjunct(
    tokens: list[Token], kept: list[int], hit: TriggerHit, verbs: frozenset[int], markers: Markers
) -> list[int]:
    """The conjunct of the trigger when ``und``/``aber`` joins two verb phrases
    (``besetzt und später ... eingegliedert``): each verb keeps its own words."""
    joins = [i for i in kept if joins_clauses(tokens, i, markers)]
    for join in joins:
        before = [i for i in kept if i < join]
        after = [i for i in kept if i > join]
        if hit.index < join and any(i in verbs for i in after):
            kept = before
        elif hit.index > join and any(i in verbs for i in before):
            kept = after
    return kept


def _tidy(
    tokens: list[Token],
    kept: list[int],
    hit: TriggerHit,
    markers: Markers,
    whole: frozenset[int] = frozenset(),
) -> str:
    """The label of a verb: its clause words around the trigger, at most
    ``_LABEL_CHARS`` long, never ending in an article, preposition or
    conjunction (a cut phrase) unless that is the verb's particle, and never
    beginning inside a phrase whose start was cut (``Tag seines Aufenthalts bat``
    of ``am dritten Tag ...``); ``whole`` are the words left out on purpose (dates, verbs)."""
    keep = [hit.index] + ([hit.particle] if hit.particle is not None else [])

    def text(indices: list[int]) -> str:
        return " ".join(_word(tokens, i) for i in indices).strip('"„“”»« ')

    kept = _prefield(tokens, kept, keep, markers, whole)
    dropped: set[int] = set()
    while len(text(kept)) > _LABEL_CHARS and len(kept) > len(keep):
        # drop the word farthest from the trigger, outside the trigger and particle
        far = max((i for i in kept if i not in keep), key=lambda i: abs(i - hit.index))
        kept = [i for i in kept if i != far]
        dropped.add(far)
    if dropped:
        kept = _without_orphans(tokens, kept, keep, markers, dropped)
    while (
        len(kept) > 1
        and kept[-1] not in keep
        and (_cut(tokens[kept[-1]].text, markers) or _ordinal(_word(tokens, kept[-1])))
    ):
        kept = kept[:-1]
    while (
        len(kept) > 1
        and kept[0] not in keep
        and (
            tokens[kept[0]].text.lower() in markers.leading_noise
            or tokens[kept[0]].text.lower() in markers.coordination
        )
    ):
        kept = kept[1:]
    return text(_phrase_start(tokens, kept, keep, markers, whole)) or hit.text


def _without_orphans(
    tokens: list[Token], kept: list[int], keep: list[int], markers: Markers, dropped: set[int]
) -> list[int]:
    """``kept`` without the words whose phrase lost its noun when the label was cut to
    length: an article, preposition or conjunction, or an adjective, right before a
    dropped word (``an den teil`` of ``an den Olympischen Spielen teil``)."""
    while True:
        orphans = {
            i for i in kept if i not in keep and i + 1 in dropped and _orphan(tokens, i, markers)
        }
        if not orphans:
            return kept
        kept = [i for i in kept if i not in orphans]
        dropped |= orphans


def _orphan(tokens: list[Token], index: int, markers: Markers) -> bool:
    word = tokens[index].text
    lower = word.lower()
    joins = markers.coordination | markers.gapping_joins  # "und", "sowie"
    if lower in markers.phrase_openers or lower in joins:
        return True
    adjective = word.islower() and lower.endswith(("e", "en", "er", "es", "em"))
    return adjective and tokens[index + 1].is_capitalised


def _prefield(
    tokens: list[Token],
    kept: list[int],
    keep: list[int],
    markers: Markers,
    whole: frozenset[int],
) -> list[int]:
    """A verb in second place with two words or more after it: when the words
    before it begin inside a phrase, the whole cut first phrase is left out
    (``reiste Prinz Friedrich Wilhelm nach Schottland`` of ``Vier Jahre nach der
    Londoner Weltausstellung reiste ...``)."""
    at = keep[0]
    if at not in kept or kept[0] == at or len([i for i in kept if i > at]) < 2:
        return kept
    if not _continues(tokens, kept[0], markers, whole | frozenset(kept)):
        return kept
    return [i for i in kept if i >= at]


def _phrase_start(
    tokens: list[Token],
    kept: list[int],
    keep: list[int],
    markers: Markers,
    whole: frozenset[int],
) -> list[int]:
    """``kept`` beginning where a phrase begins: when its first word goes on a phrase
    whose start was cut, that start (up to three words, within ``_LABEL_CHARS``) is
    put back (``durch Funde des Homo heidelbergensis nachgewiesen``), else the
    phrase's words are left out (``bat ...`` of ``Am dritten Tag seines ... bat``)."""
    if not kept or kept[0] in keep or not _continues(tokens, kept[0], markers, whole):
        return kept
    first = kept[0]
    for _ in range(3):
        first -= 1
        if first < 0 or not tokens[first].is_word or first in whole:
            break
        if tokens[first].text.lower() in markers.coordination | markers.leading_noise:
            break  # "und der italienischen Provinz ...": no label begins so
        if not _continues(tokens, first, markers, whole | frozenset(kept)):
            longer = list(range(first, kept[0])) + kept
            if len(" ".join(_word(tokens, i) for i in longer)) <= _LABEL_CHARS:
                return longer
            break
    start = kept
    while (
        len(start) > 1
        and start[0] not in keep
        and _continues(tokens, start[0], markers, whole | frozenset(start))
    ):
        start = start[1:]
    return start


def _continues(tokens: list[Token], index: int, markers: Markers, whole: frozenset[int]) -> bool:
    """Whether the word at ``index`` goes on a phrase begun by the word before it,
    which the label left out: after an article, a preposition or a number (a date
    the tagger did not take), an adjective before a noun, or a unit of a length."""
    word = tokens[index]
    if word.text.lower() in markers.length_units:
        return True
    before = index - 1
    if before < 0 or before in whole or not tokens[before].is_word:
        return False
    lower = tokens[before].text.lower()
    if lower in markers.phrase_openers or lower[:1].isdigit():
        return True
    if word.text in markers.genitive_only and tokens[before].is_capitalised:
        return True  # "des Homo heidelbergensis" of "durch Funde des ..."
    adjective = lower == tokens[before].text and lower.endswith(("e", "en", "er", "es", "em"))
    return adjective and word.is_capitalised


def _cut(word: str, markers: Markers) -> bool:
    return word.lower() in markers.label_cut_endings or word.endswith(",")


def _ordinal(word: str) -> bool:
    """An ordinal with its dot (``19.``: the tokenizer keeps the dot only before the noun
    it counts); at the end of a label the noun was left out, a cut phrase."""
    return word.endswith(".") and word[:-1].isdigit()


def _introduces_date(
    tokens: list[Token], index: int, dated: frozenset[int], markers: Markers
) -> bool:
    for position in range(index, min(len(tokens), index + 3)):
        if position in dated:
            return True
        if tokens[position].text.lower() not in markers.date_introducers:
            return False
    return False


def _joins_dates(tokens: list[Token], index: int, dated: frozenset[int], markers: Markers) -> bool:
    """``und`` between two dates (``2014 und 2018``) goes with them."""
    return (
        tokens[index].text.lower() in markers.date_coordination
        and index - 1 in dated
        and index + 1 in dated
    )

"""The verb group of a clause, as far as time needs it: tense, passive, perfect.

One reading for every pass that asks what tense a clause is told in: anchoring
(which way a yearless date or a weekday goes) and event dating (is an event a
present state). The facts are data, ``lang/<code>/tense.toml``: the finite
auxiliaries, what a participle and an infinitive look like, and word cues.

An auxiliary is read with its complement, the non-finite verb that goes with
it: ``wird ... entscheiden`` (an infinitive) is the future, ``wird ...
verabschiedet`` (a participle) the passive present, ``hat ... erklärt`` (a
participle) the perfect, a past. Where the language puts that verb
(``complement = "last"``: at the end of the clause, as German does;
``"next"``: right after the auxiliary and its adverbs, as English does) is
data too. The words an auxiliary group uses are not read again as cues (``is
closed`` is not a past because ``closed`` also is a past form).

>>> read_verbs("Am Montag wird der Bundestag entscheiden.", tense_facts("de")).tense
<Tense.FUTURE: 'future'>
>>> group = read_verbs("Am Montag wird das Gesetz verabschiedet.", tense_facts("de"))
>>> group.tense, group.passive
(<Tense.PRESENT: 'present'>, True)
>>> read_verbs("The plant will close in March.", tense_facts("en")).tense
<Tense.FUTURE: 'future'>
>>> read_verbs("The plant is closed on Mondays.", tense_facts("en")).passive
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path

from chronist.errors import LanguageDataError
from chronist.lang import language_dir
from chronist.lang.checks import pattern, read_language_file, required, word_list

__all__ = [
    "TENSE_FILE",
    "Tense",
    "TenseFacts",
    "VerbGroup",
    "read_tense_facts",
    "read_verbs",
    "tense_facts",
]

TENSE_FILE = "tense.toml"


class Tense(Enum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


@dataclass(frozen=True, slots=True)
class VerbGroup:
    """What the verbs of a clause say about its time."""

    tense: Tense  # PRESENT when nothing marks another tense
    passive: bool = False  # werden/be with a participle
    perfect: bool = False  # haben/sein/have with a participle: a past
    stated_present: bool = False  # a present finite form is there (not only the default)
    # a passive of the future auxiliary in the present: what is being or going to be
    # done ("Im November wird gewählt"); German tells what was done in a past tense
    scheduled: bool = False
    pluperfect: bool = False  # a flashback ("ersterer hatte ... im Juli 1917")


@dataclass(frozen=True, slots=True)
class TenseFacts:
    """The tense facts of one language (``lang/<code>/tense.toml``)."""

    future_auxiliaries: frozenset[str]  # + infinitive: future; + participle: passive present
    # future auxiliaries that are infinitives too: one when a modal is in the clause
    # ("evakuiert werden konnten")
    infinitive_auxiliaries: frozenset[str]
    modals: frozenset[str]
    passive_present: frozenset[str]  # + participle: passive present
    passive_past: frozenset[str]  # + participle: passive past
    perfect_auxiliaries: frozenset[str]  # + participle: perfect (a past)
    # + a participle of sein_perfect: the perfect; + another: a state ("sind angekündigt")
    state_auxiliaries: frozenset[str]
    sein_perfect: re.Pattern[str]
    complement_last: bool  # the non-finite verb ends the clause (else it follows the auxiliary)
    skipped: frozenset[str]  # words between an auxiliary and a following complement
    participle: re.Pattern[str]
    future: re.Pattern[str]  # other cues of the future ("soll", "plans to")
    past: re.Pattern[str]  # other cues of the past (preterite forms, "damals")
    present: frozenset[str]  # present finite forms that state a present
    clause_break: re.Pattern[str]
    pluperfect: re.Pattern[str]  # a flashback: its dates do not move a story
    # the past of "sein": a flashback with a participle of sein_perfect ("getreten war")
    pluperfect_sein: re.Pattern[str] | None = None
    # a clause opening with one of these tells in the pluperfect what came right before
    # its main clause ("Nachdem er ... erlebt hatte, kehrte er um"): no flashback
    sequence_openers: frozenset[str] = frozenset()
    # every word that may be a tense's auxiliary (the sets above): a clause's other
    # words are passed over at once
    auxiliaries: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        every = self.future_auxiliaries | self.passive_present | self.passive_past
        object.__setattr__(
            self, "auxiliaries", every | self.perfect_auxiliaries | self.state_auxiliaries
        )


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PARENTHESIS = re.compile(r"\([^()]*\)")


def read_tense_facts(folder: Path) -> TenseFacts:
    """The tense facts of the language folder ``folder``; a LanguageDataError names
    the file and key when something required is missing or malformed."""
    path = folder / TENSE_FILE
    data = read_language_file(path, "tense facts")

    def words(key: str) -> frozenset[str]:
        return frozenset(word_list(data, path, key))

    complement = required(data, path, "complement", str)
    if complement not in ("last", "next"):
        raise LanguageDataError(f"{path}: complement must be 'last' or 'next'")
    return TenseFacts(
        future_auxiliaries=words("future_auxiliaries"),
        infinitive_auxiliaries=words("infinitive_auxiliaries"),
        modals=words("modals"),
        passive_present=words("passive_present"),
        passive_past=words("passive_past"),
        perfect_auxiliaries=words("perfect_auxiliaries"),
        state_auxiliaries=words("state_auxiliaries"),
        sein_perfect=pattern(data, path, "sein_perfect"),
        complement_last=complement == "last",
        skipped=words("skipped"),
        participle=pattern(data, path, "participle"),
        future=pattern(data, path, "future"),
        past=pattern(data, path, "past"),
        present=words("present"),
        clause_break=pattern(data, path, "clause_break"),
        pluperfect=pattern(data, path, "pluperfect"),
        pluperfect_sein=pattern(data, path, "pluperfect_sein")
        if "pluperfect_sein" in data
        else None,
        sequence_openers=words("sequence_openers") if "sequence_openers" in data else frozenset(),
    )


def told_in_pluperfect(text: str, start: int, end: int, facts: TenseFacts) -> bool:
    """Whether ``text[start:end]`` is told in the pluperfect: ``hatte``, or ``war``
    with a participle of a verb forming its perfect with ``sein`` (``..., der
    zurückgetreten war``, ``wo er geboren worden war``; not ``war groß``).

    >>> told_in_pluperfect("wo er geboren worden war", 0, 24, tense_facts("de"))
    True
    """
    if facts.pluperfect.search(text, start, end) is not None:
        return True
    if facts.pluperfect_sein is None or facts.pluperfect_sein.search(text, start, end) is None:
        return False
    return any(
        facts.sein_perfect.fullmatch(w.group().lower()) for w in _WORD.finditer(text, start, end)
    )


@cache
def tense_facts(lang: str) -> TenseFacts:
    """The tense facts of a language (cached)."""
    return read_tense_facts(language_dir(lang))


def _complement(words: list[re.Match[str]], at: int, facts: TenseFacts) -> int | None:
    """Index of the non-finite verb going with the auxiliary ``words[at]``, if any."""
    if facts.complement_last:
        if at == len(words) - 1:  # a subordinate clause: "..., dass es verabschiedet wird"
            before = [i for i in range(at) if words[i].group().lower() not in facts.skipped]
            last = before[-1] if before else -1
        else:
            last = len(words) - 1
        return last if last >= 0 and words[last].group().islower() else None
    for index in range(at + 1, len(words)):
        if words[index].group().lower() not in facts.skipped:
            return index
    return None


@dataclass(frozen=True, slots=True)
class _Group:
    """One auxiliary read with its verb: the tense it marks and the spans it used."""

    tense: Tense
    spans: tuple[tuple[int, int], ...]
    passive: bool = False
    scheduled: bool = False
    # a perfect infinitive under a modal ("soll ... gegeben haben"): a past, whatever
    # the modal's own cue of the future says
    over_cues: bool = False


def _clause_group(clause: str, facts: TenseFacts) -> _Group | None:
    """The first auxiliary group of one clause that marks a tense."""
    lowered = [word.lower() for word in _WORD.findall(clause)]
    if facts.auxiliaries.isdisjoint(lowered):
        return None  # most clauses: no auxiliary
    words = list(_WORD.finditer(clause))
    modal = not facts.modals.isdisjoint(lowered)
    for at, auxiliary in enumerate(lowered):
        if auxiliary not in facts.auxiliaries:
            continue
        match = words[at]
        infinitive = modal and auxiliary in facts.infinitive_auxiliaries
        perfect = auxiliary in facts.perfect_auxiliaries or auxiliary in facts.state_auxiliaries
        if infinitive and not perfect:
            continue  # "werden" under "konnten": an infinitive, no auxiliary of its own
        future = auxiliary in facts.future_auxiliaries
        if not (
            future
            or auxiliary in facts.passive_present
            or auxiliary in facts.passive_past
            or auxiliary in facts.perfect_auxiliaries
            or auxiliary in facts.state_auxiliaries
        ):
            continue
        index = _complement(words, at, facts)
        if index is None:
            if future:  # "wird Präsident": a change ahead
                return _Group(Tense.FUTURE, (match.span(),))
            continue
        used = (match.span(), words[index].span())
        verb = words[index].group().lower()
        sein_perfect = auxiliary in facts.state_auxiliaries and facts.sein_perfect.fullmatch(verb)
        if not (sein_perfect or facts.participle.fullmatch(verb)):
            if future:  # an infinitive: "wird ... entscheiden"
                return _Group(Tense.FUTURE, used)
            continue
        if future:  # "wird ... verabschiedet"
            return _Group(Tense.PRESENT, used, passive=True, scheduled=True)
        if auxiliary in facts.passive_present:  # "is closed"
            return _Group(Tense.PRESENT, used, passive=True)
        if auxiliary in facts.state_auxiliaries and not sein_perfect:
            return _Group(Tense.PRESENT, used, passive=True)  # "sind ... angekündigt"
        if auxiliary in facts.passive_past:  # "wurde ... gewählt"
            return _Group(Tense.PAST, used, passive=True)
        return _Group(Tense.PAST, used, over_cues=infinitive)  # "hat ... beantragt"
    return None


def read_verbs(text: str, facts: TenseFacts) -> VerbGroup:
    """The verb group of ``text`` (a clause or a sentence): its tense and voice.

    An auxiliary group decides first (the future, a passive present, a perfect);
    otherwise the future cues, then the past cues; a sentence without any is in
    the present. The words a group used are not read again as cues.

    >>> read_verbs("Die Firma hat am Montag Insolvenz beantragt.", tense_facts("de")).perfect
    True
    >>> read_verbs("Die Firma hat ein neues Werk.", tense_facts("de")).tense
    <Tense.PRESENT: 'present'>
    """
    group: _Group | None = None
    used: list[tuple[int, int]] = []
    start = 0
    # a parenthesis is set into its clause: the clause goes on after it
    clauses = _PARENTHESIS.sub(lambda inside: " " * len(inside.group()), text)
    for piece in [*facts.clause_break.finditer(clauses), None]:
        end = len(text) if piece is None else piece.start()
        found = _clause_group(clauses[start:end], facts)
        if found is not None and (group is None or found.tense is Tense.FUTURE):
            group = found
            used += [(start + a, start + b) for a, b in found.spans]
        start = end if piece is None else piece.end()
    rest = text
    for a, b in used:
        rest = rest[:a] + " " * (b - a) + rest[b:]
    words = {word.lower() for word in _WORD.findall(text)}
    passive = group is not None and group.passive
    scheduled = group is not None and group.scheduled
    stated = bool(words & facts.present) or (
        passive and group is not None and group.tense is Tense.PRESENT
    )
    flashback = told_in_pluperfect(text, 0, len(text), facts)
    over_cues = group is not None and group.over_cues
    if (group is not None and group.tense is Tense.FUTURE) or (
        not over_cues and facts.future.search(text)
    ):
        return VerbGroup(Tense.FUTURE, passive, False, stated, scheduled, flashback)
    if group is not None and group.tense is Tense.PAST:
        return VerbGroup(Tense.PAST, passive, not passive, stated, scheduled, flashback)
    if flashback or facts.past.search(rest):
        return VerbGroup(Tense.PAST, passive, False, stated, scheduled, flashback)
    return VerbGroup(Tense.PRESENT, passive, False, stated, scheduled)

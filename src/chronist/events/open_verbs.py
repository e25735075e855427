"""Verbs outside the trigger list, known from a table of word forms (``[open_verbs]``
of ``events.toml``): their lemma, whether a form is a past, and the forms the
table lacks (a particle verb written joined, a weak past plural).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronist.errors import LanguageDataError
from chronist.events.entry import Form, TriggerEntry, TriggerKind

__all__ = ["OpenVerbs", "read_open_verbs"]

# the endings of a weak past form: "brachten", "kehrte", "steuertet"
_WEAK_PAST = re.compile(r"te(?:n|st|t)?$")
_PAST_END = re.compile(r"t(?:e|en|est|et)?$")
_GUESSED_KEPT = 100_000  # unknown words whose guessed lemma is remembered
_VOWELS = re.compile("[aeiouäöü]+")


@dataclass(frozen=True, slots=True)
class OpenVerbs:
    """Verbs outside the trigger list, known from a table of word forms
    (``[open_verbs]`` of ``events.toml``): any full verb of a clause without a
    listed trigger states what happened in it (``die Alemannen besiedelten das
    Gebiet``), unless its lemma is a state or auxiliary (``liegen``, ``sein``)."""

    forms: dict[str, str]  # lower-cased word form -> infinitive
    type: str
    not_events: frozenset[str]
    particles: frozenset[str]  # separable particles: "wanderten ... ein" -> einwandern
    zu: str
    infinitives: frozenset[str] = frozenset()
    becoming: frozenset[str] = frozenset()  # "werden" alone: a change of state
    noun_endings: tuple[str, ...] = ()  # of deverbal event nouns: "ung", "ungen"
    # the stem vowels a present form may show for the infinitive's vowel (e: i, ie
    # in "nimmt", "sieht"); another vowel in a -t form is a strong past ("bot", "hielt")
    present_vowels: dict[str, frozenset[str]] = field(default_factory=dict)
    # words before a date that tell when a state began ("seit 1990"): a present
    # form in a clause dated so is still a state
    state_starts: frozenset[str] = frozenset()
    # endings of an infinitive ("infizieren", "ändern"): a lower-case word so ending
    # after "zu" is a verb even when the form table does not list it
    infinitive_endings: tuple[str, ...] = ()
    # endings of an inflected adjective or participle ("verschiedenen", "illustrierte"):
    # only a form so ending stands before a noun as its attribute
    adjective_endings: tuple[str, ...] = ()
    # verbs that are events with an object but opinions with a clause after them
    # ("nahm den Königstitel an", not "nahm an, dass ...")
    opinion_with_clause: frozenset[str] = frozenset()
    clause_openers: frozenset[str] = frozenset()  # "dass", "ob"
    # participles used as adverbs or prepositions ("umgekehrt", "abgesehen von")
    adverb_forms: frozenset[str] = frozenset()
    # a word after a date opened by one of its words tells a state began then
    # ("vom Ende des 15. Jahrhunderts an")
    state_starts_after: dict[str, frozenset[str]] = field(default_factory=dict)
    # a weak participle the table lacks ("vermählt") is read only beside one of these
    # (a passive): alone it is as often an adjective ("beliebt", "20 km entfernt")
    guessed_participle_with: tuple[str, ...] = ()
    # state verbs whose ge-participle beside a passive auxiliary is an event
    # ("gefunden wurde": a find; "fand Anklang" stays a state)
    passive_events: frozenset[str] = frozenset()
    # verbs that with a zu-infinitive tell an attempt ("zu überzeugen suchten"), no event
    attempt_with_zu: frozenset[str] = frozenset()
    # state verbs that tell a move with a direction in their clause ("ging nach Rom")
    moves_with: dict[str, frozenset[str]] = field(default_factory=dict)
    impersonal: frozenset[str] = frozenset()  # "ging es nach ...": no one moved
    # verbs that are states with one of these words in their clause ("verfügte über
    # eine Flotte"), events without ("verfügte die Schließung der Klöster")
    states_with: dict[str, frozenset[str]] = field(default_factory=dict)
    # state verbs whose past tells an event when their clause has a date of its own
    # ("erschien im August 2013": was published; "erscheint mir" stays a state)
    dated_events: frozenset[str] = frozenset()
    # adverbs with an adjective's ending that end a fronted time phrase, before the
    # finite verb ("Drei Jahre später forcierte Agrippina": no attribute)
    fronted_adverbs: frozenset[str] = frozenset()
    # state verbs of use whose past carries out the goal after them ("nutzten die Lage
    # zum Bau einer Burg": the castle was built)
    used_for: frozenset[str] = frozenset()
    # the lemmas guessed for forms the table lacks (a cache, filled as words come)
    guessed: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    # the open readings of the words read so far (a cache of :meth:`entry`)
    read: dict[tuple[str, bool], TriggerEntry | None] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def deverbal(self, word: str) -> TriggerEntry | None:
        """``Christianisierung``, ``Einwanderungen``: a noun in ``-ung`` of a known
        verb (``christianisieren``, ``einwandern``), not of a state verb."""
        found = self.verb_of(word)
        if found is None:
            return None
        ending = found[1]
        stripped = word[: len(word) - len(ending) + 3]  # the singular
        return TriggerEntry(stripped, TriggerKind.NOUN, self.type, Form.NOUN, open=True)

    def verb_of(self, word: str) -> tuple[str, str] | None:
        """The verb a noun in ``-ung`` is made of, and the ending: ``Sprengung`` ->
        ``("sprengen", "ung")``; ``None`` for another word or a state verb's noun."""
        lower = word.lower()
        for ending in self.noun_endings:
            if not lower.endswith(ending):
                continue
            stem = lower[: -len(ending)]
            for verb in (stem + "en", stem + "n", stem[:-1] + "eln", stem[:-1] + "ern"):
                if verb in self.infinitives and verb not in self.not_events:
                    return verb, ending
        return None

    def strong_past(self, form: str, lemma: str) -> bool:
        """Whether a -t ``form`` of ``lemma`` is a strong past: its stem vowel is
        neither the infinitive's nor one its present shows (``bot`` of
        ``bieten``, ``hielt`` of ``halten``; not ``hält``, ``nimmt``, ``bietet``).

        >>> verbs = OpenVerbs({}, "change", frozenset(), frozenset(), "zu",
        ...     present_vowels={"e": frozenset({"i", "ie"}), "a": frozenset({"ä"})})
        >>> [verbs.strong_past(f, l) for f, l in [("bot", "bieten"), ("hielt", "halten"),
        ...     ("hält", "halten"), ("nimmt", "nehmen"), ("bietet", "bieten")]]
        [True, True, False, False, False]
        """
        if not self.present_vowels:
            return False
        for ending in ("est", "et", "st", "t"):
            if form.endswith(ending) and len(form) > len(ending) + 1:
                form = form[: -len(ending)]
                break
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
        found, own = _VOWELS.findall(form), _VOWELS.findall(stem)
        if not found or not own:
            return False
        vowel, infinitive = found[-1], own[-1]
        return vowel != infinitive and vowel not in self.present_vowels.get(infinitive, ())

    def _guessed(self, word: str) -> str | None:
        """The lemma of a form the table lacks, remembered per word (every
        unknown word of a text asks)."""
        if word in self.guessed:
            return self.guessed[word]
        lower = word.lower()
        lemma = (
            self._past_plural(lower)
            or self._weak_participle(lower)
            or (self._joined(lower) if word.islower() else None)
        )
        if len(self.guessed) >= _GUESSED_KEPT:
            self.guessed.clear()  # a corpus of many texts: the memory stays bounded
        self.guessed[word] = lemma
        return lemma

    def _past_plural(self, lower: str) -> str | None:
        """The lemma of a weak past plural the table lacks when it has the singular
        (``benannten`` of ``benannte``), unless the word is that lemma itself
        (``erhalten``, ``betrachten``: infinitives in ``-ten``)."""
        if not lower.endswith("ten"):
            return None
        lemma = self.forms.get(lower[:-1])
        return lemma if lemma is not None and lemma != lower else None

    def _weak_participle(self, lower: str) -> str | None:
        """The lemma of a weak ``-t`` form the table lacks when it has the past
        (``vermählt`` of ``vermählte``, ``vermählen``): the verb's stem and ``t``.

        >>> verbs = OpenVerbs({"vermählte": "vermählen"}, "change", frozenset(),
        ...     frozenset(), "zu")
        >>> [verbs._weak_participle(w) for w in ("vermählt", "vermählte", "erst")]
        ['vermählen', None, None]
        """
        if not lower.endswith("t"):
            return None
        lemma = self.forms.get(lower + "e")
        if lemma is None or not lemma.endswith("en"):
            return None
        stem = lemma[:-2]
        return lemma if lower in (stem + "t", stem + "et") else None

    def _joined(self, lower: str) -> str | None:
        """The lemma of a particle verb in the past written joined at a clause's end,
        where the form table may lack it (``herausbrachten``: ``heraus`` +
        ``brachten`` of ``bringen``; ``umgebracht``), when that particle verb is a
        known infinitive. Not a present form or an inflected participle, which
        stand as adverbs and adjectives (``wiederholt``, ``annähernd``,
        ``entgegengesetzte``).

        >>> verbs = OpenVerbs({"brachten": "bringen", "holt": "holen"}, "change",
        ...     frozenset(), frozenset({"heraus", "wieder", "zu"}), "zu",
        ...     frozenset({"herausbringen", "wiederholen"}))
        >>> [verbs._joined(w) for w in ("herausbrachten", "zubrachten", "wiederholt")]
        ['herausbringen', None, None]
        """
        if not _PAST_END.search(lower):
            return None  # neither a weak past nor a participle in -t (most words)
        for particle in self.particles:
            rest = lower[len(particle) :]
            if not lower.startswith(particle) or len(rest) < 4:
                continue
            participle = rest.startswith("ge") and rest.endswith("t")
            if not participle and (rest.startswith("ge") or not _WEAK_PAST.search(rest)):
                continue
            base = self.forms.get(rest)
            if base is not None and particle + base in self.infinitives:
                return particle + base
        return None

    def entry(self, word: str, separated: bool = False) -> TriggerEntry | None:
        """The open reading of ``word``, if it is a form of a verb that can be an
        event; ``separated``: also of a state verb, whose separable particle
        may make an event of it (``gab ... frei``, ``ließ ... frei``)."""
        key = (word, separated)
        if key in self.read:
            return self.read[key]
        if len(self.read) >= _GUESSED_KEPT:
            self.read.clear()  # the memory stays bounded
        found = self.read[key] = self._entry(word, separated)
        return found

    def _entry(self, word: str, separated: bool) -> TriggerEntry | None:
        lower = word.lower()
        lemma = self.forms.get(lower)
        requires: tuple[str, ...] = ()
        if lemma is None:
            lemma = self._guessed(word)
            if lemma is not None and self._weak_participle(lower) == lemma:
                requires = self.guessed_participle_with
        if lemma is not None and lemma in self.passive_events and lower.startswith("ge"):
            requires = self.guessed_participle_with  # "gefunden wurde"
        elif lemma is None or (lemma in self.not_events and not separated):
            return None
        if lower in self.adverb_forms:
            return None  # "Umgekehrt rivalisierten ...", "abgesehen vom Balkanraum"
        if not separated and lower.endswith("t") and lower[:-1] + "en" in self.not_events:
            return None  # "gehört": the present of a state verb as much as a participle
        if lower.endswith("enen") and not lemma.endswith("nen"):
            return None  # an inflected strong participle: an adjective ("gelegenen")
        if self.zu in lower and lower.replace(self.zu, "", 1) == lemma:
            return None  # zu-infinitive ("anzuerkennen"): a complement
        # -en forms other than the infinitive are a strong past or participle
        # (zogen, gezogen); of the -t forms ge- participles are past (gegründet), and
        # the strong pasts whose stem vowel no present form has (bot, hielt, trat)
        # (not a present of a verb whose own stem begins so: "geht", "gestaltet")
        participle = lower.startswith("ge") and not lemma.startswith("ge")
        past = not lower.endswith("t") or participle or self.strong_past(lower, lemma)
        return TriggerEntry(
            lemma, TriggerKind.VERB, self.type, Form.FINITE, requires=requires, past=past, open=True
        )


def read_open_verbs(data: dict[str, Any], path: Path, types: frozenset[str]) -> OpenVerbs | None:
    """The open verbs of ``[open_verbs]`` in the events file ``path`` (``None`` without
    that table); a LanguageDataError names the file and key when one is bad."""
    table = data.get("open_verbs")
    if table is None:
        return None
    where = f"{path}: [open_verbs]"
    try:
        source = path.parent / str(table["forms"])
        type_ = str(table["type"])
        not_events = frozenset(str(w) for w in table["not_events"])
        particles = frozenset(str(w) for w in table["particles"])
    except KeyError as error:
        raise LanguageDataError(f"{where}: missing key {error}") from None
    if type_ not in types:
        raise LanguageDataError(f"{where}: unknown event type {type_!r}")
    try:
        rows = gzip.decompress(source.read_bytes()).decode("utf-8").splitlines()
        forms = dict(row.split("\t", 1) for row in rows if row)
    except (OSError, ValueError) as error:
        raise LanguageDataError(f"{where}: {source.name}: {error}") from None
    # a lemma listed in one spelling is listed in its variant too ("heißen": the
    # Swiss "heissen" of "hiess", as the form table has it)
    variants = {str(k): str(v) for k, v in table.get("spelling_variants", {}).items()}
    not_events |= {w.replace(a, b) for w in not_events for a, b in variants.items() if a in w}
    zu = str(data["clauses"]["zu"])
    becoming = frozenset(str(w) for w in table.get("becoming", []))
    endings = tuple(str(w) for w in table.get("noun_endings", []))
    vowels = {
        str(k): frozenset(str(v) for v in w) for k, w in table.get("present_vowels", {}).items()
    }
    starts = frozenset(str(w) for w in table.get("state_starts", []))
    infinitive = tuple(str(w) for w in table.get("infinitive_endings", []))
    adjective = tuple(str(w) for w in table.get("adjective_endings", []))
    opinion = frozenset(str(w) for w in table.get("opinion_with_clause", []))
    openers = frozenset(str(w) for w in table.get("clause_openers", []))
    adverbs = frozenset(str(w) for w in table.get("adverb_forms", []))
    guessed_with = tuple(str(w) for w in table.get("guessed_participle_with", []))
    return OpenVerbs(
        forms, type_, not_events, particles, zu, frozenset(forms.values()), becoming, endings,
        vowels, starts, infinitive, adjective, opinion, openers, adverbs,
        {
            str(closing): frozenset(str(w) for w in opening)
            for closing, opening in table.get("state_starts_after", {}).items()
        },
        guessed_participle_with=guessed_with,
        passive_events=frozenset(str(w) for w in table.get("passive_events", [])),
        attempt_with_zu=frozenset(str(w) for w in table.get("attempt_with_zu", [])),
        impersonal=frozenset(str(w) for w in table.get("impersonal", [])),
        dated_events=frozenset(str(w) for w in table.get("dated_events", [])),
        fronted_adverbs=frozenset(str(w) for w in table.get("fronted_adverbs", [])),
        used_for=frozenset(str(w) for w in table.get("used_for", [])),
        states_with={
            str(lemma): frozenset(str(w) for w in words)
            for lemma, words in table.get("states_with", {}).items()
        },
        moves_with={
            str(lemma): frozenset(str(w) for w in words)
            for lemma, words in table.get("moves_with", {}).items()
        },
    )  # fmt: skip

"""Verbs outside the trigger list, found by their form (:func:`open_verb`).

A lower-case word inside a sentence that the table of word forms
(:mod:`chronist.events.open_verbs`) knows is a verb: a past form, or a present
one in a past conjunct or a dated clause (``Um 1100 bricht die Münzreihe
ab``); not an attributive form (``verschiedenen Reichen``), an opinion with a
clause (``nahm an, dass``) or a state verb; a separable particle closing its
clause is joined to its lemma.
"""

from __future__ import annotations

from dataclasses import replace

from chronist.events.lexicon import Form, Lexicon, Markers, OpenVerbs, TriggerEntry, TriggerKind
from chronist.events.particles import CLAUSE_END as _CLAUSE_END
from chronist.events.particles import CONJUNCT_END as _CONJUNCT_END
from chronist.events.particles import closing_particle as _closing_particle
from chronist.events.trigger_hit import TriggerHit
from chronist.events.verb_context import adjectival, before_zu, requirement_met, succeeded
from chronist.text.tokens import Token
from chronist.text.verbs import tense_facts

__all__ = ["open_verb"]

# An infinitive at a clause's end stands this many tokens after its auxiliary at most
# ("ließ der Dauphin Jeanne drei Wochen lang von Geistlichen ... prüfen").
_AUXILIARY_REACH = 24


def _bare_infinitive(
    tokens: list[Token], index: int, open_verbs: OpenVerbs, markers: Markers
) -> TriggerEntry | None:
    """An infinitive-shaped form after a past auxiliary or modal of its clause:
    a strong participle (``wurden ... erlassen``) or the verb of a modal perfect
    (``musste sich ... ergeben``)."""
    lower = tokens[index].text.lower()
    if lower not in open_verbs.infinitives or lower in open_verbs.not_events:
        return None
    for position in range(index - 1, max(-1, index - _AUXILIARY_REACH), -1):
        word = tokens[position].text
        if word in _QUOTES and _quoted_word(tokens, position):
            continue  # 'wurde die "Schutzkorpsverordnung" erlassen': a name in quotes
        if word in _CLAUSE_END:
            return None
        if word.lower() in markers.past:
            return TriggerEntry(
                lower, TriggerKind.VERB, open_verbs.type, Form.PARTICIPLE, past=True, open=True
            )
    return None


_QUOTES = frozenset('"“”»«„')


def _quoted_word(tokens: list[Token], index: int) -> bool:
    """Whether the quote at ``index`` closes or opens a quote of one or two words."""
    for step in (-1, 1):
        for width in (2, 3):
            other = index + step * width
            if 0 <= other < len(tokens) and tokens[other].text in _QUOTES:
                inside = tokens[min(index, other) + 1 : max(index, other)]
                if all(t.is_word for t in inside):
                    return True
    return False


def _attributive(
    tokens: list[Token], index: int, markers: Markers, endings: tuple[str, ...]
) -> bool:
    """``verschiedenen Reichen``, ``aus einem ... illustrierte Flugblätter``: an
    unlisted form with an adjective's ending (``endings``) before a noun, after a
    word that cannot precede a finite verb (an article, a preposition, an
    inflected adjective, a comma)."""
    if index + 1 >= len(tokens) or not tokens[index + 1].is_capitalised:
        return False
    if not tokens[index].text.endswith(endings):
        return False  # "zog Georg": only an inflected form stands before a noun
    if index == 0:
        return True
    before = tokens[index - 1].text
    lower = before.lower()
    return (
        before in ","
        or lower in markers.label_cut_endings
        or (not tokens[index - 1].is_capitalised and lower.endswith(endings))
        or _agent_inside(tokens, index, markers)
    )


def _fronted(tokens: list[Token], index: int, markers: Markers, open_verbs: OpenVerbs) -> bool:
    """``Drei Jahre später forcierte Agrippina eine Ehe``: the form follows an adverb
    of ``[open_verbs] fronted_adverbs`` that ends a phrase fronted before the finite
    verb (after a noun), not one inside an attribute (``die später errichtete Kirche``)."""
    if index < 2 or tokens[index - 1].text.lower() not in open_verbs.fronted_adverbs:
        return False
    noun = tokens[index - 2]
    return noun.is_capitalised and noun.text.lower() not in markers.label_cut_endings


def _agent_inside(tokens: list[Token], index: int, markers: Markers) -> bool:
    """``der von den Ottonen gewünschten Anna``, ``der vom Konzil abgesetzte Papst``:
    an agent phrase right before the form, inside an attributive phrase."""
    if index < 3 or not tokens[index - 1].is_capitalised:
        return False
    two, three = tokens[index - 2].text.lower(), tokens[index - 3].text.lower()
    agents = markers.agent_prepositions
    if two in agents or two in markers.definite_contractions:  # "vom Konzil"
        return three in markers.definite or three in markers.indefinite
    return (two in markers.definite or two in markers.indefinite) and three in agents


def _succeeded_zu(
    tokens: list[Token], index: int, open_verbs: OpenVerbs, lexicon: Lexicon
) -> TriggerEntry | None:
    lower = tokens[index].text.lower()
    at = lower.find(open_verbs.zu, 1)
    if at < 0 or not succeeded(tokens, index, lexicon):
        return None
    lemma = lower[:at] + lower[at + len(open_verbs.zu) :]
    if lemma not in open_verbs.infinitives or lemma in open_verbs.not_events:
        return None
    return TriggerEntry(lemma, TriggerKind.VERB, open_verbs.type, Form.INFINITIVE, open=True)


def _past_conjunct(tokens: list[Token], index: int, markers: Markers, copula: bool = True) -> bool:
    """Whether the clause conjunct of token ``index`` (between punctuation and
    ``und``) has a past auxiliary or modal: ``Platon teilt mit, dass ... war`` and
    ``war ... besiedelt und gehört zu jenen Regionen`` say a present; without
    ``copula``, the copula's forms do not count (``Paris war bedroht``: a state)."""

    # a form closing its clause shares the auxiliary of the conjunct before
    # ("wurde weitgehend zerstört und fast völlig entvölkert"), one right before "und"
    # that of the conjunct after ("zuerst inhaftiert und dann verbannt wurde")
    last = index + 1 == len(tokens) or tokens[index + 1].text in _CONJUNCT_END
    first = index + 1 < len(tokens) and tokens[index + 1].text.lower() in markers.coordination

    def bound(at: int) -> bool:
        text = tokens[at].text
        if text in _CONJUNCT_END:
            return True
        if last or (first and at == index + 1):
            return False
        if text.lower() not in markers.coordination or not 0 < at < len(tokens) - 1:
            return False
        # not "und" between two names: "wie Australopithecus und Kenyanthropus besiedelt"
        return not (tokens[at - 1].is_capitalised and tokens[at + 1].is_capitalised)

    low = index
    while low > 0 and not bound(low - 1):
        low -= 1
    high = index
    while high < len(tokens) and not bound(high):
        high += 1
    found = {t.text.lower() for t in tokens[low:high]} & markers.past
    return bool(found if copula else found - markers.copula.keys())


def _succeeded_infinitive(
    tokens: list[Token], index: int, open_verbs: OpenVerbs, lexicon: Lexicon
) -> TriggerHit | None:
    """``gelang es ..., Affen mit Masern zu infizieren``: the infinitive after ``zu``
    closing the clause of a verb of success, a verb even when the form table does
    not list it (its form says so: lower case, ``-en``/``-ern``/``-eln``)."""
    token = tokens[index]
    word = token.text
    closing = index + 1 == len(tokens) or tokens[index + 1].text in _CLAUSE_END
    if (
        not closing
        or not word.islower()
        or not word.endswith(open_verbs.infinitive_endings)
        or word in open_verbs.not_events
        or not succeeded(tokens, index, lexicon)
    ):
        return None
    entry = TriggerEntry(word, TriggerKind.VERB, open_verbs.type, Form.INFINITIVE, open=True)
    return TriggerHit(index, entry, token.start, token.end, word)


def _dated_clause(
    tokens: list[Token], index: int, dated: frozenset[int], open_verbs: OpenVerbs
) -> bool:
    """Whether the clause of token ``index`` has a date of its own, not one of
    a state's start (``seit 1990``): a present form there tells a past event
    (``Um 1100 bricht die Münzreihe ab``)."""
    low, high = _clause_bounds(tokens, index)
    starts = [i for i in range(low, high) if i in dated and i - 1 not in dated]
    return any(i == 0 or tokens[i - 1].text.lower() not in open_verbs.state_starts for i in starts)


def _clause_bounds(tokens: list[Token], index: int) -> tuple[int, int]:
    """The tokens of the clause of token ``index`` (between punctuation), as a range."""
    low = index
    while low > 0 and tokens[low - 1].text not in _CLAUSE_END:
        low -= 1
    high = index
    while high < len(tokens) and tokens[high].text not in _CLAUSE_END:
        high += 1
    return low, high


def _opinion(tokens: list[Token], last: int, open_verbs: OpenVerbs, lemma: str) -> bool:
    """Whether the verb ending at token ``last`` (its particle, if any) is one of
    ``opinion_with_clause`` with a clause right after it (``nahm an, dass``)."""
    if last + 2 >= len(tokens) or tokens[last + 1].text != ",":
        return False
    particle = tokens[last].text.lower()
    if (particle + lemma) not in open_verbs.opinion_with_clause and (
        lemma not in open_verbs.opinion_with_clause
    ):
        return False
    return tokens[last + 2].text.lower() in open_verbs.clause_openers


def _with_zu(tokens: list[Token], index: int, zu: str) -> bool:
    """Whether the clause of token ``index`` (between punctuation) has a ``zu``."""
    low, high = _clause_bounds(tokens, index)
    return any(t.text == zu for t in tokens[low:high])


def _nominalised(tokens: list[Token], open_verbs: OpenVerbs, markers: Markers) -> bool:
    """Whether a sentence's first word is a noun made of a verb form: joined by ``und``
    to a noun (``Verwundete und Kranke warteten``) or followed by a past verb form
    (``Verwundete warteten``), where a finite verb first would stand before its subject."""
    if len(tokens) < 3:
        return False
    after, then = tokens[1], tokens[2]
    if after.text.lower() in markers.coordination and then.is_capitalised:
        return True
    entry = open_verbs.entry(after.text) if not after.is_capitalised else None
    return entry is not None and entry.past


def open_verb(
    tokens: list[Token], index: int, lexicon: Lexicon, dated: frozenset[int] = frozenset()
) -> TriggerHit | None:
    """A verb outside the list, from its form (lower case inside a sentence);
    a separable particle closing its clause is joined to its lemma."""
    token, open_verbs, markers = tokens[index], lexicon.open_verbs, lexicon.markers
    if open_verbs is None or (token.is_capitalised and index > 0):
        return None
    if index == 0 and token.is_capitalised and _nominalised(tokens, open_verbs, markers):
        return None  # "Verwundete und Kranke warteten": people, not a verb
    if index > 0 and tokens[index - 1].text == markers.zu:
        return _succeeded_infinitive(tokens, index, open_verbs, lexicon)
    if token.text in open_verbs.infinitives and before_zu(tokens, index, markers.zu):
        return None  # "um ... regieren zu können": inside a zu-infinitive
    entry = (
        open_verbs.entry(token.text)
        or _bare_infinitive(tokens, index, open_verbs, markers)
        or _succeeded_zu(tokens, index, open_verbs, lexicon)
    )
    separated = entry is None
    entry = entry or open_verbs.entry(token.text, separated=True)
    articles = markers.definite | markers.indefinite
    # "die besetzten Gebiete" (not "In dieser beschrieb Archimedes": no adjective's ending)
    inflected = token.text.endswith(open_verbs.adjective_endings)
    if (
        entry is None
        or token.text.lower() in articles
        or (inflected and adjectival(tokens, index, articles))
    ):
        return None  # not an article that is also a verb form ("einen")
    if not requirement_met(tokens, entry):
        return None  # a guessed participle without its passive auxiliary
    if _attributive(tokens, index, markers, open_verbs.adjective_endings) and not _fronted(
        tokens, index, markers, open_verbs
    ):
        return None
    if (
        not entry.past
        and not _past_conjunct(tokens, index, markers, copula=False)
        and not _dated_clause(tokens, index, dated, open_verbs)
    ):
        # a present form outside a past conjunct or a dated clause, or a -t participle
        # with only the copula ("Paris war bedroht"): a state
        return None
    if (
        entry.past
        and _copula_participle(tokens, index, entry.lemma, lexicon)
        and not _dated_clause(tokens, index, dated, open_verbs)
    ):
        return None  # "Die Bevölkerung war verbittert und zerstritten": a state
    position = _closing_particle(
        tokens, index, open_verbs.particles, markers.coordination, open_verbs.forms, markers
    )
    if _opinion(tokens, position if position is not None else index, open_verbs, entry.lemma):
        return None  # "nahm an, dass ...": an opinion, not the event "nahm ... an"
    if entry.lemma in open_verbs.attempt_with_zu and _with_zu(tokens, index, markers.zu):
        return None  # "sie davon zu überzeugen suchten": an attempt
    if _state_with(tokens, index, entry.lemma, open_verbs):
        return None  # "verfügte über eine Flotte": a state
    if (
        position is not None
        and not separated
        and tokens[position].text + entry.lemma not in (open_verbs.infinitives)
    ):
        position = None  # no particle verb of this verb ("veröffentlichte ... bekannt")
    if position is not None:
        lemma = tokens[position].text + entry.lemma
        if lemma in open_verbs.not_events or (
            separated
            and (
                lemma not in open_verbs.infinitives
                or any(t.text.lower() in markers.coordination for t in tokens[index:position])
            )
        ):
            return None  # a state verb is an event only as a particle verb of its own conjunct
        text = f"{token.text} ... {tokens[position].text}"
        return TriggerHit(
            index, replace(entry, lemma=lemma), token.start, token.end, text, position
        )
    if (
        separated
        and not _moves(tokens, index, lexicon)
        and not _dated_event(tokens, index, entry, dated, open_verbs)
    ):
        return None  # a state verb, not told as a move nor as a dated event
    return TriggerHit(index, entry, token.start, token.end, token.text)


def _state_with(tokens: list[Token], index: int, lemma: str, open_verbs: OpenVerbs) -> bool:
    """Whether the clause of the verb at ``index`` has a word of ``[open_verbs]
    states_with`` for its lemma (``verfügte über``, ``spielte eine Rolle``)."""
    state_words = open_verbs.states_with.get(lemma)
    if not state_words:
        return False
    low, high = _clause_bounds(tokens, index)
    return any(t.text.lower() in state_words for t in tokens[low:high])


def _dated_event(
    tokens: list[Token],
    index: int,
    entry: TriggerEntry,
    dated: frozenset[int],
    open_verbs: OpenVerbs,
) -> bool:
    """Whether the state verb at ``index`` is one of ``[open_verbs] dated_events`` in
    the past with a date of its own clause (``Im August 2013 erschien ihr Album``),
    and no word of ``states_with`` for it there (``spielte 1920 eine Rolle``)."""
    return (
        entry.lemma in open_verbs.dated_events
        and entry.past
        and _dated_clause(tokens, index, dated, open_verbs)
        and not _state_with(tokens, index, entry.lemma, open_verbs)
    )


def _copula_participle(tokens: list[Token], index: int, lemma: str, lexicon: Lexicon) -> bool:
    """Whether token ``index`` is a participle other than the lemma's own form
    (``zerstritten``, ``umgeben``) whose conjunct has only the copula's past
    (``war``), and not of a verb whose perfect takes ``sein`` (``war gestorben``)."""
    word, markers = tokens[index].text, lexicon.markers
    if not word.islower() or word == lemma or not word.endswith(("en", "t")):
        return False
    if not _past_conjunct(tokens, index, markers) or _past_conjunct(
        tokens, index, markers, copula=False
    ):
        return False
    return tense_facts(lexicon.lang).sein_perfect.fullmatch(word) is None


def _moves(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """Whether the state verb at ``index`` tells a move: a direction of
    ``[open_verbs] moves_with`` after it in its clause (``ging Caesar als Offizier
    in den Stab``), someone who moves (not ``ging es nach ...``), and no listed event
    noun after it that tells the move itself (``ging ... ins Exil``)."""
    open_verbs = lexicon.open_verbs
    assert open_verbs is not None
    directions = open_verbs.moves_with.get(open_verbs.forms.get(tokens[index].text.lower(), ""))
    if not directions:
        return False
    following = tokens[index + 1].text.lower() if index + 1 < len(tokens) else ""
    if following in open_verbs.impersonal:
        return False
    _, high = _clause_bounds(tokens, index)
    rest = tokens[index + 1 : high]
    if any(e.kind is TriggerKind.NOUN for t in rest for e in lexicon.lookup(t.text)):
        return False
    return any(t.text.lower() in directions for t in rest)

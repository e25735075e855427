"""Trigger words of one sentence: verbs (separable particles joined) and event nouns.

>>> from chronist.text.tokens import tokenize
>>> from chronist.events.lexicon import load_lexicon
>>> text = "Ohne zu warten, rief Truman den Sicherheitsrat an."
>>> [(h.lemma, h.text) for h in find_triggers(text, tokenize(text), load_lexicon("de"))]
[('anrufen', 'rief ... an')]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from chronist.events.lexicon import Form, Lexicon, Markers, OpenVerbs, TriggerEntry, TriggerKind
from chronist.events.particles import CLAUSE_END as _CLAUSE_END
from chronist.events.particles import CONJUNCT_END as _CONJUNCT_END
from chronist.events.particles import closing_particle as _closing_particle
from chronist.text.tokens import Token

__all__ = ["TriggerHit", "find_triggers"]

# An infinitive at a clause's end stands this many tokens after its auxiliary at most
# ("ließ der Dauphin Jeanne drei Wochen lang von Geistlichen ... prüfen").
_AUXILIARY_REACH = 24
# A required noun this long also counts as the head of a compound ("Minderheitsregierung").
_MIN_HEAD = 5


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger at token ``index``; ``particle`` is the token index of a separated particle."""

    index: int
    entry: TriggerEntry
    start: int
    end: int
    text: str
    particle: int | None = None

    @property
    def lemma(self) -> str:
        return self.entry.lemma

    @property
    def kind(self) -> TriggerKind:
        return self.entry.kind

    @property
    def concept(self) -> str:
        return self.entry.concept or self.entry.lemma


def _before_zu(tokens: list[Token], index: int, zu: str) -> bool:
    """An infinitive before ``zu`` and another verb's infinitive (``regieren zu können``,
    ``gebaut zu werden``): part of a zu-infinitive, a purpose or complement."""
    if index + 2 >= len(tokens) or tokens[index + 1].text != zu:
        return False
    after = tokens[index + 2]
    return after.is_word and not after.is_capitalised


def _adjectival(tokens: list[Token], index: int, articles: frozenset[str]) -> bool:
    # "die besetzten Gebiete": a participle or past form between article and noun
    if index == 0 or index + 1 >= len(tokens):
        return False
    return tokens[index - 1].text.lower() in articles and tokens[index + 1].is_capitalised


def _requirement_met(tokens: list[Token], entry: TriggerEntry) -> bool:
    """One of the words the entry requires is in the sentence, alone or as the head
    of a compound noun (``Minderheitsregierung`` for ``Regierung``)."""
    if not entry.requires:
        return True
    words = {t.text for t in tokens}
    if any(w in words or w + "n" in words for w in entry.requires):
        return True
    heads = tuple(w.lower() for w in entry.requires if len(w) >= _MIN_HEAD and w[0].isupper())
    return bool(heads) and any(t.is_capitalised and t.text.lower().endswith(heads) for t in tokens)


def _verb_reading(
    tokens: list[Token], index: int, entries: tuple[TriggerEntry, ...], lexicon: Lexicon
) -> TriggerHit | None:
    token = tokens[index]
    markers = lexicon.markers
    joined: TriggerHit | None = None
    for entry in entries:
        if entry.form is Form.ZU_INFINITIVE:
            if _succeeded(tokens, index, lexicon):
                return TriggerHit(index, entry, token.start, token.end, token.text)
            return None
        if entry.form is Form.INFINITIVE and (
            (index > 0 and tokens[index - 1].text == markers.zu)
            or _before_zu(tokens, index, markers.zu)
        ):
            return None
        if entry.form in (Form.FINITE, Form.PARTICIPLE) and _adjectival(
            tokens, index, markers.definite | markers.indefinite
        ):
            continue
        if not _requirement_met(tokens, entry):
            continue
        if entry.particle is not None:
            particle = frozenset({entry.particle})
            position = _closing_particle(
                tokens, index, particle, markers.coordination, markers=markers
            )
            if position is None:
                continue
            text = f"{token.text} ... {tokens[position].text}"
            return TriggerHit(index, entry, token.start, token.end, text, position)
        if joined is None:
            joined = TriggerHit(index, entry, token.start, token.end, token.text)
    return joined


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
        if word in _CLAUSE_END:
            return None
        if word.lower() in markers.past:
            return TriggerEntry(
                lower, TriggerKind.VERB, open_verbs.type, Form.PARTICIPLE, past=True, open=True
            )
    return None


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


def _succeeded(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """A zu-infinitive after a verb of success (``gelang es, den Aufstand
    niederzuschlagen``) tells what happened."""
    success = lexicon.markers.success_verbs
    return any(
        e.lemma in success for t in tokens[:index] for e in lexicon.words.get(t.text.lower(), ())
    )


def _succeeded_zu(
    tokens: list[Token], index: int, open_verbs: OpenVerbs, lexicon: Lexicon
) -> TriggerEntry | None:
    lower = tokens[index].text.lower()
    at = lower.find(open_verbs.zu, 1)
    if at < 0 or not _succeeded(tokens, index, lexicon):
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
        or not _succeeded(tokens, index, lexicon)
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
    low = index
    while low > 0 and tokens[low - 1].text not in _CLAUSE_END:
        low -= 1
    high = index
    while high < len(tokens) and tokens[high].text not in _CLAUSE_END:
        high += 1
    starts = [i for i in range(low, high) if i in dated and i - 1 not in dated]
    return any(i == 0 or tokens[i - 1].text.lower() not in open_verbs.state_starts for i in starts)


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


def _open_verb(
    tokens: list[Token], index: int, lexicon: Lexicon, dated: frozenset[int] = frozenset()
) -> TriggerHit | None:
    """A verb outside the list, from its form (lower case inside a sentence);
    a separable particle closing its clause is joined to its lemma."""
    token, open_verbs, markers = tokens[index], lexicon.open_verbs, lexicon.markers
    if open_verbs is None or (token.is_capitalised and index > 0):
        return None
    if index > 0 and tokens[index - 1].text == markers.zu:
        return _succeeded_infinitive(tokens, index, open_verbs, lexicon)
    if token.text in open_verbs.infinitives and _before_zu(tokens, index, markers.zu):
        return None  # "um ... regieren zu können": inside a zu-infinitive
    entry = (
        open_verbs.entry(token.text)
        or _bare_infinitive(tokens, index, open_verbs, markers)
        or _succeeded_zu(tokens, index, open_verbs, lexicon)
    )
    separated = entry is None
    entry = entry or open_verbs.entry(token.text, separated=True)
    articles = markers.definite | markers.indefinite
    if entry is None or token.text.lower() in articles or _adjectival(tokens, index, articles):
        return None  # not an article that is also a verb form ("einen")
    if not _requirement_met(tokens, entry):
        return None  # a guessed participle without its passive auxiliary
    if _attributive(tokens, index, markers, open_verbs.adjective_endings):
        return None
    if (
        not entry.past
        and not _past_conjunct(tokens, index, markers, copula=False)
        and not _dated_clause(tokens, index, dated, open_verbs)
    ):
        # a present form outside a past conjunct or a dated clause, or a -t participle
        # with only the copula ("Paris war bedroht"): a state
        return None
    position = _closing_particle(
        tokens, index, open_verbs.particles, markers.coordination, open_verbs.forms, markers
    )
    if _opinion(tokens, position if position is not None else index, open_verbs, entry.lemma):
        return None  # "nahm an, dass ...": an opinion, not the event "nahm ... an"
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
    if separated:
        return None
    return TriggerHit(index, entry, token.start, token.end, token.text)


def _time_compound(word: str, lexicon: Lexicon) -> tuple[TriggerEntry, ...]:
    """``Gründungsjahr``, ``Geburtsjahr``: an event noun before a time head names
    that event (its date is the year or day the sentence gives)."""
    lower = word.lower()
    for head in lexicon.markers.time_heads:
        if lower.endswith(head) and len(lower) > len(head) + 2:
            first = word[: len(word) - len(head)]
            for stem in (first, first[:-1] if first.endswith("s") else first):
                found = [e for e in lexicon.words.get(stem, ()) if e.kind is TriggerKind.NOUN]
                if found:
                    return (found[0],)
    return ()


def find_triggers(
    text: str, tokens: list[Token], lexicon: Lexicon, dated: frozenset[int] = frozenset()
) -> list[TriggerHit]:
    """The triggers among one sentence's ``tokens``, in text order; ``dated``
    are the indices of the tokens inside a date."""
    hits: list[TriggerHit] = []
    for index, token in enumerate(tokens):
        if not token.is_word or token.text[0].isdigit():
            continue
        entries = lexicon.lookup(token.text) or _time_compound(token.text, lexicon)
        if not entries and token.is_capitalised and index > 0 and lexicon.open_verbs:
            noun = lexicon.open_verbs.deverbal(token.text)
            if noun is not None:
                hits.append(TriggerHit(index, noun, token.start, token.end, token.text))
            continue
        if not entries:
            hit = _open_verb(tokens, index, lexicon, dated)
            if hit is not None:
                hits.append(hit)
            continue
        nouns = [e for e in entries if e.kind is TriggerKind.NOUN]
        if nouns and token.is_capitalised and (index > 0 or len(entries) == len(nouns)):
            hits.append(TriggerHit(index, nouns[0], token.start, token.end, token.text))
            continue
        verbs = tuple(e for e in entries if e.kind is not TriggerKind.NOUN)
        if verbs and token.is_capitalised and index > 0 and tokens[index - 1].text not in '"„“»«':
            continue  # a capitalised word inside a sentence is a noun ("die Verbündeten")
        if verbs:
            hit = _verb_reading(tokens, index, verbs, lexicon)
            if hit is not None and hit.particle is None:
                # "gab ... frei", "fielen an Frankreich zurück": a particle verb of a
                # listed verb is a verb of its own
                particled = _open_verb(tokens, index, lexicon, dated)
                hit = particled if particled is not None and particled.particle else hit
            if hit is None:  # "wanderten ... ein", not "aus"
                hit = _open_verb(tokens, index, lexicon, dated)
                if hit is not None and hit.particle is None and any(e.requires for e in verbs):
                    hit = None  # the list says when this verb alone is an event ("schweigen")
            if hit is not None:
                hits.append(hit)
    return hits

"""Gapped conjuncts: a verb told once for two dated clauses.

``Am 15. Dezember 1805 wurde der Vertrag unterzeichnet und am 14. Oktober 1809
der Friede`` tells two signings; the second conjunct has no verb of its own
(it is gapped) but a date and a participant of its own. Each such conjunct
after a verb is an event of that verb, with the conjunct's date and words.
A comma joins one too when both clauses open their own date (``Am 10. April
1959 wurde seine Tochter geboren, am 12. März 1961 seine zweite Tochter``):
:func:`comma_conjuncts`.

>>> from chronist.events.lexicon import load_lexicon
>>> from chronist.events.triggers import find_triggers
>>> from chronist.text.tokens import tokenize
>>> text = "1950 eroberten sie Seoul und 1951 die Stadt Pjöngjang."
>>> tokens, markers = tokenize(text), load_lexicon("de").markers
>>> hit = find_triggers(text, tokens, load_lexicon("de"))[0]
>>> dated, verbs = frozenset({0, 5}), frozenset({1})
>>> spans = gapped_conjuncts(tokens, (0, len(tokens)), hit, dated, verbs, markers)
>>> [gapped_label(tokens, hit, span, dated, markers) for span in spans]
['eroberten die Stadt Pjöngjang']
"""

from __future__ import annotations

from chronist.events.labels import joins_clauses
from chronist.events.lexicon import Form, Markers
from chronist.events.trigger_hit import TriggerHit
from chronist.text.clauses import Segment, SegmentKind
from chronist.text.tokens import Token

__all__ = ["comma_conjuncts", "gapped_conjuncts", "gapped_label", "listed_names"]

_LABEL_CHARS = 60


def gapped_conjuncts(
    tokens: list[Token],
    clause: tuple[int, int],
    hit: TriggerHit,
    dated: frozenset[int],
    verbs: frozenset[int],
    markers: Markers,
) -> list[tuple[int, int]]:
    """The token spans (first, last) of the conjuncts after the verb ``hit`` in the
    clause ``clause`` (token indices) that have no verb but a date and a name or
    noun of their own; not the second of two coordinated dates (``1805 und 1809``)."""
    last = clause[1]
    joins = [i for i in range(hit.index + 1, last) if joins_clauses(tokens, i, markers)]
    gapping = [i for i in joins if tokens[i].text.lower() in markers.gapping_joins]
    found = []
    for join in gapping:
        following = [i for i in joins if i > join]
        end = following[0] if following else last
        inside = range(join + 1, end)
        if join - 1 in dated or any(i in verbs or i == hit.particle for i in inside):
            continue
        words = [i for i in inside if tokens[i].is_word and i not in dated]
        named = any(tokens[i].is_capitalised for i in words)
        if named and any(i in dated for i in inside):
            found.append((join + 1, end))
    return found


def _opens_date(
    tokens: list[Token], segment: Segment, dated: frozenset[int], markers: Markers
) -> bool:
    first = segment.first
    if first in dated:
        return True
    lead = tokens[first].text.lower() in markers.date_introducers
    return lead and first + 1 < segment.last and first + 1 in dated


def _named(tokens: list[Token], segment: Segment, dated: frozenset[int]) -> bool:
    return any(
        tokens[i].is_word and tokens[i].is_capitalised and i not in dated
        for i in range(segment.first, segment.last)
    )


def comma_conjuncts(
    tokens: list[Token],
    pieces: list[Segment],
    number: int,
    hit: TriggerHit,
    dated: frozenset[int],
    verbs: frozenset[int],
    markers: Markers,
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The conjuncts after a comma that share the verb ``hit`` ending the dated
    main segment ``number``: each runs from a main segment opening with a date of
    its own, through the verbless main segments after it, and names someone or
    something. Each is (its token span, the span of the segment that names its
    participant: the dated one if it does, else the last that does)."""
    own = pieces[number]
    words = range(own.first, own.last)
    if not any(i in dated for i in words) or any(i in verbs for i in words if i > hit.index):
        return []
    articles = markers.indefinite | markers.definite  # "einen" is a verb form too
    runs: list[list[Segment]] = []
    for piece in pieces[number + 1 :]:
        if piece.kind is not SegmentKind.MAIN or any(
            i in verbs and tokens[i].text.lower() not in articles
            for i in range(piece.first, piece.last)
        ):
            break
        if _opens_date(tokens, piece, dated, markers):
            runs.append([piece])
        elif runs:
            runs[-1].append(piece)
        else:
            break
    found = []
    for run in runs:
        named = [s for s in run if _named(tokens, s, dated)]
        if named:
            chosen = run[0] if named[0] is run[0] else named[-1]
            found.append(((run[0].first, run[-1].last), (chosen.first, chosen.last)))
    return found


def gapped_label(
    tokens: list[Token],
    hit: TriggerHit,
    span: tuple[int, int],
    dated: frozenset[int],
    markers: Markers,
) -> str:
    """The conjunct's words without its dates, with the verb where the text has it:
    last when it ended its own conjunct (a participle), else first (its particle
    last)."""
    words = [
        tokens[i].text
        for i in range(*span)
        if tokens[i].is_word
        and i not in dated
        and not (tokens[i].text.lower() in markers.date_introducers and i + 1 in dated)
    ]
    verb = hit.text.split(" ... ")[0]
    particle = tokens[hit.particle].text if hit.particle is not None else None
    room = _LABEL_CHARS - len(verb) - (len(particle) + 1 if particle else 0) - 1
    while words and (len(" ".join(words)) > room or words[-1].lower() in markers.label_cut_endings):
        words.pop()
    after = tokens[hit.index + 1].text.lower() if hit.index + 1 < len(tokens) else ""
    if hit.entry.form is Form.PARTICIPLE or after in markers.coordination:
        return " ".join([*words, verb])  # "wurde ... unterzeichnet und ...": verb last
    return " ".join([verb, *words, *([particle] if particle else [])])


def listed_names(
    tokens: list[Token],
    clause: tuple[int, int],
    hit: TriggerHit,
    dated: frozenset[int],
    verbs: frozenset[int],
    markers: Markers,
) -> list[tuple[int, int]]:
    """The names listed after the dated event noun ``hit``, each with a date of its
    own and no verb (``an den Schlachten von Delion 424 v. Chr. und Amphipolis 422 v.
    Chr.``): the noun again, one event per name. Each is the token span of the name
    (the capitalised words after ``und``/``sowie``/a comma that ends a date, before
    the name's date)."""
    first, last = hit.index + 1, clause[1]
    if not any(i in dated for i in range(first, min(first + 6, last))):
        return []  # the noun has no date of its own right after it
    found = []
    at = first
    while at < last:
        if at - 1 not in dated or tokens[at].text.lower() not in markers.date_coordination:
            at += 1
            continue
        if tokens[at].text.lower() in markers.gapping_joins or tokens[at].text == ",":
            start = at + 1
            name = start
            while name < last and name not in dated and tokens[name].is_capitalised:
                name += 1
            if not (start < name <= start + 3) or name >= last or name not in dated:
                break  # a list item is a name and its date; anything else ends the list
            if any(i in verbs for i in range(start, name)):
                break
            found.append((start, name))
            at = name
        at += 1
    return found

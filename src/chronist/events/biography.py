"""Birth and death events of a biography header: ``Name (* date in X; † date in Y)``.

The marks, the label words and the place preposition are language data
(``[biography]`` of ``lang/<xx>/events.toml``); the dates are the tagger's.

>>> text = "Carl Benz (* 25. November 1844 in Mühlburg; † 4. April 1929 in Ladenburg)"
>>> dates = [(13, 30), (46, 59)]
>>> [(m.label, m.type) for m in header_events(Document(text), dates)]
[('Carl Benz geboren in Mühlburg', 'birth'), ('Carl Benz gestorben in Ladenburg', 'death')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronist.events.detect import EventMention
from chronist.events.lexicon import load_lexicon
from chronist.events.model import Modality, Place, Trigger
from chronist.text.clauses import SegmentKind
from chronist.text.document import Document

__all__ = ["header_events"]

_NAME_WORDS = 6  # a name before the parenthesis has at most this many words
_LABEL_CHARS = 60
_PARENTHESIS = re.compile(r"\(([^()]{4,300})\)")


def _name_before(text: str, paren: int, particles: frozenset[str]) -> str:
    words = text[text.rfind("\n", 0, paren) + 1 : paren].split()
    name: list[str] = []
    for word in reversed(words[-_NAME_WORDS:]):
        if not (word[:1].isupper() or word in particles) or any(c in word for c in ",;:()"):
            break  # a name is capitalised words (and particles) up to a punctuation mark
        name.insert(0, word)
    while name and not name[0][:1].isupper():
        name.pop(0)
    return " ".join(name)


def _subject(text: str, paren: int, particles: frozenset[str]) -> str:
    """The name a header's sentence starts with (``Wolfgang Amadeus Mozart, der
    ... unterschrieb (* ...``), when no name stands right before the parenthesis."""
    start = text.rfind("\n", 0, paren) + 1
    name: list[str] = []
    for word in text[start:paren].split()[:_NAME_WORDS]:
        if not (word[:1].isupper() or word in particles):
            break
        name.append(word.rstrip(",;:"))
        if word[-1:] in ",;:":
            break
    return " ".join(name)


def header_events(document: Document, dates: Sequence[tuple[int, int]]) -> list[EventMention]:
    """Birth and death mentions of every biography header of the document, each
    dated by the tagger's date inside its part of the parenthesis."""
    biography = load_lexicon(document.lang).biography
    if biography is None:
        return []
    text = document.text
    marks = {m: "birth" for m in biography.birth_marks} | {
        m: "death" for m in biography.death_marks
    }
    pattern = re.compile(rf"(?:^|;)\s*({'|'.join(re.escape(m) for m in marks)})\s*([^;]*)")
    place_pattern = re.compile(rf"\s*{re.escape(biography.place_preposition)}\s+([^,;]+)")
    found: list[EventMention] = []
    for paren in _PARENTHESIS.finditer(text):
        name = _name_before(text, paren.start(), biography.name_particles) or _subject(
            text, paren.start(), biography.name_particles
        )
        for part in pattern.finditer(paren.group(1)):
            start = paren.start(1) + part.start(1)
            end = paren.start(1) + part.end(2)
            date = next(((s, e) for s, e in dates if start < s < end), None)
            if date is None:
                continue
            kind = marks[part.group(1)]
            word = biography.birth_label if kind == "birth" else biography.death_label
            place: Place | None = None
            located = place_pattern.match(text, date[1], end)
            if located:
                place_text = re.split(biography.place_stop, located.group(1))[0].strip()
                if place_text[:1].isupper():
                    place_start = located.start(1)
                    place = Place(place_text, place_start, place_start + len(place_text))
            label = " ".join(x for x in (name, word) if x)
            if place is not None:
                label = f"{label} {biography.place_preposition} {place.text}"
            found.append(
                EventMention(
                    trigger=Trigger(part.group(1), word, start, start + len(part.group(1))),
                    type=kind,
                    concept=f"{word} {name}",
                    noun=True,
                    definite=False,
                    label=label[:_LABEL_CHARS],
                    modality=Modality.ASSERTED,
                    sentence=document.sentence_of(start),
                    clause=(start, end),
                    kind=SegmentKind.MAIN,
                    own_date=date,
                    in_reference=False,
                    past=True,
                    bare=False,
                    participants=(),
                    place=place,
                )
            )
    return found

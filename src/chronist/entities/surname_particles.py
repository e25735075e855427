"""A surname's particle before a person the tagger found: ``v. Bülow``, ``de Coppet``,
``van Gogh`` (``surname_particles`` of ``entities.toml``; a particle abbreviated and
split from its full stop by a tokenizer, ``v`` + ``.``, too). After an abbreviated
particle a one-word name is a person's, whatever type the tagger gave it. Not before a given name
(``de Iris Berben``: the particle belongs to what comes before) or an abbreviation
(``v. Chr.``), and not ``von``,
which is as often the preposition (``ein Brief von Goethe``)."""

from __future__ import annotations

from collections.abc import Sequence

from chronist.entities.language import entity_facts
from chronist.entities.resources import lexicon

__all__ = ["join_surname_particles"]


def _particle_before(words: Sequence[str], labels: Sequence[str], index: int) -> tuple[int, bool]:
    """How many tokens before ``index`` make a particle (0 if none), and whether it is
    abbreviated (``v.``: then only a person's name follows)."""
    for particle in entity_facts("de").surname_particles:
        parts = particle.split()
        start = index - len(parts)
        if start < 0 or list(words[start:index]) != parts:
            continue
        if all(label == "O" for label in labels[start:index]):
            return len(parts), particle.endswith(".")
    return 0, False


def join_surname_particles(words: Sequence[str], labels: list[str]) -> list[str]:
    """Put a surname's particle into the person's name that follows it (in place).

    >>> join_surname_particles(["Herr", "v", ".", "Bülow"], ["O", "O", "O", "B-PER"])
    ['O', 'B-PER', 'I-PER', 'I-PER']
    >>> join_surname_particles(["Gesandter", "v.", "Bülow"], ["O", "O", "B-ORG"])
    ['O', 'B-PER', 'I-PER']
    >>> join_surname_particles(["Film", "de", "Iris", "Berben"], ["O", "O", "B-PER", "I-PER"])
    ['O', 'O', 'B-PER', 'I-PER']
    """
    names = lexicon()
    count = len(labels)
    for index, label in enumerate(labels):
        word = words[index]
        if not label.startswith("B-") or word.endswith(".") or "fn" in names.get(word, ()):
            continue
        size, abbreviated = _particle_before(words, labels, index)
        alone = index + 1 == count or not labels[index + 1].startswith("I-")
        if not size or not (label == "B-PER" or (abbreviated and alone)):
            continue
        labels[index - size] = "B-PER"
        for inner in range(index - size + 1, index + 1):
            labels[inner] = "I-PER"
        for inner in range(index + 1, count):
            if not labels[inner].startswith("I-"):
                break
            labels[inner] = "I-PER"
    return labels

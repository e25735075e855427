"""How an event mention's sentence is told: in the present, the past or the pluperfect.

An undated event told in the present (``ist``, ``wird ... gebaut``) or the
future is not in the story's past; one told in the pluperfect (``..., der
zurückgetreten war``) lies before the story's date at that point
(:class:`~chronist.timeline.timing.Dater`).
"""

from __future__ import annotations

from chronist.events.detect import EventMention
from chronist.text.verbs import Tense, VerbGroup, read_verbs, tense_facts

__all__ = ["Tenses"]


class Tenses:
    """Reads the verbs of event mentions' clauses and sentences in one text."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self._tense_facts = tense_facts(lang)
        self._verbs_of: tuple[tuple[int, int], VerbGroup | None] = ((-1, -1), None)

    def pluperfect(self, mention: EventMention) -> bool:
        """The mention's clause is told in the pluperfect, its trigger the participle."""
        start, end = mention.clause
        if mention.noun or not self.participle(mention):
            return False  # "hatte einen Clip": not a pluperfect
        opening = self.text[start:end].split(None, 1)[:1]
        if opening and opening[0].lower() in self._tense_facts.sequence_openers:
            return False  # "Nachdem er ... erlebt hatte, ...": right before its main clause
        return read_verbs(self.text[start:end], self._tense_facts).pluperfect

    def _sentence_verbs(self, sentence: tuple[int, int]) -> VerbGroup:
        group = self._verbs_of[1]
        if self._verbs_of[0] != sentence or group is None:
            group = read_verbs(self.text[sentence[0] : sentence[1]], self._tense_facts)
            self._verbs_of = (sentence, group)
        return group

    def present(self, mention: EventMention) -> bool:
        """A sentence that states a present (``Die Zustimmung Pekings ... ist``, ``wird
        ... gebaut``) or a future: not the story's past."""
        group = self._sentence_verbs(mention.sentence)
        first = mention.trigger.text.split(" ", 1)[0].lower()
        if group.tense is Tense.FUTURE and first.endswith("en") and first != mention.trigger.lemma:
            # "wird ... jährlich begangen": a strong participle (not the verb's
            # infinitive) the tense reading took for one, a passive present
            return group.stated_present
        if mention.past and not (
            group.passive and group.tense is Tense.PRESENT and self.participle(mention)
        ):
            return False  # a past form, unless the participle of a present passive
        return group.tense is not Tense.PAST and group.stated_present

    def participle(self, mention: EventMention) -> bool:
        """The trigger is a past participle: by its form, or a form right before the
        pluperfect's auxiliary at a clause's end (``..., die zwei Menschen erschossen
        hatten``: ``erschossen`` has an inseparable prefix and looks like an infinitive)."""
        first = mention.trigger.text.split(" ", 1)[0].lower()
        if self._tense_facts.participle.fullmatch(first) is not None:
            return True
        after = self.text[mention.trigger.end : mention.trigger.end + 12].split(None, 1)[:1]
        return (
            bool(after)
            and self._tense_facts.pluperfect.fullmatch(after[0].strip(",.;")) is not None
        )

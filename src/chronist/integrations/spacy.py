"""spaCy pipeline component ``chronist_timex``: temporal expressions as spans.

Needs the ``spacy`` extra (``pip install 'chronist[spacy]'``). The factory is
registered through the ``spacy_factories`` entry point, so no import is needed::

    >>> import spacy
    >>> nlp = spacy.blank("de")
    >>> _ = nlp.add_pipe("chronist_timex", config={"kind": "news", "dct": "1950-06-26"})
    >>> doc = nlp("Am 25. Juni 1950 begann der Koreakrieg.")
    >>> [(span.text, span._.timex_value) for span in doc.spans["timex"]]
    [('25. Juni 1950', '1950-06-25')]

The component runs :func:`chronist.tag` on ``doc.text`` and puts one span per
expression into ``doc.spans[spans_key]`` (default ``"timex"``), labelled with
the TIMEX3 type (``DATE``, ``TIME``, ``DURATION``, ``SET``). Character offsets
are aligned to tokens with ``alignment_mode="expand"``: a span covers every
token the expression touches, so with a tokenizer that splits differently it
can be a little wider than the expression; ``span._.timex_start``/``timex_end``
keep the exact character offsets. An expression that touches no token is left
out of the span group.

Span extensions (getters; ``None`` on spans the component did not make):
``timex_value`` (TIMEX3 value), ``timex_type``, ``timex_edtf``, ``timex_mod``,
``timex_rule``, ``timex_tid``, ``timex_start``, ``timex_end``, and ``timex``,
a plain dict of all of them. The values are kept in ``doc.user_data`` as plain
strings, so they survive ``Doc.to_bytes``/``DocBin(store_user_data=True)``.

Setting ``doc._.chronist_dct = "YYYY-MM-DD"`` before the component runs gives a
document its own creation time (news), overriding the ``dct`` setting.

Settings: ``lang`` (default: the pipeline's language), ``kind``
(``auto``/``news``/``narrative``), ``dct``, ``spans_key``.
"""

# No `from __future__ import annotations`: spaCy reads the factory's annotations
# at run time to validate its settings.

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["TimexComponent", "make_timex_component"]

_USER_DATA_KEY = "chronist.timex"
_FIELDS = ("value", "type", "edtf", "mod", "rule", "tid", "start", "end")


class TimexComponent:
    """Tags ``doc.text`` with chronist and stores the mentions as spans."""

    def __init__(self, lang: str, kind: str, dct: str | None, spans_key: str) -> None:
        from chronist.temporal.tagger import tag  # the tagger loads only when the component is made

        tag("", lang=lang, kind=kind, dct=dct)  # a bad setting fails here, not later
        self._tag = tag
        self.lang, self.kind, self.dct, self.spans_key = lang, kind, dct, spans_key

    def __call__(self, doc: Doc) -> Doc:
        dct = doc._.chronist_dct or self.dct
        timexes = self._tag(doc.text, lang=self.lang, kind=self.kind, dct=dct)
        records: dict[str, dict[str, Any]] = {}
        spans: list[Span] = []
        for timex in timexes:
            records[timex.tid] = {
                "value": timex.value,
                "type": timex.type.value,
                "edtf": timex.edtf,
                "mod": timex.mod.value if timex.mod else None,
                "rule": timex.rule,
                "tid": timex.tid,
                "start": timex.start,
                "end": timex.end,
            }
            span = doc.char_span(
                timex.start,
                timex.end,
                label=timex.type.value,
                alignment_mode="expand",
                span_id=timex.tid,
            )
            if span is not None:
                spans.append(span)
        doc.user_data[_USER_DATA_KEY] = records
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "chronist_timex",
    default_config={"lang": None, "kind": "auto", "dct": None, "spans_key": "timex"},
)
def make_timex_component(
    nlp: Language,
    name: str,
    lang: str | None,
    kind: str,
    dct: str | None,
    spans_key: str,
) -> TimexComponent:
    """Make the ``chronist_timex`` component; spaCy calls this for ``add_pipe``.

    >>> _ = nlp.add_pipe("chronist_timex", config={"kind": "narrative"})  # doctest: +SKIP
    """
    _register_extensions()
    return TimexComponent(lang or str(nlp.lang), kind, dct, spans_key)


def _register_extensions() -> None:
    if not Doc.has_extension("chronist_dct"):
        Doc.set_extension("chronist_dct", default=None)
    if not Span.has_extension("timex"):
        Span.set_extension("timex", getter=_record)
    for field in _FIELDS:
        if not Span.has_extension(f"timex_{field}"):
            Span.set_extension(f"timex_{field}", getter=_field_getter(field))


def _record(span: Span) -> dict[str, Any] | None:
    records = span.doc.user_data.get(_USER_DATA_KEY)
    if not records or not span.id:
        return None
    record: dict[str, Any] | None = records.get(span.id_)
    return record


def _field_getter(field: str) -> Callable[[Span], Any]:
    def getter(span: Span) -> Any:
        record = _record(span)
        return None if record is None else record.get(field)

    return getter

"""A timeline from a file: a saved JSON timeline, or a text to extract one from.

A file named ``*.json`` is a saved timeline (``chronist extract --format json``)
and is read back into the model by the one JSON codec, checked as it is read;
any other file is text, even one that starts with ``{``.
"""

from __future__ import annotations

from chronist.errors import InputError
from chronist.text.reading import read_text
from chronist.timeline.jsonio import loads
from chronist.timeline.model import Timeline

__all__ = ["load_timeline"]


def load_timeline(
    path: str, *, lang: str = "de", kind: str = "auto", dct: str | None = None
) -> Timeline:
    """The timeline saved in ``path`` (``.json``), or extracted from the text in it."""
    text = read_text(path)
    if path.endswith(".json"):
        try:
            return loads(text)
        except InputError as error:
            raise InputError(f"{path}: {error}") from error
    from chronist.timeline.build import build_timeline

    return build_timeline(text, lang=lang, kind=kind, dct=dct or None, source=path)

"""Build ``src/chronist/lang/de/verb_forms.tsv.gz``: German verb forms to their infinitive.

    .venv/bin/pip install 'simplemma==2.0.0'
    .venv/bin/python training/verbs/build_verb_forms.py

The source is the German dictionary of simplemma 2.0.0 (MIT licence,
https://github.com/adbar/simplemma). Only what event detection needs is kept:
lower-case word forms that are not the infinitive itself, whose lemma has the
shape of a German infinitive (``-en``, ``-ern``, ``-eln``), without present
participles (``gründend``) and adjectival endings (``-es``, ``-er``, ``-em``,
``-e`` but for the past ``-te``) or second persons (``-st``, ``-tet``). The
output is sorted, so the build is reproducible byte for byte (gzip without a
time stamp); ``training/verbs/README.md`` is its card.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from simplemma.strategies.dictionaries import DefaultDictionaryFactory

OUT = Path(__file__).resolve().parents[2] / "src" / "chronist" / "lang" / "de" / "verb_forms.tsv.gz"
_INFINITIVE = re.compile(r"(?:en|ern|eln)$")
_DROPPED = re.compile(r"(?:end|ende|enden|endes|ender|endem|es|er|em|st|tet)$")


def verb_forms() -> dict[str, str]:
    table = DefaultDictionaryFactory().get_dictionary("de")
    kept: dict[str, str] = {}
    for form, raw in table.items():
        lemma = raw.decode() if isinstance(raw, bytes) else str(raw)
        if form == lemma or not (form.isalpha() and form.islower() and lemma.islower()):
            continue
        if not _INFINITIVE.search(lemma) or _DROPPED.search(form):
            continue
        if form.endswith("e") and not form.endswith("te"):
            continue
        kept[form] = lemma
    return kept


def main() -> None:
    rows = "".join(f"{form}\t{lemma}\n" for form, lemma in sorted(verb_forms().items()))
    OUT.write_bytes(gzip.compress(rows.encode("utf-8"), mtime=0))
    print(f"{OUT}: {rows.count(chr(10))} forms")


if __name__ == "__main__":
    main()

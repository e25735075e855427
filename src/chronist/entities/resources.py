"""Lazy, cached loading of the files shipped in ``chronist/entities/data``.

Nothing is read at import time; each resource is read once, on first use.
"""

from __future__ import annotations

import gzip
import sys
from array import array
from functools import cache
from importlib import resources
from pathlib import Path

from chronist.errors import ModelError

__all__ = ["PERSON_FLAGS", "data_path", "lexicon", "read_lexicon"]

LEXICON_FILE = "lexicon.tsv.gz"
# the lexicon's features of a person's name: a given name (fn), a surname (sn)
PERSON_FLAGS = frozenset({"fn", "sn"})


def data_path(name: str) -> Path:
    """The path of a shipped data file, or :class:`ModelError` if it is missing.

    >>> data_path("lexicon.tsv.gz").name
    'lexicon.tsv.gz'
    """
    path = Path(str(resources.files("chronist.entities") / "data" / name))
    if not path.is_file():
        raise ModelError(f"entity model file missing: {path} (run training/ner/train.py)")
    return path


@cache
def lexicon() -> dict[str, tuple[str, ...]]:
    """Word form -> its precomputed lexical features (cluster, name lists, places).

    >>> "fn" in lexicon()["Douglas"]
    True
    """
    return read_lexicon(data_path(LEXICON_FILE))


def read_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    """Read a lexicon file written by ``training/ner/build_lexicon.py``."""
    try:
        with gzip.open(path, "rb") as handle:
            _header, combo_line, word_line, packed = handle.read().split(b"\n", 3)
        combos = [tuple(combo.split(" ")) for combo in combo_line.decode("utf-8").split("\t")]
        words = word_line.decode("utf-8").split("\t")
        # 16-bit indices, or 32-bit ones for a lexicon of 65,536 feature sets or more
        indices = array("H" if len(packed) == 2 * len(words) else "I")
        indices.frombytes(packed)
        if sys.byteorder != "little":
            indices.byteswap()
        table = dict(zip(words, map(combos.__getitem__, indices), strict=True))
    except (OSError, EOFError, UnicodeDecodeError, IndexError, ValueError) as error:
        raise ModelError(f"entity lexicon unreadable: {path}: {error}") from error
    return table

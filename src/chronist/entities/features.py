"""Token features for the CRF tagger.

Every word form gets its features computed once (and cached): the case-folded
word, prefix and suffixes, its shape, the lexicon's look-ups (Clark cluster,
first-name, surname, place, organisation and country lists, a lower-case ratio)
and, for a possible genitive (``Trumans``, ``Berlins``), the name look-ups of
the stem, and whether the word is a place name with a demonym's ending
(``Berliner``, ``Iraner``: an adjective or a people, not the place). A token's
feature list is its own features plus prefixed copies of its neighbours' (two
to each side), and ``first`` at the start of a sentence, where German
capitalises every word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["forget_words", "sentence_features", "word_shape"]

# name flags of the lexicon, also seen by the neighbours; ``ok``/``okm``/``oh``
# (harvested organisation names and heads) exist only in a lexicon built by
# ``train.py --wiki-names``
_NAME_FLAGS = frozenset(
    {"fn", "sn", "gn", "tr", "wc", "wl", "wo", "fnm", "gnm", "trm", "wlm", "wom", "ok", "okm", "oh"}
)
# Words whose features are kept (about 1.6 KB each): the frequent words of a long
# document stay, and the cache's memory is bounded whatever the input.
_CACHE_LIMIT = 8_000


def word_shape(word: str) -> str:
    """Collapse a word to its character classes.

    >>> word_shape("MacArthurs"), word_shape("UN-Sicherheitsrat"), word_shape("1953")
    ('XxXx', 'X-Xx', 'd')
    """
    out: list[str] = []
    for char in word:
        if char.isupper():
            kind = "X"
        elif char.islower():
            kind = "x"
        elif char.isdigit():
            kind = "d"
        else:
            kind = char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


class _WordFeatures:
    __slots__ = ("far_next", "far_prev", "near", "own", "prev", "shape", "succ")

    def __init__(
        self, own: list[str], prev: list[str], succ: list[str], near: str, cluster: str, shape: str
    ) -> None:
        self.own = own
        self.prev = prev
        self.succ = succ
        self.near = near
        self.shape = shape
        self.far_prev = ["-2w=" + near, "-2" + cluster]
        self.far_next = ["+2w=" + near, "+2" + cluster]


_cache: dict[str, _WordFeatures] = {}
_cache_owner: list[int] = [0]


def forget_words() -> None:
    """Drop the cached features of words (a document is done; its memory goes back)."""
    _cache.clear()


# A capitalised word made from a place name (``Berliner``, ``Iraner``,
# ``Amerikaner``) is an adjective or a demonym, not the place: (ending, what the
# place name ends in instead).
_DERIVED = (("er", ""), ("ern", ""), ("ers", ""), ("erin", ""), ("ner", "a"), ("er", "en"))
_PLACE_FLAGS = frozenset({"gn", "tr", "wc", "wl"})


def _derived_from_place(word: str, lexicon: Mapping[str, tuple[str, ...]]) -> bool:
    """Is ``word`` a place name with a demonym's ending (``Deidesheimer``)?

    >>> _derived_from_place("Deidesheimer", {"Deidesheim": ("gn",)})
    True
    >>> _derived_from_place("Bremer", {"Bremen": ("gn",)}), _derived_from_place("Müller", {})
    (True, False)
    """
    if "fn" in lexicon.get(word, ()):
        return False  # Rainer, Peter
    for ending, restored in _DERIVED:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            stem = word[: -len(ending)] + restored
            if _PLACE_FLAGS.intersection(lexicon.get(stem, ())):
                return True
    return False


def _compute(word: str, lexicon: Mapping[str, tuple[str, ...]]) -> _WordFeatures:
    lower = word.lower()
    shape = word_shape(word)
    own = [
        "w=" + lower,
        "sh=" + shape,
        "p3=" + lower[:3],
        "s2=" + lower[-2:],
        "s3=" + lower[-3:],
        "s4=" + lower[-4:],
    ]
    if len(word) <= 2:
        own.append("short")
    if "-" in word:
        head, _, tail = word.rpartition("-")
        own.append("hh=" + head.lower())
        own.append("ht=" + tail.lower()[-5:])
        for feature in lexicon.get(head, ()):
            own.append("hl" + feature)
    found = lexicon.get(word)
    if found is None and word[:1].isupper():
        found = lexicon.get(lower)
        own.append("oov" if found is None else "lowonly")
    names: list[str] = []
    cluster = "c=-"
    if found:
        own.extend(found)
        for feature in found:
            if feature in _NAME_FLAGS:
                names.append(feature)
            elif feature.startswith("c="):
                cluster = feature
            elif feature.startswith("k1="):
                names.append(feature)  # the coarse distributional cluster, seen by neighbours
    if word[:1].isupper() and len(word) > 4 and _derived_from_place(word, lexicon):
        own.append("dv")
    if word[:1].isupper() and len(word) > 3:
        for ending in ("s", "’s", "'s", "es"):
            if word.endswith(ending):
                stem = lexicon.get(word[: -len(ending)], ())
                gen = [f for f in stem if f in _NAME_FLAGS]
                own.extend("g" + f for f in gen)
                names.extend("g" + f for f in gen)
                if stem:
                    own.append("gstem" + ending)
                break
    prev = [
        "-1w=" + lower,
        "-1sh=" + shape,
        "-1s3=" + lower[-3:],
        "-1" + cluster,
        *["-1" + n for n in names],
    ]
    succ = ["+1w=" + lower, "+1sh=" + shape, "+1" + cluster, *["+1" + n for n in names]]
    return _WordFeatures(own, prev, succ, lower, cluster, shape)


def sentence_features(
    words: Sequence[str], lexicon: Mapping[str, tuple[str, ...]]
) -> list[list[str]]:
    """The feature list of each word of one sentence.

    >>> feats = sentence_features(["Truman", "lehnte", "ab"], {"Truman": ("sn",)})
    >>> "first" in feats[0] and "sn" in feats[0] and "-1sn" in feats[1]
    True
    """
    if len(_cache) > _CACHE_LIMIT or _cache_owner[0] != id(lexicon):
        _cache.clear()
        _cache_owner[0] = id(lexicon)
    table: list[_WordFeatures] = []
    for word in words:
        entry = _cache.get(word)
        if entry is None:
            entry = _cache[word] = _compute(word, lexicon)
        table.append(entry)
    count = len(table)
    result: list[list[str]] = []
    for index, entry in enumerate(table):
        features = ["b", *entry.own]
        if index == 0:
            features.append("first")
            features.append("-1w=<s>")
            features.append("first|" + entry.shape)
        else:
            before = table[index - 1]
            features.extend(before.prev)
            features.append(f"-1w|sh={before.near}|{entry.shape}")
            if index >= 2:
                features.extend(table[index - 2].far_prev)
            else:
                features.append("second")
        if index + 1 < count:
            features.extend(table[index + 1].succ)
            if index + 2 < count:
                features.extend(table[index + 2].far_next)
        else:
            features.append("+1w=</s>")
        result.append(features)
    return result

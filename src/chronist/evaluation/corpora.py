"""Reading annotated corpora: TIMEX2 inline key files and TimeML (TIMEX3).

Two layouts are read:

- **TIMEX2 inline** (WikiWars, WikiWarsDE ``keyinline/*.key.xml``): ACE SGML
  with ``<DATETIME>`` (the document creation time) and ``<TEXT>``. TIMEX2 has
  no type; it is derived from the value (see :func:`timex2_type`). When an
  ``in/`` folder with the source ``.sgm`` lies beside ``keyinline/``, the plain
  text must equal the source text, or :class:`~chronist.errors.CorpusError`
  is raised.
- **TimeML** (TempEval-3 ``*.tml``): the DCT is the TIMEX3 with
  ``functionInDocument="CREATION_TIME"``; the scored text is what ``<TEXT>``
  holds (the whole ``<TimeML>`` content when there is no ``<TEXT>``).

Offsets are half-open code points into :attr:`GoldDocument.text`. TIMEX2 tags
can nest (``<TIMEX2>Sometime after <TIMEX2>490 BC</TIMEX2></TIMEX2>``): the
outermost tags are scored, as in the TimeML conversions of WikiWars (2,659
TIMEX2 in the English texts, 2,636 TIMEX3 once the 23 inner ones are dropped);
the inner ones stay available in :attr:`GoldDocument.nested`. Empty
(non-consuming) TIMEX3 tags are not scored either; they are kept there too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from chronist.errors import CorpusError, InputError
from chronist.evaluation.markup import Element, parse_inline
from chronist.evaluation.valueshape import timex2_type

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SUFFIXES = (".key.xml", ".tml", ".xml", ".sgm")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One annotated temporal expression (gold, or a system's output read back)."""

    start: int
    end: int
    text: str
    type: str | None
    value: str | None
    mod: str | None
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A text with its annotations; ``dct`` is ``YYYY-MM-DD`` or ``None``."""

    doc_id: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]
    nested: tuple[GoldTimex, ...] = ()
    source: str = ""
    format: str = ""


def doc_id_of(path: Path) -> str:
    """The document id a file stands for: its name without the corpus suffix.

    >>> doc_id_of(Path("keyinline/01_WW2.key.xml"))
    '01_WW2'
    """
    name = path.name
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def read_timex2(markup: str, *, source: str = "<string>", doc_id: str = "") -> GoldDocument:
    """Read an ACE/TIMEX2 inline document (``<DOC>…<TEXT>…</TEXT></DOC>``).

    >>> doc = read_timex2('<DOC><TEXT>Im <TIMEX2 val="1950">Jahr 1950</TIMEX2>.</TEXT></DOC>')
    >>> doc.text, doc.timexes[0].value, doc.timexes[0].type
    ('Im Jahr 1950.', '1950', 'DATE')
    """
    plain, elements = parse_inline(markup, source=source)
    text_element = _only(elements, "TEXT", source)
    text = plain[text_element.start : text_element.end]
    inside = [e for e in elements if e.name == "TIMEX2" and _within(e, text_element)]
    timexes = [_timex2(e, plain, text_element.start) for e in inside]
    outer, nested = _split_nested(timexes)
    return GoldDocument(
        doc_id=doc_id or _element_text(elements, plain, "DOCID") or "",
        text=text,
        dct=_timex2_dct(elements, plain),
        timexes=outer,
        nested=nested,
        source=source,
        format="timex2",
    )


def read_timeml(xml: str, *, source: str = "<string>", doc_id: str = "") -> GoldDocument:
    """Read a TimeML document (TempEval-3 layout, or HeidelTime's bare ``<TimeML>``).

    >>> doc = read_timeml('<TimeML><TEXT>am <TIMEX3 tid="t1" type="DATE" '
    ...                   'value="1950-09-15">15. September 1950</TIMEX3></TEXT></TimeML>')
    >>> doc.timexes[0].start, doc.timexes[0].value
    (3, '1950-09-15')
    """
    plain, elements = parse_inline(xml, source=source)
    texts = [e for e in elements if e.name == "TEXT"]
    if len(texts) > 1:
        raise CorpusError(f"{source}: more than one <TEXT> element")
    container = texts[0] if texts else _only(elements, "TimeML", source)
    text = plain[container.start : container.end]
    timexes: list[GoldTimex] = []
    empty: list[GoldTimex] = []
    dct: str | None = None
    for element in elements:
        if element.name != "TIMEX3":
            continue
        if element.attr("functionInDocument") == "CREATION_TIME":
            dct = _date_of(element.attr("value"))
        elif _within(element, container):
            timex = _timex3(element, plain, container.start)
            (timexes if timex.end > timex.start else empty).append(timex)
    outer, nested = _split_nested(timexes)
    return GoldDocument(
        doc_id=doc_id or _element_text(elements, plain, "DOCID") or "",
        text=text,
        dct=dct,
        timexes=outer,
        nested=(*nested, *empty),
        source=source,
        format="timeml",
    )


def read_document(path: Path) -> GoldDocument:
    """Read one annotated file, detecting TimeML or TIMEX2 inline from its content.

    >>> read_document(Path("WikiWarsDE-dev/keyinline/01_WW2.key.xml")).doc_id  # doctest: +SKIP
    '01_WW2'
    """
    from chronist.text.reading import read_text

    try:
        markup = read_text(path)
    except InputError as error:
        raise CorpusError(f"cannot read corpus file {error}") from error
    if "<TimeML" in markup:
        return read_timeml(markup, source=str(path), doc_id=doc_id_of(path))
    if "<TIMEX2" in markup or "<TEXT" in markup:
        document = read_timex2(markup, source=str(path), doc_id=doc_id_of(path))
        _check_source_text(path, document)
        return document
    raise CorpusError(f"{path}: neither TimeML nor a TIMEX2 inline document")


def load_corpus(path: Path) -> list[GoldDocument]:
    """Read a corpus file or folder (a folder with ``keyinline/`` reads that).

    >>> docs = load_corpus(Path("../shared/data/WikiWarsDE-dev"))  # doctest: +SKIP
    >>> len(docs)  # doctest: +SKIP
    12
    """
    if path.is_file():
        return [read_document(path)]
    if not path.is_dir():
        raise CorpusError(f"{path}: no such corpus file or folder")
    if (path / "keyinline").is_dir():
        path = path / "keyinline"
    files = sorted(
        p for p in path.iterdir() if p.is_file() and p.name.endswith((".tml", ".key.xml"))
    )
    if not files:
        raise CorpusError(f"{path}: no .tml or .key.xml files in this folder")
    return [read_document(file) for file in files]


def _only(elements: list[Element], name: str, source: str) -> Element:
    found = [e for e in elements if e.name == name]
    if len(found) != 1:
        raise CorpusError(f"{source}: expected one <{name}> element, found {len(found)}")
    return found[0]


def _within(inner: Element, outer: Element) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner.depth > outer.depth


def _element_text(elements: list[Element], plain: str, name: str) -> str | None:
    for element in elements:
        if element.name == name:
            return plain[element.start : element.end].strip()
    return None


def _date_of(value: str | None) -> str | None:
    match = _DATE.match(value or "")
    return match.group(0) if match else None


def _timex2_dct(elements: list[Element], plain: str) -> str | None:
    for element in elements:
        if element.name == "DATETIME":
            inner = [e for e in elements if e.name == "TIMEX2" and _within(e, element)]
            if inner and inner[0].attr("val"):
                return _date_of(inner[0].attr("val"))
            return _date_of(plain[element.start : element.end].strip())
    return None


def _timex2(element: Element, plain: str, offset: int) -> GoldTimex:
    value = element.attr("val")
    is_set = (element.attr("set") or "").upper() == "YES"
    return GoldTimex(
        start=element.start - offset,
        end=element.end - offset,
        text=plain[element.start : element.end],
        type=timex2_type(value, is_set),
        value=value,
        mod=element.attr("mod") or None,
        attrs=element.attrs,
    )


def _timex3(element: Element, plain: str, offset: int) -> GoldTimex:
    return GoldTimex(
        start=element.start - offset,
        end=element.end - offset,
        text=plain[element.start : element.end],
        type=element.attr("type") or None,
        value=element.attr("value"),
        mod=element.attr("mod") or None,
        attrs=element.attrs,
    )


def _split_nested(
    timexes: list[GoldTimex],
) -> tuple[tuple[GoldTimex, ...], tuple[GoldTimex, ...]]:
    outer: list[GoldTimex] = []
    nested: list[GoldTimex] = []
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if outer and outer[-1].start <= timex.start and timex.end <= outer[-1].end:
            nested.append(timex)
        else:
            outer.append(timex)
    return tuple(outer), tuple(nested)


def _check_source_text(path: Path, document: GoldDocument) -> None:
    source = path.parent.parent / "in" / f"{document.doc_id}.sgm"
    if path.parent.name != "keyinline" or not source.is_file():
        return
    plain, elements = parse_inline(source.read_text(encoding="utf-8"), source=str(source))
    text_element = _only(elements, "TEXT", str(source))
    if plain[text_element.start : text_element.end] != document.text:
        raise CorpusError(f"{path}: the text differs from its source {source}")

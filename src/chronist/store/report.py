"""The page of a collection or a query: ``chronist report --store ... -o page.html``.

The page builder (:mod:`chronist.web.report`) shows one text beside the
timeline and opens an event's evidence in it. For a collection, that text is
made of the *paragraphs that state the events*, grouped under their
document's name: every mention of every merged event is there, and clicking
an event opens its first mention's paragraph at the sentence. Each event's
label says how many documents tell it, and when they disagree on its date.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from chronist.events.model import Evidence
from chronist.store.export import collection_timeline
from chronist.store.rows import Json

__all__ = ["collection_page", "collection_text"]

_WORDS = {
    "de": ("Quellen", "Datierung uneinheitlich"),
    "en": ("sources", "sources differ on the date"),
}


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    begin = text.rfind("\n\n", 0, start)
    finish = text.find("\n\n", end)
    return (0 if begin < 0 else begin + 2, len(text) if finish < 0 else finish)


def collection_text(
    events: list[Json], texts: dict[str, tuple[str, str]]
) -> tuple[str, dict[tuple[str, int, int], int]]:
    """The page text and, per mention (document id, start, end), its offset in it.

    ``texts`` maps a document id to its name and text.
    """
    wanted: dict[str, set[tuple[int, int]]] = {}
    for event in events:
        for mention in event["mentions"]:
            text = texts[mention["doc"]][1]
            para = _paragraph(text, mention["start"], mention["end"])
            wanted.setdefault(mention["doc"], set()).add(para)
    pieces: list[str] = []
    offset = 0
    where: dict[tuple[str, int], int] = {}  # (doc, paragraph start) -> offset in the page
    for doc in sorted(wanted, key=lambda d: texts[d][0]):
        name, text = texts[doc]
        header = f"■ {name}\n\n"
        pieces.append(header)
        offset += len(header)
        for start, end in sorted(wanted[doc]):
            where[(doc, start)] = offset
            block = text[start:end] + "\n\n"
            pieces.append(block)
            offset += len(block)
    placed: dict[tuple[str, int, int], int] = {}
    for event in events:
        for mention in event["mentions"]:
            text = texts[mention["doc"]][1]
            para_start, _ = _paragraph(text, mention["start"], mention["end"])
            base = where[(mention["doc"], para_start)]
            key = (mention["doc"], mention["start"], mention["end"])
            placed[key] = base + mention["start"] - para_start
    return "".join(pieces), placed


def _selector(text: str, start: int, end: int) -> Json:
    """A W3C position and quote selector of ``text[start:end]``."""
    return asdict(Evidence.of(text, start, end))


def collection_page(store: Any, events: list[Json], *, title: str, lang: str = "de") -> str:
    """The self-contained HTML page of merged events (see the module docstring)."""
    from chronist.timeline.jsonio import from_json
    from chronist.web.report import render_report

    docs = sorted({m["doc"] for e in events for m in e["mentions"]})
    texts = store.texts(docs)
    text, placed = collection_text(events, texts)
    data = collection_timeline(events, title, lang)
    sources_word, differ = _WORDS.get(lang, _WORDS["en"])
    data["document"]["text"] = text
    for event, row in zip(events, data["events"], strict=True):
        suffix = []
        if event["sources"] > 1:
            suffix.append(f"{event['sources']} {sources_word}")
        if event.get("dates_disagree"):
            suffix.append(differ)
        if suffix:
            row["label"] = f"{row['label']} ({'; '.join(suffix)})"
        if event["mentions"]:
            spans = [
                (placed[(m["doc"], m["start"], m["end"])], m["end"] - m["start"])
                for m in event["mentions"]
            ]
            selectors = [_selector(text, at, at + length) for at, length in spans]
        else:
            selectors = [_selector(text, 0, 0)]
        row["evidence"], row["mentions"] = selectors[0], selectors
        start, end = selectors[0]["start"], selectors[0]["end"]
        row["trigger"].update(start=start, end=end, text=text[start:end])
        for part in [*row["participants"], *([row["place"]] if row["place"] else [])]:
            part.update(start=start, end=start)
    return render_report(from_json(data))

"""Events against the blind wiki_de event gold, the old WikiWarsDE gold, and label quality.

    .venv/bin/python bench/events_eval.py
        [--split dev|frozen|dev4|dev5|dev6|dev7|frozen7|dev8|frozen8|all]
        [--errors] [--labels] [--causes]

* **wiki_de** (``bench/wiki_de/gold/events``, GUIDELINES.md section 2): an
  event counts when chronist has a happened event on the gold event's sentence
  whose time is right (:func:`chronist.evaluation.events.time_matches`). Recall
  is over the ``key`` events; precision over all of chronist's happened events
  in the passage, where one matched to a ``minor`` gold event (right date) is
  not an error.
* **dev4** (``bench/wiki_de5``, the same format and guidelines): seven more
  passages annotated blind in session 24, a second development set that shows
  how far the ``dev`` figures carry over to unseen text.
* **dev5** (``bench/wiki_de7``, the same format and guidelines): eight more
  passages annotated blind in session 25 (scored once blind, then developed on).
* **dev6** (``bench/wiki_de10``, the same format and guidelines): eight more
  passages annotated blind in session 26 (scored once blind, then developed on).
* **dev7** and **frozen7** (``bench/wiki_de13``, the same format and guidelines):
  eight more passages annotated blind in session 27; five are ``dev7`` (a
  development split like ``dev6``), three drawn with ``random.Random(27)`` are
  ``frozen7``, which behaves like ``frozen``: totals only, no errors, no causes.
* **dev8** and **frozen8** (``bench/wiki_de15``): eight more blind passages of
  session 27; five are ``dev8``, three drawn with ``random.Random(28)`` are
  ``frozen8`` (totals only).
* **wikiwarsde-dev** (``tests/data/events/wikiwarsde-dev-gold.tsv``): the older
  gold with its own scorer.
* **labels**: the share of happened events whose label is a lone word or a cut
  fragment (:func:`chronist.evaluation.events.bad_label`: one word after an
  article that is not a compound naming an event, a lone verb form, or a label
  ending in an article, preposition, conjunction or comma), on the wiki_de
  passages and on 20 ``wikipedia-de`` history articles that are in neither
  ``documents.tsv`` nor ``merge_pairs.tsv``.
* **causes** (``--causes``, the dev splits): why each missed key event was missed
  (no event on its sentence, which date it got instead, ...).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from chronist.evaluation.events import Score, bad_label, load_gold, score_events, time_matches
from chronist.evaluation.events import interval as gold_interval
from chronist.timeline import build_timeline
from chronist.timeline.model import Event

HERE = Path(__file__).parent
WIKI = HERE / "wiki_de"
WIKI5 = HERE / "wiki_de5"
WIKI7 = HERE / "wiki_de7"
WIKI10 = HERE / "wiki_de10"
WIKI13 = HERE / "wiki_de13"
WIKI15 = HERE / "wiki_de15"
# readable splits: errors, causes and per-passage lines may be shown
DEV_SPLITS = ("dev", "dev4", "dev5", "dev6", "dev7", "dev8")
FROZEN_SPLITS = ("frozen", "frozen7", "frozen8")  # blind splits: totals only
SPLITS = ("dev", "frozen", *DEV_SPLITS[1:], *FROZEN_SPLITS[1:])
SHARED = HERE.parents[1] / "shared" / "data"
OLD_GOLD = HERE.parent / "tests" / "data" / "events" / "wikiwarsde-dev-gold.tsv"

# 20 history articles, none in documents.tsv or merge_pairs.tsv (checked below).
LABEL_ARTICLES = (
    "Karl_der_Große", "Napoleon_Bonaparte", "Erster_Weltkrieg", "Christoph_Kolumbus",
    "Kalter_Krieg", "Wiener_Kongress", "Nürnberg", "Dresden", "München", "Leipzig",
    "Trier", "Aachen", "Prag", "Karthago", "Alexander_der_Große", "Maria_Theresia",
    "Konrad_Adenauer", "Wolfgang_Amadeus_Mozart", "Hanse", "Byzantinisches_Reich",
)  # fmt: skip
LABEL_CHARS = 12_000  # the first characters of each article (the history is mostly there)


@dataclass(frozen=True, slots=True)
class WikiGold:
    start: int
    end: int
    quote: str
    label: str
    time: tuple[object, object] | None
    key: bool


def _documents(root: Path = WIKI) -> list[dict[str, str]]:
    with (root / "documents.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _root(name: str) -> Path:
    """The gold folder of a passage (``d*`` passages are the fourth gold's, ``e*``
    the fifth's, ``f*`` the sixth's, ``g*`` the seventh's, ``h*`` the eighth's)."""
    for root in (WIKI5, WIKI7, WIKI10, WIKI13, WIKI15):
        if (root / "docs" / f"{name}.txt").exists():
            return root
    return WIKI


def _wiki_gold(name: str) -> list[WikiGold]:
    rows = []
    with (_root(name) / "gold" / "events" / f"{name}.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            time = gold_interval(row["from"], row["to"]) if row["from"] and row["to"] else None
            rows.append(
                WikiGold(
                    int(row["start"]), int(row["end"]), row["quote"], row["label"], time,
                    row["importance"] == "key",
                )
            )  # fmt: skip
    return rows


def _on_sentence(event: Event, start: int) -> bool:
    return any(m.start <= start < m.end for m in event.mentions)


@dataclass
class Tally:
    key: int = 0
    key_found: int = 0
    system: int = 0
    correct: int = 0  # system events matched (right date) to a key or minor gold event
    bad: int = 0

    def add(self, other: Tally) -> None:
        for name in ("key", "key_found", "system", "correct", "bad"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        p = self.correct / self.system if self.system else 0.0
        r = self.key_found / self.key if self.key else 0.0
        share = self.bad / self.system if self.system else 0.0
        return (
            f"{name:<28} key {self.key_found:>3}/{self.key:<3} R {r:.2f}  "
            f"P {p:.2f} ({self.correct}/{self.system})  bad labels {self.bad} ({share:.1%})"
        )


def score_wiki(name: str, errors: bool, floor: float = 0.0) -> Tally:
    text = (_root(name) / "docs" / f"{name}.txt").read_text(encoding="utf-8")
    gold = _wiki_gold(name)
    events = [
        e for e in build_timeline(text).events if not e.hypothetical and e.confidence >= floor
    ]
    tally = Tally(system=len(events), bad=sum(bad_label(e.label) for e in events))
    taken: set[str] = set()
    # key events first, so a system event goes to the event the timeline must show
    for item in sorted(gold, key=lambda g: not g.key):
        here = [e for e in events if e.id not in taken and _on_sentence(e, item.start)]
        right = [e for e in here if item.time and time_matches(e.time.bounds, item.time)]
        if right:
            best = min(right, key=lambda e: abs(e.trigger.start - item.start))
            taken.add(best.id)
            tally.correct += 1
        tally.key += item.key
        tally.key_found += item.key and bool(right)
        if errors and item.key and not right:
            got = "; ".join(f"{e.label} [{e.time.edtf}]" for e in here) or "-"
            print(f"  MISS {name} {item.quote!r} ({item.label}) gold {item.time} got {got}")
    if errors:
        for e in events:
            if e.id not in taken:
                print(f"  EXTRA {name} {e.label!r} [{e.time.edtf}] {e.trigger.text}")
    return tally


def _miss_cause(here: list[Event], item: WikiGold) -> str:
    """Why a key gold event with events on its sentence was missed (see ``--causes``)."""
    assert item.time is not None
    low, high = item.time

    def cause(event: Event) -> str:
        b = event.time.bounds
        first, last = b.earliest_begin or b.latest_begin, b.latest_end or b.earliest_end
        source = event.time.source.value
        width = last.year - first.year if first and last else None
        if width == 2 and first and first.year + 1 == low.year == high.year:
            return "approximate year: system ±1 year (3 years), the scorer allows 2"
        if width == 99 and first and first.year % 100 == 0 and low.year == first.year + 1:
            return "ordinal century: system 1900-1999, gold 1901-2000"
        if first is None or last is None:
            return f"open interval ({source})"
        if source == "narrative":
            return "no date in its clause: narrative date or interval wrong or too wide"
        if first <= low and last >= high:
            return f"own date too wide ({source})"
        return f"another date of the sentence or clause ({source})"

    found = sorted({cause(e) for e in here})
    return next((c for c in found if c.startswith(("approximate", "ordinal"))), found[0])


def causes(name: str) -> list[str]:
    """The cause of each missed key event of a dev passage."""
    text = (_root(name) / "docs" / f"{name}.txt").read_text(encoding="utf-8")
    gold = _wiki_gold(name)
    events = [e for e in build_timeline(text).events if not e.hypothetical]
    taken: set[str] = set()
    missed = []
    for item in sorted(gold, key=lambda g: not g.key):
        here = [e for e in events if e.id not in taken and _on_sentence(e, item.start)]
        right = [e for e in here if item.time and time_matches(e.time.bounds, item.time)]
        if right:
            taken.add(min(right, key=lambda e: abs(e.trigger.start - item.start)).id)
        elif item.key and item.time:
            missed.append(item)
    found = []
    for item in missed:
        assert item.time is not None
        here = [e for e in events if _on_sentence(e, item.start)]
        if any(time_matches(e.time.bounds, item.time) for e in here):
            found.append("two events told in one sentence: the one found went to the other")
        elif not here:
            found.append("no event on the gold sentence")
        else:
            found.append(_miss_cause(here, item))
    return found


def score_old_gold() -> str:
    from chronist.evaluation.corpora import load_corpus

    sections, gold = load_gold(OLD_GOLD)
    documents = {d.doc_id: d for d in load_corpus(SHARED / "WikiWarsDE-dev")}
    total = Score(0, 0, 0, 0)
    for doc in sorted({s.doc for s in sections}):
        document = documents[doc]
        events = build_timeline(document.text, kind="narrative", dct=document.dct).events
        total += score_events(
            document.text,
            [s for s in sections if s.doc == doc],
            [g for g in gold if g.doc == doc],
            events,
        )
    return (
        f"wikiwarsde-dev (old gold)    P {total.precision:.2f} R {total.recall:.2f} "
        f"date acc {total.date_accuracy:.2f} ({total.correct}/{total.gold}, system {total.system})"
    )


def label_articles() -> Tally:
    used = {row["source"] for row in _documents()}
    with (WIKI / "merge_pairs.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            used |= {row["a"], row["b"]}
    tally = Tally()
    for name in LABEL_ARTICLES:
        assert f"wiki/{name}.txt" not in used, name
        text = (SHARED / "wikipedia-de" / "wiki" / f"{name}.txt").read_text(encoding="utf-8")
        text = text[:LABEL_CHARS]
        text = text[: text.rfind("\n") if "\n" in text else len(text)]
        events = [e for e in build_timeline(text).events if not e.hypothetical]
        tally.system += len(events)
        bad = [e.label for e in events if bad_label(e.label)]
        tally.bad += len(bad)
        if bad:
            print(f"  {name}: {bad[:8]}", file=sys.stderr)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list misses (dev splits)")
    parser.add_argument("--labels", action="store_true", help="label share on 20 articles")
    parser.add_argument("--old", action="store_true", help="the older WikiWarsDE gold")
    parser.add_argument("--causes", action="store_true", help="why dev key events are missed")
    parser.add_argument(
        "--min-confidence", type=float, default=0.0, help="only events this confident"
    )
    args = parser.parse_args()
    splits = SPLITS if args.split == "all" else (args.split,)
    roots = (WIKI, WIKI5, WIKI7, WIKI10, WIKI13, WIKI15)
    rows = [row for root in roots for row in _documents(root)]
    for split in splits:
        total = Tally()
        for row in rows:
            if row["split"] != split:
                continue
            readable = split in DEV_SPLITS  # frozen errors are never shown
            tally = score_wiki(row["name"], args.errors and readable, args.min_confidence)
            total.add(tally)
            if readable:
                print(tally.row(row["name"]))
        floor = f" conf>={args.min_confidence}" if args.min_confidence else ""
        print(total.row(f"wiki_de {split}{floor}"))
    for split in (s for s in splits if args.causes and s in DEV_SPLITS):
        names = [row["name"] for row in rows if row["split"] == split]
        counts = Counter(cause for name in names for cause in causes(name))
        print(f"missed {split} key events: {sum(counts.values())}")
        for cause, count in counts.most_common():
            print(f"  {count:>4}  {cause}")
    if args.old:
        print(score_old_gold())
    if args.labels:
        print(label_articles().row("20 wikipedia-de articles"))


if __name__ == "__main__":
    main()

"""Merging across documents: events, people and places, incrementally, with readings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb  # noqa: F401  (the store extra must be installed: fail, not skip)
import pytest

from chronist import Store
from chronist.store.mention_info import MentionInfo
from chronist.store.merge import MergeIndex
from chronist.store.people import EntityIndex
from test_store_ingest import KOREA_A, KOREA_B, KOREA_C


def _mention(
    doc: str, seq: int, day: str, entities: set[int], lemma: str = "angreifen"
) -> MentionInfo:
    time = (day, day, f"{day}-01", f"{day}-01", f"{day}-28", f"{day}-28", "explicit", None)
    return MentionInfo(doc, seq, "conflict", lemma, "Angriff", 0.9, False,
                       frozenset(entities), frozenset(), time)  # fmt: skip


def test_people_are_one_person_under_name_variants() -> None:
    index = EntityIndex()
    truman = index.assign("PER", "Harry S. Truman", None)
    assert index.assign("PER", "Truman", None) == truman
    assert index.assign("PER", "Harry Truman", None) == truman
    assert index.assign("PER", "Bess Truman", None) != truman
    assert index.name(truman) == "Harry S. Truman"


def test_places_are_one_place_by_gazetteer_id() -> None:
    index = EntityIndex()
    korea = index.assign("LOC", "Nordkorea", "geonames:1873107")
    assert index.assign("LOC", "Demokratische Volksrepublik Korea", "geonames:1873107") == korea
    assert index.assign("LOC", "Panmunjeom", None) == index.assign("LOC", "panmunjeom", None)
    assert index.assign("ORG", "UNO", None) != index.assign("LOC", "UNO", None)


def test_event_mentions_merge_across_documents_only() -> None:
    index = MergeIndex()
    first = index.add(_mention("a", 0, "1950-06", {1, 2}))
    assert index.add(_mention("b", 0, "1950-06", {1})) == first  # shares Nordkorea
    assert index.add(_mention("b", 1, "1950-06", {1})) != first  # b already told it
    assert index.add(_mention("d", 0, "1953-07", {1})) != first  # another time
    other_type = replace(_mention("e", 0, "1950-06", {1}, "unterzeichnen"), type="diplomacy")
    assert index.add(other_type) != first


def test_a_replaced_document_leaves_its_merged_events() -> None:
    index = MergeIndex()
    first = index.add(_mention("a", 0, "1950-06", {1}))
    index.add(_mention("b", 0, "1950-06", {1}))
    index.take_dirty()
    index.remove_document("a")
    rows, _links, ids = index.take_dirty()
    assert ids == {first} and rows[0][14] == 1  # one source left
    index.remove_document("b")
    rows, _links, ids = index.take_dirty()
    assert ids == {first} and rows == [] and first not in index.events


@pytest.fixture
def korea(tmp_path: Path) -> Store:
    for name, text in (("a.txt", KOREA_A), ("b.txt", KOREA_B), ("c.txt", KOREA_C)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = Store(tmp_path / "korea.duckdb")
    store.ingest([str(tmp_path / "a.txt")])  # two runs: merging is incremental
    store.ingest([str(tmp_path / "b.txt"), str(tmp_path / "c.txt")])
    return store


def _sources(event: dict[str, object]) -> list[str]:
    return sorted({Path(str(m["document"])).name for m in event["mentions"]})  # type: ignore[attr-defined]


def test_the_same_event_in_three_documents(korea: Store) -> None:
    events = korea.events()
    attack = next(e for e in events if e["type"] == "conflict")
    assert attack["sources"] == 2 and _sources(attack) == ["a.txt", "b.txt"]
    # the sources differ in precision, not in fact: both readings kept, the precise one first
    assert [r["edtf"] for r in attack["readings"]] == ["1950-06-25", "1950-06"]
    assert attack["dates_disagree"] is False
    dismissal = next(e for e in events if e["type"] == "leadership")
    assert _sources(dismissal) == ["b.txt", "c.txt"]
    assert {p["text"] for p in dismissal["participants"]} == {
        "Harry S. Truman",
        "Douglas MacArthur",
    }
    assert "readings" not in dismissal


def test_sources_that_disagree_on_the_date(korea: Store) -> None:
    armistice = next(e for e in korea.events(type="diplomacy") if e["sources"] == 2)
    readings = {r["edtf"]: (r["agreement"], [Path(s).name for s in r["sources"]])
                for r in armistice["readings"]}  # fmt: skip
    assert readings == {"1953-07-27": (1, ["a.txt"]), "1953-07-28": (1, ["b.txt"])}
    assert armistice["dates_disagree"] is True
    assert armistice["time"]["edtf"] in readings


def test_merged_people_across_documents(korea: Store) -> None:
    people = {e["text"]: e for e in korea.entities(type="PER")}
    assert people["Harry S. Truman"]["documents"] == 2
    assert set(people["Harry S. Truman"]["variants"]) == {"Harry S. Truman", "Truman"}
    places = {e["text"]: e for e in korea.entities(type="LOC")}
    assert places["Nordkorea"]["documents"] == 2


def test_organisations_are_one_under_their_first_words() -> None:
    index = EntityIndex()
    bayern = index.assign("ORG", "FC Bayern München", None)
    assert index.assign("ORG", "FC Bayern", None) == bayern  # a shorter name after the long
    schalke = index.assign("ORG", "FC Schalke", None)
    assert index.assign("ORG", "FC Schalke 04", None) == schalke != bayern  # a longer after
    assert index.assign("ORG", "FC", None) not in (bayern, schalke)  # one word names nothing
    assert index.assign("LOC", "FC Bayern", None) != bayern  # organisations only


def test_a_person_typed_org_elsewhere_is_the_person() -> None:
    index = EntityIndex()
    lena = index.assign("PER", "Lena Hartwig-Brandt", None)
    assert index.assign("ORG", "Lena Hartwig", None) == lena  # a double surname's first part
    assert index.assign("PER", "Hartwig", None) == lena
    assert index.assign("ORG", "Jonas Hartwig", None) != lena  # other given name
    assert index.assign("ORG", "Hartwig Werke", None) != lena  # no given name known


def test_an_organisation_typed_per_elsewhere_is_the_organisation() -> None:
    index = EntityIndex()
    club = index.assign("ORG", "SV Nordheim 1921", None)
    assert index.assign("PER", "S.V. Nordheim", None) == club  # abbreviation dots
    assert index.assign("PER", "Nordheim", None) != club  # one word may be a person


def test_an_initial_as_surname_keeps_no_dot() -> None:
    index = EntityIndex()
    assert index.assign("PER", "Kai B.", None) == index.assign("PER", "Kai B", None)


def test_the_entities_a_sentence_names_count_for_the_merge_only(tmp_path: Path) -> None:
    # who an event's sentence names is a participant as the merge sees it, the same
    # when the writer merges a document and when it rebuilds its index from the store;
    # the stored participants and the merged events' entities stay as extracted
    from chronist.store.ingest import Extracted, extract_source
    from chronist.store.schema import connect
    from chronist.store.sources import Source, discover
    from chronist.store.writer import Writer

    text = (
        "Im Juni 1950 überfiel Nordkorea Südkorea. Zwei Tage später sprach Harry S. Truman "
        "in Washington von einem Angriff auf Südkorea."
    )
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "s.duckdb"
    sources = list(discover([str(tmp_path / "b.txt")], "de", "auto", None))
    results = [extract_source(s) for s in sources if isinstance(s, Source)]
    extracted = [result for result in results if isinstance(result, Extracted)]
    writer = Writer(path)
    with connect(path, read_only=False) as connection:
        writer.load(connection)
        writer.write_batch(connection, extracted)
    written = {k: m for e in writer.index.events.values() for k, m in e.mentions.items()}
    named = {k: m.named for k, m in written.items()}
    assert any(m.named - m.entities - m.places for m in written.values())
    reloaded = Writer(path)
    with connect(path, read_only=False) as connection:
        reloaded.load(connection)
        reloaded.prepare(connection)
        rows = connection.execute("SELECT merged, entity FROM merged_event_entities").fetchall()
    linked = {(merged, entity) for merged, entity in rows}
    again = {k: m.named for e in reloaded.index.events.values() for k, m in e.mentions.items()}
    assert again == named
    # the merged events' entities are the participants and places as extracted
    events = writer.index.events.items()
    assert linked == {
        (i, x) for i, e in events for m in e.mentions.values() for x in m.entities | m.places
    }


def test_a_merged_event_links_no_entity_its_sentences_only_name() -> None:
    index = MergeIndex()
    index.add_document([replace(_mention("a", 0, "1950-06", {1}), named=frozenset({1, 2}))])
    _rows, links, _ids = index.take_dirty()
    assert [entity for _merged, entity, _role in links] == [1]


def _undated(doc: str, entities: set[int], lemma: str) -> MentionInfo:
    time = (None, None, None, None, None, None, None, None)
    return MentionInfo(doc, 0, "conflict", lemma, "Angriff", 0.9, False,
                       frozenset(entities), frozenset(), time)  # fmt: skip


def test_another_word_with_a_common_participant_is_looked_up_by_year() -> None:
    from chronist.store.merge import _blocks

    index = MergeIndex()
    attack = index.add(_mention("a", 0, "1950-06", {1}))
    undated = index.add(_undated("b", {1}, "angreifen"))

    def candidates(mention: MentionInfo) -> set[int]:
        found: set[int] = set()
        for key in _blocks(mention, query=True):
            found |= index.blocks.get(key, set())
        return found

    # another word of the type (no word or year block in common): the type block only
    assert candidates(_mention("c", 0, "1950-06", {1}, "bombardieren")) == {attack, undated}
    assert candidates(_mention("c", 0, "1951-01", {1}, "bombardieren")) == {attack, undated}
    assert candidates(_mention("c", 0, "1970-06", {1}, "bombardieren")) == {undated}
    assert candidates(_undated("c", {1}, "bombardieren")) == {attack, undated}
    assert candidates(_mention("c", 0, "1950-06", {2}, "bombardieren")) == set()

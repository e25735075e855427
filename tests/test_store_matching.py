"""Scoring two event mentions of different documents: words, time, participants, sentences."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from chronist.errors import LanguageDataError
from chronist.lang import language_dir
from chronist.store.chains import chains
from chronist.store.matching import OPEN, _words, load_words, text_fit, time_fit
from chronist.store.mention_info import MentionInfo
from chronist.store.merge import MergeIndex

EXAMPLES = tomllib.loads((language_dir("de") / "examples" / "merge.toml").read_text("utf-8"))
WORDS = load_words("de")


@pytest.mark.parametrize(("first", "second"), EXAMPLES["same"])
def test_words_of_one_happening(first: str, second: str) -> None:
    assert WORDS.group(first) is not None
    assert WORDS.group(first) == WORDS.group(second)


@pytest.mark.parametrize(("first", "second"), EXAMPLES["different"])
def test_words_of_different_happenings(first: str, second: str) -> None:
    assert WORDS.group(first) is None or WORDS.group(first) != WORDS.group(second)


def test_generic_and_specific_words() -> None:
    assert all(WORDS.generic(word) for word in EXAMPLES["generic"])
    assert not any(WORDS.generic(word) for word in EXAMPLES["specific"])


def test_a_word_in_two_groups_joins_neither() -> None:
    words = _words({"same_happening": [["a", "x"], ["b", "x"]]}, "test.toml")
    assert words.group("x") is None and words.group("a") == "a"


def test_bad_merge_words_are_a_language_data_error() -> None:
    with pytest.raises(LanguageDataError, match="same_happening"):
        _words({"same_happening": [[]]}, "test.toml")


def test_a_language_without_merge_words_has_none() -> None:
    words = load_words("en")
    assert words.group("conquer") is None and not words.generic("be")


def test_time_overlap_and_precision() -> None:
    day, year = (400, 400), (372, 743)
    assert time_fit(day, (401, 401)) == time_fit(day, day)  # a day apart: one event
    assert time_fit(day, (420, 420)) is None  # three weeks apart: two
    assert time_fit(day, year) is not None and time_fit(day, year) < time_fit(day, day)  # type: ignore[operator]
    assert time_fit(day, year, stated=False) < time_fit(day, year)  # type: ignore[operator]
    assert time_fit(None, day) is not None and time_fit(None, day) < 0  # type: ignore[operator]


def test_neighbouring_years_are_other_times() -> None:
    year_2000, year_2001 = (0, 371), (372, 743)
    assert time_fit(year_2000, year_2001) is None  # a source off by a day tells a day, not a year
    assert time_fit((371, 371), (372, 372)) is not None  # 31 December and 1 January: a day off
    assert time_fit(year_2000, year_2001, stated=False) is not None  # inferred: cannot veto


def test_shared_rare_words_count_more_than_common_ones() -> None:
    frequency = {"verein": 90, "erober": 2}
    rare = text_fit(("erober", "insel"), ("briten", "erober"), frequency, 100)
    common = text_fit(("insel", "verein"), ("briten", "verein"), frequency, 100)
    assert rare > common > 0
    assert text_fit(("insel",), ("briten",), frequency, 100) == 0


def _mention(
    doc: str,
    seq: int,
    lemma: str,
    day: str,
    *,
    entities: frozenset[int] = frozenset(),
    topic: frozenset[int] = frozenset({99}),
    type_: str = "conflict",
    text: str = "",
) -> MentionInfo:
    time = (day, day, day, day, day, day, "explicit", day)
    return MentionInfo(
        doc, seq, type_, lemma.lower(), lemma, 0.9, False, entities, frozenset(), time, topic,
        group=WORDS.group(lemma), generic=WORDS.generic(lemma), words=WORDS.content(text),
    )  # fmt: skip


def test_a_verb_and_its_noun_merge_on_the_same_day() -> None:
    index = MergeIndex()
    first = index.add(_mention("a", 0, "erobern", "1807-08-30"))
    assert index.add(_mention("b", 0, "Eroberung", "1807-08-30")) == first
    assert index.add(_mention("c", 0, "Eroberung", "1808-08-30")) != first  # a year later
    assert index.add(_mention("d", 0, "sterben", "1807-08-30")) != first  # another happening


def test_a_generic_word_needs_a_shared_participant_or_topic() -> None:
    index = MergeIndex()
    first = index.add(_mention("a", 0, "werden", "1969-10-21", entities=frozenset({7})))
    assert index.add(_mention("b", 0, "werden", "1969-10-21", topic=frozenset({98}))) != first
    assert index.add(_mention("c", 0, "werden", "1969-10-21", entities=frozenset({7}))) == first


def test_a_generic_word_does_not_veto_another_word_on_a_stated_day() -> None:
    fort = frozenset({5})
    text = "konföderierte Truppen beschossen Fort Sumter"
    index = MergeIndex()
    began = index.add(
        _mention("a", 0, "beginnen", "1861-04-12", type_="change", entities=fort, text=text)
    )
    assert index.add(_mention("b", 0, "Angriff", "1861-04-12", entities=fort, text=text)) == began
    assert index.add(_mention("c", 0, "Angriff", "1861-05-20", entities=fort, text=text)) != began
    # two words that name different kinds of happening still never merge
    died = index.add(_mention("d", 0, "sterben", "1865-04-15", type_="death", entities=fort))
    assert index.add(_mention("e", 0, "erobern", "1865-04-15", entities=fort)) != died


def test_words_of_two_groups_are_two_happenings_even_of_one_type() -> None:
    lincoln = frozenset({3})
    index = MergeIndex()
    shot = index.add(_mention("a", 0, "Attentat", "1865-04-14", type_="death", entities=lincoln,
                              text="Attentat Booth Theater"))  # fmt: skip
    died = _mention("b", 0, "sterben", "1865-04-15", type_="death", entities=lincoln)
    assert index.add(died) != shot
    # a word of no group still joins by the type (what it names is not known to differ)
    assert index.add(_mention("c", 0, "Anschlag", "1865-04-14", type_="death", entities=lincoln,
                               text="Attentat Booth")) == shot  # fmt: skip


def test_the_best_pair_of_a_document_wins_whatever_the_order() -> None:
    for order in (1, -1):
        index = MergeIndex()
        first = index.add(_mention("a", 0, "gründen", "1900-02-27", text="Verein Schwabing"))
        weak = _mention("b", 0, "gründen", "1900-02-27")
        strong = _mention("b", 1, "Gründung", "1900-02-27", text="Verein Schwabing")
        merged = dict(zip((weak.seq, strong.seq)[::order], index.add_document(
            [weak, strong][::order]), strict=True))  # fmt: skip
        assert merged[strong.seq] == first and merged[weak.seq] != first


def test_merging_words_reach_the_store(tmp_path: Path) -> None:
    from chronist import Store

    (tmp_path / "a.txt").write_text(
        "Die Briten eroberten am 30. August 1807 die Insel Helgoland.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Die Eroberung Helgolands durch die Briten am 30. August 1807 beendete die "
        "dänische Herrschaft.",
        encoding="utf-8",
    )
    store = Store(tmp_path / "s.duckdb")
    store.ingest([str(tmp_path / "a.txt")])
    store.ingest([str(tmp_path / "b.txt")])  # incremental: the second run joins the first
    conquest = [e for e in store.events() if e["sources"] == 2]
    assert len(conquest) == 1 and conquest[0]["type"] == "conflict"


def _timed(
    doc: str, seq: int, lemma: str, bounds: tuple[str | None, ...], source: str
) -> MentionInfo:
    mention = _mention(doc, seq, lemma, "2000-01-01")
    edtf = bounds[0] or bounds[3]
    return replace(mention, time=(edtf, edtf, *bounds, source, None))


def test_an_open_side_excludes_nothing_beyond_it() -> None:
    after_1988 = _timed(
        "a", 0, "trennen", ("1988-01-01", "1988-01-01", "1988-01-01", None), "explicit"
    )
    in_1990 = _timed("b", 0, "trennen", ("1990-03-01",) * 4, "explicit")
    in_1987 = _timed("c", 0, "trennen", ("1987-03-01",) * 4, "explicit")
    assert after_1988.interval is not None and after_1988.interval[1] == OPEN
    assert time_fit(after_1988.interval, in_1990.interval) == 0.0  # compatible, says little
    assert time_fit(after_1988.interval, in_1987.interval) is None  # before it began


def test_an_inferred_time_does_not_veto() -> None:
    year, other = (0, 371), (3720, 4091)
    assert time_fit(year, other) is None  # two stated years apart: two events
    conflicting = time_fit(year, other, stated=False)
    assert conflicting is not None and conflicting < 0  # the narrative's year only counts against


def test_a_noun_of_a_verb_is_the_verb() -> None:
    assert WORDS.group("Sprengung") == "sprengen" and WORDS.group("Eroberung") == "erobern"
    assert WORDS.group("Zeitung") is None  # no verb "zeiten"
    index = MergeIndex()
    first = index.add(_mention("a", 0, "sprengen", "1947-04-18"))
    assert index.add(_mention("b", 0, "Sprengung", "1947-04-18")) == first


def test_repeats_in_one_document_are_one_event() -> None:
    text = "Lees Armee kapitulierte bei Appomattox vor General Grant"
    lead = _mention("a", 0, "kapitulieren", "1865-04-09", text=text)
    later = _mention("a", 1, "Kapitulation", "1865-04-09", text=text)
    other = _mention("a", 2, "kapitulieren", "1865-05-26", text=text)  # a later surrender
    assert chains([lead, later, other], {}, 0) == [[0, 1], [2]]
    index = MergeIndex()
    ids = index.add_document([lead, later, other])
    assert ids[0] == ids[1] != ids[2]
    told = _mention("b", 0, "kapitulieren", "1865-04-09", text=text)
    assert index.add(told) == ids[0]  # the other document joins the whole chain
    assert len(index.events[ids[0]].mentions) == 3


def _year(doc: str, seq: int, lemma: str, year: int, source: str, **kwargs: object) -> MentionInfo:
    mention = replace(_mention(doc, seq, lemma, f"{year}-01-01"), **kwargs)  # type: ignore[arg-type]
    first, last = f"{year}-01-01", f"{year}-12-31"
    return replace(mention, time=(str(year), str(year), first, last, first, last, source, None))


def test_a_repeat_at_another_grain_is_one_happening_with_a_shared_participant() -> None:
    lead = _year(
        "a", 0, "wählen", 1982, "explicit", entities=frozenset({6, 23}),
        words=WORDS.content("1982 wählten CDU und FDP Helmut Kohl zum Bundeskanzler"),
    )  # fmt: skip
    later = _year(
        "a", 1, "wählen", 1982, "narrative", entities=frozenset({6}),
        words=WORDS.content("Helmut Kohl wurde zum neuen Bundeskanzler gewählt"),
    )  # fmt: skip
    assert chains([lead, later], {}, 0) == [[0, 1]]
    stranger = replace(later, entities=frozenset({7}))  # another man elected that year
    assert chains([lead, stranger], {}, 0) == [[0], [1]]


def test_a_chain_does_not_run_from_one_battle_to_the_next() -> None:
    words = WORDS.content("Die Armee des Nordens schlug die Konföderierten in der Schlacht")
    july = replace(_mention("a", 0, "Schlacht", "1863-07-01", entities=frozenset({1})), words=words)
    vague = _year("a", 1, "Schlacht", 1863, "explicit", entities=frozenset({1, 2}), words=words)
    november = replace(
        _mention("a", 2, "Schlacht", "1863-11-24", entities=frozenset({2})), words=words
    )
    # the year's mention could tell either battle, but both cannot be one happening
    assert chains([july, vague, november], {}, 0) == [[0, 1], [2]]


def _row(doc: str, lemma: str, label: str, year: int) -> tuple[dict[str, int], tuple[object, ...]]:
    """An event_mentions row as the writer reads it (a stated year, no place)."""
    from chronist.store.schema import columns

    names = columns("event_mentions")
    first, last = f"{year}-01-01", f"{year}-12-31"
    values: dict[str, object] = {name: None for name in names}
    values.update(
        doc=doc, seq=0, label=label, type="change", lemma=lemma, has_place=False,
        time_value=str(year), edtf=str(year), earliest_begin=first, latest_begin=last,
        earliest_end=first, latest_end=last, time_source="explicit", confidence=0.9,
        modality="asserted", exact=label,
    )  # fmt: skip
    return {name: i for i, name in enumerate(names)}, tuple(values[name] for name in names)


def test_a_support_verb_merges_as_the_event_its_noun_names() -> None:
    from chronist.store.mention_info import mention_of as writer_mention

    nestle = {7}
    at, row = _row("a", "folgen", "Es folgte die Fusion mit der Maggi AG", 1947)
    followed = writer_mention(row, at, nestle, None, frozenset(), WORDS)
    assert (followed.lemma, followed.group, followed.generic) == (
        "fusionieren",
        "fusionieren",
        False,
    )
    at, row = _row("b", "fusionieren", "Nestle fusionierte mit Maggi", 1947)
    merged = writer_mention(row, at, nestle, None, frozenset(), WORDS)
    index = MergeIndex()
    assert index.add(followed) == index.add(merged)
    # a support verb whose label names no kind of happening stays generic
    at, row = _row("c", "folgen", "Weitere Jahre folgten", 1947)
    assert writer_mention(row, at, nestle, None, frozenset(), WORDS).generic


def test_a_verb_of_no_group_merges_as_the_happening_its_object_names() -> None:
    from chronist.store.mention_info import mention_of as writer_mention

    at, row = _row("a", "einfahren", "wurde der erste Meistertitel eingefahren", 1908)
    title = writer_mention(row, at, set(), None, frozenset(), WORDS)
    assert (title.lemma, title.group, title.generic) == ("einfahren", "siegen", False)
    at, row = _row("b", "gewinnen", "gewann die Mannschaft die erste Meisterschaft", 1908)
    won = writer_mention(row, at, set(), None, frozenset(), WORDS)
    assert title.word == won.word
    # a verb of its own group keeps it; one whose label names no group has none
    at, row = _row("c", "erobern", "eroberten die Briten nach dem Sieg die Insel", 1807)
    assert writer_mention(row, at, set(), None, frozenset(), WORDS).group == "erobern"
    at, row = _row("d", "einfahren", "wurde die Ernte eingefahren", 1908)
    assert writer_mention(row, at, set(), None, frozenset(), WORDS).group is None


def test_the_trigger_is_not_a_shared_sentence_word() -> None:
    from chronist.store.mention_info import mention_of as writer_mention

    at, row = _row("a", "gewinnen", "gewann er mit Schalke den DFB-Pokal", 2011)
    row = tuple("gewann" if i == at["trigger_text"] else v for i, v in enumerate(row))
    cup = writer_mention(row, at, set(), None, frozenset(), WORDS)
    assert "gewann" not in cup.words and "schalk" in cup.words  # the word is counted once


def test_a_chain_never_joins_mentions_naming_other_participants() -> None:
    # one week, one word, shared sentence words: but Moscow and Pearl Harbor
    text = "Angriff Dezember Truppen"
    moscow = _mention("a", 0, "Angriff", "1941-12-05", entities=frozenset({1}), text=text)
    harbor = _mention("a", 1, "Angriff", "1941-12-07", entities=frozenset({2}), text=text)
    again = _mention("a", 2, "Angriff", "1941-12-07", entities=frozenset({2}), text=text)
    assert chains([moscow, harbor, again], {}, 0) == [[0], [1, 2]]

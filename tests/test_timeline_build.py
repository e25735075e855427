"""Text to timeline: the demo document's main events, dating rules, merging, ordering."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronist.errors import OptionError
from chronist.temporal.values import Day
from chronist.timeline import build_timeline
from chronist.timeline.model import Event, Modality, Timeline, TimeSource, order_key

DEMO = Path(__file__).resolve().parents[2] / "shared" / "seed" / "koreakrieg.de.txt"


def no_entities(document: object) -> list[object]:
    return []


def build(text: str, **options: object) -> Timeline:
    return build_timeline(text, recognizer=no_entities, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def demo() -> Timeline:
    assert DEMO.is_file(), "the demo document ../shared/seed/koreakrieg.de.txt is missing"
    return build(DEMO.read_text(encoding="utf-8"))


def find(timeline: Timeline, words: str) -> Event:
    hits = [e for e in timeline.events if words in timeline.document.text[slice(*_sentence(e))]]
    hits = [e for e in hits if words.split()[0] in e.label or words in e.evidence.exact]
    assert hits, f"no event for {words!r}"
    return min(hits, key=lambda e: abs(e.trigger.start - timeline.document.text.index(words)))


def _sentence(event: Event) -> tuple[int, int]:
    return event.evidence.start, event.evidence.end


def span(event: Event) -> tuple[Day | None, Day | None]:
    b = event.time.bounds
    return b.earliest_begin or b.latest_begin, b.latest_end


# The main events of the demo and the day a historian dates them to; the
# timeline must place each on that day or in an interval that holds it.
MAIN_EVENTS = [
    ("rief Truman den UN-Sicherheitsrat an", Day(1950, 6, 25)),
    ("Mandat zur Wiederherstellung", Day(1950, 6, 25)),
    ("Erlaubnis", Day(1950, 6, 27)),
    ("überrannte den Südteil", Day(1950, 8, 15)),
    ("Bombenkrieg", Day(1952, 6, 1)),
    ("Invasion bei der", Day(1950, 9, 15)),
    ("besetzen", Day(1950, 11, 15)),
    ("Hilfe Maos", Day(1950, 11, 25)),
    ("zwangen die UN-Truppen", Day(1950, 12, 15)),
    ("forderte nun den Einsatz", Day(1951, 3, 24)),
    ("Absetzung des Oberbefehlshabers", Day(1951, 4, 11)),
    ("machte der Vorsitzende", Day(1951, 5, 15)),
    ("Waffenstillstandssondierungen", Day(1951, 7, 10)),
    ("Tod Stalins", Day(1953, 3, 5)),
    ("schwiegen auch die Waffen", Day(1953, 7, 27)),
    ("steigerte die westdeutsche Wirtschaft", Day(1954, 6, 1)),
    ("Gründung der Bundeswehr", Day(1955, 11, 12)),
    ("überholen", Day(1969, 6, 1)),
]


@pytest.mark.parametrize(("words", "day"), MAIN_EVENTS)
def test_demo_main_events_dated(demo: Timeline, words: str, day: Day) -> None:
    event = find(demo, words)
    first, last = span(event)
    assert not event.hypothetical
    assert first is not None and first <= day
    assert last is None or day <= last
    if last is not None:
        assert (last.year - first.year) <= 3  # an interval, not a vague era


def test_demo_exact_dates(demo: Timeline) -> None:
    assert find(demo, "Invasion bei der").time.edtf == "1950-09-15"
    assert find(demo, "Absetzung des Oberbefehlshabers").time.edtf == "1951-04-11"
    assert find(demo, "schwiegen auch die Waffen").time.edtf == "1953-07-27"
    stalin = find(demo, "Tod Stalins")  # "im März 1953", made exact by the reference table
    assert stalin.time.edtf == "1953-03-05" and stalin.time.reference == "death-stalin"
    assert find(demo, "machte der Vorsitzende").time.edtf == "1951-05"


def test_demo_uncertainty_is_kept_as_an_interval(demo: Timeline) -> None:
    # told between "bis November 1950" and "am 11. April 1951": that interval, no guessed day
    china = find(demo, "Hilfe Maos")
    assert china.time.source is TimeSource.NARRATIVE
    assert china.time.edtf == "1950-11/1951-04-11"
    occupation = find(demo, "besetzen")
    assert occupation.time.source is TimeSource.BOUNDED
    assert occupation.time.bounds.latest_end == Day(1950, 11, 30)
    assert occupation.time.bounds.earliest_begin == Day(1950, 9, 15)


def test_demo_no_number_becomes_a_date(demo: Timeline) -> None:
    text = demo.document.text
    quantities = ["1.000", "200.000", "38.", "20 UN"]
    for event in demo.events:
        assert event.time.text is None or not any(q in event.time.text for q in quantities)
    used = {e.time.timex for e in demo.events if e.time.timex}
    for timex in demo.timexes:
        if timex.tid in used:
            assert not any(q in text[timex.start - 2 : timex.end + 2] for q in quantities)


def test_demo_conditional_is_not_a_happened_event(demo: Timeline) -> None:
    attacked = find(demo, "angegriffen werden würden")
    assert attacked.modality is Modality.CONDITIONAL and attacked.hypothetical
    assert attacked not in demo.happened
    plan = find(demo, "verseucht werden")
    assert plan.hypothetical


def test_demo_repeated_mention_is_merged(demo: Timeline) -> None:
    armistice = find(demo, "schwiegen auch die Waffen")
    later = demo.document.text.index("Mit dem Waffenstillstand")
    assert any(m.start <= later < m.end for m in armistice.mentions)
    assert len(armistice.mentions) == 2


def test_demo_events_are_ordered_by_bounds(demo: Timeline) -> None:
    keys = [order_key(e) for e in demo.events]
    assert keys == sorted(keys)
    assert len({e.id for e in demo.events}) == len(demo.events)


def test_demo_reference_anchors(demo: Timeline) -> None:
    names = {a.id: a for a in demo.anchors}
    assert {"berlin-blockade", "world-war-i", "cold-war"} <= set(names)
    assert names["berlin-blockade"].text == "Blockade Berlins"


def test_reference_event_dates_an_event_without_a_date() -> None:
    timeline = build("Nach dem Ersten Weltkrieg wurde der Völkerbund gegründet.")
    (event,) = timeline.events
    assert event.time.source is TimeSource.REFERENCE_EVENT
    assert event.time.reference == "world-war-i"
    assert event.time.bounds.earliest_begin == Day(1918, 11, 11)
    # "mit" a named event: when it began
    (event,) = build("Mit der Französischen Revolution verlor das Land seine Rechte.").events
    assert (event.time.reference, event.time.edtf) == ("french-revolution", "1789")


def test_during_the_blockade_resolves_to_1948() -> None:
    text = (
        "Im Juni 1950 griff Nordkorea an. Zwei Jahre zuvor hatten die Westmächte während "
        "der sowjetischen Blockade Berlins eine Luftbrücke errichtet."
    )
    timeline = build(text)
    bridge = next(e for e in timeline.events if e.trigger.lemma == "errichten")
    assert bridge.time.reference == "berlin-blockade"
    assert span(bridge) == (Day(1948, 6, 24), Day(1948, 12, 31))


def test_explicit_bounded_and_narrative_sources() -> None:
    text = (
        "Am 15. September 1950 landeten Truppen bei Incheon. Danach rückten sie vor. "
        "Bis November 1950 besetzten sie den Norden. Am 11. April 1951 entließ Truman den General."
    )
    sources = {e.trigger.lemma: e.time for e in build(text).events}
    assert sources["landen"].source is TimeSource.EXPLICIT
    assert sources["vorrücken"].source is TimeSource.NARRATIVE
    assert sources["vorrücken"].edtf == "1950-09-15/1950-11"
    assert sources["besetzen"].source is TimeSource.BOUNDED
    assert sources["besetzen"].edtf == "1950-09-15/1950-11"
    assert sources["entlassen"].edtf == "1951-04-11"


def test_after_a_year_begins_the_next_year() -> None:
    (event,) = build("Nach 1953 wurde die Bundeswehr gegründet.").events
    assert event.time.bounds.earliest_begin == Day(1954, 1, 1)
    assert event.time.edtf == "1954/.."


def test_empty_and_eventless_texts() -> None:
    assert build("").events == ()
    assert build("Der Himmel ist blau.").events == ()


def test_unknown_language() -> None:
    with pytest.raises(OptionError):
        build("Text.", lang="xx")


def test_biography_header_gives_birth_and_death_with_places() -> None:
    text = "Carl Benz (* 25. November 1844 in Mühlburg; † 4. April 1929 in Ladenburg) war da."
    events = build_timeline(text, recognizer=lambda _document: []).events
    found = {(e.type, e.label, e.time.edtf, e.place.text if e.place else None) for e in events}
    assert ("birth", "Carl Benz geboren in Mühlburg", "1844-11-25", "Mühlburg") in found
    assert ("death", "Carl Benz gestorben in Ladenburg", "1929-04-04", "Ladenburg") in found


def test_parenthesised_date_after_a_clause_dates_its_verb() -> None:
    text = "Im Jahr 1740 begann der Krieg. Friedrich siegte bei Waldheim (3. Mai 1745)."
    events = build_timeline(text, recognizer=lambda _document: []).events
    dated = {e.trigger.lemma: e.time.edtf for e in events}
    assert dated["siegen"] == "1745-05-03"


def test_biography_header_after_a_relative_clause_names_the_subject() -> None:
    text = (
        "Wolfgang Amadeus Mozart, der mit Amade unterschrieb (* 27. Januar 1756 in Salzburg; "
        "+ 5. Dezember 1791 in Wien), war ein Komponist."
    )
    events = build_timeline(text, recognizer=lambda _document: []).events
    labels = {e.label: e.time.edtf for e in events if e.type in ("birth", "death")}
    assert labels == {
        "Wolfgang Amadeus Mozart geboren in Salzburg": "1756-01-27",
        "Wolfgang Amadeus Mozart gestorben in Wien": "1791-12-05",
    }


def test_a_past_sentence_with_werden_under_a_modal_is_no_present_state() -> None:
    """``sollte ... besetzt werden`` is told in the past ("werden" is an infinitive under
    the modal); ``wird ... gebaut`` is a passive present, a present state."""
    text = (
        "Am 15. September 1950 landeten Truppen bei Incheon. Danach sollte die Stadt "
        "besetzt werden. Bis November 1950 rückten sie vor. Heute wird dort ein Museum gebaut."
    )
    times = {e.trigger.lemma: e.time for e in build(text).events}
    assert times["besetzen"].source is TimeSource.NARRATIVE
    assert times["besetzen"].edtf == "1950-09-15/1950-11"
    assert times["bauen"].value == "PRESENT_REF"


def test_a_noun_that_joins_an_event_leaves_its_group_pointing_at_that_event() -> None:
    """``Unterzeichnung ... Freundschaftsvertrags am 26. November 1883``: the treaty
    joins the signing (same date); a later treaty of the same group looks back to
    the signing, not to an event that does not exist (this was an IndexError)."""
    timeline = build_timeline(
        "Die ersten Beziehungen wurden mit der Unterzeichnung des Deutsch-Koreanischen "
        "Handels-, Schiffahrts- und Freundschaftsvertrags am 26. November 1883 aufgenommen. "
        "Mit dem Japan-Korea-Protektoratsvertrag von 1905 verlor Korea seine Souveränität.",
        recognizer=lambda document: [],
    )
    assert [(e.trigger.lemma, e.time.edtf) for e in timeline.events] == [
        ("Unterzeichnung", "1883-11-26"),
        ("Japan-Korea-Protektoratsvertrag", "1905"),  # "von 1905": the treaty's year
        ("verlieren", "1905"),  # framed by the dated treaty, an event of its own
    ]


def test_the_cycle_collector_is_paused_for_a_run_and_resumed_after() -> None:
    """The passes run without the cycle collector (its full scans made long texts
    superlinear); it runs again afterwards, and stays off if the caller had turned it off."""
    import gc

    seen: list[bool] = []

    def recognizer(document: object) -> list[object]:
        seen.append(gc.isenabled())
        return []

    build_timeline("Am 3. Mai 1950 begann es.", recognizer=recognizer)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        build_timeline("Am 3. Mai 1950 begann es.", recognizer=recognizer)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_runs_in_threads_resume_the_collector_when_the_last_ends() -> None:
    import gc
    import threading

    from chronist.timeline.collector import collector_paused

    inside, release = threading.Event(), threading.Event()

    def long_run() -> None:
        with collector_paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=long_run)
    thread.start()
    inside.wait(10)
    build_timeline("Am 3. Mai 1950 begann es.", recognizer=lambda document: [])
    assert not gc.isenabled()  # the other run is still going
    release.set()
    thread.join(10)
    assert gc.isenabled()


def test_an_undated_event_keeps_the_year_its_paragraph_is_in() -> None:
    first = "Im Jahr 1631 stürmten die Truppen die Stadt."
    rest = "Die Stadt wurde zerstört. 1635 kam es zum Frieden."
    text = f"{first} {rest}"
    times = {e.trigger.lemma: e.time for e in build(text).events}
    assert times["zerstören"].source is TimeSource.NARRATIVE
    assert times["zerstören"].edtf == "1631"  # the story's year, not 1631 to 1635
    other = f"{first}\n\n{rest.replace('1635', '1632')}"  # another paragraph: between
    assert {e.trigger.lemma: e.time for e in build(other).events}["zerstören"].edtf == "1631/1632"
    # ... unless the next date is years later: the story holds the last date's year
    later = f"{first}\n\n{rest}"
    assert {e.trigger.lemma: e.time for e in build(later).events}["zerstören"].edtf == "1631"


def test_a_date_in_an_attributive_participle_dates_the_participle() -> None:
    text = (
        "Am 18. April 2011 wurde die zum 1. Januar 2012 in Kraft getretene Verfassung "
        "verabschiedet."
    )
    times = {e.trigger.lemma: e.time.edtf for e in build(text).events}
    assert times == {"verabschieden": "2011-04-18", "treten": "2012-01-01"}


def test_a_date_after_a_noun_and_vom_names_the_noun_not_the_clause() -> None:
    text = (
        "Zum 1. Dezember 1940 wurde die Stadt der Deutschen Gemeindeordnung vom "
        "30. Januar 1935 unterstellt."
    )
    times = {e.trigger.lemma: e.time.edtf for e in build(text).events}
    assert times["unterstellen"] == "1940-12-01"
    # alone in its clause, the noun's date still dates it
    alone = "Die Stadt wurde der Gemeindeordnung vom 30. Januar 1935 unterstellt."
    assert {e.trigger.lemma: e.time.edtf for e in build(alone).events}["unterstellen"] == (
        "1935-01-30"
    )


def test_a_date_in_what_is_said_does_not_date_the_saying() -> None:
    text = (
        "Am 27. September 2004 feierte die Regierung den Jahrestag. Demgegenüber "
        "behauptete der Minister, dass zwei Bücher die Fertigstellung im Jahre 1654 belegen."
    )
    times = {e.trigger.lemma: e.time.edtf for e in build(text).events}
    assert times["behaupten"] == "2004-09-27/2004"  # the story's time, not 1654


@pytest.mark.parametrize("join", ["und", "genauso wie"])
def test_coordinated_ranges_tell_the_event_of_each(join: str) -> None:
    text = f"Von 1914 bis 1918 {join} von 1940 bis 1944 wurde Luxemburg besetzt."
    times = [e.time.edtf for e in build(text).events if e.trigger.lemma == "besetzen"]
    assert times == ["1914/1918", "1940/1944"]


def test_after_a_day_an_undated_event_stays_in_its_year() -> None:
    text = (
        "Die Truppen belagerten die Stadt bis zum 5. November 1551. "
        "Ein Friedensvertrag beendete die Belagerung. Am 20. Mai 1631 stürmten sie die Stadt."
    )
    times = {e.trigger.lemma: e.time for e in build(text).events}
    assert times["Friedensvertrag"].source is TimeSource.NARRATIVE
    # from the day told on, in its year: not up to 1631
    assert times["Friedensvertrag"].edtf == "1551-11-05/1551"
    later = "Am 3. Mai 1950 landeten sie. Danach rückten sie vor. Am 5. Juni 1950 fiel die Stadt."
    # the next date comes first in the same year: up to it
    times = {e.trigger.lemma: e.time for e in build(later).events}
    assert times["vorrücken"].edtf == "1950-05-03/1950-06-05"


def test_an_event_told_at_coordinated_dates_happens_at_each() -> None:
    text = "1805 und 1809 hielt sich Napoleon mit seinem Gefolge im Schloss auf."
    found = [(e.label, e.time.edtf) for e in build(text).events]
    label = "hielt sich Napoleon mit seinem Gefolge im Schloss auf"
    assert found == [(label, "1805"), (label, "1809")]
    listed = "Bei den Wahlen 2014, 2018 und 2022 gewann die Partei die Mehrheit."
    events = build(listed).events
    assert [e.time.edtf for e in events] == ["2014", "2018", "2022"]
    assert "und" not in events[0].label.split()  # the "und" between dates goes with them
    # the bounds of a range are one interval, not two events
    assert len(build("Von 1805 bis 1809 wurde das Schloss umgebaut.").events) == 1


def test_a_date_in_a_clause_of_reason_dates_the_main_clause_without_one() -> None:
    text = (
        "Im Jahr 1545 kam der Kaiser in die Stadt. Weil die Stadt sich 1548 weigerte, "
        "das Interim anzuerkennen, zog Georg mit seinen Truppen gegen Magdeburg."
    )
    times = {e.trigger.lemma: e.time for e in build(text).events}
    assert times["ziehen"].edtf == "1548"  # not the narrative's 1545


def test_a_flashback_keeps_its_date_and_does_not_move_the_story() -> None:
    text = (
        "Im Mai 1953 eroberten die Truppen die Stadt. Bereits 1950 hatten sie das Umland "
        "besetzt. Danach zogen sie weiter."
    )
    times = {e.trigger.lemma: e.time.edtf for e in build(text).events}
    assert times["besetzen"] == "1950"
    assert times["weiterziehen"] == "1953-05/1953"  # the story is still in 1953


def test_an_undated_flashback_lies_before_the_time_it_is_told_at() -> None:
    text = (
        "Im Mai 2004 trat das Land der Union bei. Der neue Minister, der seit dem "
        "29. September 2004 amtierte, folgte Peter Medgyessy, der zurückgetreten war."
    )
    times = {e.trigger.lemma: e.time for e in build(text).events}
    assert times["zurücktreten"].source is TimeSource.NARRATIVE
    assert times["zurücktreten"].edtf == "2004-05/2004-09-29"


def test_list_items_with_dates_in_parentheses_are_one_event_each() -> None:
    text = (
        "So kam es in Santo Domingo (1519), Guatemala (1523) und Mexiko (1531) zu Masernepidemien."
    )
    found = [(e.label, e.time.edtf) for e in build(text).events]
    assert found == [
        ("zu Masernepidemien (Santo Domingo)", "1519"),
        ("zu Masernepidemien (Guatemala)", "1523"),
        ("zu Masernepidemien (Mexiko)", "1531"),
    ]
    built = "Es entstanden Bauten wie der Justizpalast (1866-1883) und die Börse (1873)."
    assert [e.time.edtf for e in build(built).events] == ["1866/1883", "1873"]
    # the items date the event, not a coarser period framing the clause; the label
    # keeps no list word before the item
    framed = (
        "Im 19. Jahrhundert entstanden Bauten wie der Justizpalast (1866-1883) "
        "und die Börse (1873)."
    )
    assert [(e.label, e.time.edtf) for e in build(framed).events] == [
        ("entstanden Bauten (der Justizpalast)", "1866/1883"),
        ("entstanden Bauten (die Börse)", "1873"),
    ]
    # a finer date of the clause stays its date
    day = "Am 5. Mai 1945 besuchte er die Kirchen St. Maria (1200) und St. Peter (1310)."
    assert [e.time.edtf for e in build(day).events] == ["1945-05-05"]
    # one date in parentheses is the clause's date, not a list
    once = "Die Alemannen zerstörten Brigantium (233)."
    assert [e.time.edtf for e in build(once).events] == ["0233"]


def test_a_range_told_as_two_dates_dates_its_event_from_one_to_the_other() -> None:
    text = "Im Jahr 1612 brannte es. Von 1613 bis 1618 entstand das heutige Rathaus."
    times = {e.trigger.lemma: e.time for e in build(text).events}
    assert times["entstehen"].edtf == "1613/1618"  # not from the story's 1612
    siege = build("Er belagerte die Stadt vom 22. September 1550 bis 5. November 1551.").events
    assert [e.time.edtf for e in siege] == ["1550-09-22/1551-11-05"]  # not open after the begin
    assert [e.label for e in siege] == ["Er belagerte die Stadt"]


def test_a_range_joins_a_coordination_of_dates_as_one_item() -> None:
    text = "Wohl 233 und 259/260 n. Chr. wurde Brigantium durch Alemannen zerstört."
    assert [e.time.edtf for e in build(text).events] == ["0233", "0259/0260"]
    between = build("Zwischen 1805 und 1809 wurde das Schloss umgebaut.").events
    assert [e.time.edtf for e in between] == ["1805/1809"]  # the bounds of one range


def _told(timeline: Timeline, words: str) -> list[Event]:
    """The events with a mention (evidence sentence) holding ``words``."""
    text = timeline.document.text
    return [e for e in timeline.events if any(words in text[m.start : m.end] for m in e.mentions)]


SUMTER = "Am 12. April 1861 begann der Angriff auf Fort Sumter. "


def test_a_definite_noun_refers_back_to_the_event_just_told() -> None:
    timeline = build_timeline(SUMTER + "Der Angriff misslang.")
    (attack,) = _told(timeline, "Der Angriff misslang")
    assert attack.trigger.lemma == "Angriff" and len(attack.mentions) == 2


def test_a_noun_naming_another_place_is_another_happening() -> None:
    timeline = build_timeline(SUMTER + "Der Angriff auf Richmond misslang.")
    assert len({e.id for e in _told(timeline, "Angriff")}) == 2


def test_a_definite_noun_does_not_reach_back_over_many_events() -> None:
    months = " ".join(
        f"Im {month} {what}."
        for month, what in [
            ("Mai", "marschierten die Truppen nach Norden"), ("Juni", "zogen sie weiter"),
            ("Juli", "erreichten sie den Fluss"), ("August", "bauten sie eine Brücke"),
            ("September", "überquerten sie den Fluss"), ("Oktober", "trafen sie auf den Feind"),
            ("November", "kämpften sie"), ("Dezember", "rasteten sie"),
        ]
    )  # fmt: skip
    timeline = build_timeline(f"{SUMTER}{months} Der Angriff misslang.")
    (sumter,) = _told(timeline, "Fort Sumter")
    assert len(sumter.mentions) == 1


def test_a_definite_noun_refers_to_the_last_event_of_its_kind() -> None:
    timeline = build_timeline(
        SUMTER + "Am 3. Mai 1862 begann der Angriff auf Richmond. Der Angriff misslang."
    )
    (failed,) = _told(timeline, "Der Angriff misslang")
    assert failed.time.edtf == "1862-05-03"


def test_two_verbs_of_one_sentence_with_its_date_are_two_happenings() -> None:
    timeline = build_timeline(
        "Am 12. Dezember 1963 wurde Kenia unabhängig und Kenyatta wurde der erste Präsident.",
        recognizer=lambda document: [],
    )
    assert len(timeline.events) == 2


def test_a_stated_day_joins_a_repeat_a_stated_year_alone_does_not() -> None:
    timeline = build_timeline(
        "1905 wurde Norwegen ein selbständiges Königreich. 1905 wurde Michelsen "
        "Ministerpräsident. Am 3. Mai 1906 wurde Amundsen Präsident. Der König reiste ab. "
        "Am 3. Mai 1906 wurde er Präsident.",
        recognizer=lambda document: [],
    )
    became = [e for e in timeline.events if e.trigger.lemma == "werden"]
    assert [(e.time.edtf, len(e.mentions)) for e in became] == [
        ("1905", 1),
        ("1905", 1),
        ("1906-05-03", 2),
    ]


def test_a_date_of_a_later_coordinated_main_clause_does_not_date_the_clause_before() -> None:
    text = (
        "1443-1468 führte Skanderbeg den Abwehrkampf gegen die Türken. Nach seinem Tod "
        "unterlagen die Albaner, und vom Ende des 15. Jahrhunderts an war das Land osmanisch."
    )
    times = {e.trigger.lemma: e.time for e in build(text).events}
    assert times["unterliegen"].source is TimeSource.NARRATIVE
    assert times["unterliegen"].edtf == "1468"
    # a date set after its clause by a comma alone is still the sentence's
    told = build("Gut gesichert ist das Jahr seines Todes, 399 v. Chr.").events
    assert [e.time.edtf for e in told] == ["-0398"]


def test_a_date_open_after_it_is_closed_by_the_story() -> None:
    text = (
        "Faisal erklärte sich im März 1920 zum König, wurde aber wenig später von den "
        "Franzosen vertrieben."
    )
    times = {e.trigger.lemma: e.time for e in build(text).events}
    assert times["vertreiben"].edtf == "1920-04/1920"  # within the year of the month told
    told = "Nach 1953 zogen viele fort. Im Jahr 1960 kam er zurück."
    times = {e.trigger.lemma: e.time for e in build(told).events}
    assert times["fortziehen"].edtf == "1954/1960"  # up to the next date told


def test_a_sentence_after_a_colon_is_at_the_time_of_the_sentence_it_elaborates() -> None:
    text = (
        "Im Jahr 2006 kam der iPod nano.\nAm 5. September 2007 wurde die iPod-Linie "
        "aktualisiert:\nDer iPod touch wurde vorgestellt.\nAm 9. November 2007 kam das iPhone."
    )
    times = {e.trigger.lemma: e.time for e in build(text).events}
    assert times["vorstellen"].edtf == "2007-09-05"  # not from that day to the next date


def test_an_event_before_a_date_that_goes_back_in_time_stays_at_the_story_date() -> None:
    text = (
        "Am 4. März 1933 sollte abgestimmt werden. Da jedoch alle drei Präsidenten "
        "zurücktraten, war das Parlament beschlussunfähig.\n\nDas Recht war einst durch ein "
        "Gesetz aus dem Jahre 1917 etabliert worden."
    )
    times = {e.trigger.lemma: e.time.edtf for e in build(text).events}
    assert times["zurücktreten"] == "1933-03-04/1933"  # not "before 1917"


def test_years_in_parentheses_after_a_persons_name_are_a_life_not_the_events_date() -> None:
    text = (
        "Salvestro wurde 1382 verbannt. Mit seinem Neffen Giovanni di Bicci de' Medici "
        "(1360-1429) begann der Aufstieg der Familie. Das Konzil setzte 1415 den Papst ab."
    )
    times = {e.trigger.lemma: e.time for e in build_timeline(text).events}  # with its people
    assert times["beginnen"].source is TimeSource.NARRATIVE
    assert times["beginnen"].edtf == "1382"  # the story's year, not "1360/1429"


def test_years_in_parentheses_after_unter_and_a_person_are_a_term_of_office() -> None:
    text = (
        "Am 3. September 1944 wurde Lyon befreit.\n\nUnter dem langjährigen Bürgermeister "
        "Louis Pradel (1957-1976) kam es zu Modernisierungen der Infrastruktur."
    )
    times = {e.trigger.lemma: e.time.edtf for e in build_timeline(text).events}
    assert times["kommen"] == "1957/1976"  # the term, not after 1944


def test_an_undated_noun_after_nach_happened_before_the_clauses_event() -> None:
    text = (
        "Im Jahr 982 zog das Heer nach Süden. Nach der Niederlage des Heeres starb "
        "Otto II. am 7. Dezember 983."
    )
    times = {e.trigger.lemma: e.time for e in build(text).events}
    assert times["sterben"].edtf == "0983-12-07"
    assert times["Niederlage"].source is TimeSource.NARRATIVE
    assert times["Niederlage"].edtf == "0983/0983-12-07"  # up to the day of the death


def test_an_anniversary_dates_its_event_that_many_years_before_the_celebration() -> None:
    text = (
        "Am 27. September 2004 feierte die Regierung von Uttar Pradesh den 350. "
        "Jahrestag der Vollendung des Grabmals."
    )
    times = {e.trigger.lemma: e.time.edtf for e in build_timeline(text).events}
    assert times["Vollendung"] == "1654"  # 2004 less 350 years, not the celebration
    assert times["feiern"] == "2004-09-27"


def test_an_anniversary_keeps_the_date_its_event_names() -> None:
    text = (
        "Im Oktober 2006 überschatteten Ausschreitungen die Feiern zum 50. Jahrestag "
        "des Volksaufstands von 1956."
    )
    times = {e.trigger.lemma: e.time.edtf for e in build_timeline(text).events}
    assert times["Volksaufstand"] == "1956"


def test_two_dates_with_a_place_between_share_the_verb() -> None:
    text = (
        "Die Römer konnten die Teutonen 102 v. Chr. bei Aix-en-Provence und 101 v. Chr. "
        "die Kimbern bei Vercellae abwehren."
    )
    times = sorted(e.time.edtf or "" for e in build_timeline(text).events)
    assert times == ["-0100", "-0101"]  # told at each of the two years


def test_a_heading_ends_the_date_before_it_when_its_section_moves_on() -> None:
    text = (
        "101 v. Chr. wurden die Kimbern besiegt.\n\n=== Caesar und die Helvetier\n\n"
        "Die Eroberung Galliens beendete die Unabhängigkeit der Helvetier.\n"
        "Caesar schlug die Helvetier 58 v. Chr. bei Bibracte."
    )
    times = {e.trigger.lemma: e.time for e in build_timeline(text).events}
    assert times["Eroberung"].bounds.latest_end == Day(-57, 12, 31)  # by the section's date
    assert times["Eroberung"].bounds.earliest_begin is None  # not 101 BC any more


def test_a_heading_keeps_the_date_before_it_when_its_section_goes_back() -> None:
    text = (
        "Die Mumie wurde 1991 gefunden.\n\n=== Grenzverlauf\n\n"
        "Beide Staaten erhoben Anspruch auf den Fund.\nDie Grenze wurde 1919 gezogen."
    )
    times = {e.trigger.lemma: e.time.edtf for e in build_timeline(text).events}
    assert times["erheben"] == "1991"

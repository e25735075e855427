"""Events a clause tells beyond its heads (``chronist.events.listed``)."""

from __future__ import annotations

from chronist.timeline import build_timeline


def no_entities(document: object) -> list[object]:
    return []


def test_listed_names_take_their_own_dates() -> None:
    text = (
        "Als Soldat nahm er an den Schlachten von Leipzig 1813 und Waterloo 1815 teil, "
        "danach kehrte er heim."
    )
    timeline = build_timeline(text, recognizer=no_entities)
    dated = {e.label: e.time.edtf for e in timeline.events if e.trigger.lemma == "Schlacht"}
    assert dated == {"Schlachten von Leipzig": "1813", "Schlachten von Waterloo": "1815"}


def test_a_list_without_dates_is_one_event() -> None:
    text = "Er nahm an den Schlachten von Leipzig und Waterloo teil."
    timeline = build_timeline(text, recognizer=no_entities)
    assert [e.trigger.lemma for e in timeline.events].count("Schlacht") <= 1


def test_a_past_verb_of_use_carries_out_its_goal() -> None:
    text = "Im 12. Jahrhundert nutzten die Grafen die günstige Lage zum Bau einer Burg."
    timeline = build_timeline(text, recognizer=no_entities)
    assert [e.label for e in timeline.events] == ["Bau einer Burg"]

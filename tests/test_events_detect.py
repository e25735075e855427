"""Event mentions: triggers in clauses, modality, labels, participants and places."""

from __future__ import annotations

import pytest

from chronist.entities.types import Entity, EntityType, Mention
from chronist.events.detect import EventMention, detect_events
from chronist.timeline.model import Modality, Role


def lemmas(text: str) -> list[str]:
    return [m.trigger.lemma for m in detect_events(text)]


def only(text: str, **options: object) -> EventMention:
    (mention,) = detect_events(text, **options)  # type: ignore[arg-type]
    return mention


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Truman rief den UN-Sicherheitsrat an.", ["anrufen"]),
        ("Ohne abzuwarten, rief Truman den Rat an, der tagte.", ["anrufen"]),
        ("Truman lehnte MacArthurs Pläne ab, und er ging.", ["ablehnen"]),
        ("Der Präsident, der den Rat anrief, schwieg.", ["anrufen"]),
        ("Nordkorea überrannte den Südteil Koreas.", ["überrennen"]),
        ("Bradley machte die Gründe einen Monat später deutlich.", ["deutlich machen"]),
        ("Die Erlaubnis, militärisch einzugreifen, folgte zwei Tage später.", ["Erlaubnis"]),
        ("Erst am 27. Juli 1953 schwiegen auch die Waffen.", ["schweigen"]),
        ("Die Vögel schwiegen.", []),  # "schweigen" is an event only with "Waffen"
        # a capitalised noun, not "verbünden"; the unlisted "zogen ... ab" is found by its form
        ("Die westlichen Verbündeten zogen ab.", ["abziehen"]),
        ("Die besetzten Gebiete lagen im Norden.", []),  # an adjective, not an event
        ("Douglas MacArthur forderte den Einsatz von Nuklearwaffen.", ["fordern"]),
    ],
)
def test_triggers(text: str, expected: list[str]) -> None:
    assert lemmas(text) == expected


def test_separable_trigger_text_and_particle() -> None:
    text = "Ohne den Beschluss abzuwarten, rief Truman den UN-Sicherheitsrat an."
    mention = only(text)
    assert mention.trigger.text == "rief ... an"
    assert mention.trigger.particle_start == text.rindex("an.")
    assert mention.label == "rief Truman den UN-Sicherheitsrat an"


def test_noun_with_its_own_date_is_its_own_event() -> None:
    text = "Im Juli 1951 begannen Gespräche, die bis zum Tod Stalins im März 1953 stockten."
    dates = [(text.index("Juli 1951"), text.index("Juli 1951") + 9)]
    dates.append((text.index("März 1953"), text.index("März 1953") + 9))
    found = detect_events(text, dates=dates)
    # the talks began (a light verb with no event noun in its clause), Stalin died
    assert [m.trigger.lemma for m in found] == ["beginnen", "Tod"]
    assert found[1].own_date == dates[1] and found[1].label == "Tod Stalins"


def test_relative_clause_lends_its_clause_to_the_event_noun() -> None:
    text = "Die Amerikaner begannen einen Bombenkrieg, der die Halbinsel bis 1953 verwüstete."
    mention = only(text)
    assert mention.trigger.lemma == "Bombenkrieg"
    assert mention.clause[1] == len(text)  # the relative clause belongs to it


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Falls sie angegriffen werden würden, gäbe es Streit.", Modality.CONDITIONAL),
        ("Ein Atomschlag würde die USA in den Krieg ziehen.", Modality.HYPOTHETICAL),
        ("Es soll Massaker an Zivilisten gegeben haben.", Modality.REPORTED),
        ("So sein Plan: Nun solle das Land verseucht werden.", Modality.PLANNED),
        ("Kein Atomwaffeneinsatz in kleinen Kriegen.", Modality.NEGATED),
        ("Diese Lage hat einen neuen Koreakrieg verhindert.", Modality.NEGATED),
        ("Truman lehnte die Pläne ab.", Modality.ASSERTED),
        # a purpose after ", damit" is not what happened
        (
            "Er versteckte die Gefangenen, damit sie nach Norden flüchten konnten.",
            Modality.HYPOTHETICAL,
        ),
        ("Er wurde begnadigt, kehrte aber nicht nach Rom zurück.", Modality.NEGATED),
        ("Er versprach, dass er die Stadt angreifen würde.", Modality.HYPOTHETICAL),
    ],
)
def test_modality(text: str, modality: Modality) -> None:
    assert detect_events(text)[-1].modality is modality


def test_opinion_clause_is_not_a_fact() -> None:
    text = "Es hält sich die Auffassung, dass damit die Wiedervereinigung vergeben wurde."
    assert only(text).modality is Modality.HYPOTHETICAL


def test_comparison_clause_has_no_events() -> None:
    assert lemmas("Er reagierte, so wie während der Blockade Berlins.") == ["reagieren"]


def test_list_items_are_sentences_of_their_own() -> None:
    text = (
        "Kriege:\n * 1920 Anhwei-Krieg: Chili besiegen Anhwei\n"
        " * 1922 Fengtian-Krieg: Chili besiegt Fengtian"
    )
    found = [m for m in detect_events(text) if m.trigger.lemma == "besiegen"]
    assert len(found) == 2 and found[0].sentence != found[1].sentence
    assert text[slice(*found[1].sentence)].startswith(" * 1922")


def _entity(text: str, name: str, kind: EntityType, lat: float | None = None) -> Entity:
    start = text.index(name)
    mention = Mention(name, start, start + len(name))
    return Entity(name, kind, start, start + len(name), (mention,), lat, lat, None, lat is not None)


def test_participants_roles_and_place() -> None:
    text = "Am 11. April 1951 setzte Truman MacArthur ab. Die Truppen landeten bei Incheon."
    entities = [
        _entity(text, "Truman", EntityType.PER),
        _entity(text, "MacArthur", EntityType.PER),
        _entity(text, "Incheon", EntityType.LOC, 37.45),
    ]
    dismissal, landing = detect_events(text, entities=entities)
    assert [(p.text, p.role) for p in dismissal.participants] == [
        ("Truman", Role.AGENT),
        ("MacArthur", Role.PARTICIPANT),
    ]
    assert landing.place is not None and landing.place.text == "Incheon"
    assert landing.place.lat == 37.45 and landing.place.entity == 2


def test_passive_agent_and_patient() -> None:
    text = "Moskau wurde von Napoleon besetzt."
    entities = [_entity(text, "Moskau", EntityType.LOC), _entity(text, "Napoleon", EntityType.PER)]
    (mention,) = detect_events(text, entities=entities)
    roles = {p.text: p.role for p in mention.participants}
    assert roles == {"Moskau": Role.PATIENT, "Napoleon": Role.AGENT}


def test_genitive_roles_follow_the_noun() -> None:
    text = "Die Hilfe Maos kam spät. Der Tod Stalins im März 1953 änderte alles."
    entities = [_entity(text, "Maos", EntityType.PER), _entity(text, "Stalins", EntityType.PER)]
    roles = {p.text: p.role for m in detect_events(text, entities=entities) for p in m.participants}
    assert roles == {"Maos": Role.AGENT, "Stalins": Role.PATIENT}


# Clause structure beyond the trigger list (issue 12): passive, reflexive,
# modal perfect, separable and unlisted verbs found from their forms.
@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Die Brücke wurde am Abend des 4. Mai für den Verkehr geöffnet.", "öffnen"),
        ("Am 12. Oktober musste sich die Festung ergeben.", "ergeben"),
        ("Die Alemannen besiedelten das Gebiet um Brigantium.", "besiedeln"),
        ("Um 900 v. Chr. wanderten Kelten in das Land ein.", "einwandern"),
        ("Die Vorschriften wurden unter Hammurapi erlassen.", "erlassen"),
        ("Die Grundsteinlegung erfolgte 1250.", "Grundsteinlegung"),
    ],
)
def test_events_from_clause_structure(text: str, lemma: str) -> None:
    assert lemmas(text) == [lemma]


@pytest.mark.parametrize(
    "text",
    [
        "Die Stadt liegt am Rhein.",  # a state
        "Die verschiedenen Reiche lagen im Norden.",  # an attributive participle
        "Die Siedlung gehörte zum Reich.",  # a state verb
    ],
)
def test_no_event_from_states(text: str) -> None:
    assert lemmas(text) == []


@pytest.mark.parametrize(
    ("text", "label", "modality"),
    [
        ("Hitler scheiterte mit dem Putsch.", "Putsch scheiterte", Modality.ASSERTED),
        ("Erwartet wurde ein Angriff.", "Erwartet wurde ein Angriff", Modality.HYPOTHETICAL),
        ("Der Angriff wurde verhindert.", "Der Angriff wurde verhindert", Modality.NEGATED),
    ],
)
def test_modality_of_attempts_and_expectations(text: str, label: str, modality: Modality) -> None:
    mention = only(text)
    assert (mention.label, mention.modality) == (label, modality)


def test_labels_are_never_cut_or_lone_generic_nouns() -> None:
    from chronist.evaluation.events import bad_label

    text = (
        "Im Jahr 1914 begann der Krieg. Der Krieg war lang. Die Armee zog sich in der Nacht "
        "nach schweren Kämpfen mit großen Verlusten über den Fluss bis hinter die Stadt zurück."
    )
    labels = [m.label for m in detect_events(text)]
    assert labels and not any(bad_label(x) or len(x) > 60 for x in labels), labels


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("1963 wurde Kenia unabhängig.", "werden"),  # a change of state, not a passive
        ("Im 14. Jahrhundert kamen auch die Juden.", "kommen"),
        ("1961 folgte ihm sein Sohn.", "folgen"),
    ],
)
def test_light_verb_without_event_noun_is_the_event(text: str, lemma: str) -> None:
    assert lemmas(text) == [lemma]


def test_light_verb_without_anything_named_is_no_event() -> None:
    assert lemmas("Danach kam es.") == []


def test_deverbal_noun_with_its_own_date_is_an_event() -> None:
    text = "Die Christianisierung des Landes 1250 veränderte die Dörfer."
    dates = [(text.index("1250"), text.index("1250") + 4)]
    assert [m.trigger.lemma for m in detect_events(text, dates=dates)] == ["Christianisierung"]
    # without a date of its own it is no event; the clause's verb is
    assert lemmas("Die Christianisierung des Landes veränderte die Dörfer.") == ["verändern"]


def test_background_clause_after_a_conjunction() -> None:
    from chronist.text.clauses import SegmentKind

    text = "Die Wirtschaft wuchs, und da man einen Krieg befürchtete, rüstete man auf."
    kinds = {m.trigger.lemma: m.kind for m in detect_events(text)}
    assert kinds.get("befürchten") in (None, SegmentKind.BACKGROUND)


def test_a_noun_alone_in_its_clause_takes_its_sentence_for_a_label() -> None:
    from chronist.evaluation.events import bad_label

    text = "Die Erlaubnis, militärisch einzugreifen, folgte zwei Tage später."
    (mention,) = detect_events(text)
    assert mention.trigger.lemma == "Erlaubnis" and not bad_label(mention.label)
    assert mention.label.startswith("Die Erlaubnis") and "folgte" in mention.label


def test_a_verb_framed_by_a_dated_noun_is_labelled_without_the_frame() -> None:
    text = "Mit der Teilung des Reiches 395 kam das Land unter byzantinische Herrschaft."
    found = detect_events(text, dates=[(text.index("395"), text.index("395") + 3)])
    assert [(m.trigger.lemma, m.label) for m in found] == [
        ("Teilung", "Teilung des Reiches"),
        ("kommen", "kam das Land unter byzantinische Herrschaft"),
    ]


def test_a_clause_interrupted_by_a_parenthesis_is_one_clause_and_the_parenthesis_its_own() -> None:
    text = (
        "Truman rief den Rat an, der (weil die UdSSR das Gremium boykottierte) "
        "noch am selben Tag ein Mandat erteilte."
    )
    labels = {m.trigger.lemma: m.label for m in detect_events(text)}
    assert labels["boykottieren"] == "weil die UdSSR das Gremium boykottierte"
    assert "boykottierte" not in labels["Mandat"]


def test_a_list_of_names_between_commas_stays_in_its_clause() -> None:
    from chronist.text.clauses import clause_facts, resumed, segments
    from chronist.text.tokens import tokenize

    text = "Dann wurden die Provinzen Masuren, Oberschlesien, Pommern und Danzig gegründet."
    tokens = tokenize(text)
    facts = clause_facts("de")
    pieces, aside = resumed(tokens, segments(tokens, facts), facts)
    assert [(p.first, p.last) for p in pieces] == [(0, len(tokens))]
    assert not aside
    # "wurden" alone in the first piece is no change of state: one event, the founding
    assert [m.trigger.lemma for m in detect_events(text)] == ["gründen"]


def test_a_clause_after_a_list_item_with_a_subject_is_its_own() -> None:
    from chronist.text.clauses import clause_facts, resumed, segments
    from chronist.text.tokens import tokenize

    text = "Er besuchte Masuren, Pommern und Danzig, die Truppen zogen ab."
    tokens = tokenize(text)
    facts = clause_facts("de")
    pieces, _ = resumed(tokens, segments(tokens, facts), facts)
    assert len(pieces) > 1

"""What the tagger says about missing context (issue 11), and the extents it writes."""

import pytest

from chronist.errors import OptionError
from chronist.temporal.tagger import tag, tagging


def test_news_without_dct_gets_one_note() -> None:
    started = tagging("Die Regierung beschloss am Mittwoch ein Paket.", kind="news")
    assert len(started.notes) == 1
    assert "--dct" in started.notes[0]


def test_news_with_dct_and_narrative_get_none() -> None:
    assert tagging("Am Mittwoch tagte der Rat.", kind="news", dct="2024-03-15").notes == ()
    assert tagging("Am 3. März 1705 begann die Belagerung.", kind="narrative").notes == ()


def test_auto_kind_notes_a_text_that_reads_like_news_without_dct() -> None:
    news = "Gestern sprach der Minister in Bozen. Am Mittwoch soll der Landtag beraten."
    started = tagging(news)
    assert started.kind == "narrative" and len(started.notes) == 1
    assert "--dct" in started.notes[0] and "reads like news" in started.notes[0]
    english = tagging("The minister spoke yesterday. Talks resume on Wednesday.", lang="en")
    assert len(english.notes) == 1
    # negative: given a DCT, or told it is a story, nothing to say
    assert tagging(news, dct="2016-01-12").notes == ()
    assert tagging(news, kind="narrative").notes == ()
    # negative: a history's "heute" and a weekday beside its date are no time of writing
    story = (
        "Am 25. Juni 1950 griff Nordkorea an. Am Montag darauf, dem 26. Juni, tagte der "
        "Sicherheitsrat. Bis heute ist Korea geteilt."
    )
    assert tagging(story).notes == ()


def test_damals_is_past_ref_and_its_anchor_the_time_it_points_to() -> None:
    text = "Erst 1969 konnte Südkorea, damals selbst eine Diktatur, den Norden überholen."
    damals = tag(text, kind="narrative")[1]
    assert (damals.text, damals.value) == ("damals", "PAST_REF")
    assert damals.anchor.value == "1969"  # what the timeline uses
    # negative: "heute" of a story is the present, not the story's time
    assert tag("1950 begann der Krieg. Heute ist Korea geteilt.")[1].value == "PRESENT_REF"


def test_timex2_leaves_out_a_demonstrative_time() -> None:
    text = "1991 begann der Krieg. Zu diesem Zeitpunkt war die Stadt leer."
    assert [(t.text, t.value) for t in tag(text)] == [
        ("1991", "1991"),
        ("diesem Zeitpunkt", "1991"),
    ]
    # WikiWarsDE marks none of them; negative: the year stays
    assert [t.text for t in tag(text, extents="timex2")] == ["1991"]


def test_extents_follow_the_standard_timeml_takes_the_article_timex2_not() -> None:
    text = "Der 8. Mai 1945 war ein Dienstag. In den folgenden Jahren wuchs die Stadt."
    assert [t.text for t in tag(text)] == ["Der 8. Mai 1945", "den folgenden Jahren"]
    timex2 = tag(text, extents="timex2")
    assert [t.text for t in timex2] == ["8. Mai 1945", "folgenden Jahren"]
    assert [t.value for t in timex2] == [t.value for t in tag(text)]
    # negative: a bare year leaves the article to its noun in both ("der 1950 gegründete")
    assert [t.text for t in tag("der 1950 gegründete Verein")] == ["1950"]


def test_timex2_keeps_the_preposition_of_in_zukunft_timeml_not() -> None:
    text = "1941 beschloss er, in Zukunft keine Angriffe zu fliegen. Die Zukunft war offen."
    assert [t.text for t in tag(text)] == ["1941", "Zukunft", "Die Zukunft"]
    timex2 = tag(text, extents="timex2")
    assert [t.text for t in timex2] == ["1941", "in Zukunft", "Zukunft"]
    assert [t.value for t in timex2] == ["1941", "FUTURE_REF", "FUTURE_REF"]


def test_unknown_extents_is_an_option_error() -> None:
    with pytest.raises(OptionError):
        tag("Am 3. März 1705", extents="timex3")


def test_timex2_leaves_out_what_it_does_not_mark() -> None:
    text = "Im Mai 1940 war der damalige Kanzler in Paris. Damals regnete es. Heute ist es trocken."
    assert [t.text for t in tag(text, kind="narrative")] == [
        "Mai 1940",
        "damalige",
        "Damals",
        "Heute",
    ]
    # negative: "heute" is marked in TIMEX2 too
    assert [t.text for t in tag(text, kind="narrative", extents="timex2")] == ["Mai 1940", "Heute"]


def test_fractions_follow_the_standard() -> None:
    text = "Er wartete eine halbe Stunde. Der Krieg dauerte anderthalb Jahre. Er blieb drei Tage."
    assert [t.value for t in tag(text)] == ["PT0.5H", "P1.5Y", "P3D"]  # KRAUTS: P0.5Y
    # WikiWarsDE: the next smaller unit; negative: a whole number stays as it is
    assert [t.value for t in tag(text, extents="timex2")] == ["PT30M", "P1Y6M", "P3D"]


def test_hours_keep_their_unit_in_timeml() -> None:
    text = "Der Streik dauerte 48 Stunden. Er wartete 25 Stunden."
    assert [t.value for t in tag(text)] == ["PT48H", "PT25H"]  # news_de, TimeBank: PT24H
    # WikiWarsDE: whole days as days; negative: 25 hours are no whole days
    assert [t.value for t in tag(text, extents="timex2")] == ["P2D", "PT25H"]


def test_a_time_zone_is_in_the_extent_its_offset_in_timex2_only() -> None:
    text = "Ab 23 Uhr MESZ ruht der Verkehr."
    found = tag(text, kind="news", dct="2016-04-06")
    assert [(t.text, t.value) for t in found] == [("23 Uhr MESZ", "2016-04-06T23:00")]
    timex2 = tag(text, kind="news", dct="2016-04-06", extents="timex2")
    assert [t.value for t in timex2] == ["2016-04-06T23:00+02"]


def test_timex2_writes_a_vague_step_as_a_reference() -> None:
    text = "Am 7. März 1705 begann die Belagerung. Wenige Tage später fiel die Festung."
    assert [t.value for t in tag(text, kind="narrative")] == ["1705-03-07", "1705-03-07"]
    # WikiWarsDE: FUTURE_REF; negative: the date itself is unchanged
    timex2 = tag(text, kind="narrative", extents="timex2")
    assert [t.value for t in timex2] == ["1705-03-07", "FUTURE_REF"]


def test_timeml_keeps_the_word_saying_how_exact_a_length_is() -> None:
    text = "Der Verein besteht seit gut 15 Jahren. Das Jahrhundert besteht aus genau 100 Jahren."
    assert [t.text for t in tag(text)] == ["gut 15 Jahren", "genau 100 Jahren"]
    assert [t.text for t in tag(text, extents="timex2")] == ["15 Jahren", "100 Jahren"]
    # negative: a pronoun before it stays out ("die über 40 Jahre die einzige Brücke war")
    assert [t.text for t in tag("Sie bauten die Brücke, die über 40 Jahre hielt.")] == [
        "über 40 Jahre"
    ]
    # negative: before a date the word is not taken ("über Weihnachten" is no length)
    assert [t.text for t in tag("Er blieb über Weihnachten 1950 in Rom.")] == ["Weihnachten 1950"]
